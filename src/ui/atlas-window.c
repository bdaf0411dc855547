/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-basemap.h"
#include "atlas-computed-zone.h"
#include "atlas-date.h"
#include "atlas-deployment-layer.h"
#include "atlas-diagnostic.h"
#include "atlas-event-layer.h"
#include "atlas-event-list.h"
#include "atlas-export-dialog.h"
#include "atlas-snapshot-sources.h"
#include "atlas-snapshot-timeline.h"
#include "atlas-snapshot-zones.h"
#include "atlas-feature-details.h"
#include "atlas-feature-range.h"
#include "atlas-label-layer.h"
#include "atlas-layers-panel.h"
#include "atlas-lesson-editor.h"
#include "atlas-lesson-reader.h"
#include "atlas-presenter.h"
#include "atlas-loader.h"
#include "atlas-painter.h"
#include "atlas-strength-chart.h"
#include "atlas-tile-source.h"
#include "atlas-timeline.h"
#include "atlas-window.h"
#include "atlas-zone-details.h"
#include "atlas-zone-layer.h"
#include "atlas-zone-set.h"

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  ShumateSimpleMap     *map;
  AdwStatusPage        *error_page;
  GtkPaned             *paned;
  GtkWidget            *sidebar;
  GtkToggleButton      *sidebar_button;
  AtlasEventList       *event_list;
  GtkStack             *details_stack;
  AtlasFeatureDetails  *feature_details;
  AtlasTimeline        *timeline;
  GtkScrolledWindow    *layers_scrolled;

  GSettings            *settings;
  GCancellable         *cancellable;
  AtlasBasemap         *basemap;
  AtlasPainter         *painter;
  AtlasLabelLayer      *label_layer;
  AtlasZoneLayer       *zone_layer;
  AtlasEventLayer      *event_layer;
  AtlasDeploymentLayer *deployment_layer;
  AtlasZoneSet         *zone_set;
  AtlasZoneDetails     *zone_details;
  AtlasStrengthChart   *strength_chart;
  guint                 fit_tick_id;
  int                   fit_width;
  int                   fit_height;
  guint                 fit_stable_frames;
  gboolean              online;
  gboolean              show_names;
  AtlasPlaceNames      *place_names;
  AtlasLesson          *lesson;        /* presented by F5; the bundled one at first */
  AtlasLessonEditor    *lesson_editor; /* weak */

  /* The dataset shown: the bundled one merged with the files opened. */
  AtlasDataset         *dataset;
  GPtrArray            *files;         /* GFile, opened by the user */
  GArray               *files_enabled; /* gboolean per file; the bundled one first */
  AtlasLayersPanel     *layers_panel;
  GCancellable         *load_cancellable;
  AtlasFeatureRange    *event_range;
};

#define BUNDLED_DATASET RESOURCE_PREFIX "/dataset/kosovo-1999-2010.geojson"

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

static void on_date_changed      (AtlasWindow  *self);
static void reload_datasets      (AtlasWindow  *self,
                                  GFile        *added);
static void update_layers_panel  (AtlasWindow  *self);
static void show_feature         (AtlasWindow  *self,
                                  AtlasFeature *feature);
static void on_feature_activated (AtlasWindow  *self,
                                  AtlasFeature *feature);

/* Kosovo with every neighbouring capital: Belgrade, Podgorica, Tirana and
 * Skopje, with a little room around them. South, west, north, east. */
static const double home_bounds[4] = { 41.15, 19.05, 45.0, 21.75 };

#define PAN_FRACTION 0.25

static void
fit_bounds (AtlasWindow  *self,
            const double  bounds[4])
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  GtkWidget *widget = GTK_WIDGET (self->map);
  /* Before the first allocation, guess from the window's size. */
  double width = gtk_widget_get_width (widget) > 0 ? gtk_widget_get_width (widget) : 900;
  double height = gtk_widget_get_height (widget) > 0 ? gtk_widget_get_height (widget) : 600;
  double x0 = atlas_mercator_x_from_lon (bounds[1]);
  double x1 = atlas_mercator_x_from_lon (bounds[3]);
  double y0 = atlas_mercator_y_from_lat (bounds[2]);
  double y1 = atlas_mercator_y_from_lat (bounds[0]);
  double zoom_x = log2 ((width - 48) / ((x1 - x0) * ATLAS_TILE_SIZE));
  double zoom_y = log2 ((height - 48) / ((y1 - y0) * ATLAS_TILE_SIZE));

  shumate_viewport_set_zoom_level (viewport, CLAMP (MIN (zoom_x, zoom_y), 3, 18));
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atlas_mercator_lat_from_y ((y0 + y1) / 2),
                                 atlas_mercator_lon_from_x ((x0 + x1) / 2));
}

void
atlas_window_reset_view (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  fit_bounds (self, home_bounds);
}

