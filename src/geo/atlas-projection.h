/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * AtlasProjection: an azimuthal equidistant projection, the metric plane in
 * which zones are buffered, intersected and measured. Distances from the
 * centre are exact on the sphere used and directions from the centre are
 * true; elsewhere the scale across the radius grows as c / sin c (c the
 * angular distance to the centre), so within 300 km of the centre lengths are
 * off by less than 0.04 % and areas by less than 0.08 %.
 *
 * The sphere has the Gaussian mean radius of the WGS 84 ellipsoid at the
 * centre's latitude (√(M·N)), which follows the ellipsoid to within 0.02 %
 * over a few degrees of latitude: closer, for Kosovo, than a global sphere
 * and much simpler than the ellipsoidal formulas.
 *
 * Plain data: copy it by value; any thread may use one at once.
 */
typedef struct
{
  double lat0;        /* centre, degrees */
  double lon0;
  double sin_lat0;
  double cos_lat0;
  double radius;      /* metres */
} AtlasProjection;

/* The centre of Kosovo's projection: 42.6° N, 20.9° E. */
#define ATLAS_PROJECTION_KOSOVO_LAT 42.6
#define ATLAS_PROJECTION_KOSOVO_LON 20.9

void                   atlas_projection_init    (AtlasProjection       *projection,
                                                 double                 lat0,
                                                 double                 lon0);
const AtlasProjection *atlas_projection_kosovo  (void);

/* Longitude, latitude (degrees) to x east, y north (metres). */
void                   atlas_projection_forward (const AtlasProjection *projection,
                                                 double                 lon,
                                                 double                 lat,
                                                 double                *x,
                                                 double                *y);
/* And back; x, y beyond half the sphere's circumference are clamped. */
void                   atlas_projection_inverse (const AtlasProjection *projection,
                                                 double                 x,
                                                 double                 y,
                                                 double                *lon,
                                                 double                *lat);

G_END_DECLS
