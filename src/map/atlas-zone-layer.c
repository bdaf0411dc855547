/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-zone-layer"

#include "config.h"

#include <math.h>

#include "atlas-event-layer.h"
#include "atlas-label-layer.h"
#include "atlas-zone-layer.h"

/*
 * Every zone active at the layer's date, drawn by the painter into an image
 * the layer keeps (AtlasZoneCache) and shows as one texture. Zones are
 * computed by the AtlasZoneSet in worker threads: the layer asks for what
 * it lacks, keeps showing what it had meanwhile, and when a result arrives
 * (on the main thread) updates its list and queues a draw, so the map
 * shows it in the next frame.
 *
 * The image is drawn again only when something it shows changes: the view,
 * the scale, the rotation, the painter, the zones (a new date or width
 * gives new AtlasComputedZones, a hidden zone leaves the list), whether the
 * layer names them and in which units. Otherwise a frame shows the same
 * texture: while the timeline moves with the map still, the zones change
 * only at a few change points. GTK keeps a widget's render node until the
 * widget queues a draw, but replaying a cairo node costs all its strokes
 * again (the cairo renderer on every repaint of the map, GL renderers on
 * every new node), and a texture costs one copy or none.
 */

/* Clicks this close to a line (or an area's edge) hit it, in pixels. */
#define PICK_TOLERANCE_PX 6.0

struct _AtlasZoneLayer
{
  ShumateLayer   parent_instance;

  AtlasPainter  *painter;
  AtlasZoneSet  *zone_set;
  gint32         date;

  GListStore    *zones;          /* AtlasComputedZone, what is drawn */
  GHashTable    *in_flight;      /* zone id → TRUE, asked for this generation */
  GHashTable    *hidden;         /* zone id → TRUE, switched off by the user */
  gboolean       draw_labels;
  AtlasUnits     units;          /* of the labels' widths */
  guint          generation;     /* bumped when what to show changes */
  GCancellable  *cancellable;

  /* The last frame's image, drawn again only when what it shows changes
   * (see AtlasZoneCache), and the texture that shows it. */
  AtlasZoneCache *cache;
  GdkTexture     *texture;

  guint          n_drawn;
  guint          n_labels;
  guint          n_frames;
};

G_DEFINE_FINAL_TYPE (AtlasZoneLayer, atlas_zone_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_PAINTER,
  PROP_ZONE_SET,
  PROP_DATE,
  PROP_COMPUTING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  AtlasZoneLayer *self;
  char           *zone_id;
  guint           generation;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request->zone_id);
  g_free (request);
}

static void refresh (AtlasZoneLayer *self);

static void
on_zone_computed (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Request *request = user_data;
  AtlasZoneLayer *self = request->self;
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(GError) error = NULL;

  zone = atlas_zone_set_compute_finish (ATLAS_ZONE_SET (object), result, &error);
  if (zone == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      request_free (request);
      return;
    }
  if (zone == NULL)
    g_warning ("Cannot compute zone “%s”: %s", request->zone_id, error->message);

  if (request->generation == self->generation)
    {
      /* A failed zone stays out of the map rather than being retried on
       * every refresh; a new date or width tries again. */
      if (zone != NULL)
        g_hash_table_remove (self->in_flight, request->zone_id);
      else
        g_hash_table_replace (self->in_flight, g_strdup (request->zone_id), GINT_TO_POINTER (-1));
    }

  /* The result is cached now: the refresh picks it up if it still
   * belongs to what the layer shows. */
  if (ATLAS_ZONE_SET (object) == self->zone_set)
    refresh (self);

  request_free (request);
}

static AtlasComputedZone *
find_shown (AtlasZoneLayer *self,
            const char     *zone_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasComputedZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zones), i);

      if (g_str_equal (atlas_computed_zone_get_id (zone), zone_id))
        return zone;
    }

  return NULL;
}

static gboolean
is_computing (AtlasZoneLayer *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) > 0)
      return TRUE;

  return FALSE;
}

/* Brings the list up to date with the zone set's cache, asking for what is
 * missing. Cheap: no geometry is computed here. */
