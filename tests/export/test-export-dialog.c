/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-date.h"
#include "atlas-export-dialog.h"
#include "atlas-painter.h"

#include "../atlas-test-init.h"

/* The export dialog under Xvfb: its controls drive the snapshot, it
 * exports and copies to the clipboard, and it keeps failures to itself. */

#define TIMEOUT_SECONDS 30

static AtlasPainter *painter;

static void
wait_until (gboolean   *done,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!*done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true, &done);
  wait_until (&done, "a pause");
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)))
        return child;
      if ((found = find_widget (child, type, label)) != NULL)
        return found;
    }

  return NULL;
}

static AtlasExportDialog *
new_dialog (void)
{
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  AtlasExportDialog *dialog;
  AtlasView view;

  atlas_view_init (&view, 42.6, 20.9, 7.4, 640, 400);
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_day (snapshot, atlas_day_from_ymd (1999, 6, 12));
  dialog = atlas_export_dialog_new (NULL, snapshot);
  /* The dialog works on a copy. */
  g_assert_true (atlas_export_dialog_get_snapshot (dialog) != snapshot);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);

  return dialog;
}

static void
test_controls (void)
{
  AtlasExportDialog *dialog = new_dialog ();
  AtlasSnapshot *snapshot = atlas_export_dialog_get_snapshot (dialog);
  GtkWidget *entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  GtkWidget *spin_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);
  GtkWidget *sw = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  AtlasExportSize size;

  /* Defaults: everything included, the size of the view. */
  g_assert_cmpint (atlas_snapshot_get_flags (snapshot), ==, ATLAS_SNAPSHOT_SHOW_ALL);
  g_assert_cmpint (atlas_export_dialog_get_preset (dialog), ==, ATLAS_EXPORT_PRESET_CURRENT_VIEW);
  atlas_export_dialog_get_size (dialog, &size);
  g_assert_cmpint (size.width, ==, 640);
  g_assert_cmpint (size.height, ==, 400);

  /* The title entry shows the default title until one is typed. */
  g_assert_nonnull (entry);
  g_assert_nonnull (strstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), "12 June 1999"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "My map");
  g_assert_cmpstr (atlas_snapshot_get_title (snapshot), ==, "My map");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_null (atlas_snapshot_get_title (snapshot));

  /* The first switch is the title's. */
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_cmpint (atlas_snapshot_get_flags (snapshot), ==, ATLAS_SNAPSHOT_SHOW_ALL & ~ATLAS_SNAPSHOT_SHOW_TITLE);

  /* Custom sizes come from the spin buttons, shown only for "Custom". */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (spin_button, ADW_TYPE_ACTION_ROW)));
  atlas_export_dialog_set_preset (dialog, ATLAS_EXPORT_PRESET_CUSTOM);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (spin_button, ADW_TYPE_ACTION_ROW)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 333);
  atlas_export_dialog_get_size (dialog, &size);
  g_assert_cmpint (size.width, ==, 333);

  atlas_export_dialog_set_preset (dialog, ATLAS_EXPORT_PRESET_A4_LANDSCAPE);
  atlas_export_dialog_get_size (dialog, &size);
  g_assert_cmpint (size.width, ==, 3508);
  g_assert_cmpfloat (size.dpi, ==, 300);
  spin (50);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_exported (AtlasExportDialog *dialog,
             GFile             *file,
             GFile            **out)
{
  *out = g_object_ref (file);
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
test_export (void)
{
  AtlasExportDialog *dialog = new_dialog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-dialog-XXXXXX", &error);
  g_autofree char *stem = g_build_filename (dir, "map", NULL);
  g_autofree char *expected = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *note = g_build_filename (dir, "note", NULL);
  g_autofree char *below = g_build_filename (note, "map.png", NULL);
  g_autoptr(GFile) stem_file = g_file_new_for_path (stem);
  g_autoptr(GFile) below_file = g_file_new_for_path (below);
  g_autoptr(GFile) written = NULL;
  gboolean destroyed = FALSE;
  GtkWidget *revealer = find_widget (GTK_WIDGET (dialog), GTK_TYPE_REVEALER, NULL);

  g_assert_no_error (error);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &written);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_destroy), &destroyed);

  /* A failure stays in the dialog: no signal, the dialog stays open. */
  g_assert_true (g_file_set_contents (note, "note", -1, NULL));
  atlas_export_dialog_export_to_file (dialog, below_file);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  while (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    g_main_context_iteration (NULL, TRUE);
  spin (50);
  g_assert_null (written);
  g_assert_false (destroyed);

  /* A name without an extension gets the format's. */
  atlas_export_dialog_set_format (dialog, ATLAS_EXPORT_FORMAT_PDF);
  atlas_export_dialog_set_preset (dialog, ATLAS_EXPORT_PRESET_FULL_HD);
  atlas_export_dialog_export_to_file (dialog, stem_file);
  wait_until (&destroyed, "the dialog to close after the export");
  g_assert_nonnull (written);
  g_assert_cmpstr (g_file_peek_path (written), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
on_texture (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GdkTexture **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static void
test_clipboard (void)
{
  AtlasExportDialog *dialog = new_dialog ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *revealer = find_widget (GTK_WIDGET (dialog), GTK_TYPE_REVEALER, NULL);
  GtkWidget *spin_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);

  atlas_export_dialog_set_preset (dialog, ATLAS_EXPORT_PRESET_CUSTOM);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 500);
  atlas_export_dialog_copy_to_clipboard (dialog);
  while (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    g_main_context_iteration (NULL, TRUE);

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 500);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  atlas_test_init_isolated (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }
  adw_init ();

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);
  painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);

  g_test_add_func ("/export-dialog/controls", test_controls);
  g_test_add_func ("/export-dialog/export", test_export);
  g_test_add_func ("/export-dialog/clipboard", test_clipboard);

  status = g_test_run ();
  g_clear_object (&painter);

  return status;
}
