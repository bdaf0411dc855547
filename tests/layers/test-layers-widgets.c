/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <gtk/gtk.h>

#include "atlas-basemap.h"
#include "atlas-deployment-layer.h"
#include "atlas-event-layer.h"
#include "atlas-label-layer.h"
#include "atlas-strength-chart.h"
#include "atlas-tile-source.h"
#include "atlas-zone-layer.h"

#include "layers-test-data.h"
#include "layers-test-zones.h"

#include "../atlas-test-init.h"

/* The layers and the chart in a real window: these need a display. */

static AtlasBasemap *basemap;

typedef struct
{
  GtkWidget            *window;
  ShumateMap           *map;
  ShumateViewport      *viewport;
  AtlasPainter         *painter;
  AtlasEventLayer      *events;
  AtlasDeploymentLayer *deployments;
} Fixture;

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (gboolean *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget has been drawn again. */
static void
wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) "a frame");
  gulong handler;

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, handler);
  g_source_remove (timeout);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AtlasTileSource) source = NULL;

  f->painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  source = atlas_tile_source_new (f->painter, 1);

  f->map = shumate_map_new ();
  f->viewport = shumate_map_get_viewport (f->map);
  shumate_viewport_set_reference_map_source (f->viewport, SHUMATE_MAP_SOURCE (source));

  f->deployments = atlas_deployment_layer_new (f->viewport);
  atlas_deployment_layer_set_painter (f->deployments, f->painter);
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->deployments));

  f->events = atlas_event_layer_new (f->viewport);
  atlas_event_layer_set_painter (f->events, f->painter);
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->events));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->map));
  gtk_window_present (GTK_WINDOW (f->window));

  shumate_viewport_set_zoom_level (f->viewport, 9);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 42.6, 21.0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->painter);
}

static char *
layer_event_ids (AtlasEventLayer *layer)
{
  AtlasEventSet *set = atlas_event_layer_get_event_set (layer);
  guint n;
  const guint *positions = atlas_event_set_get_positions (set, &n);

  return ids_of (atlas_event_set_get_dataset (set), ATLAS_KIND_EVENT, positions, n);
}

/* What the layer shows follows the date, the mode and the window. */
static void
test_event_layer_date (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  g_autofree char *ids_30 = NULL;
  g_autofree char *ids_next_day = NULL;
  g_autofree char *ids_cumulative = NULL;

  atlas_event_layer_set_dataset (f->events, dataset);
  atlas_event_layer_set_window_days (f->events, 30);
  atlas_event_layer_set_date (f->events, test_day (0));
  wait_for_draw (GTK_WIDGET (f->events));

  ids_30 = layer_event_ids (f->events);
  g_assert_cmpstr (ids_30, ==, "e-day e-edge-6 e-edge-7 e-ends-on-d e-long e-old-10");
  g_assert_cmpuint (atlas_event_layer_get_n_visible (f->events), ==, 6);
  g_assert_false (atlas_event_layer_get_aggregated (f->events));

  atlas_event_layer_set_window_days (f->events, 1);
  g_object_set (f->events, "date", test_day (1), NULL);
  wait_for_draw (GTK_WIDGET (f->events));
  ids_next_day = layer_event_ids (f->events);
  g_assert_cmpstr (ids_next_day, ==, "e-long e-tomorrow");
  g_assert_cmpuint (atlas_event_layer_get_n_visible (f->events), ==, 2);

  g_object_set (f->events, "mode", ATLAS_EVENT_WINDOW_CUMULATIVE, NULL);
  wait_for_draw (GTK_WIDGET (f->events));
  ids_cumulative = layer_event_ids (f->events);
  g_assert_cmpstr (ids_cumulative, ==, "e-day e-edge-6 e-edge-7 e-ends-on-d e-long e-old-10 e-old-100 e-tomorrow");
  g_assert_cmpuint (atlas_event_layer_get_n_visible (f->events), ==, 8);

  /* Panned far away, nothing is visible, though the window is the same. */
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 48.0, 2.0);
  wait_for_draw (GTK_WIDGET (f->events));
  g_assert_cmpuint (atlas_event_layer_get_n_visible (f->events), ==, 0);

  /* No dataset, nothing drawn. */
  atlas_event_layer_set_dataset (f->events, NULL);
  g_assert_null (atlas_event_layer_get_event_set (f->events));
}