static void
refresh (AtlasZoneLayer *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = NULL;
  gboolean was_computing = is_computing (self);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  gboolean same;

  if (self->zone_set != NULL)
    ids = atlas_zone_set_list_active (self->zone_set, self->date);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *zone_id = g_ptr_array_index (ids, i);
      AtlasComputedZone *zone;

      if (g_hash_table_contains (self->hidden, zone_id))
        continue;

      zone = atlas_zone_set_lookup (self->zone_set, zone_id, self->date, ATLAS_ZONE_COMPUTE_DEFAULT);
      if (zone == NULL)
        {
          AtlasComputedZone *before = find_shown (self, zone_id);

          if (!g_hash_table_contains (self->in_flight, zone_id))
            {
              Request *request = g_new0 (Request, 1);

              request->self = g_object_ref (self);
              request->zone_id = g_strdup (zone_id);
              request->generation = self->generation;
              g_hash_table_insert (self->in_flight, g_strdup (zone_id), GINT_TO_POINTER (1));
              atlas_zone_set_compute_async (self->zone_set, zone_id, self->date, ATLAS_ZONE_COMPUTE_DEFAULT,
                                            self->cancellable, on_zone_computed, request);
            }

          /* Until then, the zone as it was (e.g. at the previous width). */
          zone = before != NULL ? g_object_ref (before) : NULL;
        }

      if (zone != NULL)
        g_ptr_array_add (shown, zone);
    }

  same = shown->len == n_old;
  for (guint i = 0; same && i < n_old; i++)
    {
      g_autoptr(AtlasComputedZone) old = g_list_model_get_item (G_LIST_MODEL (self->zones), i);

      same = old == g_ptr_array_index (shown, i);
    }

  if (!same)
    {
      g_list_store_splice (self->zones, 0, n_old, shown->pdata, shown->len);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (was_computing != is_computing (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPUTING]);
}

/* What to show has changed: forget what was asked for. */
static void
restart (AtlasZoneLayer *self)
{
  self->generation++;
  g_hash_table_remove_all (self->in_flight);
  refresh (self);
}

static void
on_width_changed (AtlasZoneLayer *self,
                  const char     *zone_id)
{
  restart (self);
}

/* A texture sharing the cache's image, which is never drawn on again. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32, premultiplied. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
atlas_zone_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasZoneLayer *self = (AtlasZoneLayer *)widget;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  AtlasZoneFrame frame;
  int x, y;

  self->n_frames++;
  self->n_drawn = 0;
  self->n_labels = 0;
  if (self->painter == NULL || n == 0 || width <= 0 || height <= 0)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (zones, g_list_model_get_item (G_LIST_MODEL (self->zones), i));

  /* On a map with a label layer, that layer names the zones together with
   * the places; alone, the layer names them itself. */
  atlas_map_get_view (viewport, width, height, &frame.view);
  frame.scale = gtk_widget_get_scale_factor (widget);
  frame.rotation = shumate_viewport_get_rotation (viewport);
  frame.labels = self->draw_labels;
  frame.units = self->units;

  if (atlas_zone_cache_update (self->cache, self->painter, &frame,
                               (AtlasComputedZone **) zones->pdata, zones->len))
    g_clear_object (&self->texture);
  surface = atlas_zone_cache_get_surface (self->cache, &x, &y);
  if (self->texture == NULL && surface != NULL)
    self->texture = texture_for_surface (surface);

  /* The image is in device pixels: shown at one texel per pixel, it is
   * what drawing the zones straight into the frame would give. The same
   * texture from frame to frame lets GL renderers upload it once. */
  if (self->texture != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_scale (snapshot, 1.0 / frame.scale, 1.0 / frame.scale);
      gtk_snapshot_append_texture (snapshot, self->texture,
                                   &GRAPHENE_RECT_INIT (x, y,
                                                        gdk_texture_get_width (self->texture),
                                                        gdk_texture_get_height (self->texture)));
      gtk_snapshot_restore (snapshot);
    }

  self->n_drawn = zones->len;
  self->n_labels = frame.labels ? atlas_zone_cache_get_n_labels (self->cache) : 0;
}

