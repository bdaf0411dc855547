/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <stdlib.h>

#include "atlas-dataset.h"
#include "atlas-test-generator.h"
#include "atlas-time-index.h"

#define N_ITEMS 10000
#define N_QUERIES 3000

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static int
compare_int32 (gconstpointer a,
               gconstpointer b)
{
  gint32 ia = *(const gint32 *) a;
  gint32 ib = *(const gint32 *) b;

  return ia < ib ? -1 : ia > ib;
}

static void
assert_same_sets (GArray *got,
                  GArray *expected)
{
  g_array_sort (got, compare_uint);
  g_array_sort (expected, compare_uint);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpuint (g_array_index (got, guint, i), ==, g_array_index (expected, guint, i));
}

/* Intervals of every sort: days, months, years, empty ones, open ends,
 * "always" starts, and many sharing the same start or end day. */
static void
random_intervals (GRand  *rand,
                  gint32 *start,
                  gint32 *end,
                  guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      int shape = g_rand_int_range (rand, 0, 20);

      start[i] = g_rand_int_range (rand, 0, 4000);
      if (shape == 0)
        start[i] = start[i] - start[i] % 100;                   /* shared starts */
      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0: end[i] = start[i]; break;                       /* empty */
        case 1: end[i] = start[i] - g_rand_int_range (rand, 1, 50); break;   /* reversed */
        case 2: end[i] = ATLAS_DAY_MAX; break;                  /* open-ended */
        case 3: end[i] = start[i] + g_rand_int_range (rand, 300, 3000); break;
        default: end[i] = start[i] + g_rand_int_range (rand, 1, 40); break;
        }
      if (shape == 1)
        start[i] = ATLAS_DAY_MIN;                               /* always */
    }
}

/* A day that is often exactly on some interval's edge. */
static gint32
random_day (GRand        *rand,
            const gint32 *start,
            const gint32 *end,
            guint         n)
{
  guint i = g_rand_int_range (rand, 0, n);

  gint64 day;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0: day = start[i]; break;
    case 1: day = end[i]; break;
    case 2: day = (gint64) end[i] - 1; break;
    case 3: day = (gint64) start[i] - 1; break;
    default: day = g_rand_int_range (rand, -200, 4200); break;
    }
  return (gint32) CLAMP (day, G_MININT32, G_MAXINT32);
}

static void
test_random (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree gint32 *start = g_new (gint32, N_ITEMS);
      g_autofree gint32 *end = g_new (gint32, N_ITEMS);
      g_autoptr(AtlasTimeIndex) index = NULL;
      g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      guint total = 0;

      random_intervals (rand, start, end, N_ITEMS);
      index = atlas_time_index_new (start, end, N_ITEMS);
      g_assert_cmpuint (atlas_time_index_get_n_items (index), ==, N_ITEMS);

      for (guint q = 0; q < N_QUERIES; q++)
        {
          gint32 day = random_day (rand, start, end, N_ITEMS);
          gint64 span = q % 3 == 0 ? 1 : g_rand_int_range (rand, 1, 400);
          gint32 to = (gint32) MIN ((gint64) day + span, G_MAXINT32);

          g_array_set_size (got, 0);
          g_array_set_size (expected, 0);
          atlas_time_index_query_active (index, day, got);
          for (guint i = 0; i < N_ITEMS; i++)
            if (start[i] <= day && day < end[i])
              g_array_append_val (expected, i);
          total += expected->len;
          if (got->len != expected->len)
            g_test_message ("active at %d", day);
          assert_same_sets (got, expected);

          g_array_set_size (got, 0);
          g_array_set_size (expected, 0);
          atlas_time_index_query_overlapping (index, day, to, got);
          for (guint i = 0; i < N_ITEMS; i++)
            if (start[i] < to && end[i] > day && start[i] < end[i])
              g_array_append_val (expected, i);
          if (got->len != expected->len)
            g_test_message ("overlapping [%d, %d)", day, to);
          assert_same_sets (got, expected);
        }

      /* The queries did find things: the test is not vacuous. */
      g_assert_cmpuint (total, >, N_QUERIES);
    }
}

