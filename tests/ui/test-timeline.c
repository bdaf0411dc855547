/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <gtk/gtk.h>

#include "atlas-date.h"
#include "atlas-date-input.h"
#include "atlas-feature-range.h"
#include "atlas-timeline.h"

#include "../atlas-test-init.h"

static AtlasDataset *
load_test_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ui", "timeline-test.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  dataset = atlas_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);
  return dataset;
}

static gint32
ymd (int y, int m, int d)
{
  return atlas_day_from_ymd (y, m, d);
}

/* Next change visits every start and end of the test data, in order, and
 * previous change walks back over the same days. */
static void
test_timeline_change_points (void)
{
  g_autoptr(AtlasDataset) dataset = load_test_dataset ();
  GtkWidget *timeline = g_object_ref_sink (atlas_timeline_new ());
  const gint32 expected[] = {
    ymd (2000, 1, 10), ymd (2000, 1, 11),   /* e1: one day */
    ymd (2000, 1, 20),                      /* z1 starts */
    ymd (2000, 2, 1),                       /* e2 starts */
    ymd (2000, 3, 1),                       /* d1 starts */
    ymd (2000, 3, 5),                       /* e2 ends */
    ymd (2000, 4, 1),                       /* z1 ends */
    ymd (2000, 6, 1), ymd (2000, 6, 2),     /* e3 */
  };
  guint n_points;
  const gint32 *points = atlas_dataset_get_change_points (dataset, &n_points);

  g_assert_cmpuint (n_points, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_points; i++)
    g_assert_cmpint (points[i], ==, expected[i]);

  atlas_timeline_set_dataset (ATLAS_TIMELINE (timeline), dataset);
  atlas_timeline_set_date (ATLAS_TIMELINE (timeline), ymd (2000, 1, 1));
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 1, 1));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (gtk_widget_activate_action (timeline, "timeline.next-change", NULL));
      g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, expected[i]);
    }
  /* Past the last change the date stays. */
  gtk_widget_activate_action (timeline, "timeline.next-change", NULL);
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, expected[G_N_ELEMENTS (expected) - 1]);

  for (int i = G_N_ELEMENTS (expected) - 2; i >= 0; i--)
    {
      gtk_widget_activate_action (timeline, "timeline.previous-change", NULL);
      g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, expected[i]);
    }

  g_object_unref (timeline);
}

static void
test_timeline_events (void)
{
  g_autoptr(AtlasDataset) dataset = load_test_dataset ();
  GtkWidget *timeline = g_object_ref_sink (atlas_timeline_new ());

  atlas_timeline_set_dataset (ATLAS_TIMELINE (timeline), dataset);
  atlas_timeline_set_date (ATLAS_TIMELINE (timeline), ymd (2000, 1, 1));

  gtk_widget_activate_action (timeline, "timeline.next-event", NULL);
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 1, 10));
  gtk_widget_activate_action (timeline, "timeline.next-event", NULL);
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 2, 1));
  gtk_widget_activate_action (timeline, "timeline.next-event", NULL);
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 6, 1));
  gtk_widget_activate_action (timeline, "timeline.previous-event", NULL);
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 2, 1));

  g_object_unref (timeline);
}

/* Typing a bad date changes nothing but says what is wrong. */
static void
test_timeline_typed_dates (void)
{
  g_autoptr(AtlasDataset) dataset = load_test_dataset ();
  GtkWidget *timeline = g_object_ref_sink (atlas_timeline_new ());
  const char *bad[] = { "tomorrow", "2000-02-30", "31 February 2000", "2000-13", "", "1850-01-01" };

  atlas_timeline_set_dataset (ATLAS_TIMELINE (timeline), dataset);
  g_assert_true (atlas_timeline_enter_date (ATLAS_TIMELINE (timeline), "2000-03-04"));
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 3, 4));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (atlas_timeline_enter_date (ATLAS_TIMELINE (timeline), bad[i]));
      g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 3, 4));
    }

  g_assert_true (atlas_timeline_enter_date (ATLAS_TIMELINE (timeline), "June 2000"));
  g_assert_cmpint (atlas_timeline_get_date (ATLAS_TIMELINE (timeline)), ==, ymd (2000, 6, 1));

  g_object_unref (timeline);
}

/* The event range follows the half-open intervals of the data. */
static void
test_feature_range_edges (void)
{
  g_autoptr(AtlasDataset) dataset = load_test_dataset ();
  g_autoptr(AtlasFeatureRange) range = atlas_feature_range_new (ATLAS_KIND_EVENT);
  g_autoptr(AtlasFeatureRange) zones = atlas_feature_range_new (ATLAS_KIND_ZONE);

  atlas_feature_range_set_dataset (range, dataset);
  atlas_feature_range_set_dataset (zones, dataset);

  /* e2 is [2000-02-01, 2000-03-05): shown on 4 March, not on 5 March. */
  atlas_feature_range_set_span (range, ymd (2000, 3, 4), ymd (2000, 3, 5));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 1);
  atlas_feature_range_set_span (range, ymd (2000, 3, 5), ymd (2000, 3, 6));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 0);
  /* Starting on the day: shown. */
  atlas_feature_range_set_span (range, ymd (2000, 2, 1), ymd (2000, 2, 2));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 1);

  /* z1 ends 2000-04-01: in force on 31 March only. */
  atlas_feature_range_set_span (zones, ymd (2000, 3, 31), ymd (2000, 4, 1));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zones)), ==, 1);
  atlas_feature_range_set_span (zones, ymd (2000, 4, 1), ymd (2000, 4, 2));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zones)), ==, 0);

  /* A 90-day window ending on 2000-06-01 holds e2 and e3; nearest is e3. */
  atlas_feature_range_set_span (range, ymd (2000, 6, 1) - 89, ymd (2000, 6, 2));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (range)), ==, 2);
  g_assert_cmpuint (atlas_feature_range_find_nearest (range, ymd (2000, 6, 1)), ==, 1);
}

static void
test_date_input (void)
{
  const struct { const char *text; int y, m, d; } good[] = {
    { "1999-06-12", 1999, 6, 12 }, { "1999-06", 1999, 6, 1 }, { "1999", 1999, 1, 1 },
    { "12 June 1999", 1999, 6, 12 }, { "June 12, 1999", 1999, 6, 12 }, { "june 1999", 1999, 6, 1 },
    { "Jun 1999", 1999, 6, 1 }, { "  2008-02-29 ", 2008, 2, 29 }, { "29 Feb 2008", 2008, 2, 29 },
  };
  const char *bad[] = { "", "June", "2007-02-29", "29 February 2007", "1999-6-12", "32 May 1999", "Juni 1999x" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint32 day = 0;
      g_autofree char *message = NULL;

      if (!atlas_date_input_parse (good[i].text, &day, &message))
        g_error ("“%s” was refused: %s", good[i].text, message);
      g_assert_cmpint (day, ==, ymd (good[i].y, good[i].m, good[i].d));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint32 day = 0;
      g_autofree char *message = NULL;

      g_assert_false (atlas_date_input_parse (bad[i], &day, &message));
      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_isolated (&argc, &argv);

  g_test_add_func ("/ui/date-input/parse", test_date_input);
  g_test_add_func ("/ui/feature-range/edges", test_feature_range_edges);

  if (gtk_init_check ())
    {
      g_test_add_func ("/ui/timeline/change-points", test_timeline_change_points);
      g_test_add_func ("/ui/timeline/events", test_timeline_events);
      g_test_add_func ("/ui/timeline/typed-dates", test_timeline_typed_dates);
    }

  return g_test_run ();
}