static void
assert_pick (Fixture    *f,
             const char *id,
             double      lon,
             double      lat)
{
  AtlasDataset *dataset = atlas_event_layer_get_dataset (f->events);
  double x, y;
  guint position = G_MAXUINT;

  /* libshumate's own projection, rotation included. */
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->map), lat, lon, &x, &y);
  g_assert_true (atlas_event_layer_pick (f->events, x + 1, y - 1, &position));
  g_assert_cmpuint (position, ==, position_of (dataset, id));
}

static void
test_event_layer_pick (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AtlasDataset) dataset = create_event_dataset ();
  guint position;

  atlas_event_layer_set_dataset (f->events, dataset);
  atlas_event_layer_set_window_days (f->events, 30);
  atlas_event_layer_set_date (f->events, test_day (0));
  atlas_event_layer_set_selected (f->events, position_of (dataset, "e-day"));
  wait_for_draw (GTK_WIDGET (f->events));

  assert_pick (f, "e-day", 21.16, 42.66);
  assert_pick (f, "e-edge-6", 21.06, 42.66);
  g_assert_false (atlas_event_layer_pick (f->events, 3, 3, &position));

  /* The map turned: picking follows the drawing. */
  shumate_viewport_set_rotation (f->viewport, 0.6);
  wait_for_draw (GTK_WIDGET (f->events));
  assert_pick (f, "e-day", 21.16, 42.66);
  assert_pick (f, "e-old-10", 21.36, 42.66);
  assert_pick (f, "e-long", 21.16, 42.46);

  /* A new dataset drops the selection (positions of the old one). */
  atlas_event_layer_set_dataset (f->events, NULL);
  g_assert_cmpuint (atlas_event_layer_get_selected (f->events), ==, ATLAS_EVENT_NONE);
}

static void
test_deployment_layer_date (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AtlasDataset) dataset = create_deployment_dataset ();
  AtlasDeploymentSet *set;
  double x, y;
  guint position;

  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 42.55, 20.95);
  g_object_set (f->deployments, "dataset", dataset, "date", test_day (0), NULL);
  wait_for_draw (GTK_WIDGET (f->deployments));
  g_assert_cmpuint (atlas_deployment_layer_get_n_visible (f->deployments), ==, 6);
  g_assert_cmpuint (atlas_deployment_layer_get_n_labels (f->deployments), >, 0);

  set = atlas_deployment_layer_get_deployment_set (f->deployments);
  g_assert_cmpint (atlas_deployment_set_get_day (set), ==, test_day (0));

  /* d-range lasts one day. */
  atlas_deployment_layer_set_date (f->deployments, test_day (1));
  wait_for_draw (GTK_WIDGET (f->deployments));
  g_assert_cmpuint (atlas_deployment_layer_get_n_visible (f->deployments), ==, 5);

  atlas_deployment_layer_set_date (f->deployments, test_day (-11));
  wait_for_draw (GTK_WIDGET (f->deployments));
  g_assert_cmpuint (atlas_deployment_layer_get_n_visible (f->deployments), ==, 0);

  atlas_deployment_layer_set_date (f->deployments, test_day (0));
  wait_for_draw (GTK_WIDGET (f->deployments));
  shumate_viewport_location_to_widget_coords (f->viewport, GTK_WIDGET (f->map), Q_LAT, Q_LON, &x, &y);
  g_assert_true (atlas_deployment_layer_pick (f->deployments, x, y, &position));
  g_assert_cmpuint (position, ==, position_of (dataset, "d-pledged"));
}

/* The chart ---------------------------------------------------------------- */