/* The home view depends on the map's size, which settles over the first
 * frames (allocation, sidebar, header bar): fit again while it changes. */
static gboolean
fit_on_first_frame (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  AtlasWindow *self = user_data;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return G_SOURCE_CONTINUE;

  if (width != self->fit_width || height != self->fit_height)
    {
      self->fit_width = width;
      self->fit_height = height;
      self->fit_stable_frames = 0;
      atlas_window_reset_view (self);
      return G_SOURCE_CONTINUE;
    }

  if (++self->fit_stable_frames < 10)
    return G_SOURCE_CONTINUE;

  self->fit_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
restore_view (AtlasWindow *self)
{
  g_autoptr(GVariant) center = g_settings_get_user_value (self->settings, "map-center");
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);

  if (center != NULL)
    {
      double lat, lon;

      g_variant_get (center, "(dd)", &lat, &lon);
      shumate_viewport_set_zoom_level (viewport, g_settings_get_double (self->settings, "map-zoom"));
      shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                     CLAMP (lat, -ATLAS_MERCATOR_MAX_LAT, ATLAS_MERCATOR_MAX_LAT),
                                     CLAMP (lon, -180, 180));
      return;
    }

  /* Show the home view at once; it is fitted to the real size of the map
   * as soon as that is known. */
  fit_bounds (self, home_bounds);
  if (self->fit_tick_id == 0)
    self->fit_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->map), fit_on_first_frame, self, NULL);
}

static void
save_view (AtlasWindow *self)
{
  ShumateViewport *viewport;

  if (self->basemap == NULL)
    return;

  viewport = shumate_simple_map_get_viewport (self->map);
  g_settings_set (self->settings, "map-center", "(dd)",
                  shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                  shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom",
                         CLAMP (shumate_viewport_get_zoom_level (viewport), 3, 18));
}

static AtlasTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? ATLAS_THEME_DARK : ATLAS_THEME_LIGHT;
}

static AtlasUnits
current_units (AtlasWindow *self)
{
  return g_settings_get_enum (self->settings, "units") == 1 ? ATLAS_UNITS_IMPERIAL : ATLAS_UNITS_METRIC;
}

/* Distances follow the preference: zone details here, the map's zone
 * labels and scale bar in update_overlays(), exports when they are made. */
static void
update_units (AtlasWindow *self)
{
  atlas_zone_details_set_units (self->zone_details, current_units (self));
}

/* Hands the current painter to every overlay layer. */
static void
update_overlays (AtlasWindow *self)
{
  if (self->label_layer == NULL)
    return;

  /* Online tiles carry their own names. */
  atlas_label_layer_set_painter (self->label_layer, self->painter);
  atlas_label_layer_set_names (self->label_layer, self->place_names,
                               g_settings_get_enum (self->settings, "place-names"));
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map),
                          current_units (self) == ATLAS_UNITS_IMPERIAL ? SHUMATE_UNIT_IMPERIAL : SHUMATE_UNIT_METRIC);
  atlas_label_layer_set_units (self->label_layer, current_units (self));
  atlas_zone_layer_set_units (self->zone_layer, current_units (self));
  gtk_widget_set_visible (GTK_WIDGET (self->label_layer), !self->online && self->show_names);
  atlas_zone_layer_set_painter (self->zone_layer, self->painter);
  atlas_event_layer_set_painter (self->event_layer, self->painter);
  atlas_deployment_layer_set_painter (self->deployment_layer, self->painter);
}

/* Zones need both the base map (the borders they follow) and the data. */
static void
update_zone_set (AtlasWindow *self)
{
  g_autoptr(AtlasZoneSet) zone_set = NULL;

  if (self->basemap == NULL || self->dataset == NULL || self->zone_layer == NULL)
    return;
  if (self->zone_set != NULL && atlas_zone_set_get_dataset (self->zone_set) == self->dataset)
    return;

  /* Names of places come from the base map and, for Kosovo, the data. */
  g_clear_object (&self->place_names);
  self->place_names = atlas_place_names_new (self->basemap, self->dataset, atlas_script_for_locale ());
  update_overlays (self);

  zone_set = atlas_zone_set_new (self->basemap, self->dataset);
  g_set_object (&self->zone_set, zone_set);
  atlas_zone_layer_set_zone_set (self->zone_layer, zone_set);
  atlas_zone_details_set_zone_set (self->zone_details, zone_set);
  atlas_zone_layer_set_date (self->zone_layer, atlas_timeline_get_date (self->timeline));
}

/* Installs the base-map source for the current theme, scale factor and
 * preference. Called whenever one of them changes. */
