/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <geos_c.h>

#include "atlas-geometry.h"
#include "atlas-projection.h"

G_BEGIN_DECLS

/*
 * Thin wrappers around GEOS's reentrant C API: a context that turns GEOS's
 * error messages into GErrors of our domain, and conversions between the
 * flat longitude/latitude arrays of the base map and the model and GEOS
 * geometries in a metric AtlasProjection.
 *
 * A GEOS context, and every GEOS geometry, is for one thread at a time: GEOS
 * caches envelopes and indexes inside geometries as it reads them. Callers
 * that share geometries between threads must serialise all work on them.
 */

#define ATLAS_GEO_ERROR (atlas_geo_error_quark ())

/**
 * AtlasGeoError:
 * @ATLAS_GEO_ERROR_GEOS: GEOS failed; the message is GEOS's own
 * @ATLAS_GEO_ERROR_INVALID_GEOMETRY: input coordinates do not make the
 *   geometry asked for (a ring of fewer than 4 positions, a line of one)
 * @ATLAS_GEO_ERROR_UNKNOWN_AREA: a rule names an area that is neither a
 *   base-map country nor a zone of the dataset
 * @ATLAS_GEO_ERROR_NOT_POLYGONAL: a rule uses as an area a zone that is a line
 * @ATLAS_GEO_ERROR_CYCLE: zones refer to each other in a loop
 * @ATLAS_GEO_ERROR_NO_BOUNDARY: the areas of a rule share no boundary
 * @ATLAS_GEO_ERROR_NO_GEOMETRY: the zone has neither geometry nor a rule
 */
typedef enum
{
  ATLAS_GEO_ERROR_GEOS,
  ATLAS_GEO_ERROR_INVALID_GEOMETRY,
  ATLAS_GEO_ERROR_UNKNOWN_AREA,
  ATLAS_GEO_ERROR_NOT_POLYGONAL,
  ATLAS_GEO_ERROR_CYCLE,
  ATLAS_GEO_ERROR_NO_BOUNDARY,
  ATLAS_GEO_ERROR_NO_GEOMETRY,
} AtlasGeoError;

GQuark atlas_geo_error_quark (void);

typedef struct _AtlasGeos AtlasGeos;

AtlasGeos           *atlas_geos_new                 (void);
void                 atlas_geos_free                (AtlasGeos              *geos);
GEOSContextHandle_t  atlas_geos_get_handle          (AtlasGeos              *geos);

/* Sets @error from GEOS's last message, as "@what: message". Returns NULL
 * so that it can end a failing function. */
gpointer             atlas_geos_fail                (AtlasGeos              *geos,
                                                     const char             *what,
                                                     GError                **error);
/* Destroys @geometry (may be NULL) and sets the pointer to NULL. */
void                 atlas_geos_clear               (AtlasGeos              *geos,
                                                     GEOSGeometry          **geometry);

/* Input: positions are interleaved lon, lat; part p covers positions
 * offsets[p] .. offsets[p + 1] − 1. */
GEOSGeometry        *atlas_geos_polygon_from_rings  (AtlasGeos              *geos,
                                                     const double           *lonlat,
                                                     const guint            *offsets,
                                                     guint                   n_rings,
                                                     const AtlasProjection  *projection,
                                                     GError                **error);
GEOSGeometry        *atlas_geos_lines_from_parts    (AtlasGeos              *geos,
                                                     const double           *lonlat,
                                                     const guint            *offsets,
                                                     guint                   n_parts,
                                                     const AtlasProjection  *projection,
                                                     GError                **error);
GEOSGeometry        *atlas_geos_from_geometry       (AtlasGeos              *geos,
                                                     const AtlasGeometry    *geometry,
                                                     const AtlasProjection  *projection,
                                                     GError                **error);

/* Projections of a whole geometry, as new geometries. */
GEOSGeometry        *atlas_geos_to_lonlat           (AtlasGeos              *geos,
                                                     const GEOSGeometry     *metric,
                                                     const AtlasProjection  *projection,
                                                     GError                **error);

/* The polygons (or lines) of @geometry, whatever collection they come in,
 * as one valid MultiPolygon (MultiLineString); empty if there are none. */
GEOSGeometry        *atlas_geos_polygonal           (AtlasGeos              *geos,
                                                     const GEOSGeometry     *geometry,
                                                     GError                **error);
GEOSGeometry        *atlas_geos_linear              (AtlasGeos              *geos,
                                                     const GEOSGeometry     *geometry,
                                                     GError                **error);
/* @geometry itself if valid, otherwise its GEOSMakeValid() repair; always a
 * new geometry. */
GEOSGeometry        *atlas_geos_make_valid          (AtlasGeos              *geos,
                                                     const GEOSGeometry     *geometry,
                                                     GError                **error);
/* The union of @n geometries (none of which is taken). */
GEOSGeometry        *atlas_geos_union               (AtlasGeos              *geos,
                                                     const GEOSGeometry    **geometries,
                                                     guint                   n,
                                                     GError                **error);

/* The area within @distance of @lines, fast on long, detailed lines. */
GEOSGeometry        *atlas_geos_buffer_lines        (AtlasGeos              *geos,
                                                     const GEOSGeometry     *lines,
                                                     double                  distance,
                                                     GError                **error);

G_END_DECLS