static AtlasDataset *
create_strength_dataset (void)
{
  GString *json = begin_collection ();

  /* KFOR totals: 40 000 from D, 30 000 from D+100, 20 000–25 000 from
   * D+300; a pledge that never counts; Italy's contingent twice. */
  add_deployment (json, "k1", "NATO", "40000", FALSE, 0, 1, 21.16, 42.66, NULL);
  add_deployment (json, "k2", "NATO", "30000", FALSE, 100, 101, 21.16, 42.66, NULL);
  add_deployment (json, "k3", "NATO", "{\"min\":20000,\"max\":25000}", FALSE, 300, 330, 21.16, 42.66, NULL);
  add_deployment (json, "k-pledge", "NATO", "50000", TRUE, -20, -19, 21.16, 42.66, NULL);
  add_deployment (json, "k-hq", "NATO", "\"unknown\"", FALSE, -20, 400, 21.16, 42.66, NULL);
  add_deployment (json, "ita-1", "ITA", "6000", FALSE, 10, 40, 20.29, 42.66, NULL);
  add_deployment (json, "ita-2", "ITA", "3000", FALSE, 200, 230, 20.29, 42.66, NULL);
  add_event (json, "late", NULL, 500, G_MININT, 21.0, 42.5);

  return finish_collection (json);
}

