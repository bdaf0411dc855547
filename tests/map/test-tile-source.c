/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-tile-source.h"

#include "../atlas-test-init.h"

static AtlasBasemap *basemap;

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} FillData;

static void
on_filled (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FillData *data = user_data;

  data->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &data->error);
  g_main_loop_quit (data->loop);
}

/* How many distinct colours the texture has: a blank tile has one. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));

  return g_hash_table_size (colours);
}

static void
fill_one (int scale_factor)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasTileSource) source = atlas_tile_source_new (painter, scale_factor);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  /* Zoom 8, the tile holding Pristina and Kosovo's eastern boundary. */
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (143, 94, 256, 8);
  FillData data = { loop, FALSE, NULL };
  GdkPaintable *paintable;

  g_assert_cmpint (atlas_tile_source_get_scale_factor (source), ==, scale_factor);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_filled, &data);
  g_main_loop_run (loop);

  g_assert_no_error (data.error);
  g_assert_true (data.ok);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);

  paintable = shumate_tile_get_paintable (tile);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, 256 * scale_factor);
  g_assert_cmpint (gdk_texture_get_height (GDK_TEXTURE (paintable)), ==, 256 * scale_factor);
  /* Land, Kosovo, its boundary and the antialiasing between them. */
  g_assert_cmpuint (count_colours (GDK_TEXTURE (paintable)), >, 3);
}

static void
test_tile_source_fill (void)
{
  fill_one (1);
}

static void
test_tile_source_fill_hidpi (void)
{
  fill_one (2);
}

/* A fill cancelled before it starts reports cancellation and leaves the
 * tile alone. */
static void
test_tile_source_cancel (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasTileSource) source = atlas_tile_source_new (painter, 1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (143, 94, 256, 8);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FillData data = { loop, FALSE, NULL };

  g_cancellable_cancel (cancellable);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, cancellable, on_filled, &data);
  g_main_loop_run (loop);

  g_assert_false (data.ok);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (shumate_tile_get_paintable (tile));
  g_clear_error (&data.error);
}

/* Each variant of the source has its own id, since libshumate caches tiles
 * by source id. */
static void
test_tile_source_ids (void)
{
  g_autoptr(AtlasPainter) light = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasPainter) dark = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  g_autoptr(AtlasTileSource) a = atlas_tile_source_new (light, 1);
  g_autoptr(AtlasTileSource) b = atlas_tile_source_new (light, 2);
  g_autoptr(AtlasTileSource) c = atlas_tile_source_new (dark, 1);
  const char *id_a = shumate_map_source_get_id (SHUMATE_MAP_SOURCE (a));
  const char *id_b = shumate_map_source_get_id (SHUMATE_MAP_SOURCE (b));
  const char *id_c = shumate_map_source_get_id (SHUMATE_MAP_SOURCE (c));

  g_assert_cmpstr (id_a, !=, id_b);
  g_assert_cmpstr (id_a, !=, id_c);
  g_assert_cmpstr (id_b, !=, id_c);
  g_assert_nonnull (strstr (shumate_map_source_get_license (SHUMATE_MAP_SOURCE (a)), "OpenStreetMap"));
  g_assert_cmpuint (shumate_map_source_get_tile_size (SHUMATE_MAP_SOURCE (a)), ==, 256);
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

  g_test_add_func ("/map/tile-source/fill", test_tile_source_fill);
  g_test_add_func ("/map/tile-source/fill-hidpi", test_tile_source_fill_hidpi);
  g_test_add_func ("/map/tile-source/cancel", test_tile_source_cancel);
  g_test_add_func ("/map/tile-source/ids", test_tile_source_ids);

  ret = g_test_run ();
  g_clear_object (&basemap);
  return ret;
}
