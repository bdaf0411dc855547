/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-label-layer"

#include "config.h"

#include "atlas-deployment-layer.h"
#include "atlas-label-layer.h"
#include "atlas-painter-zones.h"
#include "atlas-zone-layer.h"

/*
 * Country and place names, drawn on screen at the exact fractional zoom
 * rather than baked into tiles (where libshumate would scale them and blur
 * them between zoom levels), and placed globally so no two overlap.
 */

struct _AtlasLabelLayer
{
  ShumateLayer  parent_instance;

  AtlasPainter         *painter;
  AtlasPlaceNames      *names;
  AtlasNames            mode;
  AtlasUnits            units;         /* of the zones' widths */
  AtlasDeploymentLayer *deployments;   /* weak */
  AtlasZoneLayer       *zones;         /* weak */
  GPtrArray            *obstacles;     /* of GWeakRef to widgets over the map */
  guint                 n_drawn;
};

G_DEFINE_FINAL_TYPE (AtlasLabelLayer, atlas_label_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_PAINTER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * atlas_map_get_view:
 *
 * The painter's view of what @viewport shows in a widget of the given size.
 */
void
atlas_map_get_view (ShumateViewport *viewport,
                    double           width,
                    double           height,
                    AtlasView       *view)
{
  atlas_view_init (view,
                   shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                   shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                   shumate_viewport_get_zoom_level (viewport),
                   width, height);
}

static void
atlas_label_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasLabelLayer *self = (AtlasLabelLayer *)widget;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double rotation = shumate_viewport_get_rotation (viewport);
  g_autoptr(AtlasLabelSet) labels = NULL;
  guint n_reserved;
  AtlasView view;
  cairo_t *cr;

  self->n_drawn = 0;
  if (self->painter == NULL || width <= 0 || height <= 0)
    return;

  atlas_map_get_view (viewport, width, height, &view);

  /* Rotate the positions with the map but keep the text upright. Labels are
   * placed on the unrotated view, which is close enough for small angles. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (rotation != 0)
    {
      cairo_translate (cr, width / 2.0, height / 2.0);
      cairo_rotate (cr, rotation);
      cairo_translate (cr, -width / 2.0, -height / 2.0);
    }

  labels = atlas_label_set_new ();

  /* Nothing is written under the scale bar or the attribution. */
  n_reserved = 0;
  for (guint i = 0; i < self->obstacles->len; i++)
    {
      g_autoptr(GtkWidget) obstacle = g_weak_ref_get (g_ptr_array_index (self->obstacles, i));
      graphene_rect_t bounds;

      if (obstacle != NULL && gtk_widget_get_mapped (obstacle) &&
          gtk_widget_compute_bounds (obstacle, widget, &bounds))
        {
          atlas_label_set_reserve (labels, bounds.origin.x, bounds.origin.y,
                                   bounds.size.width, bounds.size.height);
          n_reserved++;
        }
    }

  if (self->names != NULL && atlas_place_names_get_basemap (self->names) == atlas_painter_get_basemap (self->painter))
    atlas_painter_draw_labels_full (self->painter, cr, &view, self->names, self->mode, labels);
  else
    atlas_painter_draw_labels (self->painter, cr, &view, labels);

  /* Then the names of zones, then the troops' labels; both where the names
   * of places leave room: zooming in shows more of them. */
  if (self->zones != NULL && gtk_widget_get_visible (GTK_WIDGET (self->zones)))
    {
      GListModel *shown = atlas_zone_layer_get_zones (self->zones);
      g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        g_ptr_array_add (zones, g_list_model_get_item (shown, i));
      atlas_painter_draw_zone_labels (self->painter, cr, &view,
                                      (AtlasComputedZone **) zones->pdata, zones->len,
                                      self->units, labels);
    }

  /* The troops' labels, wherever the names of places leave room:
   * zooming in shows more of them. */
  if (self->deployments != NULL && gtk_widget_get_visible (GTK_WIDGET (self->deployments)) &&
      atlas_deployment_layer_get_deployment_set (self->deployments) != NULL)
    {
      AtlasDeploymentDrawInfo info = { 0 };

      atlas_painter_draw_deployment_labels (self->painter, cr, &view,
                                            atlas_deployment_layer_get_deployment_set (self->deployments),
                                            labels, &info);
    }

  self->n_drawn = atlas_label_set_get_count (labels) - n_reserved;
  cairo_destroy (cr);
}

