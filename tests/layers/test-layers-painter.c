/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-painter-deployments.h"
#include "atlas-painter-events.h"

#include "layers-test-data.h"
#include "layers-test-zones.h"

/* Events, deployments and the zone layer's image drawn with cairo alone:
 * no display needed. */

static AtlasBasemap *basemap;
static AtlasZoneSet *zone_set;

static char *
event_ids (AtlasEventSet *set)
{
  guint n;
  const guint *positions = atlas_event_set_get_positions (set, &n);

  return ids_of (atlas_event_set_get_dataset (set), ATLAS_KIND_EVENT, positions, n);
}

static char *
window_ids (AtlasDataset         *dataset,
            int                   offset,
            AtlasEventWindowMode  mode,
            guint                 window_days)
{
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (offset), mode, window_days);

  return event_ids (set);
}

static void
view_around_pristina (AtlasView *view)
{
  atlas_view_init (view, 42.66, 21.16, 9, 800, 600);
}

/* The premultiplied ARGB pixel at (x, y) of an image surface. */
static void
read_argb (cairo_surface_t *surface,
           double           x,
           double           y,
           double           argb[4])
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data;
  guint32 pixel;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *) (gconstpointer) (data + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  argb[0] = (pixel >> 24) / 255.0;
  argb[1] = ((pixel >> 16) & 0xff) / 255.0;
  argb[2] = ((pixel >> 8) & 0xff) / 255.0;
  argb[3] = (pixel & 0xff) / 255.0;
}

static void
project_lonlat (const AtlasView *view,
                double           lon,
                double           lat,
                double          *px,
                double          *py)
{
  atlas_view_project (view, atlas_mercator_x_from_lon (lon), atlas_mercator_y_from_lat (lat), px, py);
}

/* Events ---------------------------------------------------------------- */

static void
test_events_trailing (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  struct {
    guint       days;
    const char *ids;
  } cases[] = {
    { 1, "e-day e-long" },
    { 2, "e-day e-ends-on-d e-long" },
    { 7, "e-day e-edge-6 e-ends-on-d e-long" },
    { 8, "e-day e-edge-6 e-edge-7 e-ends-on-d e-long" },
    { 30, "e-day e-edge-6 e-edge-7 e-ends-on-d e-long e-old-10" },
    { 365, "e-day e-edge-6 e-edge-7 e-ends-on-d e-long e-old-10 e-old-100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING,
                                                          cases[i].days);
      g_autofree char *ids = event_ids (set);
      gint32 from, to;

      g_test_message ("trailing %u days", cases[i].days);
      g_assert_cmpstr (ids, ==, cases[i].ids);
      /* e-nowhere is in the window but has no place on the map. */
      g_assert_cmpuint (atlas_event_set_get_n_unlocated (set), ==, 1);

      atlas_event_set_get_window (set, &from, &to);
      g_assert_cmpint (to, ==, test_day (1));
      g_assert_cmpint (to - from, ==, cases[i].days);
    }
}

/* A feature ending on D is not shown on D; one starting on D is. */
static void
test_events_interval_edges (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autofree char *on_d = window_ids (dataset, 0, ATLAS_EVENT_WINDOW_TRAILING, 1);
  g_autofree char *day_before = window_ids (dataset, -1, ATLAS_EVENT_WINDOW_TRAILING, 1);
  g_autofree char *day_after = window_ids (dataset, 1, ATLAS_EVENT_WINDOW_TRAILING, 1);
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 1);

  g_assert_cmpstr (on_d, ==, "e-day e-long");
  g_assert_cmpstr (day_before, ==, "e-ends-on-d e-long");
  g_assert_cmpstr (day_after, ==, "e-long e-tomorrow");

  g_assert_true (atlas_event_set_contains (set, position_of (dataset, "e-day")));
  g_assert_false (atlas_event_set_contains (set, position_of (dataset, "e-ends-on-d")));
  g_assert_false (atlas_event_set_contains (set, position_of (dataset, "e-tomorrow")));
  g_assert_false (atlas_event_set_contains (set, position_of (dataset, "e-nowhere")));
}

static void
test_events_cumulative (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autofree char *on_d = window_ids (dataset, 0, ATLAS_EVENT_WINDOW_CUMULATIVE, 7);
  g_autofree char *day_before = window_ids (dataset, -1, ATLAS_EVENT_WINDOW_CUMULATIVE, 7);
  g_autofree char *long_before = window_ids (dataset, -500, ATLAS_EVENT_WINDOW_CUMULATIVE, 7);
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_CUMULATIVE, 7);
  gint32 from;

  g_assert_cmpstr (on_d, ==, "e-day e-edge-6 e-edge-7 e-ends-on-d e-long e-old-10 e-old-100");
  g_assert_cmpstr (day_before, ==, "e-edge-6 e-edge-7 e-ends-on-d e-long e-old-10 e-old-100");
  g_assert_cmpstr (long_before, ==, "");

  atlas_event_set_get_window (set, &from, NULL);
  g_assert_cmpint (from, ==, G_MININT32);
  g_assert_cmpint (atlas_event_set_get_mode (set), ==, ATLAS_EVENT_WINDOW_CUMULATIVE);
  g_assert_cmpuint (atlas_event_set_get_n_unlocated (set), ==, 1);
}

/* Events fade with the days since they were last active. */
static void
test_events_fade (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 7);
  double today = atlas_event_set_get_fade (set, position_of (dataset, "e-day"));
  double ongoing = atlas_event_set_get_fade (set, position_of (dataset, "e-long"));
  double yesterday = atlas_event_set_get_fade (set, position_of (dataset, "e-ends-on-d"));
  double oldest = atlas_event_set_get_fade (set, position_of (dataset, "e-edge-6"));

  g_assert_cmpfloat (today, ==, 1.0);
  g_assert_cmpfloat (ongoing, ==, 1.0);
  g_assert_cmpfloat (yesterday, <=, today);
  g_assert_cmpfloat (oldest, <, yesterday);
  g_assert_cmpfloat (oldest, >=, 0.25);
}

