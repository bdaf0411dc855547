/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The application's icons load through gdk-pixbuf, as GTK loads them for
 * the About window and the shell's launchers. A file librsvg would draw
 * can still fail here: gdk-pixbuf recognises SVG by its first bytes, so a
 * long comment before <svg> made the scalable icon "an unknown image
 * format".
 */
#undef G_DISABLE_ASSERT

#include <gdk-pixbuf/gdk-pixbuf.h>

static void
test_icon (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", "hicolor", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  for (int size = 16; size <= 512; size *= 2)
    {
      g_clear_object (&pixbuf);
      pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/packaging/icons/scalable",
                        "scalable/apps/io.github.kosovoatlas.KosovoAtlas.svg", test_icon);
  g_test_add_data_func ("/packaging/icons/symbolic",
                        "symbolic/apps/io.github.kosovoatlas.KosovoAtlas-symbolic.svg", test_icon);

  return g_test_run ();
}
