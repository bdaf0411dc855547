/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-computed-zone"

#include "config.h"

#include <math.h>

#include "atlas-computed-zone.h"
#include "atlas-mercator.h"

struct _AtlasComputedZone
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  gboolean        proposed;
  guint           color_index;
  AtlasZoneShape  shape;
  double          width_km;
  gboolean        exploration;
  gboolean        both_sides;
  double          area_km2;
  double          length_km;

  /* WGS 84, laid out like the model's AtlasGeometry. */
  AtlasGeometryType type;
  guint           n_parts;
  guint32        *part_start;
  guint32        *ring_start;
  double         *coords;

  AtlasZonePath   levels[ATLAS_COMPUTED_ZONE_N_LEVELS];
  double          bbox[4];
  GArray         *label_points;
};

G_DEFINE_FINAL_TYPE (AtlasComputedZone, atlas_computed_zone, G_TYPE_OBJECT)

/* The largest zoom each level is drawn at, and how far (in pixels at that
 * zoom) its outline may stray from the full one. */
static const double level_max_zoom[ATLAS_COMPUTED_ZONE_N_LEVELS] = { 6, 8, 10, 12, G_MAXDOUBLE };
#define SIMPLIFY_TOLERANCE_PX 0.4

/* Preferred places for a label along a zone's spine, as fractions of its
 * length: the middle first, then ever finer, so that when the middle is off
 * screen another place still is. */
static const double label_fractions[] = {
  0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875,
  0.0625, 0.1875, 0.3125, 0.4375, 0.5625, 0.6875, 0.8125, 0.9375,
};

static void
zone_path_clear (AtlasZonePath *path)
{
  g_clear_pointer (&path->offsets, g_free);
  g_clear_pointer (&path->xy, g_free);
  g_clear_pointer (&path->bboxes, g_free);
  path->n_parts = 0;
}

static void
atlas_computed_zone_finalize (GObject *object)
{
  AtlasComputedZone *self = (AtlasComputedZone *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->part_start);
  g_free (self->ring_start);
  g_free (self->coords);
  for (guint i = 0; i < ATLAS_COMPUTED_ZONE_N_LEVELS; i++)
    zone_path_clear (&self->levels[i]);
  g_clear_pointer (&self->label_points, g_array_unref);

  G_OBJECT_CLASS (atlas_computed_zone_parent_class)->finalize (object);
}

static void
atlas_computed_zone_class_init (AtlasComputedZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_computed_zone_finalize;
}

static void
atlas_computed_zone_init (AtlasComputedZone *self)
{
  self->label_points = g_array_new (FALSE, FALSE, sizeof (double));
  self->width_km = NAN;
}

/* Walking GEOS geometries ------------------------------------------------- */

typedef gboolean (*RingFunc) (AtlasGeos                *geos,
                              const GEOSCoordSequence  *seq,
                              gboolean                  first_of_part,
                              gboolean                  hole,
                              gpointer                  user_data);

/* Calls @func for every ring of every polygon (exterior first) or every
 * line of @geometry, flattening collections. */
static gboolean
for_each_ring (AtlasGeos          *geos,
               const GEOSGeometry *geometry,
               RingFunc            func,
               gpointer            user_data)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);

  switch (GEOSGeomTypeId_r (h, geometry))
    {
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
      if (GEOSisEmpty_r (h, geometry))
        return TRUE;
      return func (geos, GEOSGeom_getCoordSeq_r (h, geometry), TRUE, FALSE, user_data);

    case GEOS_POLYGON:
      {
        int n_holes;

        if (GEOSisEmpty_r (h, geometry))
          return TRUE;
        if (!func (geos, GEOSGeom_getCoordSeq_r (h, GEOSGetExteriorRing_r (h, geometry)), TRUE, FALSE, user_data))
          return FALSE;
        n_holes = GEOSGetNumInteriorRings_r (h, geometry);
        for (int i = 0; i < n_holes; i++)
          if (!func (geos, GEOSGeom_getCoordSeq_r (h, GEOSGetInteriorRingN_r (h, geometry, i)), FALSE, TRUE, user_data))
            return FALSE;
        return TRUE;
      }

    case GEOS_MULTILINESTRING:
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION:
      {
        int n = GEOSGetNumGeometries_r (h, geometry);

        for (int i = 0; i < n; i++)
          if (!for_each_ring (geos, GEOSGetGeometryN_r (h, geometry, i), func, user_data))
            return FALSE;
        return TRUE;
      }

    default:
      return TRUE;
    }
}