static cairo_surface_t *
draw_events (AtlasPainter       *painter,
             const AtlasView    *view,
             AtlasEventSet      *set,
             guint               selected,
             AtlasEventDrawInfo *info)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cairo_t *cr = cairo_create (surface);

  atlas_painter_draw_events (painter, cr, view, set, selected, info);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* Each event is a point of its category's colour where it is; the
 * selected one gets a ring. */
static void
test_events_draw (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 30);
  guint selected = position_of (dataset, "e-long");
  AtlasEventDrawInfo info;
  AtlasView view;
  AtlasRgba military, humanitarian;
  cairo_surface_t *surface;
  double px, py, argb[4];

  view_around_pristina (&view);
  surface = draw_events (painter, &view, set, selected, &info);

  g_assert_cmpuint (info.n_visible, ==, 6);
  g_assert_cmpuint (info.n_points, ==, 6);
  g_assert_cmpuint (info.n_clusters, ==, 0);
  g_assert_false (info.aggregated);

  /* e-day: military, drawn unfaded. */
  atlas_painter_get_event_color (painter, "military", &military);
  project_lonlat (&view, 21.16, 42.66, &px, &py);
  read_argb (surface, px, py, argb);
  g_assert_cmpfloat (argb[0], >, 0.99);
  g_assert_cmpfloat (fabs (argb[1] - military.r), <, 0.02);
  g_assert_cmpfloat (fabs (argb[2] - military.g), <, 0.02);
  g_assert_cmpfloat (fabs (argb[3] - military.b), <, 0.02);

  /* e-long, the selected one: its colour inside, the ring around it, and
   * nothing between the two. */
  atlas_painter_get_event_color (painter, "humanitarian", &humanitarian);
  project_lonlat (&view, 21.16, 42.46, &px, &py);
  read_argb (surface, px, py, argb);
  g_assert_cmpfloat (fabs (argb[3] - humanitarian.b), <, 0.02);
  read_argb (surface, px + 10, py, argb);
  g_assert_cmpfloat (argb[0], >, 0.9);
  read_argb (surface, px + 6, py, argb);
  g_assert_cmpfloat (argb[0], <, 0.1);

  /* e-tomorrow is not in the window: nothing where it would be. */
  project_lonlat (&view, 21.16, 42.56, &px, &py);
  read_argb (surface, px, py, argb);
  g_assert_cmpfloat (argb[0], ==, 0.0);

  cairo_surface_destroy (surface);
}

static void
test_events_palette (void)
{
  g_autoptr(AtlasPainter) light = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasPainter) dark = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  const char *categories[] = { "military", "political", "agreement", "unrest", "visit", "humanitarian",
                               "something-else", NULL };
  AtlasRgba a, b;

  /* Every recommended category has a colour of its own. */
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (categories); j++)
      {
        atlas_painter_get_event_color (light, categories[i], &a);
        atlas_painter_get_event_color (light, categories[j], &b);
        g_assert_true (a.r != b.r || a.g != b.g || a.b != b.b);
      }

  atlas_painter_get_event_color (light, "political", &a);
  atlas_painter_get_event_color (dark, "political", &b);
  g_assert_true (a.r != b.r || a.g != b.g || a.b != b.b);
}

static void
test_events_pick (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 30);
  AtlasView view;
  double px, py;
  guint position = G_MAXUINT;

  view_around_pristina (&view);

  project_lonlat (&view, 21.26, 42.66, &px, &py);
  g_assert_true (atlas_event_set_pick (set, &view, px + 2, py - 2, &position));
  g_assert_cmpuint (position, ==, position_of (dataset, "e-ends-on-d"));

  /* Not in the window, so not there to be clicked. */
  project_lonlat (&view, 21.16, 42.56, &px, &py);
  g_assert_false (atlas_event_set_pick (set, &view, px, py, &position));

  /* Empty map. */
  g_assert_false (atlas_event_set_pick (set, &view, 5, 5, &position));
}

/* A legend lists the categories in view; "" stands for none. */
static void
test_events_categories (void)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 30);
  g_auto(GStrv) all = atlas_event_set_get_categories (set, NULL);
  g_auto(GStrv) near = NULL;
  g_autofree char *joined = g_strjoinv (",", all);
  AtlasView view;

  g_assert_cmpstr (joined, ==, "agreement,humanitarian,military,political,visit,");

  /* Only e-day in a small view around it. */
  atlas_view_init (&view, 42.66, 21.16, 12, 40, 40);
  near = atlas_event_set_get_categories (set, &view);
  g_assert_cmpuint (g_strv_length (near), ==, 1);
  g_assert_cmpstr (near[0], ==, "military");
}

/* The legend and the details name the categories the same way; others
 * are shown as the data writes them. */
static void
test_events_category_labels (void)
{
  const char *custom = "custom-category";

  g_assert_cmpstr (atlas_painter_get_event_category_label ("military"), ==, "Military");
  g_assert_cmpstr (atlas_painter_get_event_category_label ("humanitarian"), ==, "Humanitarian");
  g_assert_cmpstr (atlas_painter_get_event_category_label (""), ==, "Other");
  g_assert_true (atlas_painter_get_event_category_label (custom) == custom);
}

/* Counts on clusters and stacks follow the locale's digit grouping and
 * switch to thousands where five digits would not fit. */