static void
atlas_zone_layer_constructed (GObject *object)
{
  AtlasZoneLayer *self = (AtlasZoneLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (atlas_zone_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

static void
atlas_zone_layer_dispose (GObject *object)
{
  AtlasZoneLayer *self = (AtlasZoneLayer *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->zone_set != NULL)
    g_signal_handlers_disconnect_by_data (self->zone_set, self);
  g_clear_object (&self->zone_set);
  g_clear_object (&self->painter);
  if (self->zones != NULL)
    g_list_store_remove_all (self->zones);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->cache, atlas_zone_cache_free);

  G_OBJECT_CLASS (atlas_zone_layer_parent_class)->dispose (object);
}

static void
atlas_zone_layer_finalize (GObject *object)
{
  AtlasZoneLayer *self = (AtlasZoneLayer *)object;

  g_clear_object (&self->zones);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_zone_layer_parent_class)->finalize (object);
}

static void
atlas_zone_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasZoneLayer *self = ATLAS_ZONE_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      g_value_set_object (value, self->painter);
      break;
    case PROP_ZONE_SET:
      g_value_set_object (value, self->zone_set);
      break;
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, is_computing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_zone_layer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasZoneLayer *self = ATLAS_ZONE_LAYER (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      atlas_zone_layer_set_painter (self, g_value_get_object (value));
      break;
    case PROP_ZONE_SET:
      atlas_zone_layer_set_zone_set (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      atlas_zone_layer_set_date (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_zone_layer_class_init (AtlasZoneLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_zone_layer_constructed;
  object_class->dispose = atlas_zone_layer_dispose;
  object_class->finalize = atlas_zone_layer_finalize;
  object_class->get_property = atlas_zone_layer_get_property;
  object_class->set_property = atlas_zone_layer_set_property;

  widget_class->snapshot = atlas_zone_layer_snapshot;

  properties [PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         ATLAS_TYPE_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZONE_SET] =
    g_param_spec_object ("zone-set", NULL, NULL,
                         ATLAS_TYPE_ZONE_SET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasZoneLayer:date:
   *
   * The day shown, in day numbers (see atlas-date.h).
   */
  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasZoneLayer:computing:
   *
   * Whether zones of the date are still being computed.
   */
  properties [PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_zone_layer_init (AtlasZoneLayer *self)
{
  self->zones = g_list_store_new (ATLAS_TYPE_COMPUTED_ZONE);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->draw_labels = TRUE;
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->cache = atlas_zone_cache_new ();
}

AtlasZoneLayer *
atlas_zone_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (ATLAS_TYPE_ZONE_LAYER, "viewport", viewport, NULL);
}

AtlasPainter *
atlas_zone_layer_get_painter (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), NULL);
  return self->painter;
}

void
atlas_zone_layer_set_painter (AtlasZoneLayer *self,
                              AtlasPainter   *painter)
{
  g_return_if_fail (ATLAS_IS_ZONE_LAYER (self));
  g_return_if_fail (!painter || ATLAS_IS_PAINTER (painter));

  if (g_set_object (&self->painter, painter))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAINTER]);
    }
}

AtlasZoneSet *
atlas_zone_layer_get_zone_set (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), NULL);
  return self->zone_set;
}

/**
 * atlas_zone_layer_set_zone_set:
 *
 * The zones to draw (a new dataset is a new zone set). The layer follows
 * the set's width overrides.
 */
void
atlas_zone_layer_set_zone_set (AtlasZoneLayer *self,
                               AtlasZoneSet   *zone_set)
{
  g_return_if_fail (ATLAS_IS_ZONE_LAYER (self));
  g_return_if_fail (!zone_set || ATLAS_IS_ZONE_SET (zone_set));

  if (self->zone_set == zone_set)
    return;

  if (self->zone_set != NULL)
    g_signal_handlers_disconnect_by_data (self->zone_set, self);
  g_set_object (&self->zone_set, zone_set);
  if (zone_set != NULL)
    g_signal_connect_object (zone_set, "width-changed", G_CALLBACK (on_width_changed),
                             self, G_CONNECT_SWAPPED);

  /* Zones of another set must not linger as "what was there before". */
  g_list_store_remove_all (self->zones);
  restart (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZONE_SET]);
}

