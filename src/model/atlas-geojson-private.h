/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the GeoJSON reader: the state shared by
 * atlas-geojson-reader.c (document structure, properties, yajl) and
 * atlas-geojson-coords.c (coordinates, streamed into the store).
 */

#include <yajl/yajl_parse.h>

#include "atlas-dataset.h"
#include "atlas-geojson-reader.h"

G_BEGIN_DECLS

typedef enum {
  ROLE_ROOT,          /* the FeatureCollection object */
  ROLE_FEATURES,      /* its "features" array */
  ROLE_FEATURE,       /* one feature object */
  ROLE_GEOMETRY,      /* a feature's geometry object */
  ROLE_COORDS,        /* an array inside "coordinates" */
  ROLE_DOM,           /* an object or array inside "properties" */
  ROLE_SKIP,          /* a value we ignore */
} Role;

typedef enum {
  KEY_OTHER,
  KEY_TYPE,
  KEY_FEATURES,
  KEY_GEOMETRY,
  KEY_PROPERTIES,
  KEY_COORDINATES,
  KEY_GEOMETRIES,
} Key;

typedef struct {
  guint8         role;
  guint8         key;        /* the member being read (ROOT, FEATURE, GEOMETRY) */
  guint          level;      /* COORDS: 1 for the "coordinates" array itself */
  guint32        count;      /* elements so far (arrays) */
  AtlasJsonNode *node;       /* DOM */
} Frame;

typedef struct {
  AtlasLoadSession  *session;
  AtlasStore        *store;
  guint              file_index;
  yajl_handle        yajl;
  gsize              base;         /* offset of what yajl reads (after a BOM) */
  guint              callbacks;

  Frame              frames[ATLAS_MAX_DEPTH];
  guint              depth;

  GError            *error;        /* set by a callback that stops the parse */
  gsize              error_offset;

  gboolean           root_type_seen;
  gboolean           features_seen;

  AtlasFeatureInput  feature;
  guint              coords_frame; /* stack index of the level-1 COORDS frame */
  double             position[2];
  AtlasArena        *scratch;
  guint              dom_nodes;
  gboolean           dom_overflow;
  const char        *dom_key;
} AtlasReader;

/* The byte offset just after the token being handled. */
gsize    atlas_reader_offset       (AtlasReader   *r);
/* Approximately where that token starts, for positions in messages. */
gsize    atlas_reader_token_start  (AtlasReader   *r,
                                    AtlasJsonType  type,
                                    gsize          len);
/* Stops the parse with a file-level error; returns FALSE for yajl. */
gboolean atlas_reader_fail         (AtlasReader   *r,
                                    gsize          offset,
                                    int            code,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (4, 5);
/* Opens a frame for an array or object (FALSE past ATLAS_MAX_DEPTH). */
gboolean atlas_reader_push         (AtlasReader   *r,
                                    Role           role);
/* Opens a frame to skip @type's contents, when it is a container. */
gboolean atlas_reader_push_skip    (AtlasReader   *r,
                                    AtlasJsonType  type);

/* atlas-geojson-coords.c: a value inside "coordinates", whose innermost
 * open array is @parent; and the end of such an array. */
gboolean atlas_reader_coords_value (AtlasReader   *r,
                                    Frame         *parent,
                                    AtlasJsonType  type,
                                    const char    *text,
                                    gsize          len);
void     atlas_reader_coords_close (AtlasReader   *r,
                                    Frame         *frame);

G_END_DECLS
