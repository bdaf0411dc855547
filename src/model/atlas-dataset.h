/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-feature.h"
#include "atlas-geometry.h"
#include "atlas-model-types.h"
#include "atlas-time-index.h"

G_BEGIN_DECLS

/*
 * AtlasDataset:
 * An immutable set of features loaded from one or more files (see
 * AtlasLoader and docs/data-format.md). A new load gives a new dataset;
 * nothing ever changes an existing one, so it may be read from any thread.
 *
 * Each kind of feature has a GListModel of AtlasFeature subclasses
 * (AtlasEvent, AtlasZone, AtlasDeployment, AtlasPlace), sorted by start day
 * and then id. Feature objects are created on first access; hot paths use
 * atlas_dataset_get_arrays() and atlas_dataset_get_geometry() instead,
 * which give plain arrays indexed by the same list positions.
 */

#define ATLAS_DATASET_ERROR (atlas_dataset_error_quark ())

/* File-level problems: the file is not loaded at all. */
typedef enum {
  ATLAS_DATASET_ERROR_READ,                    /* cannot be read (missing, permissions, I/O) */
  ATLAS_DATASET_ERROR_TOO_LARGE,               /* larger than ATLAS_MAX_FILE_SIZE */
  ATLAS_DATASET_ERROR_ENCODING,                /* not UTF-8 (a UTF-16 byte order mark) */
  ATLAS_DATASET_ERROR_SYNTAX,                  /* not JSON: syntax, invalid UTF-8, empty */
  ATLAS_DATASET_ERROR_TOO_DEEP,                /* nested deeper than ATLAS_MAX_DEPTH */
  ATLAS_DATASET_ERROR_STRING_TOO_LONG,         /* a string longer than ATLAS_MAX_STRING_LENGTH */
  ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,  /* JSON, but not a FeatureCollection */
} AtlasDatasetError;

/* Limits against hostile input (documented in docs/data-format.md). */
#define ATLAS_MAX_FILE_SIZE       ((goffset) 1 << 30)      /* bytes */
#define ATLAS_MAX_DEPTH           32                       /* nested arrays and objects */
#define ATLAS_MAX_STRING_LENGTH   ((gsize) 1 << 20)        /* bytes in one string */
#define ATLAS_MAX_POSITIONS       1000000                  /* positions in one geometry */
#define ATLAS_MAX_PROPERTY_NODES  100000                   /* JSON values in one "properties" */
#define ATLAS_MAX_PROPERTY_BYTES  ((gsize) 16 << 20)       /* text in one "properties" */

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

GQuark                    atlas_dataset_error_quark        (void);

/* An empty dataset (what the app shows before anything is loaded). */
AtlasDataset             *atlas_dataset_new                (void);
/* Synchronous conveniences for the CLI and tests; see AtlasLoader for
 * asynchronous loading with progress. @name is used in diagnostics. */
AtlasDataset             *atlas_dataset_new_from_bytes     (GBytes            *bytes,
                                                            const char        *name,
                                                            GError           **error);
AtlasDataset             *atlas_dataset_new_from_file      (GFile             *file,
                                                            GCancellable      *cancellable,
                                                            GError           **error);

/* (transfer none) The features of @kind, a GListModel of AtlasFeature. */
GListModel               *atlas_dataset_get_features       (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind);
guint                     atlas_dataset_get_n_features     (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind);
/* (transfer full) The feature at @position of @kind's list. */
AtlasFeature             *atlas_dataset_get_feature        (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind,
                                                            guint              position);
/* (transfer full) (nullable) The feature with this id, of any kind. */
AtlasFeature             *atlas_dataset_lookup             (AtlasDataset      *self,
                                                            const char        *id);
/* Kind and list position of the feature with this id, without an object. */
gboolean                  atlas_dataset_find               (AtlasDataset      *self,
                                                            const char        *id,
                                                            AtlasFeatureKind  *kind,
                                                            guint             *position);

/* Plain arrays for drawing; valid as long as the dataset lives. */
const AtlasFeatureArrays *atlas_dataset_get_arrays         (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind);
/* Fills @geometry (a view, see atlas-geometry.h); FALSE for null geometry. */
gboolean                  atlas_dataset_get_geometry       (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind,
                                                            guint              position,
                                                            AtlasGeometry     *geometry);
/* (transfer none) The category names; entry 0 is NULL ("no category"). */
const char * const       *atlas_dataset_get_categories     (AtlasDataset      *self,
                                                            guint             *n_categories);

/* (transfer none) The time index of @kind (positions of its list). */
AtlasTimeIndex           *atlas_dataset_get_time_index     (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind);
/* Appends to @positions (GArray of guint) the list positions of @kind's
 * features active on @day (start <= day < end), in list order. */
void                      atlas_dataset_query_active       (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind,
                                                            gint32             day,
                                                            GArray            *positions);
/* The same for features meeting [from, to). */
void                      atlas_dataset_query_overlapping  (AtlasDataset      *self,
                                                            AtlasFeatureKind   kind,
                                                            gint32             from,
                                                            gint32             to,
                                                            GArray            *positions);
/* Change points are the days on which some feature starts or ends, over
 * all kinds (open ends and places without start excluded). */
const gint32             *atlas_dataset_get_change_points  (AtlasDataset      *self,
                                                            guint             *n_points);
/* The first change point after @day / the last one before @day. */
gboolean                  atlas_dataset_next_change        (AtlasDataset      *self,
                                                            gint32             day,
                                                            gint32            *next);
gboolean                  atlas_dataset_previous_change    (AtlasDataset      *self,
                                                            gint32             day,
                                                            gint32            *previous);
/* First and last change point; FALSE when the dataset has none. */
gboolean                  atlas_dataset_get_time_range     (AtlasDataset      *self,
                                                            gint32            *first_day,
                                                            gint32            *last_day);

/* (transfer none) What the load reported: a GListModel of AtlasDiagnostic. */
GListModel               *atlas_dataset_get_diagnostics    (AtlasDataset      *self);
guint                     atlas_dataset_get_n_errors       (AtlasDataset      *self);
guint                     atlas_dataset_get_n_warnings     (AtlasDataset      *self);

G_END_DECLS
