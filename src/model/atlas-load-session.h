/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the model: the state of one load (one or more files into a
 * new store) shared by the GeoJSON reader, the feature reader and the
 * loader — the store being filled, the diagnostics, cancellation and
 * progress. Runs on one thread.
 */

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* The most diagnostics one load keeps; the rest are only counted. */
#define ATLAS_MAX_DIAGNOSTICS 10000

/* No byte offset known for a problem. */
#define ATLAS_NO_OFFSET G_MAXSIZE

typedef void (*AtlasProgressFunc) (double   fraction,
                                   gpointer user_data);

typedef struct _AtlasLoadSession AtlasLoadSession;

struct _AtlasLoadSession {
  AtlasStore        *store;
  GPtrArray         *file_names;
  GListStore        *diagnostics;       /* AtlasDiagnostic */
  guint              n_errors;
  guint              n_warnings;
  guint              n_suppressed;
  GCancellable      *cancellable;
  AtlasProgressFunc  progress;
  gpointer           progress_data;
  guint64            bytes_total;
  guint64            bytes_done;        /* in files already read */
  double             last_fraction;

  /* The file being read. */
  guint              file_index;
  const char        *text;
  gsize              text_len;
  gboolean           text_mapped;       /* a file mapping: pages can be dropped */
  gsize              text_released;
  GArray            *pending;           /* problems waiting for line/column */

  /* The feature being read. */
  gint               feature_index;
  GArray            *feature_problems;
  guint              feature_errors;
};

AtlasLoadSession *atlas_load_session_new        (GCancellable     *cancellable,
                                                 AtlasProgressFunc progress,
                                                 gpointer          progress_data);
void              atlas_load_session_free       (AtlasLoadSession *session);
guint             atlas_load_session_add_file   (AtlasLoadSession *session,
                                                 const char       *name);
const char       *atlas_load_session_get_file_name (AtlasLoadSession *session,
                                                 guint             file_index);

/* Problems in the current file are kept until atlas_load_session_end_text()
 * can turn their byte offsets into lines and columns. */
void              atlas_load_session_begin_text (AtlasLoadSession *session,
                                                 guint             file_index,
                                                 const char       *text,
                                                 gsize             length,
                                                 gboolean          mapped);
void              atlas_load_session_end_text   (AtlasLoadSession *session);
/* Gives back the memory of a mapped text before @offset, which the reader
 * is done with, so a large file does not stay resident as a whole (the
 * pages come back from the page cache if read again). */
void              atlas_load_session_release_text (AtlasLoadSession *session,
                                                 gsize             offset);
/* Reports progress through the current text (rate-limited). */
void              atlas_load_session_progress   (AtlasLoadSession *session,
                                                 gsize             offset);

/* A file-level problem in the current file (or a file that could not be
 * read at all: then @offset is ATLAS_NO_OFFSET). */
void              atlas_load_session_file_problem (AtlasLoadSession *session,
                                                 guint             file_index,
                                                 AtlasSeverity     severity,
                                                 gsize             offset,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (5, 6);

/* Problems of one feature are collected until its id is known. */
void              atlas_load_session_feature_begin (AtlasLoadSession *session,
                                                 guint             feature_index);
void              atlas_load_session_feature_problem (AtlasLoadSession *session,
                                                 AtlasSeverity     severity,
                                                 gsize             offset,
                                                 const char       *path,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (5, 6);
gboolean          atlas_load_session_feature_failed (AtlasLoadSession *session);
/* @id is the raw "id" value when it is a string, else NULL. */
void              atlas_load_session_feature_end (AtlasLoadSession *session,
                                                 const char       *id);

/* A problem found after all files were read (references between features). */
void              atlas_load_session_late_problem (AtlasLoadSession *session,
                                                 const AtlasRecord *record,
                                                 const char       *path,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (4, 5);

/* Adds the "N more problems" line when diagnostics were dropped. */
void              atlas_load_session_finish_diagnostics (AtlasLoadSession *session);

/* A JSON-quoted copy of @len bytes of @text for messages, shortened when
 * long, with control characters escaped. */
char             *atlas_quote                   (const char       *text,
                                                 gsize             len);

G_END_DECLS