gint32
atlas_zone_layer_get_date (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), 0);
  return self->date;
}

void
atlas_zone_layer_set_date (AtlasZoneLayer *self,
                           gint32          day)
{
  g_return_if_fail (ATLAS_IS_ZONE_LAYER (self));

  if (self->date == day)
    return;

  self->date = day;
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

GListModel *
atlas_zone_layer_get_zones (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), NULL);
  return G_LIST_MODEL (self->zones);
}

gboolean
atlas_zone_layer_is_computing (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), FALSE);
  return is_computing (self);
}

AtlasComputedZone *
atlas_zone_layer_pick (AtlasZoneLayer *self,
                       double          x,
                       double          y)
{
  AtlasComputedZone *best = NULL;
  double best_area = G_MAXDOUBLE;
  double vx, vy, mx, my, tolerance;
  AtlasView view;
  guint n;

  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), NULL);

  if (!atlas_layer_widget_to_view (SHUMATE_LAYER (self), x, y, &view, &vx, &vy))
    return NULL;

  atlas_view_unproject (&view, vx, vy, &mx, &my);
  tolerance = PICK_TOLERANCE_PX / atlas_mercator_world_size (view.zoom);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasComputedZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      gboolean line = atlas_computed_zone_get_shape (zone) == ATLAS_ZONE_SHAPE_LINE;
      double area = line ? -1 : atlas_computed_zone_get_area_km2 (zone);

      /* Lines are thin and drawn on top: they win; then the smallest
       * area, which is the one drawn uppermost. */
      if (area < best_area && atlas_computed_zone_hit (zone, mx, my, line ? tolerance : 0))
        {
          best = zone;
          best_area = area;
        }
    }

  return best;
}

guint
atlas_zone_layer_get_n_drawn (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), 0);
  return self->n_drawn;
}

guint
atlas_zone_layer_get_n_labels (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), 0);
  return self->n_labels;
}

/**
 * atlas_zone_layer_get_n_frames:
 *
 * How many times the layer has been drawn; tests use it to see that a
 * result reached the screen.
 */
guint
atlas_zone_layer_get_n_frames (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), 0);
  return self->n_frames;
}

guint
atlas_zone_layer_get_n_redraws (AtlasZoneLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_LAYER (self), 0);
  return self->cache != NULL ? atlas_zone_cache_get_n_redraws (self->cache) : 0;
}

/**
 * atlas_zone_layer_set_zone_visible:
 *
 * Shows or hides one zone, whatever the date.
 */
void
atlas_zone_layer_set_zone_visible (AtlasZoneLayer *self,
                                   const char     *zone_id,
                                   gboolean        visible)
{
  g_return_if_fail (ATLAS_IS_ZONE_LAYER (self));
  g_return_if_fail (zone_id != NULL);

  if (visible == !g_hash_table_contains (self->hidden, zone_id))
    return;

  if (visible)
    g_hash_table_remove (self->hidden, zone_id);
  else
    g_hash_table_add (self->hidden, g_strdup (zone_id));

  refresh (self);
}

/**
 * atlas_zone_layer_set_draw_labels:
 *
 * Whether the layer names its zones itself. A map whose AtlasLabelLayer
 * names them (atlas_label_layer_set_zone_layer()) turns this off.
 */
void
atlas_zone_layer_set_draw_labels (AtlasZoneLayer *self,
                                  gboolean        draw_labels)
{
  g_return_if_fail (ATLAS_IS_ZONE_LAYER (self));

  if (self->draw_labels == !!draw_labels)
    return;

  self->draw_labels = !!draw_labels;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_zone_layer_set_units:
 *
 * The units the layer's own labels give a band's width in.
 */
void
atlas_zone_layer_set_units (AtlasZoneLayer *self,
                            AtlasUnits      units)
{
  g_return_if_fail (ATLAS_IS_ZONE_LAYER (self));

  if (self->units == units)
    return;

  self->units = units;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