static void
test_events_count_text (void)
{
  g_autofree char *locale = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *small = atlas_painter_format_event_count (12);
  g_autofree char *large = atlas_painter_format_event_count (23456);

  g_assert_cmpstr (small, ==, "12");
  g_assert_cmpstr (large, ==, "23k");

  if (setlocale (LC_NUMERIC, "en_US.UTF-8") != NULL)
    {
      g_autofree char *grouped = atlas_painter_format_event_count (9876);

      g_assert_cmpstr (grouped, ==, "9,876");
      setlocale (LC_NUMERIC, locale);
    }
  else
    g_test_message ("en_US.UTF-8 is not installed: digit grouping not checked");
}

/* Points just off the left edge of the view are still drawn (their
 * discs reach into it) and counted in stacks: their pixel columns are
 * negative, which the stack key must take (UBSan finding 5). */
static void
test_events_left_of_view (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasEventSet) set = NULL;
  GString *json = begin_collection ();
  AtlasEventDrawInfo info;
  AtlasView view;
  cairo_surface_t *surface;
  double mx, my, lon, lat, px, py, argb[4];

  view_around_pristina (&view);
  atlas_view_unproject (&view, -2.0, 300.0, &mx, &my);
  lon = atlas_mercator_lon_from_x (mx);
  lat = atlas_mercator_lat_from_y (my);

  /* Three in one place left of the view, one above it, one inside. */
  add_event (json, "left-1", "military", 0, G_MININT, lon, lat);
  add_event (json, "left-2", "military", 0, G_MININT, lon, lat);
  add_event (json, "left-3", "political", 0, G_MININT, lon, lat);
  atlas_view_unproject (&view, 200.0, -2.0, &mx, &my);
  add_event (json, "above", "military", 0, G_MININT, atlas_mercator_lon_from_x (mx), atlas_mercator_lat_from_y (my));
  add_event (json, "inside", "military", 0, G_MININT, 21.16, 42.66);
  dataset = finish_collection (json);
  set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 30);

  surface = draw_events (painter, &view, set, ATLAS_EVENT_NONE, &info);
  g_assert_cmpuint (info.n_points, ==, 5);
  g_assert_cmpuint (info.n_clusters, ==, 0);

  /* The part of the stacked disc inside the view is painted. */
  project_lonlat (&view, lon, lat, &px, &py);
  g_assert_cmpfloat (px, <, 0);
  read_argb (surface, 0.5, py, argb);
  g_assert_cmpfloat (argb[0], >, 0.5);

  cairo_surface_destroy (surface);
}

/* @n events on a 100 × 100 grid of points 0.001° apart. */
static AtlasDataset *
create_dense_dataset (guint n)
{
  GString *json = begin_collection ();

  for (guint i = 0; i < n; i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "dense-%u", i);
      add_event (json, id, i % 3 == 0 ? "unrest" : "military", -(int) (i % 20), G_MININT,
                 21.1 + 0.001 * (i % 100), 42.6 + 0.001 * (i / 100));
    }

  return finish_collection (json);
}

static void
test_events_aggregation (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  guint sizes[] = { ATLAS_EVENTS_AGGREGATE_THRESHOLD, ATLAS_EVENTS_AGGREGATE_THRESHOLD + 1 };
  AtlasView view;

  atlas_view_init (&view, 42.607, 21.15, 10, 800, 600);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(AtlasDataset) dataset = create_dense_dataset (sizes[i]);
      g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, test_day (0), ATLAS_EVENT_WINDOW_TRAILING, 30);
      gboolean aggregated = sizes[i] > ATLAS_EVENTS_AGGREGATE_THRESHOLD;
      AtlasEventDrawInfo info;
      cairo_surface_t *surface;
      guint position;

      surface = draw_events (painter, &view, set, ATLAS_EVENT_NONE, &info);
      g_assert_cmpuint (info.n_visible, ==, sizes[i]);
      g_assert_cmpint (info.aggregated, ==, aggregated);

      if (aggregated)
        {
          /* 100 × 16 points about 1.4 px apart fit in a handful of cells. */
          g_assert_cmpuint (info.n_clusters, >, 0);
          g_assert_cmpuint (info.n_clusters, <, 100);
          g_assert_cmpuint (info.n_points, <, info.n_clusters * 4);
        }
      else
        {
          g_assert_cmpuint (info.n_clusters, ==, 0);
          g_assert_cmpuint (info.n_points, ==, sizes[i]);
        }

      /* A click in the middle of the block finds one of its events. */
      g_assert_true (atlas_event_set_pick (set, &view, view.width / 2, view.height / 2, &position));
      g_assert_true (atlas_event_set_contains (set, position));

      cairo_surface_destroy (surface);
    }
}

/* The benchmark's case: 100 000 events around Kosovo. Timings are printed
 * (run with --verbose), not asserted. */
