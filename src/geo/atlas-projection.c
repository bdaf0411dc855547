/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-projection"

#include "config.h"

#include <math.h>

#include "atlas-projection.h"

/* WGS 84 */
#define WGS84_A  6378137.0
#define WGS84_E2 0.00669437999014

#define DEG (G_PI / 180.0)

/**
 * atlas_projection_init:
 * @lat0: latitude of the centre, degrees
 * @lon0: longitude of the centre, degrees
 *
 * Sets up an azimuthal equidistant projection centred on (@lat0, @lon0).
 */
void
atlas_projection_init (AtlasProjection *projection,
                       double           lat0,
                       double           lon0)
{
  double s2, w;

  g_return_if_fail (projection != NULL);
  g_return_if_fail (fabs (lat0) < 90.0);

  s2 = sin (lat0 * DEG) * sin (lat0 * DEG);
  w = 1.0 - WGS84_E2 * s2;

  projection->lat0 = lat0;
  projection->lon0 = lon0;
  projection->sin_lat0 = sin (lat0 * DEG);
  projection->cos_lat0 = cos (lat0 * DEG);
  /* √(M·N): M = a(1−e²)/w^1.5 along the meridian, N = a/√w across it. */
  projection->radius = WGS84_A * sqrt (1.0 - WGS84_E2) / w;
}

/**
 * atlas_projection_kosovo:
 *
 * The projection every zone computation uses, centred on Kosovo.
 */
const AtlasProjection *
atlas_projection_kosovo (void)
{
  static AtlasProjection kosovo;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      atlas_projection_init (&kosovo, ATLAS_PROJECTION_KOSOVO_LAT, ATLAS_PROJECTION_KOSOVO_LON);
      g_once_init_leave (&initialised, 1);
    }

  return &kosovo;
}

void
atlas_projection_forward (const AtlasProjection *projection,
                          double                 lon,
                          double                 lat,
                          double                *x,
                          double                *y)
{
  double sin_lat = sin (lat * DEG), cos_lat = cos (lat * DEG);
  double dlon = (lon - projection->lon0) * DEG;
  double cos_dlon = cos (dlon), sin_dlon = sin (dlon);
  double cos_c, c, k;

  cos_c = projection->sin_lat0 * sin_lat + projection->cos_lat0 * cos_lat * cos_dlon;
  cos_c = CLAMP (cos_c, -1.0, 1.0);
  c = acos (cos_c);
  /* k = c / sin c, which tends to 1 at the centre; acos loses precision
   * there, so use the series instead. */
  k = c < 1e-4 ? 1.0 + c * c / 6.0 : c / sin (c);

  *x = projection->radius * k * cos_lat * sin_dlon;
  *y = projection->radius * k * (projection->cos_lat0 * sin_lat -
                                 projection->sin_lat0 * cos_lat * cos_dlon);
}

void
atlas_projection_inverse (const AtlasProjection *projection,
                          double                 x,
                          double                 y,
                          double                *lon,
                          double                *lat)
{
  double rho = hypot (x, y);
  double c = MIN (rho / projection->radius, G_PI);
  double sin_c = sin (c), cos_c = cos (c);
  double phi, lambda;

  if (rho < 1e-9)
    {
      *lon = projection->lon0;
      *lat = projection->lat0;
      return;
    }

  phi = asin (CLAMP (cos_c * projection->sin_lat0 + y * sin_c * projection->cos_lat0 / rho, -1.0, 1.0));
  lambda = atan2 (x * sin_c,
                  rho * projection->cos_lat0 * cos_c - y * projection->sin_lat0 * sin_c);

  *lat = phi / DEG;
  *lon = remainder (projection->lon0 + lambda / DEG, 360.0);
}
