/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-deployment-layer"

#include "config.h"

#include "atlas-deployment-layer.h"
#include "atlas-event-layer.h"

/*
 * The deployments active on the current date: proportional symbols and
 * their labels, in one cairo node per frame. The set is computed once per
 * date or dataset and reused while the map moves.
 *
 * Labels avoid one another but not the base map's names, which another
 * layer draws; a composed export (AtlasSnapshot) shares one label set.
 */

struct _AtlasDeploymentLayer
{
  ShumateLayer             parent_instance;

  AtlasPainter            *painter;
  AtlasDataset            *dataset;
  gint32                   date;

  AtlasDeploymentSet      *set;      /* NULL when stale */
  AtlasDeploymentDrawInfo  drawn;
  gboolean                 draw_labels;
};

G_DEFINE_FINAL_TYPE (AtlasDeploymentLayer, atlas_deployment_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_PAINTER,
  PROP_DATASET,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static AtlasDeploymentSet *
ensure_set (AtlasDeploymentLayer *self)
{
  if (self->set == NULL && self->dataset != NULL)
    self->set = atlas_deployment_set_new (self->dataset, self->date);

  return self->set;
}

static void
atlas_deployment_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  AtlasDeploymentLayer *self = (AtlasDeploymentLayer *)widget;
  AtlasDeploymentSet *set = ensure_set (self);
  g_autoptr(AtlasLabelSet) labels = NULL;
  AtlasView view;
  cairo_t *cr;

  self->drawn = (AtlasDeploymentDrawInfo) { 0 };
  if (self->painter == NULL || set == NULL)
    return;

  cr = atlas_layer_append_cairo (SHUMATE_LAYER (self), snapshot, &view);
  if (cr == NULL)
    return;

  atlas_painter_draw_deployments (self->painter, cr, &view, set, &self->drawn);
  /* On a map with a label layer, that layer places these labels together
   * with the place names, so none overlap. */
  if (self->draw_labels)
    {
      labels = atlas_label_set_new ();
      atlas_painter_draw_deployment_labels (self->painter, cr, &view, set, labels, &self->drawn);
    }
  cairo_destroy (cr);
}

static void
atlas_deployment_layer_constructed (GObject *object)
{
  AtlasDeploymentLayer *self = (AtlasDeploymentLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (atlas_deployment_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

static void
atlas_deployment_layer_dispose (GObject *object)
{
  AtlasDeploymentLayer *self = (AtlasDeploymentLayer *)object;

  g_clear_object (&self->painter);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->set, atlas_deployment_set_unref);

  G_OBJECT_CLASS (atlas_deployment_layer_parent_class)->dispose (object);
}

static void
atlas_deployment_layer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtlasDeploymentLayer *self = ATLAS_DEPLOYMENT_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      g_value_set_object (value, self->painter);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_deployment_layer_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtlasDeploymentLayer *self = ATLAS_DEPLOYMENT_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      atlas_deployment_layer_set_painter (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      atlas_deployment_layer_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      atlas_deployment_layer_set_date (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_deployment_layer_class_init (AtlasDeploymentLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_deployment_layer_constructed;
  object_class->dispose = atlas_deployment_layer_dispose;
  object_class->get_property = atlas_deployment_layer_get_property;
  object_class->set_property = atlas_deployment_layer_set_property;

  widget_class->snapshot = atlas_deployment_layer_snapshot;

  properties [PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         ATLAS_TYPE_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasDeploymentLayer:date:
   *
   * The day shown, in day numbers (see atlas-date.h).
   */
  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_deployment_layer_init (AtlasDeploymentLayer *self)
{
  self->draw_labels = TRUE;
}

AtlasDeploymentLayer *
atlas_deployment_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_DEPLOYMENT_LAYER, "viewport", viewport, NULL);
}

AtlasPainter *
atlas_deployment_layer_get_painter (AtlasDeploymentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), NULL);
  return self->painter;
}

/* A new painter comes with a change of theme. */
void
atlas_deployment_layer_set_painter (AtlasDeploymentLayer *self,
                                    AtlasPainter         *painter)
{
  g_return_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self));
  g_return_if_fail (!painter || ATLAS_IS_PAINTER (painter));

  if (g_set_object (&self->painter, painter))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAINTER]);
    }
}

AtlasDataset *
atlas_deployment_layer_get_dataset (AtlasDeploymentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), NULL);
  return self->dataset;
}

void
atlas_deployment_layer_set_dataset (AtlasDeploymentLayer *self,
                                    AtlasDataset         *dataset)
{
  g_return_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (g_set_object (&self->dataset, dataset))
    {
      g_clear_pointer (&self->set, atlas_deployment_set_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
    }
}

gint32
atlas_deployment_layer_get_date (AtlasDeploymentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), 0);
  return self->date;
}

void
atlas_deployment_layer_set_date (AtlasDeploymentLayer *self,
                                 gint32                day)
{
  g_return_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self));

  if (self->date == day)
    return;

  self->date = day;
  g_clear_pointer (&self->set, atlas_deployment_set_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

/**
 * atlas_deployment_layer_get_deployment_set:
 *
 * Returns: (transfer none) (nullable): the deployments active on the
 *   date that have a place on the map, %NULL without a dataset
 */
AtlasDeploymentSet *
atlas_deployment_layer_get_deployment_set (AtlasDeploymentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), NULL);
  return ensure_set (self);
}

/* Deployments drawn inside the map in the last frame. */
guint
atlas_deployment_layer_get_n_visible (AtlasDeploymentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), 0);
  return self->drawn.n_symbols;
}

/* Label blocks drawn in the last frame. */
guint
atlas_deployment_layer_get_n_labels (AtlasDeploymentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), 0);
  return self->drawn.n_labels;
}

/**
 * atlas_deployment_layer_pick:
 * @x: a point of the layer, in widget coordinates (the map's)
 * @position: (out): the list position of the deployment under it
 *
 * Returns: %TRUE if a deployment's symbol is at (@x, @y)
 */
gboolean
atlas_deployment_layer_pick (AtlasDeploymentLayer *self,
                             double                x,
                             double                y,
                             guint                *position)
{
  AtlasDeploymentSet *set;
  AtlasView view;
  double vx, vy;

  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  set = ensure_set (self);
  if (set == NULL || !atlas_layer_widget_to_view (SHUMATE_LAYER (self), x, y, &view, &vx, &vy))
    return FALSE;

  return atlas_deployment_set_pick (set, &view, vx, vy, position);
}

/**
 * atlas_deployment_layer_set_draw_labels:
 *
 * Whether the layer draws its own labels. A map whose AtlasLabelLayer
 * places them (atlas_label_layer_set_deployment_layer()) turns them off.
 */
void
atlas_deployment_layer_set_draw_labels (AtlasDeploymentLayer *self,
                                        gboolean              draw_labels)
{
  g_return_if_fail (ATLAS_IS_DEPLOYMENT_LAYER (self));

  if (self->draw_labels == !!draw_labels)
    return;

  self->draw_labels = !!draw_labels;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
