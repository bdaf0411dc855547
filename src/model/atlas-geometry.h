/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_GEOMETRY_NONE = 0,            /* "geometry": null */
  ATLAS_GEOMETRY_POINT,
  ATLAS_GEOMETRY_LINE_STRING,
  ATLAS_GEOMETRY_POLYGON,
  ATLAS_GEOMETRY_MULTI_LINE_STRING,
  ATLAS_GEOMETRY_MULTI_POLYGON,
} AtlasGeometryType;

/*
 * AtlasGeometry:
 * A read-only view of one feature's geometry inside a dataset's compact
 * storage, valid as long as the dataset (or a feature object of it) is
 * alive. Every geometry has the same three levels:
 *
 *   parts:  Point, LineString and Polygon have 1 part; a MultiPolygon has
 *           one part per polygon, a MultiLineString one part per line.
 *   rings:  part p covers rings part_start[p] .. part_start[p + 1] - 1
 *           (a Polygon's rings are its exterior and holes; a line is one
 *           ring; a Point is one ring of one position).
 *   positions: ring r covers positions ring_start[r] .. ring_start[r + 1] - 1,
 *           position i being (coords[2 * i], coords[2 * i + 1]) =
 *           (longitude, latitude) in WGS 84 degrees.
 *
 * The offsets are absolute indices into the dataset-wide arrays: use them
 * with the pointers given here, which point at the start of those arrays.
 * part_start has n_parts + 1 readable entries from first_part, and
 * ring_start has an entry after the last ring of the last part.
 */
typedef struct {
  AtlasGeometryType  type;
  guint              first_part;
  guint              n_parts;
  const guint32     *part_start;    /* ring index where each part begins */
  const guint32     *ring_start;    /* position index where each ring begins */
  const double      *coords;        /* lon, lat pairs */
} AtlasGeometry;

static inline guint
atlas_geometry_part_first_ring (const AtlasGeometry *geometry,
                                guint                part)
{
  return geometry->part_start[geometry->first_part + part];
}

static inline guint
atlas_geometry_part_n_rings (const AtlasGeometry *geometry,
                             guint                part)
{
  return geometry->part_start[geometry->first_part + part + 1] -
         geometry->part_start[geometry->first_part + part];
}

static inline guint
atlas_geometry_ring_first_position (const AtlasGeometry *geometry,
                                    guint                ring)
{
  return geometry->ring_start[ring];
}

static inline guint
atlas_geometry_ring_n_positions (const AtlasGeometry *geometry,
                                 guint                ring)
{
  return geometry->ring_start[ring + 1] - geometry->ring_start[ring];
}

const char *atlas_geometry_type_to_string (AtlasGeometryType type);

/* Web Mercator normalised to the unit square (x east from -180°, y south
 * from +85.0511°), the convention of src/geo/atlas-mercator.h. */
void        atlas_lonlat_to_unit_mercator (double  lon,
                                           double  lat,
                                           double *x,
                                           double *y);

G_END_DECLS
