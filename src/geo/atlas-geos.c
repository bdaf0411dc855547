/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-geos"

#include "config.h"

#include <math.h>

#include "atlas-geos.h"

struct _AtlasGeos
{
  GEOSContextHandle_t  handle;
  char                *message;   /* GEOS's last error */
};

G_DEFINE_QUARK (atlas-geo-error-quark, atlas_geo_error)

static void
on_geos_error (const char *message,
               void       *user_data)
{
  AtlasGeos *geos = user_data;

  g_free (geos->message);
  geos->message = g_strdup (message);
}

/**
 * atlas_geos_new:
 *
 * A GEOS context for the calling thread (or for work serialised by a lock).
 */
AtlasGeos *
atlas_geos_new (void)
{
  AtlasGeos *geos = g_new0 (AtlasGeos, 1);

  geos->handle = GEOS_init_r ();
  GEOSContext_setErrorMessageHandler_r (geos->handle, on_geos_error, geos);
  return geos;
}

void
atlas_geos_free (AtlasGeos *geos)
{
  if (geos == NULL)
    return;

  GEOS_finish_r (geos->handle);
  g_free (geos->message);
  g_free (geos);
}

GEOSContextHandle_t
atlas_geos_get_handle (AtlasGeos *geos)
{
  return geos->handle;
}

gpointer
atlas_geos_fail (AtlasGeos   *geos,
                 const char  *what,
                 GError     **error)
{
  g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_GEOS, "%s: %s", what,
               geos->message != NULL ? geos->message : "GEOS failed");
  return NULL;
}

void
atlas_geos_clear (AtlasGeos     *geos,
                  GEOSGeometry **geometry)
{
  if (*geometry != NULL)
    {
      GEOSGeom_destroy_r (geos->handle, *geometry);
      *geometry = NULL;
    }
}

/* Destroys the first @n geometries of @array, skipping NULLs. */
static void
destroy_all (AtlasGeos     *geos,
             GEOSGeometry **array,
             guint          n)
{
  for (guint i = 0; i < n; i++)
    atlas_geos_clear (geos, &array[i]);
}

/* A projected copy of positions [first, last) as a GEOS coordinate sequence;
 * @close repeats the first position at the end if the data does not. */
static GEOSCoordSequence *
project_sequence (AtlasGeos             *geos,
                  const double          *lonlat,
                  guint                  first,
                  guint                  last,
                  gboolean               close,
                  const AtlasProjection *projection)
{
  guint n = last - first;
  g_autofree double *xy = g_new (double, 2 * (n + 1));
  GEOSCoordSequence *seq;

  for (guint i = 0; i < n; i++)
    atlas_projection_forward (projection, lonlat[2 * (first + i)], lonlat[2 * (first + i) + 1],
                              &xy[2 * i], &xy[2 * i + 1]);

  if (close && n > 0 && (xy[0] != xy[2 * (n - 1)] || xy[1] != xy[2 * (n - 1) + 1]))
    {
      xy[2 * n] = xy[0];
      xy[2 * n + 1] = xy[1];
      n++;
    }

  seq = GEOSCoordSeq_copyFromBuffer_r (geos->handle, xy, n, 0, 0);
  return seq;
}

static GEOSGeometry *
ring_polygon (AtlasGeos             *geos,
              const double          *lonlat,
              guint                  first,
              guint                  last,
              const AtlasProjection *projection,
              GError               **error)
{
  GEOSCoordSequence *seq;
  GEOSGeometry *ring, *polygon, *valid;
  guint n = 0;

  if (last - first < 3)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_INVALID_GEOMETRY,
                   "A ring has %u positions; it needs at least 4", last - first);
      return NULL;
    }

  seq = project_sequence (geos, lonlat, first, last, TRUE, projection);
  if (seq == NULL || !GEOSCoordSeq_getSize_r (geos->handle, seq, &n) || n < 4)
    {
      if (seq != NULL)
        GEOSCoordSeq_destroy_r (geos->handle, seq);
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_INVALID_GEOMETRY,
                   "A ring has %u positions; it needs at least 4", n);
      return NULL;
    }

  /* Both constructors take ownership of their input, even on failure. */
  ring = GEOSGeom_createLinearRing_r (geos->handle, seq);
  if (ring == NULL)
    return atlas_geos_fail (geos, "Cannot build a ring", error);
  polygon = GEOSGeom_createPolygon_r (geos->handle, ring, NULL, 0);
  if (polygon == NULL)
    return atlas_geos_fail (geos, "Cannot build a polygon", error);

  valid = atlas_geos_make_valid (geos, polygon, error);
  atlas_geos_clear (geos, &polygon);
  if (valid == NULL)
    return NULL;

  polygon = atlas_geos_polygonal (geos, valid, error);
  atlas_geos_clear (geos, &valid);
  return polygon;
}