static void
update_map_source (AtlasWindow *self)
{
  g_autoptr(ShumateMapSource) source = NULL;
  gboolean online;

  if (self->basemap == NULL)
    return;

  if (self->painter == NULL || atlas_painter_get_theme (self->painter) != current_theme ())
    {
      g_clear_object (&self->painter);
      self->painter = atlas_painter_new (self->basemap, current_theme ());
    }

  online = g_settings_get_boolean (self->settings, "online-tiles");
  if (online)
    {
      g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
      ShumateMapSource *osm = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);

      if (osm != NULL)
        source = g_object_ref (osm);
    }

  if (source == NULL)
    {
      online = FALSE;
      source = SHUMATE_MAP_SOURCE (atlas_tile_source_new (self->painter,
                                                          gtk_widget_get_scale_factor (GTK_WIDGET (self))));
    }

  shumate_simple_map_set_map_source (self->map, source);
  self->online = online;
  update_overlays (self);
}

static void
show_zone (AtlasWindow *self,
           const char  *zone_id)
{
  atlas_zone_details_set_zone_id (self->zone_details, zone_id);
  atlas_zone_details_set_date (self->zone_details, atlas_timeline_get_date (self->timeline));
  gtk_stack_set_visible_child_name (self->details_stack, "zone");
}

/* Layers get no pointer events in libshumate 1.0: a click on the map is
 * tested against each layer, topmost first. */
static void
on_map_clicked (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                AtlasWindow     *self)
{
  g_autoptr(AtlasComputedZone) zone = NULL;
  guint position;

  if (self->dataset == NULL)
    return;

  if (atlas_event_layer_pick (self->event_layer, x, y, &position))
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (self->dataset, ATLAS_KIND_EVENT, position);
      on_feature_activated (self, feature);
      return;
    }

  if (atlas_deployment_layer_pick (self->deployment_layer, x, y, &position))
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (self->dataset, ATLAS_KIND_DEPLOYMENT, position);
      show_feature (self, feature);
      return;
    }

  zone = atlas_zone_layer_pick (self->zone_layer, x, y);
  if (zone != NULL)
    show_zone (self, atlas_computed_zone_get_id (zone));
}

static void
add_overlay_layers (AtlasWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  GtkGesture *click;

  /* Bottom to top: areas, troops, names (of places and of the troops, placed
   * together), then the events people click. */
  self->zone_layer = atlas_zone_layer_new (viewport);
  self->label_layer = atlas_label_layer_new (viewport);
  self->deployment_layer = atlas_deployment_layer_new (viewport);
  self->event_layer = atlas_event_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->zone_layer));
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->deployment_layer));
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->label_layer));
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->event_layer));
  atlas_label_layer_set_deployment_layer (self->label_layer, self->deployment_layer);
  atlas_label_layer_set_zone_layer (self->label_layer, self->zone_layer);
  atlas_label_layer_add_obstacle (self->label_layer, GTK_WIDGET (shumate_simple_map_get_scale (self->map)));
  atlas_label_layer_add_obstacle (self->label_layer, GTK_WIDGET (shumate_simple_map_get_license (self->map)));

  g_object_bind_property (self->layers_panel, "show-zones", self->zone_layer, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->layers_panel, "show-deployments", self->deployment_layer, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->layers_panel, "show-events", self->event_layer, "visible", G_BINDING_SYNC_CREATE);

  if (self->dataset != NULL)
    {
      atlas_event_layer_set_dataset (self->event_layer, self->dataset);
      atlas_deployment_layer_set_dataset (self->deployment_layer, self->dataset);
    }

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_map_clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (shumate_simple_map_get_map (self->map)), GTK_EVENT_CONTROLLER (click));
}

static void
on_basemap_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;
  basemap = atlas_basemap_load_finish (result, &error);
  if (basemap == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not load the base map: %s", error->message);
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->basemap = g_steal_pointer (&basemap);

  /* The first base layer goes on top of whatever is there, so it must come
   * before the overlays. */
  update_map_source (self);
  add_overlay_layers (self);
  update_overlays (self);
  update_zone_set (self);
  on_date_changed (self);

  restore_view (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

/* Zooms to the next whole level: tiles are drawn for whole levels, so the
 * map is at its sharpest there. */
static void
zoom_by (AtlasWindow *self,
         int          direction)
{
  ShumateMap *map = shumate_simple_map_get_map (self->map);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double target = direction > 0 ? floor (zoom + 1e-6) + 1 : ceil (zoom - 1e-6) - 1;

  target = CLAMP (target, shumate_viewport_get_min_zoom_level (viewport),
                  shumate_viewport_get_max_zoom_level (viewport));
  shumate_map_go_to_full (map,
                          shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                          shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                          target);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (ATLAS_WINDOW (widget), +1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (ATLAS_WINDOW (widget), -1);
}

static void
reset_view_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  atlas_window_reset_view (ATLAS_WINDOW (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double world = atlas_mercator_world_size (shumate_viewport_get_zoom_level (viewport));
  double x, y;
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  x = atlas_mercator_x_from_lon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  y = atlas_mercator_y_from_lat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  x += dx * PAN_FRACTION * gtk_widget_get_width (GTK_WIDGET (self->map)) / world;
  y += dy * PAN_FRACTION * gtk_widget_get_height (GTK_WIDGET (self->map)) / world;
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atlas_mercator_lat_from_y (CLAMP (y, 0, 1)),
                                 atlas_mercator_lon_from_x (CLAMP (x, 0, 1)));
}

static void
add_pan_shortcuts (AtlasWindow *self)
{
  static const struct { guint key; int dx, dy; } keys[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Only while the map has the focus: arrows belong to other widgets too. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                gtk_named_action_new ("win.pan"));
      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(ii)", keys[i].dx, keys[i].dy));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->map), controller);
}

/* The timeline ----------------------------------------------------------- */

static void
update_event_caption (AtlasWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->event_range));
  guint window_days = atlas_timeline_get_window_days (self->timeline);
  g_autofree char *caption = NULL;

  if (window_days == 0)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event so far", "%u events so far", n), n);
  else
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event in the last %u days",
                                            "%u events in the last %u days", n), n, window_days);
  atlas_event_list_set_caption (self->event_list, caption);
}