static double *
copy_sequence (AtlasGeos               *geos,
               const GEOSCoordSequence *seq,
               guint                   *n)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  double *xy;

  if (seq == NULL || !GEOSCoordSeq_getSize_r (h, seq, n))
    return NULL;
  xy = g_new (double, 2 * MAX (*n, 1));
  if (!GEOSCoordSeq_copyToBuffer_r (h, seq, xy, 0, 0))
    g_clear_pointer (&xy, g_free);
  return xy;
}

/* Twice the signed area of a ring, positive when counter-clockwise. */
static double
ring_signed_area2 (const double *xy,
                   guint         n)
{
  double sum = 0;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    sum += (xy[2 * j] - xy[2 * i]) * (xy[2 * j + 1] + xy[2 * i + 1]);
  return sum;
}

typedef struct
{
  GArray *part_start;   /* guint32 */
  GArray *ring_start;   /* guint32 */
  GArray *coords;       /* double */
} LonLatBuilder;

static gboolean
add_lonlat_ring (AtlasGeos               *geos,
                 const GEOSCoordSequence *seq,
                 gboolean                 first_of_part,
                 gboolean                 hole,
                 gpointer                 user_data)
{
  LonLatBuilder *b = user_data;
  g_autofree double *xy = NULL;
  guint n = 0;
  guint32 ring = b->ring_start->len - 1;
  guint32 end;
  gboolean closed;

  if ((xy = copy_sequence (geos, seq, &n)) == NULL)
    return FALSE;
  if (n == 0)
    return TRUE;

  if (first_of_part)
    g_array_append_val (b->part_start, ring);

  /* RFC 7946: exteriors counter-clockwise, holes clockwise. GEOS makes
   * them the other way round. */
  closed = n > 3 && xy[0] == xy[2 * (n - 1)] && xy[1] == xy[2 * (n - 1) + 1];
  if (closed && (ring_signed_area2 (xy, n) > 0) == hole)
    for (guint i = 0; i < n / 2; i++)
      {
        double tx = xy[2 * i], ty = xy[2 * i + 1];

        xy[2 * i] = xy[2 * (n - 1 - i)];
        xy[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
        xy[2 * (n - 1 - i)] = tx;
        xy[2 * (n - 1 - i) + 1] = ty;
      }

  g_array_append_vals (b->coords, xy, 2 * n);
  end = b->coords->len / 2;
  g_array_append_val (b->ring_start, end);
  return TRUE;
}

typedef struct
{
  GArray *offsets;   /* guint */
  GArray *xy;        /* double */
  GArray *bboxes;    /* double */
} PathBuilder;

static gboolean
add_path_ring (AtlasGeos               *geos,
               const GEOSCoordSequence *seq,
               gboolean                 first_of_part,
               gboolean                 hole,
               gpointer                 user_data)
{
  PathBuilder *b = user_data;
  g_autofree double *xy = NULL;
  double bb[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint n = 0, end;

  if ((xy = copy_sequence (geos, seq, &n)) == NULL)
    return FALSE;
  if (n < 2)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      bb[0] = MIN (bb[0], xy[2 * i]);
      bb[1] = MIN (bb[1], xy[2 * i + 1]);
      bb[2] = MAX (bb[2], xy[2 * i]);
      bb[3] = MAX (bb[3], xy[2 * i + 1]);
    }

  g_array_append_vals (b->xy, xy, 2 * n);
  end = b->xy->len / 2;
  g_array_append_val (b->offsets, end);
  g_array_append_vals (b->bboxes, bb, 4);
  return TRUE;
}

static int
lonlat_to_mercator (double *x,
                    double *y,
                    void   *user_data)
{
  *x = atlas_mercator_x_from_lon (*x);
  *y = atlas_mercator_y_from_lat (*y);
  return 1;
}

/* Level @level of detail from the full-resolution Mercator geometry,
 * simplified to what a pixel at the level's largest zoom can show. */
static gboolean
build_level (AtlasComputedZone   *self,
             AtlasGeos           *geos,
             const GEOSGeometry  *mercator,
             guint                level,
             GError             **error)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  GEOSGeometry *simple = NULL;
  PathBuilder b;
  AtlasZonePath *path = &self->levels[level];
  guint zero = 0;
  gboolean ok;

  if (level + 1 < ATLAS_COMPUTED_ZONE_N_LEVELS)
    {
      double tolerance = SIMPLIFY_TOLERANCE_PX / atlas_mercator_world_size (level_max_zoom[level]);

      simple = GEOSSimplify_r (h, mercator, tolerance);
      if (simple == NULL)
        return atlas_geos_fail (geos, "Cannot simplify a zone", error) != NULL;
    }

  b.offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  b.xy = g_array_new (FALSE, FALSE, sizeof (double));
  b.bboxes = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (b.offsets, zero);

  ok = for_each_ring (geos, simple != NULL ? simple : mercator, add_path_ring, &b);
  atlas_geos_clear (geos, &simple);

  path->n_parts = b.offsets->len - 1;
  path->offsets = (guint *) g_array_free (b.offsets, FALSE);
  path->xy = (double *) g_array_free (b.xy, FALSE);
  path->bboxes = (double *) g_array_free (b.bboxes, FALSE);

  if (!ok)
    atlas_geos_fail (geos, "Cannot read a zone's coordinates", error);
  return ok;
}