static void
test_events_100k (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1999);
  g_autoptr(AtlasDataset) dataset = NULL;
  GString *json = begin_collection ();
  const guint n = 100000;
  AtlasEventDrawInfo info;
  AtlasView view;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 t0, t1;
  double scrub_ms = 0, draw_ms = 0;
  const int n_days = 11 * 365;

  for (guint i = 0; i < n; i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "r-%u", i);
      add_event (json, id, i % 5 == 0 ? "political" : "military",
                 g_rand_int_range (rand, -n_days / 2, n_days / 2), G_MININT,
                 g_rand_double_range (rand, 20.0, 21.8), g_rand_double_range (rand, 41.85, 43.3));
    }
  t0 = g_get_monotonic_time ();
  dataset = finish_collection (json);
  g_test_message ("loading 100 000 events: %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);

  atlas_view_init (&view, 42.6, 20.9, 8, 1280, 800);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (surface);

  /* Scrub a day at a time through a year, drawing each frame. */
  for (int day = 0; day < 365; day++)
    {
      g_autoptr(AtlasEventSet) set = NULL;

      t0 = g_get_monotonic_time ();
      set = atlas_event_set_new (dataset, test_day (day), ATLAS_EVENT_WINDOW_TRAILING, 30);
      t1 = g_get_monotonic_time ();
      atlas_painter_draw_events (painter, cr, &view, set, ATLAS_EVENT_NONE, &info);
      scrub_ms += (t1 - t0) / 1000.0;
      draw_ms += (g_get_monotonic_time () - t1) / 1000.0;
    }
  g_test_message ("trailing 30 days: %u events, set %.3f ms, draw %.3f ms per frame",
                  info.n_visible, scrub_ms / 365, draw_ms / 365);
  g_assert_cmpuint (info.n_visible, >, 0);

  {
    g_autoptr(AtlasEventSet) set = NULL;
    guint n_positions;

    t0 = g_get_monotonic_time ();
    set = atlas_event_set_new (dataset, test_day (n_days), ATLAS_EVENT_WINDOW_CUMULATIVE, 30);
    t1 = g_get_monotonic_time ();
    for (guint i = 0; i < 10; i++)
      atlas_painter_draw_events (painter, cr, &view, set, ATLAS_EVENT_NONE, &info);
    g_test_message ("cumulative, all 100 000: set %.3f ms, draw %.3f ms (%u clusters, %u points)",
                    (t1 - t0) / 1000.0, (g_get_monotonic_time () - t1) / 10000.0,
                    info.n_clusters, info.n_points);

    /* Zoomed in on Pristina: fewer in view, still aggregated. */
    atlas_view_init (&view, 42.66, 21.16, 11, 1280, 800);
    t1 = g_get_monotonic_time ();
    for (guint i = 0; i < 10; i++)
      atlas_painter_draw_events (painter, cr, &view, set, ATLAS_EVENT_NONE, &info);
    g_test_message ("cumulative at zoom 11: %u in view, draw %.3f ms (%u clusters, %u points)",
                    info.n_visible, (g_get_monotonic_time () - t1) / 10000.0, info.n_clusters, info.n_points);
    atlas_view_init (&view, 42.6, 20.9, 8, 1280, 800);
    atlas_painter_draw_events (painter, cr, &view, set, ATLAS_EVENT_NONE, &info);

    atlas_event_set_get_positions (set, &n_positions);
    g_assert_cmpuint (n_positions, ==, n);
    g_assert_cmpuint (info.n_visible, ==, n);
    g_assert_true (info.aggregated);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Deployments ----------------------------------------------------------- */

static char *
deployment_ids (AtlasDataset *dataset,
                int           offset)
{
  g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, test_day (offset));
  guint n;
  const guint *positions = atlas_deployment_set_get_positions (set, &n);

  return ids_of (dataset, ATLAS_KIND_DEPLOYMENT, positions, n);
}

static void
test_deployments_active (void)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  g_autofree char *on_d = deployment_ids (dataset, 0);
  g_autofree char *day_before = deployment_ids (dataset, -1);
  g_autofree char *day_after = deployment_ids (dataset, 1);
  g_autofree char *before = deployment_ids (dataset, -11);
  g_autofree char *first = deployment_ids (dataset, -10);
  g_autofree char *after = deployment_ids (dataset, 10);
  g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, test_day (0));

  g_assert_cmpstr (on_d, ==, "d-big d-in-box d-pledged d-range d-small d-unknown");
  g_assert_cmpstr (day_before, ==, "d-big d-ended d-in-box d-pledged d-small d-unknown");
  g_assert_cmpstr (day_after, ==, "d-big d-in-box d-pledged d-small d-unknown");
  g_assert_cmpstr (first, ==, "d-big d-ended d-in-box d-pledged d-small d-unknown");
  g_assert_cmpstr (before, ==, "");
  g_assert_cmpstr (after, ==, "");

  /* d-in-rule's zone is computed from a rule: nowhere to draw it. */
  g_assert_cmpuint (atlas_deployment_set_get_n_unplaced (set), ==, 1);
  /* d-big and d-small share a place. */
  g_assert_cmpuint (atlas_deployment_set_get_n_groups (set), ==, 5);
}

static void
test_deployments_zone_centroid (void)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, test_day (0));
  double x, y;
  double want_x = atlas_mercator_x_from_lon ((BOX_W + BOX_E) / 2);
  double want_y = (atlas_mercator_y_from_lat (BOX_S) + atlas_mercator_y_from_lat (BOX_N)) / 2;

  g_assert_true (atlas_deployment_set_get_location (set, position_of (dataset, "d-in-box"), &x, &y));
  g_assert_cmpfloat_with_epsilon (x, want_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, want_y, 1e-9);

  g_assert_true (atlas_deployment_set_get_location (set, position_of (dataset, "d-big"), &x, &y));
  g_assert_cmpfloat_with_epsilon (x, atlas_mercator_x_from_lon (P_LON), 1e-9);
  g_assert_false (atlas_deployment_set_get_location (set, position_of (dataset, "d-in-rule"), &x, &y));
}

static void
view_of_deployments (AtlasView *view)
{
  atlas_view_init (view, 42.55, 20.95, 9, 1000, 700);
}

/* Present troops are filled, committed ones hollow, ranges solid to the
 * minimum and pale to the maximum. */