static void
test_degenerate (void)
{
  static const gint32 start[] = { 5, 5, 5, 7 };
  static const gint32 end[] = { 5, 6, 4, 8 };
  g_autoptr(AtlasTimeIndex) empty = atlas_time_index_new (NULL, NULL, 0);
  g_autoptr(AtlasTimeIndex) index = atlas_time_index_new (start, end, G_N_ELEMENTS (start));
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));

  atlas_time_index_query_active (empty, 0, got);
  atlas_time_index_query_overlapping (empty, G_MININT32, G_MAXINT32, got);
  g_assert_cmpuint (got->len, ==, 0);

  atlas_time_index_query_active (index, 5, got);
  g_assert_cmpuint (got->len, ==, 1);
  g_assert_cmpuint (g_array_index (got, guint, 0), ==, 1);

  g_array_set_size (got, 0);
  atlas_time_index_query_overlapping (index, 6, 7, got);
  g_assert_cmpuint (got->len, ==, 0);

  /* An empty or reversed query span meets nothing. */
  atlas_time_index_query_overlapping (index, 7, 7, got);
  atlas_time_index_query_overlapping (index, 8, 2, got);
  g_assert_cmpuint (got->len, ==, 0);

  atlas_time_index_query_overlapping (index, G_MININT32, G_MAXINT32, got);
  g_assert_cmpuint (got->len, ==, 2);
}

/* The dataset's queries and change points against a scan of its arrays. */
static void
test_dataset (void)
{
  AtlasTestGeneratorOptions options = { 7000, 1000, 1000, 1000, 42, FALSE };
  g_autoptr(GString) text = atlas_test_generate (&options);
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_new_from_bytes (bytes, "random.geojson", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autoptr(GArray) all_points = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  const gint32 *points;
  guint n_points;
  guint n_features = 0;
  gint32 first, last;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);

  for (AtlasFeatureKind k = 0; k < ATLAS_N_KINDS; k++)
    {
      const AtlasFeatureArrays *arrays = atlas_dataset_get_arrays (dataset, k);

      n_features += arrays->n_items;
      for (guint i = 0; i < arrays->n_items; i++)
        {
          if (arrays->start_day[i] != ATLAS_DAY_MIN)
            g_array_append_val (all_points, arrays->start_day[i]);
          if (arrays->end_day[i] != ATLAS_DAY_MAX)
            g_array_append_val (all_points, arrays->end_day[i]);
        }
    }
  g_assert_cmpuint (n_features, ==, 10000);

  points = atlas_dataset_get_change_points (dataset, &n_points);
  g_assert_cmpuint (n_points, >, 100);
  for (guint i = 1; i < n_points; i++)
    g_assert_cmpint (points[i - 1], <, points[i]);
  for (guint i = 0; i < all_points->len; i++)
    g_assert_nonnull (bsearch (&g_array_index (all_points, gint32, i), points, n_points,
                               sizeof (gint32), compare_int32));

  g_assert_true (atlas_dataset_get_time_range (dataset, &first, &last));
  g_assert_cmpint (first, ==, points[0]);
  g_assert_cmpint (last, ==, points[n_points - 1]);

  for (guint q = 0; q < N_QUERIES; q++)
    {
      gint32 day = points[g_rand_int_range (rand, 0, n_points)] + g_rand_int_range (rand, -2, 3);
      gint32 next = G_MAXINT32, previous = G_MININT32, found;
      AtlasFeatureKind kind = g_rand_int_range (rand, 0, ATLAS_N_KINDS);
      const AtlasFeatureArrays *arrays = atlas_dataset_get_arrays (dataset, kind);

      for (guint i = 0; i < all_points->len; i++)
        {
          gint32 p = g_array_index (all_points, gint32, i);

          if (p > day)
            next = MIN (next, p);
          if (p < day)
            previous = MAX (previous, p);
        }
      g_assert_cmpint (atlas_dataset_next_change (dataset, day, &found), ==, next != G_MAXINT32);
      if (next != G_MAXINT32)
        g_assert_cmpint (found, ==, next);
      g_assert_cmpint (atlas_dataset_previous_change (dataset, day, &found), ==, previous != G_MININT32);
      if (previous != G_MININT32)
        g_assert_cmpint (found, ==, previous);

      /* Active features come back in list order. */
      g_array_set_size (got, 0);
      g_array_set_size (expected, 0);
      atlas_dataset_query_active (dataset, kind, day, got);
      for (guint i = 0; i < arrays->n_items; i++)
        if (arrays->start_day[i] <= day && day < arrays->end_day[i])
          g_array_append_val (expected, i);
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_cmpuint (g_array_index (got, guint, i), ==, g_array_index (expected, guint, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/time-index/random", test_random);
  g_test_add_func ("/model/time-index/degenerate", test_degenerate);
  g_test_add_func ("/model/time-index/dataset", test_dataset);

  return g_test_run ();
}