/* The WGS 84 geometry, laid out like the model's, from its GEOS form. */
static gboolean
build_lonlat (AtlasComputedZone   *self,
              AtlasGeos           *geos,
              const GEOSGeometry  *lonlat,
              GError             **error)
{
  LonLatBuilder b;
  guint32 zero = 0;
  gboolean ok;

  b.part_start = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.ring_start = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.coords = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (b.ring_start, zero);

  ok = for_each_ring (geos, lonlat, add_lonlat_ring, &b);

  /* part_start needs an entry after the last part. */
  {
    guint32 n_rings = b.ring_start->len - 1;
    self->n_parts = b.part_start->len;
    g_array_append_val (b.part_start, n_rings);
  }
  self->part_start = (guint32 *) g_array_free (b.part_start, FALSE);
  self->ring_start = (guint32 *) g_array_free (b.ring_start, FALSE);
  self->coords = (double *) g_array_free (b.coords, FALSE);

  if (!ok)
    atlas_geos_fail (geos, "Cannot read a zone's coordinates", error);
  return ok;
}

static void
add_label_point (AtlasComputedZone     *self,
                 AtlasGeos             *geos,
                 const AtlasProjection *projection,
                 const GEOSGeometry    *point)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  double x, y, lon, lat, xy[2];

  if (point == NULL || GEOSisEmpty_r (h, point) ||
      !GEOSGeomGetX_r (h, point, &x) || !GEOSGeomGetY_r (h, point, &y))
    return;

  atlas_projection_inverse (projection, x, y, &lon, &lat);
  xy[0] = atlas_mercator_x_from_lon (lon);
  xy[1] = atlas_mercator_y_from_lat (lat);
  g_array_append_vals (self->label_points, xy, 2);
}

/* Entries of (area, index), largest area first. */
static int
compare_area_desc (gconstpointer a,
                   gconstpointer b)
{
  double aa = *(const double *) a, ab = *(const double *) b;

  return aa < ab ? 1 : aa > ab ? -1 : 0;
}

/* A point (x, y) in the metric plane as a GEOS point; NULL on failure. */
static GEOSGeometry *
make_point (AtlasGeos *geos,
            double     x,
            double     y)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  double xy[2] = { x, y };
  GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r (h, xy, 1, 0, 0);

  return seq != NULL ? GEOSGeom_createPoint_r (h, seq) : NULL;
}

/* For an area along a spine (a band along its boundary): the middle of the
 * band across from the place on the spine, found by stepping half the
 * band's width to either side; or the place itself when the band lies on
 * both sides. */