/* One date drives everything: this is where it fans out. */
static void
on_date_changed (AtlasWindow *self)
{
  gint32 date = atlas_timeline_get_date (self->timeline);
  guint window_days = atlas_timeline_get_window_days (self->timeline);
  /* The window ends with the date itself: [date - days + 1, date + 1). */
  gint32 from = window_days == 0 ? ATLAS_DAY_MIN : date - (gint32) window_days + 1;

  atlas_feature_range_set_span (self->event_range, from, date + 1);

  if (self->zone_layer != NULL)
    {
      atlas_zone_layer_set_date (self->zone_layer, date);
      atlas_deployment_layer_set_date (self->deployment_layer, date);
      atlas_event_layer_set_mode (self->event_layer,
                                  window_days == 0 ? ATLAS_EVENT_WINDOW_CUMULATIVE : ATLAS_EVENT_WINDOW_TRAILING);
      if (window_days > 0)
        atlas_event_layer_set_window_days (self->event_layer, window_days);
      atlas_event_layer_set_date (self->event_layer, date);
    }
  atlas_strength_chart_set_date (self->strength_chart, date);
  atlas_zone_details_set_date (self->zone_details, date);
  atlas_event_list_set_highlight (self->event_list,
                                  atlas_feature_range_find_nearest (self->event_range, date));
  update_event_caption (self);
}

static void
pan_to_feature (AtlasWindow  *self,
                AtlasFeature *feature)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double lat, lon;

  if (atlas_feature_get_point (feature, &lon, &lat))
    shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
}

static void
show_feature (AtlasWindow  *self,
              AtlasFeature *feature)
{
  atlas_feature_details_set_feature (self->feature_details, feature);
  gtk_stack_set_visible_child_name (self->details_stack, feature ? "feature" : "empty");
}

static void
on_feature_activated (AtlasWindow  *self,
                      AtlasFeature *feature)
{
  show_feature (self, feature);
  if (self->event_layer != NULL && atlas_feature_get_kind (feature) == ATLAS_KIND_EVENT)
    atlas_event_layer_set_selected (self->event_layer, atlas_feature_get_position (feature));
  atlas_timeline_set_date (self->timeline, atlas_feature_get_start_day (feature));
  pan_to_feature (self, feature);
}

static void
timeline_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *name = g_strdup_printf ("timeline.%s", g_variant_get_string (parameter, NULL));

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), name, NULL);
}

static void
restore_timeline (AtlasWindow *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "timeline-date");
  AtlasDate date;

  if (g_str_equal (g_settings_get_string (self->settings, "event-mode"), "cumulative"))
    atlas_timeline_set_window_days (self->timeline, 0);
  else
    atlas_timeline_set_window_days (self->timeline, g_settings_get_int (self->settings, "event-window-days"));

  if (atlas_date_parse (text, -1, &date) && date.precision == ATLAS_DATE_PRECISION_DAY)
    atlas_timeline_set_date (self->timeline, atlas_date_get_first_day (&date));
}

static void
save_timeline (AtlasWindow *self)
{
  guint window_days = atlas_timeline_get_window_days (self->timeline);
  int y, m, d;
  char text[16];

  atlas_day_to_ymd (atlas_timeline_get_date (self->timeline), &y, &m, &d);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", y, m, d);
  g_settings_set_string (self->settings, "timeline-date", text);
  g_settings_set_string (self->settings, "event-mode", window_days == 0 ? "cumulative" : "trailing");
  if (window_days > 0)
    g_settings_set_int (self->settings, "event-window-days", window_days);
}

