/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the model: the compact storage behind a dataset. The loader
 * fills a store, atlas_store_finish() sorts it and builds the arrays and
 * indexes, and from then on it is immutable and shared (reference counted)
 * by the dataset and every feature object handed out.
 */

#include <glib.h>

#include "atlas-arena.h"
#include "atlas-geometry.h"
#include "atlas-model-types.h"
#include "atlas-time-index.h"

G_BEGIN_DECLS

/* The part common to every kind of record; always the first member. */
typedef struct {
  const char        *id;
  const char        *title;
  const char        *description;   /* NULL when absent */
  const char        *category;      /* NULL when absent; shared by all its uses */
  const AtlasSource *sources;
  double             lon;           /* of a Point geometry, else NaN; kept here */
  double             lat;           /* so building arrays reads records in order */
  AtlasDate          start;         /* unset for a place that always exists */
  AtlasDate          end;           /* unset when absent or ".." */
  gint32             start_day;
  gint32             end_day;       /* exclusive */
  guint32            first_part;
  guint32            n_parts;
  guint32            file_index;
  guint32            feature_index; /* index in the file's "features" */
  guint16            n_sources;
  guint16            category_index;
  guint8             certainty;     /* AtlasCertainty */
  guint8             open_ended;    /* "end": ".." */
  guint8             geometry_type; /* AtlasGeometryType */
  guint8             dead;          /* removed by a check across features */
} AtlasRecord;

typedef AtlasRecord AtlasEventRecord;

typedef struct {
  AtlasRecord          base;
  const AtlasZoneRule *rule;        /* NULL when the geometry is explicit */
  guint8               status;      /* AtlasZoneStatus */
} AtlasZoneRecord;

typedef struct {
  AtlasRecord  base;
  const char  *nation;
  const char  *unit;
  const char  *hq;                  /* NULL when absent */
  const char  *zone_id;             /* NULL when located by geometry */
  gint32       troops_min;          /* -1 when "unknown" */
  gint32       troops_max;
  guint8       strength;            /* AtlasDeploymentStrength */
} AtlasDeploymentRecord;

typedef struct {
  AtlasRecord           base;
  const AtlasPlaceName *names;
  guint32               n_names;
  gint32                rank;       /* 0 when absent */
} AtlasPlaceRecord;

typedef struct _AtlasStore AtlasStore;

typedef struct {
  guint32 hash;
  guint32 ref;        /* (index << 2 | kind) + 1; 0 for an empty slot */
} AtlasIdSlot;

struct _AtlasStore {
  gatomicrefcount  ref_count;
  gboolean         finished;

  AtlasArena      *arena;           /* strings, sources, rules, names */
  GArray          *records[ATLAS_N_KINDS];
  GArray          *coords;          /* double: lon, lat, lon, lat, … */
  GArray          *ring_start;      /* guint32 position index */
  GArray          *part_start;      /* guint32 ring index */

  /* Open-addressing table from id to kind and index (the raw index
   * before finish, the list position after it); see atlas-store.c. */
  AtlasIdSlot     *id_slots;
  guint            id_capacity;     /* a power of two */
  guint            n_ids;
  /* Category names; index 0 is NULL ("no category"). */
  GPtrArray       *categories;
  GHashTable      *category_index;

  /* Built by atlas_store_finish(). */
  AtlasFeatureArrays arrays[ATLAS_N_KINDS];
  gpointer           array_memory[ATLAS_N_KINDS];
  AtlasTimeIndex    *time_index[ATLAS_N_KINDS];
  gint32            *change_points;
  guint              n_change_points;
};

AtlasStore  *atlas_store_new            (void);
AtlasStore  *atlas_store_ref            (AtlasStore       *store);
void         atlas_store_unref          (AtlasStore       *store);

/* Building (loader thread only, before finish). */
const char  *atlas_store_intern         (AtlasStore       *store,
                                         const char       *str);
guint16      atlas_store_intern_category (AtlasStore      *store,
                                         const char       *category);
/* Registers the id of the record at raw index @raw_index (the last one
 * appended); the id must not be registered yet (check with lookup). */
void         atlas_store_add_id         (AtlasStore       *store,
                                         AtlasFeatureKind  kind,
                                         guint            raw_index);
/* A zeroed record at the end of @kind's array; valid until the next append. */
gpointer     atlas_store_append_record  (AtlasStore       *store,
                                         AtlasFeatureKind  kind);
guint        atlas_store_get_n_records  (AtlasStore       *store,
                                         AtlasFeatureKind  kind);
/* Everything appended after a mark can be taken back (a file that turns
 * out to be broken after some of its features were stored). */
typedef struct {
  guint n_records[ATLAS_N_KINDS];
  guint n_coords;
  guint n_rings;
  guint n_parts;
} AtlasStoreMark;

void         atlas_store_get_mark       (AtlasStore       *store,
                                         AtlasStoreMark   *mark);
void         atlas_store_rollback       (AtlasStore       *store,
                                         const AtlasStoreMark *mark);
/* Sorts, drops dead records, builds arrays, time indexes, change points. */
void         atlas_store_finish         (AtlasStore       *store);

/* Reading. */
gpointer     atlas_store_get_record     (AtlasStore       *store,
                                         AtlasFeatureKind  kind,
                                         guint            position);
/* Before finish, @position is the raw index; after it, the list position. */
gboolean     atlas_store_lookup         (AtlasStore       *store,
                                         const char       *id,
                                         AtlasFeatureKind *kind,
                                         guint            *position);
gboolean     atlas_store_get_geometry   (AtlasStore       *store,
                                         const AtlasRecord *record,
                                         AtlasGeometry    *geometry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStore, atlas_store_unref)

G_END_DECLS