static void
test_deployments_symbols (void)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, test_day (0));
  AtlasDeploymentDrawInfo info;
  AtlasView view;
  cairo_surface_t *surface;
  cairo_t *cr;
  double px, py, argb[4], solid, pale;
  double r_big, r_small, r_pledged, r_min, r_max;

  view_of_deployments (&view);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (surface);
  atlas_painter_draw_deployments (painter, cr, &view, set, &info);
  cairo_destroy (cr);

  g_assert_cmpuint (info.n_symbols, ==, 6);
  g_assert_cmpuint (info.n_groups, ==, 5);

  r_big = atlas_deployment_symbol_radius (5000, view.zoom);
  r_small = atlas_deployment_symbol_radius (800, view.zoom);
  r_pledged = atlas_deployment_symbol_radius (3000, view.zoom);
  r_min = atlas_deployment_symbol_radius (4000, view.zoom);
  r_max = atlas_deployment_symbol_radius (9000, view.zoom);
  g_assert_cmpfloat (r_big, >, r_small + 4);
  /* Area, not radius, is proportional to troops. */
  g_assert_cmpfloat_with_epsilon (r_big * r_big / (r_pledged * r_pledged), 5000.0 / 3000.0, 1e-6);

  /* Between the small and the big disc of P: the big one's fill. */
  project_lonlat (&view, P_LON, P_LAT, &px, &py);
  read_argb (surface, px + (r_small + r_big) / 2, py, argb);
  solid = argb[0];
  g_assert_cmpfloat (solid, >, 0.2);

  /* Inside the committed circle: nothing. */
  project_lonlat (&view, Q_LON, Q_LAT, &px, &py);
  read_argb (surface, px + r_pledged / 2, py, argb);
  g_assert_cmpfloat (argb[0], ==, 0.0);
  read_argb (surface, px, py + r_pledged / 2, argb);
  g_assert_cmpfloat (argb[0], ==, 0.0);

  /* The range: solid inside the minimum, pale out to the maximum. */
  project_lonlat (&view, R_LON, R_LAT, &px, &py);
  read_argb (surface, px + r_min / 2, py, argb);
  g_assert_cmpfloat (argb[0], >=, solid - 0.01);
  read_argb (surface, px + (r_min + r_max) / 2, py, argb);
  pale = argb[0];
  g_assert_cmpfloat (pale, >, 0.0);
  g_assert_cmpfloat (pale, <, solid / 2);

  /* Unknown strength: a small diamond, filled. */
  project_lonlat (&view, S_LON, S_LAT, &px, &py);
  read_argb (surface, px, py, argb);
  g_assert_cmpfloat (argb[0], >, 0.9);
  read_argb (surface, px + 12, py, argb);
  g_assert_cmpfloat (argb[0], ==, 0.0);

  cairo_surface_destroy (surface);
}

static void
test_deployments_labels (void)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, test_day (0));
  g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
  g_autoptr(AtlasLabelSet) full = atlas_label_set_new ();
  AtlasDeploymentDrawInfo info = { 0 };
  AtlasView view;
  cairo_surface_t *surface;
  cairo_t *cr;

  view_of_deployments (&view);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (surface);

  /* One block per place, none overlapping another. */
  atlas_painter_draw_deployment_labels (painter, cr, &view, set, labels, &info);
  g_assert_cmpuint (info.n_labels, ==, 5);
  g_assert_cmpuint (atlas_label_set_get_count (labels), ==, 5);

  /* With the whole view already taken, none. */
  g_assert_true (atlas_label_set_try_add (full, -1000, -1000, 3000, 3000));
  atlas_painter_draw_deployment_labels (painter, cr, &view, set, full, &info);
  g_assert_cmpuint (info.n_labels, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Many deployments at one place make one label of a few lines. */
static void
test_deployments_stack (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasDeploymentSet) set = NULL;
  g_autoptr(AtlasLabelSet) many = atlas_label_set_new ();
  GString *json = begin_collection ();
  AtlasDeploymentDrawInfo info = { 0 };
  AtlasView view;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < 9; i++)
    {
      char id[16], troops[16];

      g_snprintf (id, sizeof id, "stack-%u", i);
      g_snprintf (troops, sizeof troops, "%u", 500 * (i + 1));
      add_deployment (json, id, "NLD", troops, FALSE, -5, 5, P_LON, P_LAT, NULL);
    }
  dataset = finish_collection (json);
  set = atlas_deployment_set_new (dataset, test_day (0));
  g_assert_cmpuint (atlas_deployment_set_get_n_groups (set), ==, 1);

  view_of_deployments (&view);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (surface);
  atlas_painter_draw_deployment_labels (painter, cr, &view, set, many, &info);
  g_assert_cmpuint (info.n_labels, ==, 1);

  /* The block is ATLAS_DEPLOYMENT_MAX_LINES lines high (about 60 px), not
   * nine (about 135 px), and it sits right of the symbol. */
  {
    double x, y;

    g_assert_true (atlas_deployment_set_get_location (set, position_of (dataset, "stack-0"), &x, &y));
    atlas_view_project (&view, x, y, &x, &y);
    g_assert_false (atlas_label_set_try_add (many, x + 30, y - 5, 10, 10));
    g_assert_true (atlas_label_set_try_add (many, x + 30, y + 45, 10, 10));
    g_assert_true (atlas_label_set_try_add (many, x + 30, y - 55, 10, 10));
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_deployments_legend (void)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasDeploymentSet) on_d = atlas_deployment_set_new (dataset, test_day (0));
  g_autoptr(AtlasDeploymentSet) after = atlas_deployment_set_new (dataset, test_day (1));
  AtlasDeploymentSymbols all = ATLAS_DEPLOYMENT_SYMBOL_PRESENT | ATLAS_DEPLOYMENT_SYMBOL_COMMITTED |
                               ATLAS_DEPLOYMENT_SYMBOL_RANGE | ATLAS_DEPLOYMENT_SYMBOL_UNKNOWN |
                               ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE;
  AtlasDeploymentSymbols kinds[] = { ATLAS_DEPLOYMENT_SYMBOL_PRESENT, ATLAS_DEPLOYMENT_SYMBOL_COMMITTED };
  double centre_alpha[2];
  AtlasView view;

  g_assert_cmpint (atlas_deployment_set_get_symbols (on_d, NULL), ==, all);
  /* The range (the only NATO one) lasted one day. */
  g_assert_cmpint (atlas_deployment_set_get_symbols (after, NULL), ==,
                   all & ~(ATLAS_DEPLOYMENT_SYMBOL_RANGE | ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE));
  /* Around Q alone, only the pledge. */
  atlas_view_init (&view, Q_LAT, Q_LON, 12, 40, 40);
  g_assert_cmpint (atlas_deployment_set_get_symbols (on_d, &view), ==, ATLAS_DEPLOYMENT_SYMBOL_COMMITTED);

  /* The legend's swatches look like the map: filled, or hollow. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 24, 24);
      cairo_t *cr = cairo_create (surface);
      double argb[4], rim = 0;

      atlas_painter_draw_deployment_swatch (painter, cr, kinds[i], 2, 2, 20, 20);
      cairo_destroy (cr);
      read_argb (surface, 12, 12, argb);
      centre_alpha[i] = argb[0];
      /* The rim (radius 8.5 about the centre), solid or dashed. */
      for (guint a = 0; a < 16; a++)
        {
          read_argb (surface, 12 + 8.5 * cos (a * G_PI / 8), 12 + 8.5 * sin (a * G_PI / 8), argb);
          rim = MAX (rim, argb[0]);
        }
      g_assert_cmpfloat (rim, >, 0.5);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (centre_alpha[0], >, 0.3);
  g_assert_cmpfloat (centre_alpha[1], ==, 0.0);
}

