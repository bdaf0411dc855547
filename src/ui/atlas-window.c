/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-basemap.h"
#include "atlas-label-layer.h"
#include "atlas-painter.h"
#include "atlas-tile-source.h"
#include "atlas-window.h"

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  ShumateSimpleMap     *map;
  AdwStatusPage        *error_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  AtlasBasemap         *basemap;
  AtlasPainter         *painter;
  AtlasLabelLayer      *label_layer;
  guint                 fit_tick_id;
};

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

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
  double width = MAX (gtk_widget_get_width (widget), 200);
  double height = MAX (gtk_widget_get_height (widget), 200);
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

/* The home view depends on the map's size, which is only known once it has
 * been allocated: wait for the first frame that has one. */
static gboolean
fit_on_first_frame (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  AtlasWindow *self = user_data;

  if (gtk_widget_get_width (widget) <= 0)
    return G_SOURCE_CONTINUE;

  self->fit_tick_id = 0;
  atlas_window_reset_view (self);
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

  /* Online tiles carry their own names. */
  atlas_label_layer_set_painter (self->label_layer, self->painter);
  gtk_widget_set_visible (GTK_WIDGET (self->label_layer), !online);
}

static void
on_basemap_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;
  ShumateMap *map;

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

  map = shumate_simple_map_get_map (self->map);
  self->label_layer = atlas_label_layer_new (shumate_simple_map_get_viewport (self->map));
  shumate_map_add_layer (map, SHUMATE_LAYER (self->label_layer));

  update_map_source (self);
  restore_view (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  shumate_map_zoom_in (shumate_simple_map_get_map (self->map));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  shumate_map_zoom_out (shumate_simple_map_get_map (self->map));
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

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);

  save_view (self);
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
  self->label_layer = NULL;

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.reset-view", NULL, reset_view_action);
  gtk_widget_class_install_action (widget_class, "win.pan", "(ii)", pan_action);

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
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_map_source), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (update_map_source), NULL);

  add_pan_shortcuts (self);

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
 * Whether the base map has loaded and the map is showing.
 */
gboolean
atlas_window_is_ready (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->basemap != NULL;
}
