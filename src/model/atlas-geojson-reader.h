/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the model: reading one GeoJSON text into a load session.
 *
 * atlas-geojson-reader.c drives yajl and follows the structure of a
 * FeatureCollection: it streams coordinates straight into the store and
 * builds a small scratch tree of each feature's "properties". At the end
 * of each feature it hands an AtlasFeatureInput to atlas-feature-reader.c,
 * which checks the properties, and stores the feature or drops it.
 */

#include "atlas-json-node.h"
#include "atlas-load-session.h"

G_BEGIN_DECLS

/* What the reader saw of a feature's "geometry". Coordinates are already
 * in the store, from first_position on; ring_ends and group_ends record
 * where the innermost arrays closed. */
typedef struct {
  gboolean  present;          /* a "geometry" member was given */
  gboolean  is_null;
  gboolean  bad;              /* a problem was reported already */
  gboolean  has_type;
  gboolean  is_collection;    /* had "geometries" */
  gboolean  has_coordinates;  /* coordinates were stored from first_position */
  char      type[32];         /* "type", cut short if long */
  gsize     offset;
  guint     depth;            /* array depth of the numbers: 1 for a Point */
  guint     first_position;
  GArray   *ring_ends;        /* guint32: position index after each ring */
  GArray   *group_ends;       /* guint32: ring count after each group */
} AtlasGeometryInput;

typedef struct {
  guint               index;          /* in "features" */
  gsize               offset;
  gboolean            has_type;
  gboolean            type_ok;        /* "type": "Feature" */
  gboolean            properties_seen;
  AtlasJsonNode      *properties;     /* NULL unless an object */
  AtlasGeometryInput  geometry;
} AtlasFeatureInput;

/* Reads @text (a whole file) as file number @file_index of @session;
 * @mapped says that @text is a read-only file mapping whose pages may be
 * dropped once read.
 * Returns FALSE with @error set on a file-level problem (also added to the
 * diagnostics) or on cancellation; the file's features are then taken out
 * of the store again. */
gboolean atlas_geojson_read          (AtlasLoadSession  *session,
                                      guint              file_index,
                                      const char        *text,
                                      gsize              length,
                                      gboolean           mapped,
                                      GError           **error);

/* atlas-feature-reader.c: checks one feature and stores it, or reports why
 * not (always ending the session's current feature). */
void     atlas_feature_reader_commit (AtlasLoadSession  *session,
                                      AtlasFeatureInput *input);
/* Checks between features once every file is read: zone references of
 * deployments and rules. Marks failing records dead. */
void     atlas_feature_reader_check_references (AtlasLoadSession *session);

G_END_DECLS
