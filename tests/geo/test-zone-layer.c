/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>

#include "atlas-label-layer.h"
#include "atlas-zone-details.h"
#include "atlas-zone-layer.h"
#include "geo-test-common.h"

#define TEMPLATE_CHILD(details, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (details), ATLAS_TYPE_ZONE_DETAILS, name))

/* The zone layer and the zone details widget in a real window (Xvfb). What
 * the layer shows is checked through its list model, not its pixels. */


typedef struct
{
  GtkWidget        *window;
  ShumateMap       *map;
  AtlasZoneLayer   *layer;
  AtlasZoneDetails *details;
  AtlasZoneSet     *zones;
  AtlasPainter     *painter;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ShumateViewport *viewport;
  GtkWidget *box;

  fixture->zones = atlas_zone_set_new (basemap, dataset);
  fixture->painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);

  fixture->map = shumate_map_new ();
  viewport = shumate_map_get_viewport (fixture->map);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 42.75, 21.0);
  shumate_viewport_set_zoom_level (viewport, 8);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->map), 700, 600);

  fixture->layer = atlas_zone_layer_new (viewport);
  atlas_zone_layer_set_painter (fixture->layer, fixture->painter);
  atlas_zone_layer_set_zone_set (fixture->layer, fixture->zones);
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->layer));

  fixture->details = ATLAS_ZONE_DETAILS (atlas_zone_details_new ());
  atlas_zone_details_set_zone_set (fixture->details, fixture->zones);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->map));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->details));
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->painter);
  g_clear_object (&fixture->zones);
}

typedef gboolean (*Condition) (Fixture *fixture,
                               gpointer data);

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Fixture    *fixture,
          Condition   condition,
          gpointer    data,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds ((guint) (20 * geo_test_time_factor ()), on_timeout, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

/* (transfer none) The shown zone with this id, if any. */
static AtlasComputedZone *
shown (Fixture    *fixture,
       const char *zone_id)
{
  GListModel *model = atlas_zone_layer_get_zones (fixture->layer);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AtlasComputedZone) zone = g_list_model_get_item (model, i);

      if (g_str_equal (atlas_computed_zone_get_id (zone), zone_id))
        return zone;
    }

  return NULL;
}

static gboolean
settled (Fixture  *fixture,
         gpointer  data)
{
  return !atlas_zone_layer_is_computing (fixture->layer);
}

static gboolean
drawn_since (Fixture  *fixture,
             gpointer  data)
{
  return atlas_zone_layer_get_n_frames (fixture->layer) > GPOINTER_TO_UINT (data);
}

static gboolean
asz_has_width (Fixture  *fixture,
               gpointer  data)
{
  AtlasComputedZone *asz = shown (fixture, "t-asz");
  double *width = data;

  return asz != NULL && atlas_computed_zone_get_width_km (asz) == *width;
}

static gboolean
details_have_width (Fixture  *fixture,
                    gpointer  data)
{
  AtlasComputedZone *zone = atlas_zone_details_get_computed (fixture->details);
  double *width = data;

  return zone != NULL && atlas_computed_zone_get_width_km (zone) == *width;
}

static void
show_date (Fixture    *fixture,
           const char *date)
{
  guint frames;

  atlas_zone_layer_set_date (fixture->layer, geo_test_day (date));
  wait_for (fixture, settled, NULL, "the zones of the date");
  frames = atlas_zone_layer_get_n_frames (fixture->layer);
  wait_for (fixture, drawn_since, GUINT_TO_POINTER (frames), "a frame");
}