static void
atlas_label_layer_constructed (GObject *object)
{
  AtlasLabelLayer *self = (AtlasLabelLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (atlas_label_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

static void
atlas_label_layer_dispose (GObject *object)
{
  AtlasLabelLayer *self = (AtlasLabelLayer *)object;

  g_clear_weak_pointer (&self->deployments);
  g_clear_weak_pointer (&self->zones);
  g_clear_pointer (&self->obstacles, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->painter);

  G_OBJECT_CLASS (atlas_label_layer_parent_class)->dispose (object);
}

static void
atlas_label_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasLabelLayer *self = ATLAS_LABEL_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      g_value_set_object (value, self->painter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_label_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasLabelLayer *self = ATLAS_LABEL_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      atlas_label_layer_set_painter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_label_layer_class_init (AtlasLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_label_layer_constructed;
  object_class->dispose = atlas_label_layer_dispose;
  object_class->get_property = atlas_label_layer_get_property;
  object_class->set_property = atlas_label_layer_set_property;

  widget_class->snapshot = atlas_label_layer_snapshot;

  properties [PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         ATLAS_TYPE_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
atlas_label_layer_init (AtlasLabelLayer *self)
{
  self->obstacles = g_ptr_array_new_with_free_func (free_weak_ref);
}

AtlasLabelLayer *
atlas_label_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_LABEL_LAYER, "viewport", viewport, NULL);
}

AtlasPainter *
atlas_label_layer_get_painter (AtlasLabelLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_LABEL_LAYER (self), NULL);
  return self->painter;
}

void
atlas_label_layer_set_painter (AtlasLabelLayer *self,
                               AtlasPainter    *painter)
{
  g_return_if_fail (ATLAS_IS_LABEL_LAYER (self));
  g_return_if_fail (!painter || ATLAS_IS_PAINTER (painter));

  if (g_set_object (&self->painter, painter))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAINTER]);
    }
}

/**
 * atlas_label_layer_get_n_drawn:
 *
 * How many labels the last frame drew; for tests.
 */
guint
atlas_label_layer_get_n_drawn (AtlasLabelLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_LABEL_LAYER (self), 0);
  return self->n_drawn;
}

/**
 * atlas_label_layer_set_deployment_layer:
 *
 * Places the labels of @deployments together with the names of places, so
 * that none overlap; @deployments stops drawing its own.
 */
void
atlas_label_layer_set_deployment_layer (AtlasLabelLayer      *self,
                                        AtlasDeploymentLayer *deployments)
{
  g_return_if_fail (ATLAS_IS_LABEL_LAYER (self));
  g_return_if_fail (!deployments || ATLAS_IS_DEPLOYMENT_LAYER (deployments));

  if (self->deployments != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->deployments, gtk_widget_queue_draw, self);
      atlas_deployment_layer_set_draw_labels (self->deployments, TRUE);
    }

  g_set_weak_pointer (&self->deployments, deployments);

  if (deployments != NULL)
    {
      atlas_deployment_layer_set_draw_labels (deployments, FALSE);
      /* A new date or dataset gives new labels. */
      g_signal_connect_object (deployments, "notify", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_label_layer_set_names:
 * @names: (nullable): the names of places in every language
 * @mode: which of them to show
 *
 * Chooses how places are named: in Albanian, Serbian, English or both.
 */
void
atlas_label_layer_set_names (AtlasLabelLayer *self,
                             AtlasPlaceNames *names,
                             AtlasNames       mode)
{
  g_return_if_fail (ATLAS_IS_LABEL_LAYER (self));
  g_return_if_fail (!names || ATLAS_IS_PLACE_NAMES (names));

  if (!g_set_object (&self->names, names) && self->mode == mode)
    return;

  self->mode = mode;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_label_layer_add_obstacle:
 * @obstacle: a widget drawn over the map, such as its scale bar
 *
 * Keeps labels out of @obstacle's box. The layer holds no reference to it.
 */
void
atlas_label_layer_add_obstacle (AtlasLabelLayer *self,
                                GtkWidget       *obstacle)
{
  GWeakRef *ref;

  g_return_if_fail (ATLAS_IS_LABEL_LAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (obstacle));

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, obstacle);
  g_ptr_array_add (self->obstacles, ref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_label_layer_set_units:
 *
 * The units zones' labels give a band's width in.
 */
void
atlas_label_layer_set_units (AtlasLabelLayer *self,
                             AtlasUnits       units)
{
  g_return_if_fail (ATLAS_IS_LABEL_LAYER (self));

  if (self->units == units)
    return;

  self->units = units;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_label_layer_set_zone_layer:
 *
 * Names the zones @zones shows together with the places, so that none
 * overlap; @zones stops naming them itself.
 */
void
atlas_label_layer_set_zone_layer (AtlasLabelLayer *self,
                                  AtlasZoneLayer  *zones)
{
  g_return_if_fail (ATLAS_IS_LABEL_LAYER (self));
  g_return_if_fail (!zones || ATLAS_IS_ZONE_LAYER (zones));

  if (self->zones != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->zones, gtk_widget_queue_draw, self);
      g_signal_handlers_disconnect_by_func (atlas_zone_layer_get_zones (self->zones), gtk_widget_queue_draw, self);
      atlas_zone_layer_set_draw_labels (self->zones, TRUE);
    }

  g_set_weak_pointer (&self->zones, zones);

  if (zones != NULL)
    {
      atlas_zone_layer_set_draw_labels (zones, FALSE);
      g_signal_connect_object (zones, "notify::visible", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (atlas_zone_layer_get_zones (zones), "items-changed",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