static void
add_band_label_point (AtlasComputedZone           *self,
                      AtlasGeos                   *geos,
                      const AtlasProjection       *projection,
                      const GEOSPreparedGeometry  *area,
                      const GEOSGeometry          *spine,
                      double                       fraction)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  GEOSGeometry *here, *ahead;
  double x, y, ax, ay, dx, dy, len, step;

  here = GEOSInterpolateNormalized_r (h, spine, fraction);
  ahead = GEOSInterpolateNormalized_r (h, spine, MIN (fraction + 0.002, 1.0));
  if (here == NULL || ahead == NULL ||
      !GEOSGeomGetX_r (h, here, &x) || !GEOSGeomGetY_r (h, here, &y) ||
      !GEOSGeomGetX_r (h, ahead, &ax) || !GEOSGeomGetY_r (h, ahead, &ay))
    goto out;

  dx = ax - x;
  dy = ay - y;
  len = hypot (dx, dy);
  step = (isnan (self->width_km) ? 1.0 : self->width_km) * 500.0;

  for (guint i = 0; i < 3; i++)
    {
      double px = x, py = y;
      GEOSGeometry *point;

      /* Left of the spine, right of it, then on it. */
      if (i < 2 && len > 0)
        {
          double sign = i == 0 ? 1.0 : -1.0;

          px = x - sign * dy / len * step;
          py = y + sign * dx / len * step;
        }
      else if (i < 2)
        continue;

      point = make_point (geos, px, py);
      if (point != NULL && GEOSPreparedContains_r (h, area, point) == 1)
        {
          add_label_point (self, geos, projection, point);
          atlas_geos_clear (geos, &point);
          break;
        }
      atlas_geos_clear (geos, &point);
    }

out:
  atlas_geos_clear (geos, &here);
  atlas_geos_clear (geos, &ahead);
}

/* Label places: along the spine (a band's boundary or a line zone itself),
 * or else inside the largest polygons. Failures only cost a label place. */
static void
build_label_points (AtlasComputedZone           *self,
                    AtlasGeos                   *geos,
                    const AtlasProjection       *projection,
                    const GEOSGeometry          *metric,
                    const AtlasComputedZoneInfo *info)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  const GEOSGeometry *spine = info->spine;
  const GEOSPreparedGeometry *prepared = NULL;
  GEOSGeometry *merged = NULL;

  if (spine == NULL && self->shape == ATLAS_ZONE_SHAPE_LINE)
    spine = metric;

  if (spine != NULL)
    {
      /* Interpolation follows the parts one after another; merged lines
       * make the fractions mean something along the boundary. */
      merged = GEOSLineMerge_r (h, spine);
      if (merged != NULL)
        spine = merged;
      if (self->shape == ATLAS_ZONE_SHAPE_AREA)
        prepared = GEOSPrepare_r (h, metric);

      for (guint i = 0; i < G_N_ELEMENTS (label_fractions); i++)
        {
          if (self->shape == ATLAS_ZONE_SHAPE_LINE)
            {
              GEOSGeometry *on_spine = GEOSInterpolateNormalized_r (h, spine, label_fractions[i]);

              add_label_point (self, geos, projection, on_spine);
              atlas_geos_clear (geos, &on_spine);
            }
          else if (prepared != NULL)
            add_band_label_point (self, geos, projection, prepared, spine, label_fractions[i]);
        }

      if (prepared != NULL)
        GEOSPreparedGeom_destroy_r (h, prepared);
      atlas_geos_clear (geos, &merged);
    }

  if (self->label_points->len == 0 && self->shape == ATLAS_ZONE_SHAPE_AREA)
    {
      int n = GEOSGetNumGeometries_r (h, metric);
      g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (double) * 2);

      for (int i = 0; i < n; i++)
        {
          double entry[2] = { 0, i };

          GEOSArea_r (h, GEOSGetGeometryN_r (h, metric, i), &entry[0]);
          g_array_append_val (order, entry);
        }
      g_array_sort (order, compare_area_desc);

      for (guint k = 0; k < MIN (order->len, 4u); k++)
        {
          int i = (int) g_array_index (order, double, 2 * k + 1);
          GEOSGeometry *inside = GEOSPointOnSurface_r (h, GEOSGetGeometryN_r (h, metric, i));

          add_label_point (self, geos, projection, inside);
          atlas_geos_clear (geos, &inside);
        }
    }
}

