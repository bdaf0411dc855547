/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-geometry.h"
#include "atlas-geos.h"

G_BEGIN_DECLS

/*
 * AtlasComputedZone: one zone as computed for one width — its geometry in
 * WGS 84 longitude/latitude (for export), in normalised Web Mercator
 * simplified per zoom (for drawing), its area and length, and what the map
 * needs to draw and label it. Immutable, so any thread may read it; the
 * zone set caches them by zone and width.
 */

/* Levels of detail, each good up to a zoom (the last: full resolution). */
#define ATLAS_COMPUTED_ZONE_N_LEVELS 5

/* A simplified outline in normalised Mercator: part p covers points
 * offsets[p] .. offsets[p + 1] − 1 of xy (rings of polygons, or lines). */
typedef struct
{
  guint   n_parts;
  guint  *offsets;
  double *xy;
  double *bboxes;   /* 4 per part: min x, min y, max x, max y */
} AtlasZonePath;

typedef enum
{
  ATLAS_ZONE_SHAPE_AREA,   /* polygons */
  ATLAS_ZONE_SHAPE_LINE,   /* lines, e.g. a boundary rule */
} AtlasZoneShape;

/* What the zone set knows about the zone beyond its geometry. */
typedef struct
{
  const char         *id;
  const char         *title;
  gboolean            proposed;
  guint               color_index;
  double              width_km;   /* NAN unless the zone is a band */
  gboolean            exploration; /* the width is a session's what-if */
  gboolean            both_sides;  /* a band on both sides of its boundary */
  /* Line along which the zone's label is best placed and whose length is
   * the zone's length (the boundary of a band); NULL: the geometry's own. */
  const GEOSGeometry *spine;
} AtlasComputedZoneInfo;

#define ATLAS_TYPE_COMPUTED_ZONE (atlas_computed_zone_get_type ())

G_DECLARE_FINAL_TYPE (AtlasComputedZone, atlas_computed_zone, ATLAS, COMPUTED_ZONE, GObject)

AtlasComputedZone   *atlas_computed_zone_new              (AtlasGeos                   *geos,
                                                           const AtlasProjection       *projection,
                                                           const GEOSGeometry          *metric,
                                                           const AtlasComputedZoneInfo *info,
                                                           GError                     **error);

const char          *atlas_computed_zone_get_id           (AtlasComputedZone *self);
const char          *atlas_computed_zone_get_title        (AtlasComputedZone *self);
gboolean             atlas_computed_zone_is_proposed      (AtlasComputedZone *self);
guint                atlas_computed_zone_get_color_index  (AtlasComputedZone *self);
AtlasZoneShape       atlas_computed_zone_get_shape        (AtlasComputedZone *self);
/* NAN unless the zone is a band. */
double               atlas_computed_zone_get_width_km     (AtlasComputedZone *self);
/* Whether the width is a session's exploration rather than history. */
gboolean             atlas_computed_zone_is_exploration   (AtlasComputedZone *self);
/* A band whose width applies on both sides of its boundary. */
gboolean             atlas_computed_zone_is_both_sides    (AtlasComputedZone *self);
/* 0 for lines. */
double               atlas_computed_zone_get_area_km2     (AtlasComputedZone *self);
/* A band's boundary, a line's length, a polygon's perimeter. */
double               atlas_computed_zone_get_length_km    (AtlasComputedZone *self);
gboolean             atlas_computed_zone_is_empty         (AtlasComputedZone *self);

/* A view of the lon/lat geometry (a MultiPolygon or MultiLineString,
 * exteriors counter-clockwise as RFC 7946 asks), valid while @self lives. */
void                 atlas_computed_zone_get_lonlat       (AtlasComputedZone *self,
                                                           AtlasGeometry     *geometry);
const AtlasZonePath *atlas_computed_zone_get_path         (AtlasComputedZone *self,
                                                           double             zoom);
const double        *atlas_computed_zone_get_bbox         (AtlasComputedZone *self);
/* Places for the label in order of preference, Mercator x, y pairs. */
const double        *atlas_computed_zone_get_label_points (AtlasComputedZone *self,
                                                           guint             *n_points);
/* Whether Mercator (x, y) is inside the zone or within @tolerance
 * (Mercator units) of its outline or line. */
gboolean             atlas_computed_zone_hit              (AtlasComputedZone *self,
                                                           double             x,
                                                           double             y,
                                                           double             tolerance);

G_END_DECLS