/* Is a point of @inner inside @outer? Rings of the base map may share
 * vertices and edges, so test a point strictly inside @inner. */
static gboolean
ring_inside (AtlasGeos          *geos,
             const GEOSGeometry *inner,
             const GEOSGeometry *outer)
{
  double ib[4], ob[4];
  GEOSGeometry *point;
  char inside;

  if (!GEOSGeom_getExtent_r (geos->handle, inner, &ib[0], &ib[1], &ib[2], &ib[3]) ||
      !GEOSGeom_getExtent_r (geos->handle, outer, &ob[0], &ob[1], &ob[2], &ob[3]) ||
      ib[0] < ob[0] || ib[1] < ob[1] || ib[2] > ob[2] || ib[3] > ob[3])
    return FALSE;

  point = GEOSPointOnSurface_r (geos->handle, inner);
  if (point == NULL)
    return FALSE;
  inside = GEOSContains_r (geos->handle, outer, point);
  GEOSGeom_destroy_r (geos->handle, point);
  return inside == 1;
}

typedef struct
{
  GEOSGeometry *polygon;
  double        area;
} Ring;

static int
compare_rings_by_area (gconstpointer a,
                       gconstpointer b)
{
  const Ring *ra = a, *rb = b;

  return ra->area < rb->area ? 1 : ra->area > rb->area ? -1 : 0;
}

/**
 * atlas_geos_polygon_from_rings:
 *
 * Builds the area the rings enclose by the even-odd rule, which is how the
 * painter fills base-map shapes: a ring inside an odd number of others is a
 * hole. Ring order and orientation do not matter, and rings that cross
 * themselves are repaired first. The result is valid and polygonal.
 */
GEOSGeometry *
atlas_geos_polygon_from_rings (AtlasGeos              *geos,
                               const double           *lonlat,
                               const guint            *offsets,
                               guint                   n_rings,
                               const AtlasProjection  *projection,
                               GError                **error)
{
  g_autoptr(GArray) rings = g_array_sized_new (FALSE, TRUE, sizeof (Ring), n_rings);
  g_autoptr(GPtrArray) outer = g_ptr_array_new ();
  g_autoptr(GPtrArray) holes = g_ptr_array_new ();
  GEOSGeometry *result = NULL, *outer_union = NULL, *hole_union = NULL;

  for (guint r = 0; r < n_rings; r++)
    {
      Ring ring = { 0 };

      ring.polygon = ring_polygon (geos, lonlat, offsets[r], offsets[r + 1], projection, error);
      if (ring.polygon == NULL)
        goto out;
      if (!GEOSArea_r (geos->handle, ring.polygon, &ring.area))
        {
          atlas_geos_clear (geos, &ring.polygon);
          atlas_geos_fail (geos, "Cannot measure a ring", error);
          goto out;
        }
      g_array_append_val (rings, ring);
    }

  g_array_sort (rings, compare_rings_by_area);

  for (guint i = 0; i < rings->len; i++)
    {
      Ring *ring = &g_array_index (rings, Ring, i);
      guint depth = 0;

      for (guint j = 0; j < i; j++)
        if (ring_inside (geos, ring->polygon, g_array_index (rings, Ring, j).polygon))
          depth++;

      g_ptr_array_add (depth % 2 == 0 ? outer : holes, ring->polygon);
    }

  outer_union = atlas_geos_union (geos, (const GEOSGeometry **) outer->pdata, outer->len, error);
  if (outer_union == NULL)
    goto out;
  if (holes->len == 0)
    {
      result = g_steal_pointer (&outer_union);
      goto out;
    }

  hole_union = atlas_geos_union (geos, (const GEOSGeometry **) holes->pdata, holes->len, error);
  if (hole_union == NULL)
    goto out;
  result = GEOSDifference_r (geos->handle, outer_union, hole_union);
  if (result == NULL)
    atlas_geos_fail (geos, "Cannot cut the holes out of a polygon", error);

out:
  for (guint i = 0; i < rings->len; i++)
    atlas_geos_clear (geos, &g_array_index (rings, Ring, i).polygon);
  atlas_geos_clear (geos, &outer_union);
  atlas_geos_clear (geos, &hole_union);
  return result;
}