/* A snapshot of what the map shows now: same view, date, zones (as
 * explored), deployments and events, always in the light theme, which
 * prints and projects best. */
static AtlasSnapshot *
create_snapshot (AtlasWindow *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  g_autoptr(AtlasPainter) painter = atlas_painter_new (self->basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasOverlay) sources = NULL;
  g_autoptr(AtlasOverlay) zones = NULL;
  g_autoptr(AtlasOverlay) deployments = NULL;
  g_autoptr(AtlasOverlay) events = NULL;
  g_autoptr(GPtrArray) computed = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *shown = atlas_zone_layer_get_zones (self->zone_layer);
  AtlasSnapshot *snapshot;
  AtlasView view;

  atlas_map_get_view (viewport, gtk_widget_get_width (GTK_WIDGET (self->map)),
                      gtk_widget_get_height (GTK_WIDGET (self->map)), &view);
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_day (snapshot, atlas_timeline_get_date (self->timeline));
  atlas_snapshot_set_names (snapshot, g_settings_get_enum (self->settings, "place-names"));
  atlas_snapshot_set_units (snapshot, current_units (self));

  sources = atlas_dataset_sources_overlay_new (self->dataset);
  atlas_snapshot_add_overlay (snapshot, sources);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (computed, g_list_model_get_item (shown, i));
  zones = atlas_zones_overlay_new ((AtlasComputedZone * const *) computed->pdata, computed->len);
  atlas_snapshot_add_overlay (snapshot, zones);

  if (atlas_deployment_layer_get_deployment_set (self->deployment_layer) != NULL)
    {
      deployments = atlas_deployments_overlay_new (atlas_deployment_layer_get_deployment_set (self->deployment_layer));
      atlas_snapshot_add_overlay (snapshot, deployments);
    }
  if (atlas_event_layer_get_event_set (self->event_layer) != NULL)
    {
      events = atlas_events_overlay_new (atlas_event_layer_get_event_set (self->event_layer));
      atlas_snapshot_add_overlay (snapshot, events);
    }

  return snapshot;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  AtlasExportDialog *dialog;

  if (self->basemap == NULL || self->dataset == NULL || self->zone_layer == NULL)
    return;

  snapshot = create_snapshot (self);
  dialog = atlas_export_dialog_new (GTK_WINDOW (self), snapshot);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presenting ---------------------------------------------------------------- */

/* Back from presenting, the window is where the lesson left off. */
static gboolean
on_presenter_close_request (AtlasWindow    *self,
                            AtlasPresenter *presenter)
{
  atlas_timeline_set_date (self->timeline, atlas_presenter_get_day (presenter));
  return FALSE;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasPresenter *presenter;

  if (self->basemap == NULL || self->dataset == NULL)
    return;

  /* The lesson being edited is the one to present. */
  if (self->lesson_editor != NULL && atlas_lesson_editor_get_lesson (self->lesson_editor) != NULL)
    g_set_object (&self->lesson, atlas_lesson_editor_get_lesson (self->lesson_editor));

  if (self->lesson == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->lesson = atlas_lesson_load_resource (ATLAS_LESSON_BUNDLED_RESOURCE, &error);
      if (self->lesson == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not open the lesson: %s"), error->message);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
          return;
        }
    }

  atlas_timeline_set_playing (self->timeline, FALSE);
  presenter = atlas_presenter_new (self->basemap, self->dataset, self->lesson);
  g_signal_connect_object (presenter, "close-request", G_CALLBACK (on_presenter_close_request),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_application (GTK_WINDOW (presenter), gtk_window_get_application (GTK_WINDOW (self)));
  atlas_presenter_start (presenter, 0);
}

static void
on_lesson_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasLesson) lesson = atlas_lesson_load_finish (result, &error);
  g_autofree char *message = NULL;

  if (lesson == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The lesson that was open stays open. */
      message = g_strdup_printf (_("Could not open the lesson: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  g_set_object (&self->lesson, lesson);
  message = g_strdup_printf (_("Lesson “%s” opened: press F5 to present it"), atlas_lesson_get_display_title (lesson));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
open_lesson_file (AtlasWindow *self,
                  GFile       *file)
{
  atlas_lesson_load_async (file, self->cancellable, on_lesson_loaded, g_object_ref (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_lesson_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    open_lesson_file (self, file);
}
#else
static void
on_open_lesson_response (GtkNativeDialog *dialog,
                         int              response,
                         AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        open_lesson_file (self, file);
    }
  g_object_unref (dialog);
}
#endif

static void
open_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Lessons"));
  gtk_file_filter_add_pattern (filter, "*.lesson.json");
  gtk_file_filter_add_pattern (filter, "*.json");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Open Lesson"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_lesson_done, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *dialog;

    dialog = gtk_file_chooser_native_new (_("Open Lesson"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (on_open_lesson_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

/* A scene of what the map shows now, for the lesson editor. */
static AtlasLessonScene *
on_capture_scene (AtlasLessonEditor *editor,
                  AtlasWindow       *self)
{
  AtlasLessonLayers layers = 0;
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  gboolean all_zones = TRUE;
  GListModel *features;

  if (self->dataset == NULL)
    return NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->zone_layer)))
    layers |= ATLAS_LESSON_LAYER_ZONES;
  if (gtk_widget_get_visible (GTK_WIDGET (self->deployment_layer)))
    layers |= ATLAS_LESSON_LAYER_DEPLOYMENTS;
  if (gtk_widget_get_visible (GTK_WIDGET (self->event_layer)))
    layers |= ATLAS_LESSON_LAYER_EVENTS;
  if (self->show_names)
    layers |= ATLAS_LESSON_LAYER_LABELS;

  /* Name the zones only when some are switched off. */
  features = atlas_dataset_get_features (self->dataset, ATLAS_KIND_ZONE);
  for (guint i = 0; i < g_list_model_get_n_items (features); i++)
    {
      g_autoptr(AtlasFeature) zone = g_list_model_get_item (features, i);

      if (atlas_layers_panel_is_zone_shown (self->layers_panel, atlas_feature_get_id (zone)))
        g_ptr_array_add (zones, (gpointer) atlas_feature_get_id (zone));
      else
        all_zones = FALSE;
    }
  g_ptr_array_add (zones, NULL);

  return atlas_lesson_scene_new_from_map (self->map, atlas_timeline_get_date (self->timeline), layers,
                                          all_zones ? NULL : (const char * const *) zones->pdata);
}

static void
edit_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasLessonEditor *editor;

  if (self->basemap == NULL || self->dataset == NULL || self->zone_layer == NULL)
    return;

  if (self->lesson_editor != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->lesson_editor));
      return;
    }

  editor = atlas_lesson_editor_new ();
  gtk_window_set_application (GTK_WINDOW (editor), gtk_window_get_application (GTK_WINDOW (self)));
  atlas_lesson_editor_set_data (editor, self->basemap, self->dataset);
  g_signal_connect_object (editor, "capture-scene", G_CALLBACK (on_capture_scene), self, 0);
  g_set_weak_pointer (&self->lesson_editor, editor);
  atlas_lesson_editor_open_bundled (editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button, !gtk_toggle_button_get_active (self->sidebar_button));
}

/* Datasets ----------------------------------------------------------------- */

static void
set_dataset (AtlasWindow  *self,
             AtlasDataset *dataset)
{
  gint32 first, last;
  gboolean first_dataset = self->dataset == NULL;

  g_set_object (&self->dataset, dataset);
  atlas_feature_range_set_dataset (self->event_range, dataset);
  atlas_strength_chart_set_dataset (self->strength_chart, dataset);
  if (self->event_layer != NULL)
    {
      atlas_event_layer_set_dataset (self->event_layer, dataset);
      atlas_deployment_layer_set_dataset (self->deployment_layer, dataset);
    }
  update_zone_set (self);
  update_layers_panel (self);
  atlas_timeline_set_dataset (self->timeline, dataset);

  /* A fresh start opens on the first day of the story. */
  if (first_dataset && g_settings_get_user_value (self->settings, "timeline-date") == NULL &&
      atlas_dataset_get_time_range (dataset, &first, &last))
    atlas_timeline_set_date (self->timeline, first);

  on_date_changed (self);
}

static void
update_layers_panel (AtlasWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (_("Kosovo and KFOR, 1999–2010 (bundled)")));
  for (guint i = 0; i < self->files->len; i++)
    g_ptr_array_add (names, g_file_get_basename (g_ptr_array_index (self->files, i)));

  atlas_layers_panel_set_datasets (self->layers_panel, (const char * const *) names->pdata,
                                   (const gboolean *) (gpointer) self->files_enabled->data, names->len);
  if (self->dataset != NULL)
    atlas_layers_panel_set_zones (self->layers_panel, self->dataset);
}

static void
on_dataset_toggled (AtlasWindow *self,
                    guint        index,
                    gboolean     enabled)
{
  g_return_if_fail (index < self->files_enabled->len);

  g_array_index (self->files_enabled, gboolean, index) = enabled;
  reload_datasets (self, NULL);
}

static void
on_zone_toggled (AtlasWindow *self,
                 const char  *zone_id,
                 gboolean     shown)
{
  if (self->zone_layer != NULL)
    atlas_zone_layer_set_zone_visible (self->zone_layer, zone_id, shown);
}

static void
on_show_names (AtlasWindow *self)
{
  g_object_get (self->layers_panel, "show-names", &self->show_names, NULL);
  update_overlays (self);
}

static void
show_diagnostics (AtlasWindow *self,
                  GListModel  *diagnostics)
{
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *label;
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);
      g_autofree char *line = atlas_diagnostic_to_string (diagnostic);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Problems in the Data"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u problem was found. Features with errors were left out; "
                                               "everything else was loaded.",
                                               "%u problems were found. Features with errors were left out; "
                                               "everything else was loaded.", n), n);
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (text, TRUE);
}

