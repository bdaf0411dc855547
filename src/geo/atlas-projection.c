/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-projection"

#include "config.h"

#include <math.h>

#include "atlas-projection.h"

/* WGS 84 */
#define WGS84_A  6378137.0
#define WGS84_E2 0.00669437999014

#define DEG (G_PI / 180.0)

/* tan (π/4 + φ/2) · ((1 − e sin φ) / (1 + e sin φ))^(e/2): the ellipsoid's
 * isometric latitude, exponentiated. */
static double
isometric (double phi)
{
  double e = sqrt (WGS84_E2), es = e * sin (phi);

  return tan (G_PI / 4 + phi / 2) * pow ((1 - es) / (1 + es), e / 2);
}

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
  double phi0 = lat0 * DEG;
  double s2, chi0, cos2;

  g_return_if_fail (projection != NULL);
  g_return_if_fail (fabs (lat0) < 90.0);

  s2 = sin (phi0) * sin (phi0);
  cos2 = cos (phi0) * cos (phi0);

  projection->lat0 = lat0;
  projection->lon0 = lon0;
  /* √(M·N): M = a(1−e²)/w^1.5 along the meridian, N = a/√w across it. */
  projection->radius = WGS84_A * sqrt (1.0 - WGS84_E2) / (1.0 - WGS84_E2 * s2);
  projection->c = sqrt (1.0 + WGS84_E2 * cos2 * cos2 / (1.0 - WGS84_E2));
  chi0 = asin (sin (phi0) / projection->c);
  projection->k = tan (G_PI / 4 + chi0 / 2) / pow (isometric (phi0), projection->c);
  projection->sin_chi0 = sin (chi0);
  projection->cos_chi0 = cos (chi0);
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
  /* Onto Gauss's sphere… */
  double chi = 2 * atan (projection->k * pow (isometric (lat * DEG), projection->c)) - G_PI / 2;
  double dlon = projection->c * remainder (lon - projection->lon0, 360.0) * DEG;
  double sin_chi = sin (chi), cos_chi = cos (chi);
  double cos_dlon = cos (dlon), sin_dlon = sin (dlon);
  double cos_c, c, k;

  /* …then azimuthal equidistant on it. */
  cos_c = projection->sin_chi0 * sin_chi + projection->cos_chi0 * cos_chi * cos_dlon;
  cos_c = CLAMP (cos_c, -1.0, 1.0);
  c = acos (cos_c);
  /* k = c / sin c, which tends to 1 at the centre; acos loses precision
   * there, so use the series instead. */
  k = c < 1e-4 ? 1.0 + c * c / 6.0 : c / sin (c);

  *x = projection->radius * k * cos_chi * sin_dlon;
  *y = projection->radius * k * (projection->cos_chi0 * sin_chi -
                                 projection->sin_chi0 * cos_chi * cos_dlon);
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
  double e = sqrt (WGS84_E2);
  double chi, lambda, t, phi;

  if (rho < 1e-9)
    {
      *lon = projection->lon0;
      *lat = projection->lat0;
      return;
    }

  chi = asin (CLAMP (cos_c * projection->sin_chi0 + y * sin_c * projection->cos_chi0 / rho, -1.0, 1.0));
  lambda = atan2 (x * sin_c,
                  rho * projection->cos_chi0 * cos_c - y * projection->sin_chi0 * sin_c);

  /* Back from the sphere: the isometric latitude is known, φ follows by
   * fixed-point iteration (it converges by a factor e² per step). */
  t = pow (tan (G_PI / 4 + chi / 2) / projection->k, 1.0 / projection->c);
  phi = chi;
  for (guint i = 0; i < 12; i++)
    {
      double es = e * sin (phi);
      double next = 2 * atan (t * pow ((1 + es) / (1 - es), e / 2)) - G_PI / 2;

      if (fabs (next - phi) < 1e-15)
        {
          phi = next;
          break;
        }
      phi = next;
    }

  *lat = phi / DEG;
  *lon = remainder (projection->lon0 + lambda / projection->c / DEG, 360.0);
}