static void
test_deployments_pick (void)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, test_day (0));
  AtlasView view;
  double px, py, r_big;
  guint position;

  view_of_deployments (&view);
  r_big = atlas_deployment_symbol_radius (5000, view.zoom);

  /* The smallest symbol under the point wins. */
  project_lonlat (&view, P_LON, P_LAT, &px, &py);
  g_assert_true (atlas_deployment_set_pick (set, &view, px, py, &position));
  g_assert_cmpuint (position, ==, position_of (dataset, "d-small"));
  g_assert_true (atlas_deployment_set_pick (set, &view, px + r_big - 1, py, &position));
  g_assert_cmpuint (position, ==, position_of (dataset, "d-big"));
  g_assert_false (atlas_deployment_set_pick (set, &view, px + r_big + 3, py, &position));

  project_lonlat (&view, Q_LON, Q_LAT, &px, &py);
  g_assert_true (atlas_deployment_set_pick (set, &view, px, py, &position));
  g_assert_cmpuint (position, ==, position_of (dataset, "d-pledged"));
}


/* The zone layer's image --------------------------------------------------- */

/* Kosovo and its borders at @width × @height, with the zones named. */
static void
zone_frame_init (AtlasZoneFrame *frame,
                 double          width,
                 double          height)
{
  atlas_view_init (&frame->view, 42.6, 20.9, 7.6, width, height);
  frame->scale = 1;
  frame->rotation = 0;
  frame->labels = TRUE;
  frame->units = ATLAS_UNITS_METRIC;
}

static int
device_width (const AtlasZoneFrame *frame)
{
  return (int) ceil (frame->view.width * frame->scale);
}

static int
device_height (const AtlasZoneFrame *frame)
{
  return (int) ceil (frame->view.height * frame->scale);
}

/* The cache's image, in its place in the frame, is exactly the frame
 * the zones drawn straight into it give. */
static void
assert_cache_as_drawn (AtlasZoneCache       *cache,
                       AtlasPainter         *painter,
                       const AtlasZoneFrame *frame,
                       GPtrArray            *zones)
{
  int width = device_width (frame), height = device_height (frame);
  cairo_surface_t *shown = zones_test_show_cache (cache, width, height);
  cairo_surface_t *drawn = zones_test_draw_directly (painter, frame, zones, width, height);

  g_assert_true (zones_test_has_ink (drawn));
  g_assert_cmpuint (zones_test_count_differences (shown, drawn, NULL), ==, 0);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (drawn);
}

/* Whatever the scale, rotation, theme and naming, the image is the frame
 * drawn directly, and no larger than what is drawn on it. */