/**
 * atlas_geos_lines_from_parts:
 *
 * A MultiLineString of the parts, projected.
 */
GEOSGeometry *
atlas_geos_lines_from_parts (AtlasGeos              *geos,
                             const double           *lonlat,
                             const guint            *offsets,
                             guint                   n_parts,
                             const AtlasProjection  *projection,
                             GError                **error)
{
  g_autofree GEOSGeometry **lines = g_new0 (GEOSGeometry *, MAX (n_parts, 1));
  GEOSGeometry *result;

  for (guint p = 0; p < n_parts; p++)
    {
      GEOSCoordSequence *seq;

      if (offsets[p + 1] - offsets[p] < 2)
        {
          destroy_all (geos, lines, p);
          g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_INVALID_GEOMETRY,
                       "A line has %u position; it needs at least 2", offsets[p + 1] - offsets[p]);
          return NULL;
        }

      seq = project_sequence (geos, lonlat, offsets[p], offsets[p + 1], FALSE, projection);
      lines[p] = seq != NULL ? GEOSGeom_createLineString_r (geos->handle, seq) : NULL;
      if (lines[p] == NULL)
        {
          destroy_all (geos, lines, p);
          return atlas_geos_fail (geos, "Cannot build a line", error);
        }
    }

  /* Takes ownership of the lines, even on failure. */
  result = GEOSGeom_createCollection_r (geos->handle, GEOS_MULTILINESTRING, lines, n_parts);
  if (result == NULL)
    return atlas_geos_fail (geos, "Cannot build lines", error);

  return result;
}

/**
 * atlas_geos_from_geometry:
 *
 * A model geometry in @projection: polygons (valid, even-odd within each
 * polygon of a MultiPolygon, the polygons then united) or lines. Points are
 * not zones and are refused.
 */
GEOSGeometry *
atlas_geos_from_geometry (AtlasGeos              *geos,
                          const AtlasGeometry    *geometry,
                          const AtlasProjection  *projection,
                          GError                **error)
{
  gboolean polygonal;
  guint n_parts;
  g_autofree GEOSGeometry **parts = NULL;
  GEOSGeometry *result;

  g_return_val_if_fail (geometry != NULL, NULL);

  switch (geometry->type)
    {
    case ATLAS_GEOMETRY_POLYGON:
    case ATLAS_GEOMETRY_MULTI_POLYGON:
      polygonal = TRUE;
      break;
    case ATLAS_GEOMETRY_LINE_STRING:
    case ATLAS_GEOMETRY_MULTI_LINE_STRING:
      polygonal = FALSE;
      break;
    case ATLAS_GEOMETRY_NONE:
    case ATLAS_GEOMETRY_POINT:
    default:
      g_set_error_literal (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_INVALID_GEOMETRY,
                           "A zone geometry must be polygons or lines");
      return NULL;
    }

  n_parts = geometry->n_parts;
  parts = g_new0 (GEOSGeometry *, MAX (n_parts, 1));

  for (guint p = 0; p < n_parts; p++)
    {
      guint first_ring = atlas_geometry_part_first_ring (geometry, p);
      guint n_rings = atlas_geometry_part_n_rings (geometry, p);
      g_autofree guint *offsets = g_new (guint, n_rings + 1);

      /* Positions are absolute indices into the dataset's arrays; rebase
       * them on this part's first position. */
      for (guint r = 0; r <= n_rings; r++)
        offsets[r] = geometry->ring_start[first_ring + r] - geometry->ring_start[first_ring];

      if (polygonal)
        parts[p] = atlas_geos_polygon_from_rings (geos,
                                                  geometry->coords + 2 * geometry->ring_start[first_ring],
                                                  offsets, n_rings, projection, error);
      else
        parts[p] = atlas_geos_lines_from_parts (geos,
                                                geometry->coords + 2 * geometry->ring_start[first_ring],
                                                offsets, n_rings, projection, error);
      if (parts[p] == NULL)
        {
          destroy_all (geos, parts, p);
          return NULL;
        }
    }

  result = atlas_geos_union (geos, (const GEOSGeometry **) parts, n_parts, error);
  destroy_all (geos, parts, n_parts);
  return result;
}

static int
inverse_xy (double *x,
            double *y,
            void   *user_data)
{
  const AtlasProjection *projection = user_data;
  double lon, lat;

  atlas_projection_inverse (projection, *x, *y, &lon, &lat);
  *x = lon;
  *y = lat;
  return 1;
}