/**
 * atlas_computed_zone_new:
 * @geos: the GEOS context of the calling thread
 * @projection: the projection @metric is in
 * @metric: the zone's geometry: polygons or lines
 *
 * Builds the immutable result of a computation. Runs in the worker thread
 * that computed @metric, so everything expensive (projecting, simplifying
 * for every level of detail, placing labels) happens here.
 */
AtlasComputedZone *
atlas_computed_zone_new (AtlasGeos                   *geos,
                         const AtlasProjection       *projection,
                         const GEOSGeometry          *metric,
                         const AtlasComputedZoneInfo *info,
                         GError                     **error)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (geos);
  g_autoptr(AtlasComputedZone) self = NULL;
  const AtlasZonePath *full;
  GEOSGeometry *lonlat, *mercator;
  gboolean ok;
  int type;
  double value;

  g_return_val_if_fail (geos != NULL, NULL);
  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (metric != NULL, NULL);
  g_return_val_if_fail (info != NULL && info->id != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_COMPUTED_ZONE, NULL);
  self->id = g_strdup (info->id);
  self->title = g_strdup (info->title != NULL ? info->title : info->id);
  self->proposed = info->proposed;
  self->color_index = info->color_index;
  self->width_km = info->width_km;
  self->exploration = info->exploration;
  self->both_sides = info->both_sides;

  type = GEOSGeomTypeId_r (h, metric);
  if (type == GEOS_LINESTRING || type == GEOS_MULTILINESTRING)
    {
      self->shape = ATLAS_ZONE_SHAPE_LINE;
      self->type = ATLAS_GEOMETRY_MULTI_LINE_STRING;
    }
  else if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
    {
      self->shape = ATLAS_ZONE_SHAPE_AREA;
      self->type = ATLAS_GEOMETRY_MULTI_POLYGON;
    }
  else
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_INVALID_GEOMETRY,
                   "Zone “%s” computes to a %s, not polygons or lines", info->id, GEOSGeomType_r (h, metric));
      return NULL;
    }

  if (self->shape == ATLAS_ZONE_SHAPE_AREA)
    {
      if (!GEOSArea_r (h, metric, &value))
        return atlas_geos_fail (geos, "Cannot measure a zone's area", error);
      self->area_km2 = value / 1e6;
    }

  if (!GEOSLength_r (h, info->spine != NULL ? info->spine : metric, &value))
    return atlas_geos_fail (geos, "Cannot measure a zone's length", error);
  self->length_km = value / 1000;

  /* One inverse projection for everything: the WGS 84 geometry, then
   * Mercator from it, simplified per level of detail. */
  lonlat = atlas_geos_to_lonlat (geos, metric, projection, error);
  if (lonlat == NULL)
    return NULL;
  mercator = GEOSGeom_transformXY_r (h, lonlat, lonlat_to_mercator, NULL);
  ok = mercator != NULL && build_lonlat (self, geos, lonlat, error);
  if (mercator == NULL)
    atlas_geos_fail (geos, "Cannot project a zone", error);
  for (guint level = 0; ok && level < ATLAS_COMPUTED_ZONE_N_LEVELS; level++)
    ok = build_level (self, geos, mercator, level, error);
  atlas_geos_clear (geos, &lonlat);
  atlas_geos_clear (geos, &mercator);
  if (!ok)
    return NULL;

  full = &self->levels[ATLAS_COMPUTED_ZONE_N_LEVELS - 1];
  self->bbox[0] = self->bbox[1] = G_MAXDOUBLE;
  self->bbox[2] = self->bbox[3] = -G_MAXDOUBLE;
  for (guint p = 0; p < full->n_parts; p++)
    {
      self->bbox[0] = MIN (self->bbox[0], full->bboxes[4 * p]);
      self->bbox[1] = MIN (self->bbox[1], full->bboxes[4 * p + 1]);
      self->bbox[2] = MAX (self->bbox[2], full->bboxes[4 * p + 2]);
      self->bbox[3] = MAX (self->bbox[3], full->bboxes[4 * p + 3]);
    }

  build_label_points (self, geos, projection, metric, info);

  return g_steal_pointer (&self);
}

