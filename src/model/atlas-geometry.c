/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-geometry"

#include "config.h"

#include <math.h>

#include "atlas-geometry.h"

/* Same bound as ATLAS_MERCATOR_MAX_LAT in src/geo; the model layer does
 * not include geo headers. */
#define MAX_LAT 85.0511287798066

const char *
atlas_geometry_type_to_string (AtlasGeometryType type)
{
  switch (type)
    {
    case ATLAS_GEOMETRY_POINT: return "Point";
    case ATLAS_GEOMETRY_LINE_STRING: return "LineString";
    case ATLAS_GEOMETRY_POLYGON: return "Polygon";
    case ATLAS_GEOMETRY_MULTI_LINE_STRING: return "MultiLineString";
    case ATLAS_GEOMETRY_MULTI_POLYGON: return "MultiPolygon";
    case ATLAS_GEOMETRY_NONE:
    default:
      return "null";
    }
}

void
atlas_lonlat_to_unit_mercator (double  lon,
                               double  lat,
                               double *x,
                               double *y)
{
  double sin_lat = sin (CLAMP (lat, -MAX_LAT, MAX_LAT) * G_PI / 180.0);

  *x = (lon + 180.0) / 360.0;
  *y = 0.5 - log ((1.0 + sin_lat) / (1.0 - sin_lat)) / (4.0 * G_PI);
}