GEOSGeometry *
atlas_geos_to_lonlat (AtlasGeos              *geos,
                      const GEOSGeometry     *metric,
                      const AtlasProjection  *projection,
                      GError                **error)
{
  GEOSGeometry *result;

  result = GEOSGeom_transformXY_r (geos->handle, metric, inverse_xy, (gpointer) projection);
  if (result == NULL)
    return atlas_geos_fail (geos, "Cannot project back to longitude and latitude", error);
  return result;
}

/* Appends clones of the parts of @geometry whose type is @single (or
 * @multi's members) to @out, looking inside collections. */
static gboolean
collect_parts (AtlasGeos          *geos,
               const GEOSGeometry *geometry,
               int                 single,
               GPtrArray          *out)
{
  int type = GEOSGeomTypeId_r (geos->handle, geometry);

  if (type == single)
    {
      GEOSGeometry *clone;

      if (GEOSisEmpty_r (geos->handle, geometry))
        return TRUE;
      clone = GEOSGeom_clone_r (geos->handle, geometry);
      if (clone == NULL)
        return FALSE;
      g_ptr_array_add (out, clone);
      return TRUE;
    }

  if (type == GEOS_MULTIPOLYGON || type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION)
    {
      int n = GEOSGetNumGeometries_r (geos->handle, geometry);

      for (int i = 0; i < n; i++)
        if (!collect_parts (geos, GEOSGetGeometryN_r (geos->handle, geometry, i), single, out))
          return FALSE;
    }

  return TRUE;
}

static GEOSGeometry *
extract (AtlasGeos          *geos,
         const GEOSGeometry *geometry,
         int                 single,
         int                 multi,
         GError            **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GEOSGeometry *result;

  if (!collect_parts (geos, geometry, single, parts))
    {
      destroy_all (geos, (GEOSGeometry **) parts->pdata, parts->len);
      return atlas_geos_fail (geos, "Cannot copy a geometry", error);
    }

  result = GEOSGeom_createCollection_r (geos->handle, multi, (GEOSGeometry **) parts->pdata, parts->len);
  if (result == NULL)
    return atlas_geos_fail (geos, "Cannot build a collection", error);

  return result;
}

GEOSGeometry *
atlas_geos_polygonal (AtlasGeos           *geos,
                      const GEOSGeometry  *geometry,
                      GError             **error)
{
  return extract (geos, geometry, GEOS_POLYGON, GEOS_MULTIPOLYGON, error);
}

GEOSGeometry *
atlas_geos_linear (AtlasGeos           *geos,
                   const GEOSGeometry  *geometry,
                   GError             **error)
{
  return extract (geos, geometry, GEOS_LINESTRING, GEOS_MULTILINESTRING, error);
}

GEOSGeometry *
atlas_geos_make_valid (AtlasGeos           *geos,
                       const GEOSGeometry  *geometry,
                       GError             **error)
{
  GEOSGeometry *result;
  char valid = GEOSisValid_r (geos->handle, geometry);

  if (valid == 1)
    result = GEOSGeom_clone_r (geos->handle, geometry);
  else
    result = GEOSMakeValid_r (geos->handle, geometry);

  if (result == NULL)
    return atlas_geos_fail (geos, "Cannot repair a geometry", error);
  return result;
}

GEOSGeometry *
atlas_geos_union (AtlasGeos           *geos,
                  const GEOSGeometry **geometries,
                  guint                n,
                  GError             **error)
{
  g_autofree GEOSGeometry **clones = g_new0 (GEOSGeometry *, MAX (n, 1));
  GEOSGeometry *collection, *result;

  if (n == 1)
    {
      result = GEOSGeom_clone_r (geos->handle, geometries[0]);
      return result != NULL ? result : atlas_geos_fail (geos, "Cannot copy a geometry", error);
    }

  for (guint i = 0; i < n; i++)
    if ((clones[i] = GEOSGeom_clone_r (geos->handle, geometries[i])) == NULL)
      {
        destroy_all (geos, clones, i);
        return atlas_geos_fail (geos, "Cannot copy a geometry", error);
      }

  collection = GEOSGeom_createCollection_r (geos->handle, GEOS_GEOMETRYCOLLECTION, clones, n);
  if (collection == NULL)
    return atlas_geos_fail (geos, "Cannot build a collection", error);

  result = GEOSUnaryUnion_r (geos->handle, collection);
  GEOSGeom_destroy_r (geos->handle, collection);
  if (result == NULL)
    return atlas_geos_fail (geos, "Cannot unite geometries", error);
  return result;
}

