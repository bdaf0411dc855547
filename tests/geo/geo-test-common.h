/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-zone-set.h"

/*
 * Fixtures shared by the geo tests: the bundled base map and
 * tests/geo/zones-test.geojson, a small dataset written to
 * docs/data-format.md whose zones mirror the historical ones (an Air Safety
 * Zone narrowing from 25 to 10 km on 2001-12-27, a Ground Safety Zone
 * lifted on 2001-08-17) plus plain rules to measure.
 */

static inline AtlasBasemap *
geo_test_load_basemap (void)
{
  g_autoptr(GError) error = NULL;
  AtlasBasemap *basemap = atlas_basemap_new_from_resources (&error);

  g_assert_no_error (error);
  /* An empty placeholder base map cannot be measured: fail, do not skip. */
  g_assert_nonnull (atlas_basemap_lookup_country (basemap, "XKX"));
  return basemap;
}

static inline AtlasDataset *
geo_test_load_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "geo", "zones-test.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);
  return dataset;
}

/* The fixtures of the test binary. */
G_GNUC_UNUSED static AtlasBasemap *basemap;
G_GNUC_UNUSED static AtlasDataset *dataset;

static inline void
geo_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  basemap = geo_test_load_basemap ();
  dataset = geo_test_load_dataset ();
}

static inline int
geo_test_run (void)
{
  int result = g_test_run ();

  g_clear_object (&dataset);
  g_clear_object (&basemap);
  return result;
}

/* How much slower than native the test runs: time limits are for the
 * code, not for valgrind (meson test --setup=valgrind), which preloads its
 * vgpreload_*.so and runs code some fifty times slower. */
static inline double
geo_test_time_factor (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload != NULL && strstr (preload, "vgpreload") != NULL ? 100.0 : 1.0;
}

static inline gint32
geo_test_day (const char *text)
{
  AtlasDate date;

  g_assert_true (atlas_date_parse (text, -1, &date));
  return atlas_date_get_first_day (&date);
}

/* Within @percent of @expected. */
#define geo_test_assert_near(value, expected, percent)                               \
  G_STMT_START {                                                                       \
    double _v = (value), _e = (expected);                                              \
    g_test_message ("%s = %.3f, expected %.3f: %+.3f %%", #value, _v, _e,              \
                    100.0 * (_v - _e) / _e);                                           \
    if (!(fabs (_v - _e) <= fabs (_e) * (percent) / 100.0))                            \
      g_error ("%s = %.3f, expected %.3f ± %g %% (off by %.2f %%)", #value, _v, _e,     \
               (double) (percent), 100.0 * (_v - _e) / _e);                            \
  } G_STMT_END
