/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-tile-source"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-tile-source.h"

/*
 * The offline base map as a libshumate map source. Tiles are drawn by the
 * painter in worker threads into cairo image surfaces and wrapped as
 * GdkMemoryTextures (immutable, so safe to create off the main thread); the
 * tile itself is only touched on the main thread, where its paintable and
 * state are set.
 *
 * libshumate 1.0 has no per-tile scale factor, so a source renders for one
 * scale factor and the window swaps in a new source (with its own id, since
 * the layer's tile cache is keyed by id) when the scale factor changes.
 */

struct _AtlasTileSource
{
  ShumateMapSource  parent_instance;

  AtlasPainter     *painter;
  int               scale_factor;
};

G_DEFINE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_PAINTER,
  PROP_SCALE_FACTOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  AtlasPainter *painter;
  guint         x;
  guint         y;
  guint         zoom;
  guint         tile_size;
  int           scale_factor;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->painter);
  g_free (job);
}

/**
 * atlas_tile_source_render_texture:
 *
 * Draws one tile of the base map. Safe to call from any thread.
 *
 * Returns: (transfer full): a texture of tile_size × scale_factor pixels
 */
GdkTexture *
atlas_tile_source_render_texture (AtlasPainter *painter,
                                  guint         x,
                                  guint         y,
                                  guint         zoom,
                                  guint         tile_size,
                                  int           scale_factor)
{
  int size = tile_size * scale_factor;
  cairo_surface_t *surface;
  cairo_t *cr;
  AtlasView view;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  int stride;

  g_return_val_if_fail (ATLAS_IS_PAINTER (painter), NULL);
  g_return_val_if_fail (scale_factor >= 1, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);

  atlas_view_init_tile (&view, x, y, zoom, tile_size);
  /* atlas_view_init_tile() folds a tile size other than 256 into the zoom;
   * the painter draws at that zoom over tile_size logical pixels. */
  atlas_painter_draw_base (painter, cr, &view);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The bytes keep the surface alive; no copy of the pixels is made. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * size,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes, stride);

  return texture;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GdkTexture *texture;

  /* The tile may have scrolled away while the job waited for a thread. */
  if (g_task_return_error_if_cancelled (task))
    return;

  texture = atlas_tile_source_render_texture (job->painter, job->x, job->y, job->zoom,
                                              job->tile_size, job->scale_factor);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
on_rendered (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  ShumateTile *tile = g_task_get_task_data (outer);

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* Back on the main thread: only here is the tile touched. Setting the
   * state to DONE lets the layer drop tiles of the previous zoom level. */
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (outer, TRUE);
}

static void
atlas_tile_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  RenderJob *job;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, atlas_tile_source_fill_tile_async);
  g_task_set_task_data (outer, g_object_ref (tile), g_object_unref);

  job = g_new0 (RenderJob, 1);
  job->painter = g_object_ref (self->painter);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->tile_size = shumate_tile_get_size (tile);
  job->scale_factor = self->scale_factor;

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);

  inner = g_task_new (self, cancellable, on_rendered, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, render_thread);
  g_task_set_task_data (inner, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (inner, render_thread);
}

static gboolean
atlas_tile_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_tile_source_constructed (GObject *object)
{
  AtlasTileSource *self = (AtlasTileSource *)object;
  g_autofree char *id = NULL;

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->constructed (object);

  g_assert (self->painter != NULL);

  /* The layer caches tiles by source id: every variant needs its own. */
  id = g_strdup_printf ("kosovo-atlas-offline-%s-x%d",
                        atlas_painter_get_theme (self->painter) == ATLAS_THEME_DARK ? "dark" : "light",
                        self->scale_factor);
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
  shumate_map_source_set_name (SHUMATE_MAP_SOURCE (self), _("Offline Map"));
  shumate_map_source_set_license (SHUMATE_MAP_SOURCE (self), atlas_painter_get_attribution ());
  shumate_map_source_set_license_uri (SHUMATE_MAP_SOURCE (self), "https://www.openstreetmap.org/copyright");
  shumate_map_source_set_min_zoom_level (SHUMATE_MAP_SOURCE (self), 3);
  shumate_map_source_set_max_zoom_level (SHUMATE_MAP_SOURCE (self), 18);
  shumate_map_source_set_tile_size (SHUMATE_MAP_SOURCE (self), ATLAS_TILE_SIZE);
  shumate_map_source_set_projection (SHUMATE_MAP_SOURCE (self), SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
atlas_tile_source_dispose (GObject *object)
{
  AtlasTileSource *self = (AtlasTileSource *)object;

  g_clear_object (&self->painter);

  G_OBJECT_CLASS (atlas_tile_source_parent_class)->dispose (object);
}

static void
atlas_tile_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      g_value_set_object (value, self->painter);
      break;
    case PROP_SCALE_FACTOR:
      g_value_set_int (value, self->scale_factor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasTileSource *self = ATLAS_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      self->painter = g_value_dup_object (value);
      break;
    case PROP_SCALE_FACTOR:
      self->scale_factor = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_source_class_init (AtlasTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->constructed = atlas_tile_source_constructed;
  object_class->dispose = atlas_tile_source_dispose;
  object_class->get_property = atlas_tile_source_get_property;
  object_class->set_property = atlas_tile_source_set_property;

  source_class->fill_tile_async = atlas_tile_source_fill_tile_async;
  source_class->fill_tile_finish = atlas_tile_source_fill_tile_finish;

  properties [PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         ATLAS_TYPE_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCALE_FACTOR] =
    g_param_spec_int ("scale-factor", NULL, NULL,
                      1, 8, 1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_tile_source_init (AtlasTileSource *self)
{
  self->scale_factor = 1;
}

AtlasTileSource *
atlas_tile_source_new (AtlasPainter *painter,
                       int           scale_factor)
{
  g_return_val_if_fail (ATLAS_IS_PAINTER (painter), NULL);

  return g_object_new (ATLAS_TYPE_TILE_SOURCE,
                       "painter", painter,
                       "scale-factor", MAX (1, scale_factor),
                       NULL);
}

AtlasPainter *
atlas_tile_source_get_painter (AtlasTileSource *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), NULL);
  return self->painter;
}

int
atlas_tile_source_get_scale_factor (AtlasTileSource *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_SOURCE (self), 1);
  return self->scale_factor;
}