static void
test_zone_cache_as_drawn (void)
{
  g_autoptr(AtlasPainter) light = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasPainter) dark = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  g_autoptr(GPtrArray) zones = zones_test_compute (zone_set, zones_test_day (2000, 1, 1), NULL);
  g_autoptr(GPtrArray) proposed = zones_test_compute (zone_set, zones_test_day (1999, 5, 20), NULL);
  struct {
    int         scale;
    double      rotation;
    gboolean    labels;
    AtlasUnits  units;
    gboolean    dark;
    GPtrArray  *zones;
  } cases[] = {
    { 1, 0, TRUE, ATLAS_UNITS_METRIC, FALSE, zones },
    { 2, 0, TRUE, ATLAS_UNITS_METRIC, FALSE, zones },
    { 1, 0.4, TRUE, ATLAS_UNITS_IMPERIAL, FALSE, zones },
    { 1, 0, FALSE, ATLAS_UNITS_METRIC, TRUE, zones },
    { 1, 0, TRUE, ATLAS_UNITS_METRIC, FALSE, proposed },
  };

  g_assert_cmpuint (zones->len, >=, 2);
  g_assert_cmpuint (proposed->len, >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtlasZoneCache) cache = atlas_zone_cache_new ();
      AtlasPainter *painter = cases[i].dark ? dark : light;
      cairo_surface_t *image;
      AtlasZoneFrame frame;
      int x, y;

      g_test_message ("case %u", i);
      zone_frame_init (&frame, 640, 400);
      frame.scale = cases[i].scale;
      frame.rotation = cases[i].rotation;
      frame.labels = cases[i].labels;
      frame.units = cases[i].units;

      g_assert_true (atlas_zone_cache_update (cache, painter, &frame,
                                              (AtlasComputedZone * const *) cases[i].zones->pdata,
                                              cases[i].zones->len));
      assert_cache_as_drawn (cache, painter, &frame, cases[i].zones);
      if (cases[i].labels)
        g_assert_cmpuint (atlas_zone_cache_get_n_labels (cache), >, 0);

      /* Bounded by the frame, and smaller than it here: the zones take a
       * part of the view. */
      image = atlas_zone_cache_get_surface (cache, &x, &y);
      g_assert_nonnull (image);
      g_assert_cmpint (x, >=, 0);
      g_assert_cmpint (y, >=, 0);
      g_assert_cmpint (x + cairo_image_surface_get_width (image), <=, device_width (&frame));
      g_assert_cmpint (y + cairo_image_surface_get_height (image), <=, device_height (&frame));
      g_assert_cmpint ((gint64) cairo_image_surface_get_width (image) * cairo_image_surface_get_height (image), <,
                       (gint64) device_width (&frame) * device_height (&frame));
    }
}

/* The same inputs keep the image, even from another array of the same
 * zones; nothing to draw leaves no image. */
static void
test_zone_cache_kept (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasZoneCache) cache = atlas_zone_cache_new ();
  g_autoptr(GPtrArray) zones = zones_test_compute (zone_set, zones_test_day (2000, 1, 1), NULL);
  g_autoptr(GPtrArray) next_day = zones_test_compute (zone_set, zones_test_day (2000, 1, 2), NULL);
  cairo_surface_t *image;
  AtlasZoneFrame frame, elsewhere;

  zone_frame_init (&frame, 640, 400);
  g_assert_true (atlas_zone_cache_update (cache, painter, &frame,
                                          (AtlasComputedZone * const *) zones->pdata, zones->len));
  image = atlas_zone_cache_get_surface (cache, NULL, NULL);
  g_assert_cmpuint (atlas_zone_cache_get_n_redraws (cache), ==, 1);

  /* The next day has the same zones (the zone set's cache gives the same
   * objects): the image is kept, as it is. */
  g_assert_cmpuint (next_day->len, ==, zones->len);
  g_assert_false (atlas_zone_cache_update (cache, painter, &frame,
                                           (AtlasComputedZone * const *) next_day->pdata, next_day->len));
  g_assert_true (atlas_zone_cache_get_surface (cache, NULL, NULL) == image);
  g_assert_cmpuint (atlas_zone_cache_get_n_redraws (cache), ==, 1);
  assert_cache_as_drawn (cache, painter, &frame, next_day);

  /* Invalidated, it draws again, the same. */
  atlas_zone_cache_invalidate (cache);
  g_assert_null (atlas_zone_cache_get_surface (cache, NULL, NULL));
  g_assert_true (atlas_zone_cache_update (cache, painter, &frame,
                                          (AtlasComputedZone * const *) zones->pdata, zones->len));
  assert_cache_as_drawn (cache, painter, &frame, zones);

  /* Zones out of view, or none: no image, and that is kept too. */
  elsewhere = frame;
  atlas_view_init (&elsewhere.view, 45.0, 10.0, 9, 640, 400);
  g_assert_true (atlas_zone_cache_update (cache, painter, &elsewhere,
                                          (AtlasComputedZone * const *) zones->pdata, zones->len));
  g_assert_null (atlas_zone_cache_get_surface (cache, NULL, NULL));
  g_assert_false (atlas_zone_cache_update (cache, painter, &elsewhere,
                                           (AtlasComputedZone * const *) zones->pdata, zones->len));
  g_assert_true (atlas_zone_cache_update (cache, painter, &frame, NULL, 0));
  g_assert_null (atlas_zone_cache_get_surface (cache, NULL, NULL));
}

typedef enum
{
  CHANGE_X,
  CHANGE_Y,
  CHANGE_ZOOM,
  CHANGE_WIDTH,
  CHANGE_HEIGHT,
  CHANGE_SCALE,
  CHANGE_ROTATION,
  CHANGE_THEME,
  CHANGE_DATE,
  CHANGE_BAND_WIDTH,
  CHANGE_HIDDEN,
  CHANGE_LABELS,
  CHANGE_UNITS,
  N_CHANGES
} Change;

/* Every input of the image: changed alone, it is drawn again, shows the
 * change, and is what drawing directly gives; changed back, the image is
 * drawn again as it was. */