/* Buffering long lines --------------------------------------------------- */

/* Segments per piece: GEOS's line buffer grows faster than linearly with
 * the number of vertices (on Kosovo's 400 km, 2,100-vertex boundary with
 * Serbia and Montenegro a 5 km buffer takes 200 ms in one go), so the line
 * is buffered in short pieces whose buffers are then united. */
#define BUFFER_PIECE_SEGMENTS 16
/* GEOS's buffer already simplifies its input by 1 % of the distance (see
 * BufferParameters' simplify factor); doing it first, and once for every
 * piece, costs the same accuracy: the outer edge moves by at most 1 % of
 * the width, the inner one, cut by the side's polygons, not at all. */
#define BUFFER_SIMPLIFY_FACTOR 0.01

static gboolean
buffer_pieces (AtlasGeos          *geos,
               const GEOSGeometry *line,
               double              distance,
               GPtrArray          *out)
{
  GEOSContextHandle_t h = geos->handle;
  const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r (h, line);
  g_autofree double *xy = NULL;
  guint n = 0;

  if (seq == NULL || !GEOSCoordSeq_getSize_r (h, seq, &n))
    return FALSE;
  if (n == 0)
    return TRUE;

  xy = g_new (double, 2 * n);
  if (!GEOSCoordSeq_copyToBuffer_r (h, seq, xy, 0, 0))
    return FALSE;

  for (guint first = 0; ; first += BUFFER_PIECE_SEGMENTS)
    {
      guint last = MIN (first + BUFFER_PIECE_SEGMENTS, n - 1);
      GEOSCoordSequence *piece_seq;
      GEOSGeometry *piece, *buffer;

      /* A one-point line still has a round buffer. */
      piece_seq = GEOSCoordSeq_copyFromBuffer_r (h, xy + 2 * first, last - first + 1, 0, 0);
      piece = piece_seq != NULL
              ? (last > first ? GEOSGeom_createLineString_r (h, piece_seq) : GEOSGeom_createPoint_r (h, piece_seq))
              : NULL;
      if (piece == NULL)
        return FALSE;

      buffer = GEOSBuffer_r (h, piece, distance, 8);
      GEOSGeom_destroy_r (h, piece);
      if (buffer == NULL)
        return FALSE;
      g_ptr_array_add (out, buffer);

      if (last == n - 1)
        break;
    }

  return TRUE;
}

/**
 * atlas_geos_buffer_lines:
 * @lines: a LineString or MultiLineString (or a collection of them)
 * @distance: in the units of @lines, > 0
 *
 * Like GEOSBuffer() with round caps and joins, but quick on long, detailed
 * lines: 20 ms rather than 200 for the example above.
 */
GEOSGeometry *
atlas_geos_buffer_lines (AtlasGeos           *geos,
                         const GEOSGeometry  *lines,
                         double               distance,
                         GError             **error)
{
  GEOSContextHandle_t h = geos->handle;
  g_autoptr(GPtrArray) buffers = g_ptr_array_new ();
  GEOSGeometry *simple = NULL, *linear = NULL, *collection, *result;
  gboolean ok = TRUE;
  int n;

  g_return_val_if_fail (distance > 0, NULL);

  linear = atlas_geos_linear (geos, lines, error);
  if (linear == NULL)
    return NULL;
  simple = GEOSSimplify_r (h, linear, distance * BUFFER_SIMPLIFY_FACTOR);
  atlas_geos_clear (geos, &linear);
  if (simple == NULL)
    return atlas_geos_fail (geos, "Cannot simplify a line", error);

  n = GEOSGetNumGeometries_r (h, simple);
  for (int i = 0; ok && i < n; i++)
    ok = buffer_pieces (geos, GEOSGetGeometryN_r (h, simple, i), distance, buffers);
  atlas_geos_clear (geos, &simple);

  if (!ok)
    {
      destroy_all (geos, (GEOSGeometry **) buffers->pdata, buffers->len);
      return atlas_geos_fail (geos, "Cannot buffer a line", error);
    }

  collection = GEOSGeom_createCollection_r (h, GEOS_GEOMETRYCOLLECTION,
                                            (GEOSGeometry **) buffers->pdata, buffers->len);
  if (collection == NULL)
    return atlas_geos_fail (geos, "Cannot build a collection", error);

  result = GEOSUnaryUnion_r (h, collection);
  GEOSGeom_destroy_r (h, collection);
  if (result == NULL)
    return atlas_geos_fail (geos, "Cannot unite the pieces of a buffer", error);
  return result;
}