static void
test_strength_chart (void)
{
  g_autoptr(AtlasDataset) dataset = create_strength_dataset ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = atlas_strength_chart_new ();
  AtlasStrengthChart *self = ATLAS_STRENGTH_CHART (chart);
  int min, max;
  gint32 reported;
  double x0, x1, x2;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 140);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));

  atlas_strength_chart_set_dataset (self, dataset);
  g_assert_cmpuint (atlas_strength_chart_get_n_nations (self), ==, 1);
  g_assert_cmpstr (atlas_strength_chart_get_nation (self, 0), ==, "ITA");

  /* The value at a date is the last total reported by then. */
  g_assert_false (atlas_strength_chart_get_total (self, test_day (-1), &min, &max, &reported));
  g_assert_true (atlas_strength_chart_get_total (self, test_day (0), &min, &max, &reported));
  g_assert_cmpint (max, ==, 40000);
  g_assert_true (atlas_strength_chart_get_total (self, test_day (99), &min, &max, &reported));
  g_assert_cmpint (max, ==, 40000);
  g_assert_cmpint (reported, ==, test_day (0));
  g_assert_true (atlas_strength_chart_get_total (self, test_day (100), &min, &max, &reported));
  g_assert_cmpint (max, ==, 30000);
  g_assert_true (atlas_strength_chart_get_total (self, test_day (450), &min, &max, &reported));
  g_assert_cmpint (min, ==, 20000);
  g_assert_cmpint (max, ==, 25000);
  g_assert_cmpint (reported, ==, test_day (300));

  /* The cursor follows the date, left to right. */
  atlas_strength_chart_set_date (self, test_day (0));
  wait_for_draw (chart);
  g_assert_true (atlas_strength_chart_get_cursor_x (self, &x0));
  g_object_set (chart, "date", test_day (100), NULL);
  wait_for_draw (chart);
  g_assert_true (atlas_strength_chart_get_cursor_x (self, &x1));
  atlas_strength_chart_set_date (self, test_day (400));
  g_assert_true (atlas_strength_chart_get_cursor_x (self, &x2));
  g_assert_cmpfloat (x0, <, x1);
  g_assert_cmpfloat (x1, <, x2);
  g_assert_cmpfloat (x2, <, gtk_widget_get_width (chart));
  g_assert_cmpfloat (x0, >, 0);
  g_assert_cmpfloat_with_epsilon (x1, round (atlas_strength_chart_day_to_x (self, test_day (100))) + 0.5, 1e-9);
  /* Time runs linearly: D+100 is 1/4 of the way from D to D+400. */
  g_assert_cmpfloat_with_epsilon ((x1 - x0) / (x2 - x0), 0.25, 0.01);

  /* The accessible summary tells the value at the date. */
  atlas_strength_chart_set_date (self, test_day (150));
  g_assert_nonnull (strstr (atlas_strength_chart_get_summary (self), "30"));
  atlas_strength_chart_set_date (self, test_day (-5));
  g_assert_null (strstr (atlas_strength_chart_get_summary (self), "30"));
  g_assert_false (atlas_strength_chart_get_total (self, test_day (-5), NULL, NULL, NULL));

  /* Off the chart, no cursor. */
  atlas_strength_chart_set_date (self, test_day (-5000));
  g_assert_false (atlas_strength_chart_get_cursor_x (self, &x0));

  /* An empty dataset draws a message and has no cursor. */
  {
    g_autoptr(AtlasDataset) empty = atlas_dataset_new ();

    atlas_strength_chart_set_dataset (self, empty);
    atlas_strength_chart_set_date (self, test_day (0));
    wait_for_draw (chart);
    g_assert_false (atlas_strength_chart_get_cursor_x (self, &x0));
    g_assert_cmpuint (atlas_strength_chart_get_n_nations (self), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every legend entry is shown, however long its text (translations of
 * "KFOR total" are) or narrow the chart: rows wrap inside the widget,
 * none overlapping. The total used to be the first one dropped. */
static void
assert_legend_complete (AtlasStrengthChart *chart,
                        guint               n_expected,
                        guint              *n_rows)
{
  graphene_rect_t boxes[8];
  double last_y = -1;

  g_assert_cmpuint (n_expected, <=, G_N_ELEMENTS (boxes));
  *n_rows = 0;
  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_true (atlas_strength_chart_get_legend_entry (chart, i, &boxes[i]));
      g_assert_cmpfloat (boxes[i].origin.x, >=, 0);
      g_assert_cmpfloat (boxes[i].origin.x + boxes[i].size.width, <=, gtk_widget_get_width (GTK_WIDGET (chart)));
      g_assert_cmpfloat (boxes[i].origin.y, >=, 0);
      if (boxes[i].origin.y != last_y)
        ++*n_rows;
      last_y = boxes[i].origin.y;
      for (guint j = 0; j < i; j++)
        g_assert_false (graphene_rect_intersection (&boxes[i], &boxes[j], NULL));
    }
  g_assert_false (atlas_strength_chart_get_legend_entry (chart, n_expected, &boxes[0]));
}

static void
test_strength_legend (void)
{
  static const char * const nations[] = { "USA", "DEU", "FRA", "ITA", "GBR" };
  GString *json = begin_collection ();
  g_autoptr(AtlasDataset) dataset = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = atlas_strength_chart_new ();
  guint n_rows;

  add_deployment (json, "total", "NATO", "40000", FALSE, 0, 1, 21.16, 42.66, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    {
      char id[16];

      g_snprintf (id, sizeof id, "n%u", i);
      add_deployment (json, id, nations[i], "3000", FALSE, 10, 40, 20.29, 42.66, NULL);
    }
  dataset = finish_collection (json);

  gtk_window_set_default_size (GTK_WINDOW (window), 220, 140);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  atlas_strength_chart_set_dataset (ATLAS_STRENGTH_CHART (chart), dataset);
  atlas_strength_chart_set_date (ATLAS_STRENGTH_CHART (chart), test_day (20));
  wait_for_draw (chart);

  /* At the narrowest: the total and five nations, on several rows. */
  assert_legend_complete (ATLAS_STRENGTH_CHART (chart), 1 + G_N_ELEMENTS (nations), &n_rows);
  g_assert_cmpuint (n_rows, >, 1);

  /* The usual case still fits on one row. */
  {
    g_autoptr(AtlasDataset) usual = create_strength_dataset ();

    atlas_strength_chart_set_dataset (ATLAS_STRENGTH_CHART (chart), usual);
    gtk_window_set_default_size (GTK_WINDOW (window), 600, 140);
    wait_for_draw (chart);
    assert_legend_complete (ATLAS_STRENGTH_CHART (chart), 2, &n_rows);
    g_assert_cmpuint (n_rows, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The zone layer's image ---------------------------------------------------- */

typedef struct
{
  GtkWidget       *window;
  ShumateMap      *map;
  ShumateViewport *viewport;
  AtlasPainter    *painter;
  AtlasZoneSet    *zone_set;
  AtlasZoneLayer  *layer;
  AtlasUnits       units;     /* as the layer was told */
} ZoneFixture;

typedef gboolean (*ZoneCondition) (ZoneFixture *f,
                                   gconstpointer data);

static void
wait_for_zones (ZoneFixture   *f,
                ZoneCondition  condition,
                gconstpointer  data,
                const char    *what)
{
  guint timeout = g_timeout_add_seconds (30, on_timeout, (gpointer) what);

  while (!condition (f, data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* (transfer none) The shown zone with this id, if any. */
static AtlasComputedZone *
shown_zone (ZoneFixture *f,
            const char  *zone_id)
{
  GListModel *model = atlas_zone_layer_get_zones (f->layer);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AtlasComputedZone) zone = g_list_model_get_item (model, i);

      if (g_str_equal (atlas_computed_zone_get_id (zone), zone_id))
        return zone;
    }

  return NULL;
}

static gboolean
zones_settled (ZoneFixture   *f,
               gconstpointer  data)
{
  return !atlas_zone_layer_is_computing (f->layer) &&
         g_list_model_get_n_items (atlas_zone_layer_get_zones (f->layer)) > 0;
}

static gboolean
asz_width_is (ZoneFixture   *f,
              gconstpointer  data)
{
  AtlasComputedZone *asz = shown_zone (f, "t-asz");

  return zones_settled (f, NULL) && asz != NULL && atlas_computed_zone_get_width_km (asz) == *(const double *) data;
}

static gboolean
layer_width_is (ZoneFixture   *f,
                gconstpointer  data)
{
  return gtk_widget_get_width (GTK_WIDGET (f->layer)) == GPOINTER_TO_INT (data);
}

static void
zone_fixture_set_up (ZoneFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(AtlasDataset) dataset = zones_test_load_dataset ();

  f->painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  f->zone_set = atlas_zone_set_new (basemap, dataset);

  f->map = shumate_map_new ();
  f->viewport = shumate_map_get_viewport (f->map);
  shumate_viewport_set_zoom_level (f->viewport, 7.6);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 42.6, 20.9);

  f->layer = atlas_zone_layer_new (f->viewport);
  atlas_zone_layer_set_painter (f->layer, f->painter);
  atlas_zone_layer_set_zone_set (f->layer, f->zone_set);
  shumate_map_add_layer (f->map, SHUMATE_LAYER (f->layer));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->map));
  gtk_window_present (GTK_WINDOW (f->window));

  atlas_zone_layer_set_date (f->layer, zones_test_day (2000, 1, 1));
  wait_for_zones (f, zones_settled, NULL, "the zones of 2000-01-01");
  wait_for_draw (GTK_WIDGET (f->layer));
}

static void
zone_fixture_tear_down (ZoneFixture   *f,
                        gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->zone_set);
  g_clear_object (&f->painter);
}

/* (transfer none) The texture a node of the layer shows. */
static GdkTexture *
texture_of (GskRenderNode *node)
{
  if (node == NULL)
    return NULL;
  if (gsk_render_node_get_node_type (node) == GSK_TRANSFORM_NODE)
    node = gsk_transform_node_get_child (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);
  return gsk_texture_node_get_texture (node);
}

/* A frame of the layer as GTK would take it, drawn by GSK's cairo code
 * onto a transparent image in device pixels; @texture (optional) is what
 * it showed. */
static cairo_surface_t *
snapshot_zone_layer (ZoneFixture  *f,
                     GdkTexture  **texture)
{
  GtkWidget *widget = GTK_WIDGET (f->layer);
  int scale = gtk_widget_get_scale_factor (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        gtk_widget_get_width (widget) * scale,
                                        gtk_widget_get_height (widget) * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (texture != NULL)
    *texture = texture_of (node);
  return surface;
}

/* The zones the layer shows, drawn straight into a frame of its size,
 * as the layer did before it kept an image. */
static cairo_surface_t *
draw_zone_layer_directly (ZoneFixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->layer);
  GListModel *model = atlas_zone_layer_get_zones (f->layer);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  AtlasZoneFrame frame;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (zones, g_list_model_get_item (model, i));

  atlas_map_get_view (f->viewport, width, height, &frame.view);
  frame.scale = gtk_widget_get_scale_factor (widget);
  frame.rotation = shumate_viewport_get_rotation (f->viewport);
  frame.labels = TRUE;
  frame.units = f->units;

  return zones_test_draw_directly (atlas_zone_layer_get_painter (f->layer), &frame, zones,
                                   width * frame.scale, height * frame.scale);
}

/* The layer's frame now: drawn anew since @redraws if @anew, the same as
 * drawing directly, kept by the next frame. Returns it. */
static cairo_surface_t *
assert_zone_frame (ZoneFixture *f,
                   guint        redraws,
                   gboolean     anew)
{
  cairo_surface_t *frame, *again, *direct;
  GdkTexture *texture, *texture_again;
  guint after;

  frame = snapshot_zone_layer (f, &texture);
  after = atlas_zone_layer_get_n_redraws (f->layer);
  if (anew)
    g_assert_cmpuint (after, >, redraws);
  else
    g_assert_cmpuint (after, ==, redraws);

  direct = draw_zone_layer_directly (f);
  g_assert_true (zones_test_has_ink (direct));
  g_assert_cmpuint (zones_test_count_differences (frame, direct, NULL), ==, 0);

  /* The next frame keeps the image, and its very texture. */
  again = snapshot_zone_layer (f, &texture_again);
  g_assert_cmpuint (atlas_zone_layer_get_n_redraws (f->layer), ==, after);
  g_assert_true (texture_again == texture);
  g_assert_cmpuint (zones_test_count_differences (frame, again, NULL), ==, 0);

  cairo_surface_destroy (again);
  cairo_surface_destroy (direct);
  return frame;
}

/* Replaces *@before with @after, which must differ from it. */
static void
assert_changed (cairo_surface_t **before,
                cairo_surface_t  *after)
{
  g_assert_cmpuint (zones_test_count_differences (*before, after, NULL), >, 0);
  cairo_surface_destroy (*before);
  *before = after;
}

/* Brings the layer's image up to date, so that the next change is the
 * only one it has to show; *@before becomes the frame. Returns the count
 * of images drawn so far. */
static guint
settle (ZoneFixture      *f,
        cairo_surface_t **before)
{
  g_clear_pointer (before, cairo_surface_destroy);
  *before = snapshot_zone_layer (f, NULL);
  return atlas_zone_layer_get_n_redraws (f->layer);
}

/* The layer shows what drawing its zones directly gives; a day with the
 * same zones keeps its image; and each thing the image depends on, changed
 * alone through the layer, the zone set or the map, has it drawn anew. */
static void
test_zone_layer_cache (ZoneFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(AtlasPainter) dark = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  double narrow = 15, recorded = 25, narrowed = 10;
  cairo_surface_t *before = NULL, *now;
  AtlasComputedZone *asz;
  guint redraws;
  int width;

  now = assert_zone_frame (f, 0, TRUE);
  cairo_surface_destroy (now);
  g_assert_cmpuint (atlas_zone_layer_get_n_labels (f->layer), >, 0);

  /* The next day, the same zones: nothing is drawn anew. */
  redraws = settle (f, &before);
  asz = shown_zone (f, "t-asz");
  atlas_zone_layer_set_date (f->layer, zones_test_day (2000, 1, 2));
  wait_for_zones (f, zones_settled, NULL, "the zones of 2000-01-02");
  g_assert_true (shown_zone (f, "t-asz") == asz);
  wait_for_draw (GTK_WIDGET (f->layer));
  now = assert_zone_frame (f, redraws, FALSE);
  g_assert_cmpuint (zones_test_count_differences (before, now, NULL), ==, 0);
  cairo_surface_destroy (now);

  /* Another date: the Air Safety Zone narrowed, the Ground Safety Zone
   * lifted. */
  redraws = settle (f, &before);
  atlas_zone_layer_set_date (f->layer, zones_test_day (2002, 6, 1));
  wait_for_zones (f, asz_width_is, &narrowed, "the zones of 2002-06-01");
  g_assert_null (shown_zone (f, "t-gsz"));
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  atlas_zone_layer_set_date (f->layer, zones_test_day (2000, 1, 1));
  wait_for_zones (f, asz_width_is, &recorded, "the zones of 2000-01-01");

  /* A width explored in the zone set, and reset. */
  redraws = settle (f, &before);
  atlas_zone_set_set_width_override (f->zone_set, "t-asz", narrow);
  wait_for_zones (f, asz_width_is, &narrow, "the explored width");
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  redraws = settle (f, &before);
  atlas_zone_set_reset_width (f->zone_set, "t-asz");
  wait_for_zones (f, asz_width_is, &recorded, "the recorded width");
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));

  /* A zone switched off. */
  redraws = settle (f, &before);
  atlas_zone_layer_set_zone_visible (f->layer, "t-gsz", FALSE);
  g_assert_null (shown_zone (f, "t-gsz"));
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  atlas_zone_layer_set_zone_visible (f->layer, "t-gsz", TRUE);
  wait_for_zones (f, zones_settled, NULL, "the zone switched on");
  g_assert_nonnull (shown_zone (f, "t-gsz"));

  /* The dark style (a new painter). */
  redraws = settle (f, &before);
  atlas_zone_layer_set_painter (f->layer, dark);
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  atlas_zone_layer_set_painter (f->layer, f->painter);

  /* The units of the names. */
  redraws = settle (f, &before);
  f->units = ATLAS_UNITS_IMPERIAL;
  atlas_zone_layer_set_units (f->layer, f->units);
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));

  /* The names left to a label layer. */
  redraws = settle (f, &before);
  atlas_zone_layer_set_draw_labels (f->layer, FALSE);
  now = snapshot_zone_layer (f, NULL);
  g_assert_cmpuint (atlas_zone_layer_get_n_redraws (f->layer), >, redraws);
  g_assert_cmpuint (atlas_zone_layer_get_n_labels (f->layer), ==, 0);
  assert_changed (&before, now);
  atlas_zone_layer_set_draw_labels (f->layer, TRUE);

  /* The map moved, zoomed, turned. */
  redraws = settle (f, &before);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (f->viewport)), 20.95);
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  redraws = settle (f, &before);
  shumate_location_set_location (SHUMATE_LOCATION (f->viewport), 42.65,
                                 shumate_location_get_longitude (SHUMATE_LOCATION (f->viewport)));
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  redraws = settle (f, &before);
  shumate_viewport_set_zoom_level (f->viewport, 7.9);
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  redraws = settle (f, &before);
  shumate_viewport_set_rotation (f->viewport, 0.3);
  assert_changed (&before, assert_zone_frame (f, redraws, TRUE));
  shumate_viewport_set_rotation (f->viewport, 0);

  /* A larger window. */
  redraws = settle (f, &before);
  width = gtk_widget_get_width (GTK_WIDGET (f->layer));
  gtk_widget_set_size_request (GTK_WIDGET (f->map), width + 40, -1);
  wait_for_zones (f, layer_width_is, GINT_TO_POINTER (width + 40), "the larger window");
  now = assert_zone_frame (f, redraws, TRUE);
  g_assert_cmpuint (zones_test_count_differences (before, now, NULL), ==, G_MAXUINT);
  cairo_surface_destroy (now);

  cairo_surface_destroy (before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  atlas_test_init_isolated (&argc, &argv);
  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);

  g_test_add ("/layers-ui/event-layer/date", Fixture, NULL,
              fixture_set_up, test_event_layer_date, fixture_tear_down);
  g_test_add ("/layers-ui/event-layer/pick", Fixture, NULL,
              fixture_set_up, test_event_layer_pick, fixture_tear_down);
  g_test_add ("/layers-ui/deployment-layer/date", Fixture, NULL,
              fixture_set_up, test_deployment_layer_date, fixture_tear_down);
  g_test_add_func ("/layers-ui/strength-chart/cursor", test_strength_chart);
  g_test_add_func ("/layers-ui/strength-chart/legend", test_strength_legend);
  g_test_add ("/layers-ui/zone-layer/cache", ZoneFixture, NULL,
              zone_fixture_set_up, test_zone_layer_cache, zone_fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&basemap);
  return ret;
}