static void
test_zone_cache_invalidation (void)
{
  static const char * const names[N_CHANGES] = {
    "x", "y", "zoom", "width", "height", "scale", "rotation", "theme", "date", "band width",
    "hidden zone", "labels", "units",
  };
  g_autoptr(AtlasPainter) light = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasPainter) dark = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  g_autoptr(AtlasZoneCache) cache = atlas_zone_cache_new ();
  gint32 day = zones_test_day (2000, 1, 1);
  g_autoptr(GPtrArray) zones = zones_test_compute (zone_set, day, NULL);
  cairo_surface_t *before;
  AtlasZoneFrame frame;
  double world;

  zone_frame_init (&frame, 640, 400);
  world = atlas_mercator_world_size (frame.view.zoom);
  g_assert_true (atlas_zone_cache_update (cache, light, &frame,
                                          (AtlasComputedZone * const *) zones->pdata, zones->len));
  before = zones_test_show_cache (cache, 640, 400);

  for (Change change = 0; change < N_CHANGES; change++)
    {
      AtlasZoneFrame changed = frame;
      AtlasPainter *painter = light;
      g_autoptr(GPtrArray) shown = g_ptr_array_ref (zones);
      cairo_surface_t *after, *again;
      guint redraws = atlas_zone_cache_get_n_redraws (cache);

      g_test_message ("changing the %s", names[change]);
      switch (change)
        {
        case CHANGE_X:
          changed.view.x += 1 / world;
          break;
        case CHANGE_Y:
          changed.view.y -= 1 / world;
          break;
        case CHANGE_ZOOM:
          changed.view.zoom += 0.25;
          break;
        case CHANGE_WIDTH:
          changed.view.width += 20;
          break;
        case CHANGE_HEIGHT:
          changed.view.height -= 20;
          break;
        case CHANGE_SCALE:
          changed.scale = 2;
          break;
        case CHANGE_ROTATION:
          changed.rotation = 0.3;
          break;
        case CHANGE_THEME:
          painter = dark;
          break;
        case CHANGE_DATE:
          /* The Air Safety Zone narrowed, the Ground Safety Zone lifted. */
          g_ptr_array_unref (shown);
          shown = zones_test_compute (zone_set, zones_test_day (2002, 6, 1), NULL);
          break;
        case CHANGE_BAND_WIDTH:
          atlas_zone_set_set_width_override (zone_set, "t-asz", 15);
          g_ptr_array_unref (shown);
          shown = zones_test_compute (zone_set, day, NULL);
          atlas_zone_set_reset_width (zone_set, "t-asz");
          break;
        case CHANGE_HIDDEN:
          g_ptr_array_unref (shown);
          shown = zones_test_compute (zone_set, day, "t-gsz");
          g_assert_cmpuint (shown->len, ==, zones->len - 1);
          break;
        case CHANGE_LABELS:
          changed.labels = FALSE;
          break;
        case CHANGE_UNITS:
          changed.units = ATLAS_UNITS_IMPERIAL;
          break;
        case N_CHANGES:
        default:
          g_assert_not_reached ();
        }

      g_assert_true (atlas_zone_cache_update (cache, painter, &changed,
                                              (AtlasComputedZone * const *) shown->pdata, shown->len));
      g_assert_cmpuint (atlas_zone_cache_get_n_redraws (cache), ==, redraws + 1);
      assert_cache_as_drawn (cache, painter, &changed, shown);
      after = zones_test_show_cache (cache, device_width (&changed), device_height (&changed));
      g_assert_cmpuint (zones_test_count_differences (before, after, NULL), >, 0);
      cairo_surface_destroy (after);

      g_assert_true (atlas_zone_cache_update (cache, light, &frame,
                                              (AtlasComputedZone * const *) zones->pdata, zones->len));
      again = zones_test_show_cache (cache, 640, 400);
      g_assert_cmpuint (zones_test_count_differences (before, again, NULL), ==, 0);
      cairo_surface_destroy (again);
    }

  /* The units only matter in the names. */
  frame.labels = FALSE;
  g_assert_true (atlas_zone_cache_update (cache, light, &frame,
                                          (AtlasComputedZone * const *) zones->pdata, zones->len));
  frame.units = ATLAS_UNITS_IMPERIAL;
  g_assert_false (atlas_zone_cache_update (cache, light, &frame,
                                           (AtlasComputedZone * const *) zones->pdata, zones->len));

  cairo_surface_destroy (before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);
  {
    g_autoptr(AtlasDataset) zones = zones_test_load_dataset ();

    zone_set = atlas_zone_set_new (basemap, zones);
  }

  g_test_add_func ("/layers/events/trailing-window", test_events_trailing);
  g_test_add_func ("/layers/events/interval-edges", test_events_interval_edges);
  g_test_add_func ("/layers/events/cumulative", test_events_cumulative);
  g_test_add_func ("/layers/events/fade", test_events_fade);
  g_test_add_func ("/layers/events/draw", test_events_draw);
  g_test_add_func ("/layers/events/palette", test_events_palette);
  g_test_add_func ("/layers/events/pick", test_events_pick);
  g_test_add_func ("/layers/events/categories", test_events_categories);
  g_test_add_func ("/layers/events/category-labels", test_events_category_labels);
  g_test_add_func ("/layers/events/count-text", test_events_count_text);
  g_test_add_func ("/layers/events/left-of-view", test_events_left_of_view);
  g_test_add_func ("/layers/events/aggregation", test_events_aggregation);
  g_test_add_func ("/layers/events/100k", test_events_100k);
  g_test_add_func ("/layers/deployments/active", test_deployments_active);
  g_test_add_func ("/layers/deployments/zone-centroid", test_deployments_zone_centroid);
  g_test_add_func ("/layers/deployments/symbols", test_deployments_symbols);
  g_test_add_func ("/layers/deployments/labels", test_deployments_labels);
  g_test_add_func ("/layers/deployments/stack", test_deployments_stack);
  g_test_add_func ("/layers/deployments/legend", test_deployments_legend);
  g_test_add_func ("/layers/deployments/pick", test_deployments_pick);
  g_test_add_func ("/layers/zone-cache/as-drawn", test_zone_cache_as_drawn);
  g_test_add_func ("/layers/zone-cache/kept", test_zone_cache_kept);
  g_test_add_func ("/layers/zone-cache/invalidation", test_zone_cache_invalidation);

  ret = g_test_run ();
  g_clear_object (&zone_set);
  g_clear_object (&basemap);
  return ret;
}
