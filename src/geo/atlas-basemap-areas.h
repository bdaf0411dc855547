/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-geos.h"

G_BEGIN_DECLS

/*
 * The base map's countries and land borders as GEOS geometries in a metric
 * projection, built on first use and kept. Not thread-safe: like every GEOS
 * geometry they belong to whoever holds the lock that serialises GEOS work
 * (see AtlasZoneSet).
 */

typedef struct _AtlasBasemap AtlasBasemap;
typedef struct _AtlasBasemapAreas AtlasBasemapAreas;

AtlasBasemapAreas  *atlas_basemap_areas_new         (AtlasBasemap           *basemap,
                                                     const AtlasProjection  *projection);
void                atlas_basemap_areas_free        (AtlasBasemapAreas      *areas,
                                                     AtlasGeos              *geos);

gboolean            atlas_basemap_areas_has_country (AtlasBasemapAreas      *areas,
                                                     const char             *iso3);
/* (transfer none) A country's area, valid and polygonal; NULL with @error
 * set if the base map has no such country. */
const GEOSGeometry *atlas_basemap_areas_get_country (AtlasBasemapAreas      *areas,
                                                     AtlasGeos              *geos,
                                                     const char             *iso3,
                                                     GError                **error);
/* (transfer none) The land border between two countries as lines; NULL
 * without an error when they share none. */
const GEOSGeometry *atlas_basemap_areas_get_border  (AtlasBasemapAreas      *areas,
                                                     AtlasGeos              *geos,
                                                     const char             *iso3_a,
                                                     const char             *iso3_b,
                                                     GError                **error);

G_END_DECLS
