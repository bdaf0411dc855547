/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-event-layer"

#include "config.h"

#include <math.h>

#include "atlas-event-layer.h"
#include "atlas-label-layer.h"

/*
 * The events of the current time window, drawn by the painter into one
 * cairo node per frame (never a widget per event). The set of events is
 * computed once per change of date, mode, window or dataset, and reused by
 * every frame drawn while the map pans and zooms.
 */

#define DEFAULT_WINDOW_DAYS 30
#define MAX_WINDOW_DAYS     36600

struct _AtlasEventLayer
{
  ShumateLayer          parent_instance;

  AtlasPainter         *painter;
  AtlasDataset         *dataset;
  gint32                date;
  AtlasEventWindowMode  mode;
  guint                 window_days;
  guint                 selected;

  AtlasEventSet        *set;        /* NULL when stale */
  AtlasEventDrawInfo    drawn;
};

G_DEFINE_FINAL_TYPE (AtlasEventLayer, atlas_event_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_PAINTER,
  PROP_DATASET,
  PROP_DATE,
  PROP_MODE,
  PROP_WINDOW_DAYS,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * atlas_layer_append_cairo:
 * @view: (out): the painter's view of what @layer shows
 *
 * Returns: (transfer full) (nullable): a cairo context covering @layer,
 *   turned with the map's rotation; %NULL when the layer has no size
 */
cairo_t *
atlas_layer_append_cairo (ShumateLayer *layer,
                          GtkSnapshot  *snapshot,
                          AtlasView    *view)
{
  GtkWidget *widget = GTK_WIDGET (layer);
  ShumateViewport *viewport = shumate_layer_get_viewport (layer);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double rotation = shumate_viewport_get_rotation (viewport);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return NULL;

  atlas_map_get_view (viewport, width, height, view);

  /* A cairo node is recorded, then replayed at the window's scale; the
   * painter, which stamps point symbols as images, must know that scale
   * to make them sharp. So the node is made in device pixels and the
   * context scaled back to logical ones. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, 1.0 / scale, 1.0 / scale);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  gtk_snapshot_restore (snapshot);
  cairo_scale (cr, scale, scale);

  if (rotation != 0)
    {
      cairo_translate (cr, width / 2.0, height / 2.0);
      cairo_rotate (cr, rotation);
      cairo_translate (cr, -width / 2.0, -height / 2.0);
    }

  return cr;
}

/**
 * atlas_layer_widget_to_view:
 * @x: a point of @layer, in widget coordinates
 * @view: (out): the painter's view of what @layer shows
 * @view_x: (out): the point in that view, undoing the map's rotation
 *
 * Returns: %FALSE when the layer has no size
 */
gboolean
atlas_layer_widget_to_view (ShumateLayer *layer,
                            double        x,
                            double        y,
                            AtlasView    *view,
                            double       *view_x,
                            double       *view_y)
{
  GtkWidget *widget = GTK_WIDGET (layer);
  ShumateViewport *viewport = shumate_layer_get_viewport (layer);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double rotation = shumate_viewport_get_rotation (viewport);
  double dx = x - width / 2.0, dy = y - height / 2.0;

  if (width <= 0 || height <= 0)
    return FALSE;

  atlas_map_get_view (viewport, width, height, view);
  *view_x = width / 2.0 + dx * cos (rotation) + dy * sin (rotation);
  *view_y = height / 2.0 - dx * sin (rotation) + dy * cos (rotation);
  return TRUE;
}

static void
invalidate_set (AtlasEventLayer *self)
{
  g_clear_pointer (&self->set, atlas_event_set_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static AtlasEventSet *
ensure_set (AtlasEventLayer *self)
{
  if (self->set == NULL && self->dataset != NULL)
    self->set = atlas_event_set_new (self->dataset, self->date, self->mode, self->window_days);

  return self->set;
}

static void
atlas_event_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasEventLayer *self = (AtlasEventLayer *)widget;
  AtlasEventSet *set = ensure_set (self);
  AtlasView view;
  cairo_t *cr;

  self->drawn = (AtlasEventDrawInfo) { 0 };
  if (self->painter == NULL || set == NULL)
    return;

  cr = atlas_layer_append_cairo (SHUMATE_LAYER (self), snapshot, &view);
  if (cr == NULL)
    return;

  atlas_painter_draw_events (self->painter, cr, &view, set, self->selected, &self->drawn);
  cairo_destroy (cr);
}

static void
atlas_event_layer_constructed (GObject *object)
{
  AtlasEventLayer *self = (AtlasEventLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (atlas_event_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

static void
atlas_event_layer_dispose (GObject *object)
{
  AtlasEventLayer *self = (AtlasEventLayer *)object;

  g_clear_object (&self->painter);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->set, atlas_event_set_unref);

  G_OBJECT_CLASS (atlas_event_layer_parent_class)->dispose (object);
}

static void
atlas_event_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasEventLayer *self = ATLAS_EVENT_LAYER (object);

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
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_WINDOW_DAYS:
      g_value_set_uint (value, self->window_days);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasEventLayer *self = ATLAS_EVENT_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      atlas_event_layer_set_painter (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      atlas_event_layer_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      atlas_event_layer_set_date (self, g_value_get_int (value));
      break;
    case PROP_MODE:
      atlas_event_layer_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_WINDOW_DAYS:
      atlas_event_layer_set_window_days (self, g_value_get_uint (value));
      break;
    case PROP_SELECTED:
      atlas_event_layer_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_layer_class_init (AtlasEventLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_event_layer_constructed;
  object_class->dispose = atlas_event_layer_dispose;
  object_class->get_property = atlas_event_layer_get_property;
  object_class->set_property = atlas_event_layer_set_property;

  widget_class->snapshot = atlas_event_layer_snapshot;

  properties [PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         ATLAS_TYPE_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasEventLayer:date:
   *
   * The day shown, in day numbers (see atlas-date.h).
   */
  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       ATLAS_TYPE_EVENT_WINDOW_MODE,
                       ATLAS_EVENT_WINDOW_TRAILING,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasEventLayer:window-days:
   *
   * The length of the trailing window, the date included.
   */
  properties [PROP_WINDOW_DAYS] =
    g_param_spec_uint ("window-days", NULL, NULL,
                       1, MAX_WINDOW_DAYS, DEFAULT_WINDOW_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasEventLayer:selected:
   *
   * The position in the dataset's event list of the event to ring, or
   * %ATLAS_EVENT_NONE.
   */
  properties [PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, ATLAS_EVENT_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_event_layer_init (AtlasEventLayer *self)
{
  self->mode = ATLAS_EVENT_WINDOW_TRAILING;
  self->window_days = DEFAULT_WINDOW_DAYS;
  self->selected = ATLAS_EVENT_NONE;
}

AtlasEventLayer *
atlas_event_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_EVENT_LAYER, "viewport", viewport, NULL);
}

AtlasPainter *
atlas_event_layer_get_painter (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), NULL);
  return self->painter;
}

/* A new painter comes with a change of theme. */
void
atlas_event_layer_set_painter (AtlasEventLayer *self,
                               AtlasPainter    *painter)
{
  g_return_if_fail (ATLAS_IS_EVENT_LAYER (self));
  g_return_if_fail (!painter || ATLAS_IS_PAINTER (painter));

  if (g_set_object (&self->painter, painter))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAINTER]);
    }
}

AtlasDataset *
atlas_event_layer_get_dataset (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), NULL);
  return self->dataset;
}

/* The selection is a position in the old dataset's list: it goes. */
void
atlas_event_layer_set_dataset (AtlasEventLayer *self,
                               AtlasDataset    *dataset)
{
  g_return_if_fail (ATLAS_IS_EVENT_LAYER (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (g_set_object (&self->dataset, dataset))
    {
      invalidate_set (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
      atlas_event_layer_set_selected (self, ATLAS_EVENT_NONE);
    }
}

gint32
atlas_event_layer_get_date (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), 0);
  return self->date;
}

void
atlas_event_layer_set_date (AtlasEventLayer *self,
                            gint32           day)
{
  g_return_if_fail (ATLAS_IS_EVENT_LAYER (self));

  if (self->date == day)
    return;

  self->date = day;
  invalidate_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

AtlasEventWindowMode
atlas_event_layer_get_mode (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), ATLAS_EVENT_WINDOW_TRAILING);
  return self->mode;
}

void
atlas_event_layer_set_mode (AtlasEventLayer      *self,
                            AtlasEventWindowMode  mode)
{
  g_return_if_fail (ATLAS_IS_EVENT_LAYER (self));
  g_return_if_fail (mode == ATLAS_EVENT_WINDOW_TRAILING || mode == ATLAS_EVENT_WINDOW_CUMULATIVE);

  if (self->mode == mode)
    return;

  self->mode = mode;
  invalidate_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODE]);
}