static void
on_show_diagnostics (AdwToast    *toast,
                     AtlasWindow *self)
{
  GListModel *diagnostics = g_object_get_data (G_OBJECT (toast), "diagnostics");

  show_diagnostics (self, diagnostics);
}

/* How many features were left out: one feature can have several errors.
 * Features are told apart by file and index (ids may be missing or
 * repeated). Only listed problems are seen (the list stops at
 * ATLAS_MAX_DIAGNOSTICS); with none that names a feature, every error
 * counts as one. */
static guint
count_failed_features (GListModel *diagnostics,
                       guint       n_errors)
{
  g_autoptr(GHashTable) failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      if (atlas_diagnostic_get_severity (diagnostic) == ATLAS_SEVERITY_ERROR &&
          atlas_diagnostic_get_feature_index (diagnostic) >= 0)
        g_hash_table_add (failed, g_strdup_printf ("%d:%s", atlas_diagnostic_get_feature_index (diagnostic),
                                                   atlas_diagnostic_get_file (diagnostic)));
    }

  return g_hash_table_size (failed) > 0 ? g_hash_table_size (failed) : n_errors;
}

static void
toast_diagnostics (AtlasWindow *self,
                   GListModel  *diagnostics,
                   guint        n_errors,
                   guint        n_warnings)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_errors + n_warnings == 0)
    return;

  if (n_errors > 0)
    {
      guint n_failed = count_failed_features (diagnostics, n_errors);

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feature could not be loaded",
                                            "%u features could not be loaded", n_failed), n_failed);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The data has %u warning",
                                          "The data has %u warnings", n_warnings), n_warnings);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "diagnostics", g_object_ref (diagnostics), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_show_diagnostics), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  AtlasWindow *self;
  GFile       *added;     /* the file this load adds, or NULL */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->added);
  g_free (data);
}

