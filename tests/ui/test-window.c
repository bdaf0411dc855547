/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-application.h"
#include "atlas-computed-zone.h"
#include "atlas-date.h"
#include "atlas-event-list.h"
#include "atlas-label-layer.h"
#include "atlas-tile-source.h"
#include "atlas-window.h"

#include "../atlas-test-init.h"

/* Smoke test of the main window under Xvfb: it opens, loads the base map,
 * shows the offline source with labels, and closes cleanly. */

#define TIMEOUT_SECONDS 20

typedef struct
{
  AtlasApplication *app;
  AtlasWindow      *window;
  gint64            deadline;
  guint             step;
  double            zoom_before;
  gboolean          checked;
  AtlasFeature     *activated;   /* by the event list */
} Fixture;

static gboolean
find_label_layer (ShumateMap       *map,
                  AtlasLabelLayer **out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ATLAS_IS_LABEL_LAYER (child))
      {
        *out = ATLAS_LABEL_LAYER (child);
        return TRUE;
      }

  return FALSE;
}

static AtlasComputedZone *
find_zone (AtlasWindow *window,
           const char  *id)
{
  GListModel *zones = atlas_zone_layer_get_zones (atlas_window_get_zone_layer (window));

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(AtlasComputedZone) zone = g_list_model_get_item (zones, i);

      if (g_str_equal (atlas_computed_zone_get_id (zone), id))
        return g_steal_pointer (&zone);
    }

  return NULL;
}

static gboolean
shows_zone (AtlasWindow *window,
            const char  *id)
{
  g_autoptr(AtlasComputedZone) zone = find_zone (window, id);

  return zone != NULL;
}

static double
zone_width (AtlasWindow *window,
            const char  *id)
{
  g_autoptr(AtlasComputedZone) zone = find_zone (window, id);

  g_assert_nonnull (zone);
  return atlas_computed_zone_get_width_km (zone);
}

static guint
event_list_count (AtlasWindow *window)
{
  return g_list_model_get_n_items (atlas_event_list_get_model (atlas_window_get_event_list (window)));
}

/* The row of the event list the timeline highlights, as drawn. */
static GtkWidget *
find_highlighted_row (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "event-row") &&
      (gtk_widget_get_state_flags (gtk_widget_get_parent (widget)) & GTK_STATE_FLAG_SELECTED) != 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_highlighted_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* A click on @row, as its own gesture sees it. */
static void
click_row (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 1.0, 1.0);
          g_signal_emit_by_name (controller, "released", 1, 1.0, 1.0);
          return;
        }
    }
  g_error ("the event row has no click gesture");
}

static void
on_feature_activated (AtlasEventList *list,
                      AtlasFeature   *feature,
                      Fixture        *f)
{
  g_set_object (&f->activated, feature);
}