/* The acceptance dates, through the layer's model. */
static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *model = atlas_zone_layer_get_zones (fixture->layer);

  show_date (fixture, "2000-01-01");
  g_assert_nonnull (shown (fixture, "t-asz"));
  g_assert_nonnull (shown (fixture, "t-gsz"));
  g_assert_null (shown (fixture, "t-green-line"));
  g_assert_cmpfloat (atlas_computed_zone_get_width_km (shown (fixture, "t-asz")), ==, 25);
  g_assert_cmpuint (atlas_zone_layer_get_n_drawn (fixture->layer), ==, g_list_model_get_n_items (model));
  g_assert_cmpuint (atlas_zone_layer_get_n_labels (fixture->layer), >, 0);

  show_date (fixture, "2002-06-01");
  g_assert_cmpfloat (atlas_computed_zone_get_width_km (shown (fixture, "t-asz")), ==, 10);
  g_assert_null (shown (fixture, "t-gsz"));

  show_date (fixture, "1999-05-20");
  g_assert_nonnull (shown (fixture, "t-green-line"));
  g_assert_null (shown (fixture, "t-asz"));
  g_assert_true (atlas_computed_zone_is_proposed (shown (fixture, "t-green-line")));

  /* Interval edges: the GSZ is shown on its last day, not on its end. */
  show_date (fixture, "2001-08-16");
  g_assert_nonnull (shown (fixture, "t-gsz"));
  show_date (fixture, "2001-08-17");
  g_assert_null (shown (fixture, "t-gsz"));
}

typedef struct
{
  Fixture *fixture;
  double   width;
  gint64   frame;      /* frame clock counter when the result arrived */
  guint    n_frames;   /* frames the layer had drawn by then */
  gboolean arrived;
} Arrival;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Arrival    *arrival)
{
  AtlasComputedZone *asz = shown (arrival->fixture, "t-asz");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (arrival->fixture->window);

  if (arrival->arrived || asz == NULL || atlas_computed_zone_get_width_km (asz) != arrival->width)
    return;

  arrival->arrived = TRUE;
  arrival->frame = gdk_frame_clock_get_frame_counter (clock);
  arrival->n_frames = atlas_zone_layer_get_n_frames (arrival->fixture->layer);
}

static gboolean
tick (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Changing a band's width in the details widget: the zone set recomputes
 * it in a worker thread while the main loop keeps running, the layer shows
 * the result in the next frame, the details show its figures, and Reset
 * brings the recorded width back. */
static void
test_width_exploration (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *spin, *reset;
  Arrival arrival = { fixture, 15, 0, 0, FALSE };
  double recorded = 25;
  guint ticks = 0, timeout;
  gulong handler;
  gint64 start, asked;
  double area_before;

  show_date (fixture, "2000-01-01");
  atlas_zone_details_set_date (fixture->details, geo_test_day ("2000-01-01"));
  atlas_zone_details_set_zone_id (fixture->details, "t-asz");
  wait_for (fixture, details_have_width, &recorded, "the details' figures");
  g_assert_false (atlas_zone_details_get_exploring (fixture->details));
  area_before = atlas_computed_zone_get_area_km2 (atlas_zone_details_get_computed (fixture->details));

  spin = TEMPLATE_CHILD (fixture->details, "width_spin");
  reset = TEMPLATE_CHILD (fixture->details, "reset_button");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 25);
  g_assert_false (gtk_widget_get_sensitive (reset));

  handler = g_signal_connect (atlas_zone_layer_get_zones (fixture->layer), "items-changed",
                              G_CALLBACK (on_items_changed), &arrival);
  timeout = g_timeout_add (1, tick, &ticks);

  start = g_get_monotonic_time ();
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 15);
  asked = g_get_monotonic_time () - start;

  /* Asking took no computing on this thread: the result has not arrived
   * (the time it took is only reported; timing is the benchmark's job)… */
  g_test_message ("asking took %.1f ms", asked / 1000.0);
  g_assert_true (atlas_zone_details_get_exploring (fixture->details));
  g_assert_true (gtk_widget_get_sensitive (reset));
  g_assert_false (arrival.arrived);

  /* …and the main loop ran on while the zone was computed. */
  wait_for (fixture, asz_has_width, &arrival.width, "the new width on the map");
  g_assert_true (arrival.arrived);
  g_assert_cmpuint (ticks, >, 0);

  /* The map draws it in the next frame. */
  wait_for (fixture, drawn_since, GUINT_TO_POINTER (arrival.n_frames), "the layer to draw");
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (fixture->window)), <=,
                   arrival.frame + 1);
  g_assert_true (atlas_computed_zone_is_exploration (shown (fixture, "t-asz")));

  wait_for (fixture, details_have_width, &arrival.width, "the details' new figures");
  g_assert_cmpfloat (atlas_computed_zone_get_area_km2 (atlas_zone_details_get_computed (fixture->details)), <,
                     area_before);

  g_source_remove (timeout);
  g_signal_handler_disconnect (atlas_zone_layer_get_zones (fixture->layer), handler);

  /* Reset: the recorded width everywhere, no exploration mark. */
  gtk_widget_activate (reset);
  wait_for (fixture, asz_has_width, &recorded, "the recorded width on the map");
  wait_for (fixture, details_have_width, &recorded, "the recorded width in the details");
  g_assert_false (atlas_zone_details_get_exploring (fixture->details));
  g_assert_false (atlas_computed_zone_is_exploration (shown (fixture, "t-asz")));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 25);
}