static void
on_datasets_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AtlasLoader *loader = ATLAS_LOADER (object);
  LoadData *data = user_data;
  AtlasWindow *self = data->self;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = atlas_loader_load_finish (loader, result, &error);

  if (dataset == NULL)
    {
      /* What was open stays open: the failed file is not added. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not open the data: %s"), error->message);
          AdwToast *toast = adw_toast_new (message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      load_data_free (data);
      return;
    }

  if (data->added != NULL)
    {
      gboolean enabled = TRUE;

      g_ptr_array_add (self->files, g_object_ref (data->added));
      g_array_append_val (self->files_enabled, enabled);
    }

  set_dataset (self, dataset);
  toast_diagnostics (self, atlas_dataset_get_diagnostics (dataset),
                     atlas_dataset_get_n_errors (dataset), atlas_dataset_get_n_warnings (dataset));
  load_data_free (data);
}

/* Loads the bundled dataset with every opened file, plus @added, into a new
 * dataset. The current one stays until the new one is complete. */
static void
reload_datasets (AtlasWindow *self,
                 GFile       *added)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GBytes) bundled = NULL;
  LoadData *data;

  bundled = g_resources_lookup_data (BUNDLED_DATASET, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bundled != NULL && g_array_index (self->files_enabled, gboolean, 0))
    atlas_loader_add_bytes (loader, bundled, _("Bundled dataset"));

  for (guint i = 0; i < self->files->len; i++)
    if (g_array_index (self->files_enabled, gboolean, i + 1))
      atlas_loader_add_file (loader, g_ptr_array_index (self->files, i), NULL);
  if (added != NULL)
    atlas_loader_add_file (loader, added, NULL);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->added = added ? g_object_ref (added) : NULL;
  atlas_loader_load_async (loader, self->load_cancellable, on_datasets_loaded, data);
}

/**
 * atlas_window_open_file:
 *
 * Adds a dataset file to what the window shows. A file that cannot be
 * loaded at all is reported and leaves the window as it was.
 */
void
atlas_window_open_file (AtlasWindow *self,
                        GFile       *file)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; i < self->files->len; i++)
    if (g_file_equal (g_ptr_array_index (self->files, i), file))
      return;

  reload_datasets (self, file);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_dialog_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    atlas_window_open_file (self, file);
}
#else
static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        atlas_window_open_file (self, file);
    }
  g_object_unref (dialog);
}
#endif

static GtkFileFilter *
geojson_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("GeoJSON Datasets"));
  gtk_file_filter_add_mime_type (filter, "application/geo+json");
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  return filter;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = geojson_filter ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Open Dataset"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_dialog_done, g_object_ref (self));
#else
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
#endif
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AtlasWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    atlas_window_open_file (self, l->data);

  return files != NULL;
}