const char *
atlas_computed_zone_get_id (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), NULL);
  return self->id;
}

const char *
atlas_computed_zone_get_title (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), NULL);
  return self->title;
}

gboolean
atlas_computed_zone_is_proposed (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), FALSE);
  return self->proposed;
}

guint
atlas_computed_zone_get_color_index (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), 0);
  return self->color_index;
}

AtlasZoneShape
atlas_computed_zone_get_shape (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), ATLAS_ZONE_SHAPE_AREA);
  return self->shape;
}

double
atlas_computed_zone_get_width_km (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), NAN);
  return self->width_km;
}

gboolean
atlas_computed_zone_is_exploration (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), FALSE);
  return self->exploration;
}

gboolean
atlas_computed_zone_is_both_sides (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), FALSE);
  return self->both_sides;
}

double
atlas_computed_zone_get_area_km2 (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), 0);
  return self->area_km2;
}

double
atlas_computed_zone_get_length_km (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), 0);
  return self->length_km;
}

gboolean
atlas_computed_zone_is_empty (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), TRUE);
  return self->n_parts == 0;
}

void
atlas_computed_zone_get_lonlat (AtlasComputedZone *self,
                                AtlasGeometry     *geometry)
{
  g_return_if_fail (ATLAS_IS_COMPUTED_ZONE (self));
  g_return_if_fail (geometry != NULL);

  geometry->type = self->type;
  geometry->first_part = 0;
  geometry->n_parts = self->n_parts;
  geometry->part_start = self->part_start;
  geometry->ring_start = self->ring_start;
  geometry->coords = self->coords;
}

const AtlasZonePath *
atlas_computed_zone_get_path (AtlasComputedZone *self,
                              double             zoom)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), NULL);

  for (guint i = 0; i < ATLAS_COMPUTED_ZONE_N_LEVELS; i++)
    if (zoom <= level_max_zoom[i] + 1e-9)
      return &self->levels[i];

  return &self->levels[ATLAS_COMPUTED_ZONE_N_LEVELS - 1];
}

const double *
atlas_computed_zone_get_bbox (AtlasComputedZone *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), NULL);
  return self->bbox;
}

const double *
atlas_computed_zone_get_label_points (AtlasComputedZone *self,
                                      guint             *n_points)
{
  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->label_points->len / 2;
  return (const double *) (gpointer) self->label_points->data;
}

static double
segment_distance2 (double px,
                   double py,
                   double ax,
                   double ay,
                   double bx,
                   double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0) : 0.0;
  double ex = px - (ax + t * dx), ey = py - (ay + t * dy);

  return ex * ex + ey * ey;
}

/**
 * atlas_computed_zone_hit:
 *
 * Hit testing for clicks on the map, on the full-resolution outline. Not a
 * clipping operation: only the even-odd point-in-ring test and the distance
 * to segments.
 */
gboolean
atlas_computed_zone_hit (AtlasComputedZone *self,
                         double             x,
                         double             y,
                         double             tolerance)
{
  const AtlasZonePath *path;
  gboolean inside = FALSE;
  double tol2 = tolerance * tolerance;

  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (self), FALSE);

  if (x < self->bbox[0] - tolerance || x > self->bbox[2] + tolerance ||
      y < self->bbox[1] - tolerance || y > self->bbox[3] + tolerance)
    return FALSE;

  path = &self->levels[ATLAS_COMPUTED_ZONE_N_LEVELS - 1];
  for (guint p = 0; p < path->n_parts; p++)
    {
      const double *bb = &path->bboxes[4 * p];
      guint first = path->offsets[p], last = path->offsets[p + 1];

      if (x < bb[0] - tolerance || x > bb[2] + tolerance || y < bb[1] - tolerance || y > bb[3] + tolerance)
        continue;

      for (guint i = first + 1; i < last; i++)
        {
          const double *a = &path->xy[2 * (i - 1)], *b = &path->xy[2 * i];

          if (segment_distance2 (x, y, a[0], a[1], b[0], b[1]) <= tol2)
            return TRUE;
          if (self->shape == ATLAS_ZONE_SHAPE_AREA &&
              ((a[1] > y) != (b[1] > y)) &&
              x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0])
            inside = !inside;
        }
    }

  return inside;
}
