/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>

#include "atlas-projection.h"

/* Geodesic distances on the WGS 84 ellipsoid, from GeographicLib through
 * pyproj 3.4.1 (Debian's python3-pyproj):
 *
 *   /usr/bin/python3 -c "import pyproj; g = pyproj.Geod(ellps='WGS84');
 *     print(g.inv(20.9, 42.6, 21.9, 42.6)[2])"
 *
 * and likewise for the other pairs. */
static const struct {
  double lon1, lat1, lon2, lat2, metres;
} geodesics[] = {
  { 20.9, 42.6, 21.9, 42.6,  82067.428 },
  { 20.9, 42.6, 20.9, 43.6, 111094.687 },
  { 20.9, 42.6, 22.5, 41.5, 180196.994 },
  { 20.0, 43.2, 21.8, 41.9, 206655.808 },
};

static void
test_round_trip (void)
{
  const AtlasProjection *p = atlas_projection_kosovo ();
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 10000; i++)
    {
      double lon = g_rand_double_range (rand, 5, 37);
      double lat = g_rand_double_range (rand, 30, 55);
      double x, y, lon2, lat2;

      atlas_projection_forward (p, lon, lat, &x, &y);
      atlas_projection_inverse (p, x, y, &lon2, &lat2);
      g_assert_cmpfloat_with_epsilon (lon, lon2, 1e-9);
      g_assert_cmpfloat_with_epsilon (lat, lat2, 1e-9);
    }

  g_rand_free (rand);
}

static void
test_centre (void)
{
  const AtlasProjection *p = atlas_projection_kosovo ();
  double x, y, lon, lat;

  atlas_projection_forward (p, ATLAS_PROJECTION_KOSOVO_LON, ATLAS_PROJECTION_KOSOVO_LAT, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-6);

  /* x grows eastwards, y northwards. */
  atlas_projection_forward (p, 21.5, 42.6, &x, &y);
  g_assert_cmpfloat (x, >, 40000);
  atlas_projection_forward (p, 20.9, 43.0, &x, &y);
  g_assert_cmpfloat (y, >, 40000);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-6);

  atlas_projection_inverse (p, 0, 0, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 20.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (lat, 42.6, 1e-12);
}

/* Distances in the plane against the ellipsoid's, to 0.001 %: far inside
 * the 2 % the zone figures are allowed, and close enough to catch a
 * projection on a plain sphere (0.18 % off east–west here). */
static void
test_distances (void)
{
  const AtlasProjection *p = atlas_projection_kosovo ();

  for (guint i = 0; i < G_N_ELEMENTS (geodesics); i++)
    {
      double x1, y1, x2, y2, d;

      atlas_projection_forward (p, geodesics[i].lon1, geodesics[i].lat1, &x1, &y1);
      atlas_projection_forward (p, geodesics[i].lon2, geodesics[i].lat2, &x2, &y2);
      d = hypot (x2 - x1, y2 - y1);
      if (fabs (d - geodesics[i].metres) > geodesics[i].metres * 0.00001)
        g_error ("pair %u: %.1f m in the plane, %.1f m on the ellipsoid", i, d, geodesics[i].metres);
    }
}

static void
test_other_centre (void)
{
  AtlasProjection p;
  double x, y, lon, lat;

  atlas_projection_init (&p, -33.9, 151.2);
  atlas_projection_forward (&p, 151.2, -33.9, &x, &y);
  g_assert_cmpfloat_with_epsilon (hypot (x, y), 0, 1e-6);

  /* Across the antimeridian and back. */
  atlas_projection_forward (&p, -179.5, -30, &x, &y);
  atlas_projection_inverse (&p, x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, -179.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, -30, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/geo/projection/round-trip", test_round_trip);
  g_test_add_func ("/geo/projection/centre", test_centre);
  g_test_add_func ("/geo/projection/distances", test_distances);
  g_test_add_func ("/geo/projection/other-centre", test_other_centre);

  return g_test_run ();
}