static void
add_drop_target (AtlasWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);

  save_view (self);
  save_timeline (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = (AtlasWindow *)object;

  if (self->fit_tick_id != 0 && self->map != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map), self->fit_tick_id);
  self->fit_tick_id = 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->painter);
  g_clear_object (&self->basemap);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->files_enabled, g_array_unref);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->event_range);
  g_clear_object (&self->zone_set);
  g_clear_object (&self->place_names);
  g_clear_object (&self->lesson);
  g_clear_weak_pointer (&self->lesson_editor);
  self->label_layer = NULL;
  self->zone_layer = NULL;
  self->event_layer = NULL;
  self->deployment_layer = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  window_class->close_request = atlas_window_close_request;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (ATLAS_TYPE_EVENT_LIST);
  g_type_ensure (ATLAS_TYPE_FEATURE_DETAILS);
  g_type_ensure (ATLAS_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, feature_details);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, layers_scrolled);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.reset-view", NULL, reset_view_action);
  gtk_widget_class_install_action (widget_class, "win.pan", "(ii)", pan_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.open-lesson", NULL, open_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.edit-lesson", NULL, edit_lesson_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.timeline", "s", timeline_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.timeline", "s", "previous-change");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.timeline", "s", "next-change");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.timeline", "s", "previous-event");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.timeline", "s", "next-event");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "win.timeline", "s", "play");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.reset-view", NULL);
}

static void
atlas_window_init (AtlasWindow *self)
{
  g_autoptr(GAction) online_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID_BASE);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  online_action = g_settings_create_action (self->settings, "online-tiles");
  g_action_map_add_action (G_ACTION_MAP (self), online_action);

  g_signal_connect_object (self->settings, "changed::online-tiles",
                           G_CALLBACK (update_map_source), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::place-names",
                           G_CALLBACK (update_overlays), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (update_overlays), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_map_source), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (update_map_source), NULL);

  add_pan_shortcuts (self);

  self->zone_details = ATLAS_ZONE_DETAILS (atlas_zone_details_new ());
  gtk_stack_add_named (self->details_stack, GTK_WIDGET (self->zone_details), "zone");
  update_units (self);
  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (update_units), self, G_CONNECT_SWAPPED);
  self->strength_chart = ATLAS_STRENGTH_CHART (atlas_strength_chart_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->strength_chart), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->strength_chart), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->strength_chart), 6);
  gtk_box_append (GTK_BOX (self->sidebar), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->strength_chart));

  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->files_enabled = g_array_new (FALSE, FALSE, sizeof (gboolean));
  {
    gboolean bundled_enabled = TRUE;
    g_array_append_val (self->files_enabled, bundled_enabled);
  }
  self->show_names = TRUE;
  self->layers_panel = ATLAS_LAYERS_PANEL (atlas_layers_panel_new ());
  gtk_scrolled_window_set_child (self->layers_scrolled, GTK_WIDGET (self->layers_panel));
  g_signal_connect_object (self->layers_panel, "dataset-toggled", G_CALLBACK (on_dataset_toggled),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layers_panel, "zone-toggled", G_CALLBACK (on_zone_toggled),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layers_panel, "notify::show-names", G_CALLBACK (on_show_names),
                           self, G_CONNECT_SWAPPED);
  self->event_range = atlas_feature_range_new (ATLAS_KIND_EVENT);
  atlas_event_list_set_model (self->event_list, G_LIST_MODEL (self->event_range));
  g_signal_connect_object (self->event_list, "feature-activated",
                           G_CALLBACK (on_feature_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::date",
                           G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::window-days",
                           G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->sidebar_button, "active", self->sidebar, "visible", G_BINDING_SYNC_CREATE);
  restore_timeline (self);
  add_drop_target (self);
  reload_datasets (self, NULL);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  atlas_basemap_load_async (self->cancellable, on_basemap_loaded, g_object_ref (self));
}

AtlasWindow *
atlas_window_new (AtlasApplication *application)
{
  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
}

ShumateSimpleMap *
atlas_window_get_map (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->map;
}

/**
 * atlas_window_is_ready:
 *
 * Whether the base map and the data have loaded and the view has settled.
 */
gboolean
atlas_window_is_ready (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->basemap != NULL && self->dataset != NULL && self->fit_tick_id == 0;
}

AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->dataset;
}

AtlasTimeline *
atlas_window_get_timeline (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->timeline;
}

AtlasZoneLayer *
atlas_window_get_zone_layer (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->zone_layer;
}

AtlasEventLayer *
atlas_window_get_event_layer (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->event_layer;
}

AtlasEventList *
atlas_window_get_event_list (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->event_list;
}