static gboolean
check_window (gpointer user_data)
{
  Fixture *f = user_data;
  ShumateSimpleMap *map;
  AtlasLabelLayer *labels = NULL;
  ShumateViewport *viewport;

  if (g_get_monotonic_time () > f->deadline)
    g_error ("The window did not become ready within %d seconds", TIMEOUT_SECONDS);

  if (f->window == NULL)
    f->window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  if (f->window == NULL || !atlas_window_is_ready (f->window))
    return G_SOURCE_CONTINUE;

  map = atlas_window_get_map (f->window);
  g_assert_true (ATLAS_IS_TILE_SOURCE (shumate_simple_map_get_map_source (map)));
  g_assert_true (find_label_layer (shumate_simple_map_get_map (map), &labels));

  /* Wait until the labels have been drawn at least once. */
  if (f->step == 0 && atlas_label_layer_get_n_drawn (labels) == 0)
    return G_SOURCE_CONTINUE;

  viewport = shumate_simple_map_get_viewport (map);

  switch (f->step)
    {
    case 0:
      /* The About window's icon is there before the app is installed. */
      g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (f->window))),
                                              APP_ID_BASE));

      /* The home view shows Kosovo. */
      g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), >, 41.5);
      g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), <, 44.5);
      g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, 19.5);
      g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), <, 21.5);

      /* Keyboard zoom goes through the window's actions; it animates. */
      f->zoom_before = shumate_viewport_get_zoom_level (viewport);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
      f->step++;
      return G_SOURCE_CONTINUE;

    case 1:
      /* Zooming in goes to the next whole level. */
      if (fabs (shumate_viewport_get_zoom_level (viewport) - (floor (f->zoom_before) + 1)) > 1e-6)
        return G_SOURCE_CONTINUE;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-view", NULL));
      g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), f->zoom_before, 0.01);

      /* One date drives the zones and the event list. */
      atlas_timeline_set_date (atlas_window_get_timeline (f->window), atlas_day_from_ymd (2000, 1, 1));
      f->step++;
      return G_SOURCE_CONTINUE;

    case 2:
      if (atlas_zone_layer_is_computing (atlas_window_get_zone_layer (f->window)))
        return G_SOURCE_CONTINUE;
      g_assert_true (shows_zone (f->window, "zone-gsz"));
      g_assert_cmpfloat_with_epsilon (zone_width (f->window, "zone-asz"), 25, 1e-9);
      g_assert_cmpuint (event_list_count (f->window), ==, 0);

      atlas_timeline_set_date (atlas_window_get_timeline (f->window), atlas_day_from_ymd (2002, 6, 1));
      f->step++;
      return G_SOURCE_CONTINUE;

    case 3:
      if (atlas_zone_layer_is_computing (atlas_window_get_zone_layer (f->window)))
        return G_SOURCE_CONTINUE;
      g_assert_false (shows_zone (f->window, "zone-gsz"));
      g_assert_cmpfloat_with_epsilon (zone_width (f->window, "zone-asz"), 10, 1e-9);

      /* March 2004: the unrest is in the list, with its reinforcements. */
      atlas_timeline_set_date (atlas_window_get_timeline (f->window), atlas_day_from_ymd (2004, 3, 19));
      g_assert_cmpuint (event_list_count (f->window), >=, 2);
      g_signal_connect (atlas_window_get_event_list (f->window), "feature-activated",
                        G_CALLBACK (on_feature_activated), f);
      f->step++;
      return G_SOURCE_CONTINUE;

    case 4:
      {
        AtlasEventList *list = atlas_window_get_event_list (f->window);
        GtkWidget *row = find_highlighted_row (GTK_WIDGET (list));
        g_autoptr(AtlasFeature) highlighted = NULL;

        /* Clicking the row the timeline highlights opens its event, though
         * the selection does not change (it did nothing before). */
        if (row == NULL)
          return G_SOURCE_CONTINUE;
        g_assert_cmpuint (atlas_event_list_get_highlight (list), !=, GTK_INVALID_LIST_POSITION);
        highlighted = g_list_model_get_item (atlas_event_list_get_model (list),
                                             atlas_event_list_get_highlight (list));
        g_assert_null (f->activated);
        click_row (row);
        g_assert_true (f->activated == highlighted);
        g_clear_object (&f->activated);
      }

      /* No label goes under a widget over the map (the scale bar, the
       * attribution): with the whole map as one, none is drawn. */
      g_assert_cmpuint (atlas_label_layer_get_n_drawn (labels), >, 0);
      atlas_label_layer_add_obstacle (labels, GTK_WIDGET (shumate_simple_map_get_map (map)));
      f->step++;
      return G_SOURCE_CONTINUE;

    case 5:
      if (atlas_label_layer_get_n_drawn (labels) != 0)
        return G_SOURCE_CONTINUE;
      break;

    default:
      g_assert_not_reached ();
    }

  f->checked = TRUE;
  gtk_window_close (GTK_WINDOW (f->window));
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Fixture      *f)
{
  g_timeout_add (50, check_window, f);
}

static void
test_window_smoke (void)
{
  Fixture f = { 0 };

  f.app = g_object_new (ATLAS_TYPE_APPLICATION,
                        "application-id", APP_ID ".Test",
                        "flags", G_APPLICATION_NON_UNIQUE,
                        "resource-base-path", RESOURCE_PREFIX,
                        NULL);
  f.deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  g_signal_connect_after (f.app, "activate", G_CALLBACK (on_activate), &f);

  g_assert_cmpint (g_application_run (G_APPLICATION (f.app), 0, NULL), ==, 0);
  g_assert_true (f.checked);
  g_clear_object (&f.app);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_isolated (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }

  g_test_add_func ("/ui/window/smoke", test_window_smoke);

  return g_test_run ();
}