/* Only bands have a width to explore. */
static void
test_details_line (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *explore = TEMPLATE_CHILD (fixture->details, "explore_box");
  GtkWidget *title = TEMPLATE_CHILD (fixture->details, "title_label");
  GtkWidget *sources = TEMPLATE_CHILD (fixture->details, "sources_box");

  atlas_zone_details_set_date (fixture->details, geo_test_day ("1999-05-20"));
  atlas_zone_details_set_zone_id (fixture->details, "t-green-line");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Green line (test)");
  g_assert_false (gtk_widget_get_visible (explore));
  g_assert_nonnull (gtk_widget_get_first_child (sources));

  atlas_zone_details_set_zone_id (fixture->details, "t-gsz");
  g_assert_true (gtk_widget_get_visible (explore));

  atlas_zone_details_set_zone_id (fixture->details, NULL);
  g_assert_null (atlas_zone_details_get_computed (fixture->details));
}

/* A click on the map finds the zone under it: the Ground Safety Zone lies
 * inside the Air Safety Zone and is drawn on top, so it wins there. */
static void
test_pick (Fixture       *fixture,
           gconstpointer  data)
{
  AtlasComputedZone *gsz, *picked;
  ShumateViewport *viewport = shumate_map_get_viewport (fixture->map);
  const double *points;
  double x, y;
  AtlasView view;
  guint n;

  show_date (fixture, "2000-01-01");
  gsz = shown (fixture, "t-gsz");
  g_assert_nonnull (gsz);

  atlas_map_get_view (viewport, gtk_widget_get_width (GTK_WIDGET (fixture->layer)),
                      gtk_widget_get_height (GTK_WIDGET (fixture->layer)), &view);
  points = atlas_computed_zone_get_label_points (gsz, &n);
  g_assert_cmpuint (n, >, 0);
  atlas_view_project (&view, points[0], points[1], &x, &y);

  picked = atlas_zone_layer_pick (fixture->layer, x, y);
  g_assert_true (picked == gsz);

  /* Kosovo's middle is in no band. */
  atlas_view_project (&view, atlas_mercator_x_from_lon (20.9), atlas_mercator_y_from_lat (42.55), &x, &y);
  g_assert_null (atlas_zone_layer_pick (fixture->layer, x, y));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return 77;
    }

  basemap = geo_test_load_basemap ();
  dataset = geo_test_load_dataset ();

  g_test_add ("/ui-zones/layer/dates", Fixture, NULL, fixture_set_up, test_dates, fixture_tear_down);
  g_test_add ("/ui-zones/details/width-exploration", Fixture, NULL, fixture_set_up, test_width_exploration,
              fixture_tear_down);
  g_test_add ("/ui-zones/details/line", Fixture, NULL, fixture_set_up, test_details_line, fixture_tear_down);
  g_test_add ("/ui-zones/layer/pick", Fixture, NULL, fixture_set_up, test_pick, fixture_tear_down);

  return geo_test_run ();
}
