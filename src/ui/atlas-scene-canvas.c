/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-scene-canvas"

#include "config.h"

#include "atlas-label-layer.h"
#include "atlas-lesson-snapshot.h"
#include "atlas-scene-canvas.h"
#include "atlas-zone-layer.h"

struct _AtlasSceneCanvas
{
  GtkDrawingArea    parent_instance;

  ShumateViewport  *viewport;
  AtlasPainter     *painter;
  AtlasDataset     *dataset;
  AtlasZoneLayer   *zones;           /* computes; never shown */
  GSettings        *settings;        /* the units of zones' widths */
  GPtrArray        *obstacles;       /* of GWeakRef to widgets */

  AtlasLessonScene *scene;
  gint32            day;
  GPtrArray        *overlays;        /* AtlasOverlay */
};

G_DEFINE_FINAL_TYPE (AtlasSceneCanvas, atlas_scene_canvas, GTK_TYPE_DRAWING_AREA)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rebuild_overlays (AtlasSceneCanvas *self)
{
  GListModel *computed = atlas_zone_layer_get_zones (self->zones);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (computed); i++)
    g_ptr_array_add (zones, g_list_model_get_item (computed, i));

  g_clear_pointer (&self->overlays, g_ptr_array_unref);
  if (self->scene != NULL && self->day != ATLAS_DAY_MIN)
    self->overlays = atlas_lesson_scene_create_overlays (self->scene, self->dataset, self->day,
                                                         (AtlasComputedZone * const *) zones->pdata, zones->len);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reserve_widget (AtlasLabelSet *labels,
                GtkWidget     *widget,
                GtkWidget     *relative_to)
{
  graphene_rect_t bounds;

  if (gtk_widget_get_visible (widget) && gtk_widget_compute_bounds (widget, relative_to, &bounds))
    atlas_label_set_try_add (labels, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  AtlasSceneCanvas *self = ATLAS_SCENE_CANVAS (area);
  g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
  AtlasOverlayContext context = { 0, };
  AtlasView view;

  if (self->scene == NULL || self->overlays == NULL)
    return;

  atlas_map_get_view (self->viewport, width, height, &view);
  context.view = &view;
  context.painter = self->painter;
  context.day = self->day;
  context.names = ATLAS_NAMES_BOTH;
  context.units = g_settings_get_enum (self->settings, "units") == 1 ? ATLAS_UNITS_IMPERIAL : ATLAS_UNITS_METRIC;
  context.device_scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  context.target = ATLAS_SNAPSHOT_TARGET_RASTER;
  context.labels = labels;

  /* No name goes under a card, where nobody could read it. */
  for (guint i = 0; i < self->obstacles->len; i++)
    {
      g_autoptr(GtkWidget) obstacle = g_weak_ref_get (g_ptr_array_index (self->obstacles, i));

      if (obstacle != NULL)
        reserve_widget (labels, obstacle, GTK_WIDGET (area));
    }

  for (guint i = 0; i < self->overlays->len; i++)
    atlas_overlay_draw (g_ptr_array_index (self->overlays, i), cr, &context);
  for (guint i = 0; i < self->overlays->len; i++)
    atlas_overlay_draw_labels (g_ptr_array_index (self->overlays, i), cr, &context);
  if (atlas_lesson_scene_get_layers (self->scene) & ATLAS_LESSON_LAYER_LABELS)
    atlas_painter_draw_labels (self->painter, cr, &view, labels);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* GObject -------------------------------------------------------------------- */

static void
atlas_scene_canvas_dispose (GObject *object)
{
  AtlasSceneCanvas *self = (AtlasSceneCanvas *)object;

  if (self->zones != NULL)
    g_signal_handlers_disconnect_by_data (atlas_zone_layer_get_zones (self->zones), self);
  g_clear_object (&self->zones);
  g_clear_object (&self->settings);
  g_clear_object (&self->scene);
  g_clear_object (&self->dataset);
  g_clear_object (&self->painter);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->overlays, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_scene_canvas_parent_class)->dispose (object);
}

static void
atlas_scene_canvas_finalize (GObject *object)
{
  AtlasSceneCanvas *self = (AtlasSceneCanvas *)object;

  g_ptr_array_unref (self->obstacles);

  G_OBJECT_CLASS (atlas_scene_canvas_parent_class)->finalize (object);
}

static void
atlas_scene_canvas_class_init (AtlasSceneCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_scene_canvas_dispose;
  object_class->finalize = atlas_scene_canvas_finalize;

  /**
   * AtlasSceneCanvas::changed:
   *
   * The overlays were made again: another scene or day, or zones newly
   * computed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_scene_canvas_init (AtlasSceneCanvas *self)
{
  self->day = ATLAS_DAY_MIN;
  self->obstacles = g_ptr_array_new_with_free_func (free_weak_ref);
  self->settings = g_settings_new (APP_ID_BASE);
  g_signal_connect_object (self->settings, "changed::units", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
}

/* Public ------------------------------------------------------------------- */

void
atlas_scene_canvas_set_map (AtlasSceneCanvas *self,
                            ShumateViewport  *viewport,
                            AtlasPainter     *painter,
                            AtlasDataset     *dataset,
                            AtlasZoneSet     *zone_set)
{
  g_return_if_fail (ATLAS_IS_SCENE_CANVAS (self));
  g_return_if_fail (SHUMATE_IS_VIEWPORT (viewport));
  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (ATLAS_IS_ZONE_SET (zone_set));
  g_return_if_fail (self->viewport == NULL);

  self->viewport = g_object_ref (viewport);
  self->painter = g_object_ref (painter);
  self->dataset = g_object_ref (dataset);

  self->zones = g_object_ref_sink (atlas_zone_layer_new (viewport));
  atlas_zone_layer_set_zone_set (self->zones, zone_set);
  g_signal_connect_object (atlas_zone_layer_get_zones (self->zones), "items-changed",
                           G_CALLBACK (rebuild_overlays), self, G_CONNECT_SWAPPED);

  /* The map moves under the canvas. */
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

void
atlas_scene_canvas_add_obstacle (AtlasSceneCanvas *self,
                                 GtkWidget        *obstacle)
{
  GWeakRef *ref;

  g_return_if_fail (ATLAS_IS_SCENE_CANVAS (self));
  g_return_if_fail (GTK_IS_WIDGET (obstacle));

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, obstacle);
  g_ptr_array_add (self->obstacles, ref);
}

void
atlas_scene_canvas_show (AtlasSceneCanvas *self,
                         AtlasLessonScene *scene,
                         gint32            day)
{
  g_return_if_fail (ATLAS_IS_SCENE_CANVAS (self));
  g_return_if_fail (scene == NULL || ATLAS_IS_LESSON_SCENE (scene));
  g_return_if_fail (self->zones != NULL);

  g_set_object (&self->scene, scene);
  if (self->day != day)
    {
      self->day = day;
      atlas_zone_layer_set_date (self->zones, day);
    }
  rebuild_overlays (self);
}

GPtrArray *
atlas_scene_canvas_get_overlays (AtlasSceneCanvas *self)
{
  g_return_val_if_fail (ATLAS_IS_SCENE_CANVAS (self), NULL);

  return self->overlays;
}