guint
atlas_event_layer_get_window_days (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), DEFAULT_WINDOW_DAYS);
  return self->window_days;
}

void
atlas_event_layer_set_window_days (AtlasEventLayer *self,
                                   guint            window_days)
{
  g_return_if_fail (ATLAS_IS_EVENT_LAYER (self));
  g_return_if_fail (window_days >= 1 && window_days <= MAX_WINDOW_DAYS);

  if (self->window_days == window_days)
    return;

  self->window_days = window_days;
  if (self->mode == ATLAS_EVENT_WINDOW_TRAILING)
    invalidate_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WINDOW_DAYS]);
}

guint
atlas_event_layer_get_selected (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), ATLAS_EVENT_NONE);
  return self->selected;
}

/**
 * atlas_event_layer_set_selected:
 * @position: a position in the dataset's event list, or %ATLAS_EVENT_NONE
 *
 * Rings that event on the map, whether or not it is in the window.
 */
void
atlas_event_layer_set_selected (AtlasEventLayer *self,
                                guint            position)
{
  g_return_if_fail (ATLAS_IS_EVENT_LAYER (self));

  if (self->selected == position)
    return;

  self->selected = position;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

/**
 * atlas_event_layer_get_event_set:
 *
 * Returns: (transfer none) (nullable): the events of the current window
 *   (those with a location), %NULL without a dataset
 */
AtlasEventSet *
atlas_event_layer_get_event_set (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), NULL);
  return ensure_set (self);
}

/**
 * atlas_event_layer_get_n_visible:
 *
 * Returns: how many events of the window were inside the map in the last
 *   frame drawn
 */
guint
atlas_event_layer_get_n_visible (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), 0);
  return self->drawn.n_visible;
}

/* Whether the last frame drew aggregate symbols. */
gboolean
atlas_event_layer_get_aggregated (AtlasEventLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), FALSE);
  return self->drawn.aggregated;
}

/**
 * atlas_event_layer_pick:
 * @x: a point of the layer, in widget coordinates (the map's)
 * @position: (out): the list position of the event under it
 *
 * Finds the event drawn at (@x, @y): for the window's click gesture.
 *
 * Returns: %TRUE if there is one
 */
gboolean
atlas_event_layer_pick (AtlasEventLayer *self,
                        double           x,
                        double           y,
                        guint           *position)
{
  AtlasEventSet *set;
  AtlasView view;
  double vx, vy;

  g_return_val_if_fail (ATLAS_IS_EVENT_LAYER (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  set = ensure_set (self);
  if (set == NULL || !atlas_layer_widget_to_view (SHUMATE_LAYER (self), x, y, &view, &vx, &vy))
    return FALSE;

  return atlas_event_set_pick (set, &view, vx, vy, position);
}
