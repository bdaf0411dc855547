/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-window.h"

#include "../atlas-test-init.h"

/*
 * Hostile and broken files opened in the main window (under Xvfb), as a
 * user would drop them on it. For each file that cannot be loaded at all,
 * the window must show a toast that names the file (and the line and
 * column where the text has one), keep the dataset it had (the very same
 * object), and go on working. A file with broken features loads the rest
 * and offers the list of problems.
 *
 * The window has no accessor for its last error, so the test reads what
 * the user reads: the title of the toast on screen.
 */

#define TIMEOUT_SECONDS 30

typedef struct
{
  AtlasApplication *app;
  AtlasWindow      *window;
  char             *dir;
} Fixture;

/* Runs the main loop until @done says so; fails after the timeout. */
typedef gboolean (*DoneFunc) (Fixture *f, gpointer data);

static void
wait_until (Fixture    *f,
            DoneFunc    done,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!done (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited %d s for %s", TIMEOUT_SECONDS, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
window_is_ready (Fixture  *f,
                 gpointer  data)
{
  if (f->window == NULL)
    f->window = ATLAS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  return f->window != NULL && atlas_window_is_ready (f->window);
}

/* The AdwToast shown in the window, if any. libadwaita draws each toast
 * with an internal widget whose "toast" property is the AdwToast. */
static AdwToast *
find_toast (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToast *toast;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        {
          g_object_get (child, "toast", &toast, NULL);
          if (toast != NULL)
            {
              g_object_unref (toast);   /* the widget keeps it */
              return toast;
            }
        }
      if ((toast = find_toast (child)) != NULL)
        return toast;
    }

  return NULL;
}

static gboolean
toast_is_shown (Fixture  *f,
                gpointer  data)
{
  AdwToast **out = data;

  *out = find_toast (GTK_WIDGET (f->window));
  return *out != NULL;
}

static gboolean
no_toast_is_shown (Fixture  *f,
                   gpointer  data)
{
  return find_toast (GTK_WIDGET (f->window)) == NULL;
}

static gboolean
time_has_come (Fixture  *f,
               gpointer  data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Dismisses the toast on screen and waits until it is gone, so that the
 * next one is not queued behind it. The toast is first left to finish
 * sliding in (300 ms), as it would be before anyone could click it:
 * libadwaita 1.2 can crash when a toast is dismissed during that
 * animation (docs/reliability.md). */
static void
dismiss_toast (Fixture  *f,
               AdwToast *toast)
{
  gint64 shown = g_get_monotonic_time () + 600 * 1000;

  wait_until (f, time_has_come, &shown, "the toast to slide in");
  adw_toast_dismiss (toast);
  wait_until (f, no_toast_is_shown, NULL, "the toast to go");
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* Opens @path and checks the window reports it without changing its data. */
static void
assert_refused (Fixture    *f,
                const char *path,
                const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDataset) before = g_object_ref (atlas_window_get_dataset (f->window));
  g_autofree char *name = g_path_get_basename (path);
  AdwToast *toast = NULL;
  const char *title;

  while ((toast = find_toast (GTK_WIDGET (f->window))) != NULL)
    dismiss_toast (f, toast);

  g_test_message ("opening %s", name);
  atlas_window_open_file (f->window, file);
  wait_until (f, toast_is_shown, &toast, "the error toast");

  title = adw_toast_get_title (toast);
  g_test_message ("toast: %s", title);
  g_assert_nonnull (strstr (title, name));
  g_assert_nonnull (strstr (title, expected));

  /* The data shown before is still the data shown. */
  g_assert_true (atlas_window_get_dataset (f->window) == before);
  g_assert_true (atlas_window_is_ready (f->window));
  dismiss_toast (f, toast);
}

static gboolean
dataset_changed (Fixture  *f,
                 gpointer  data)
{
  return atlas_window_get_dataset (f->window) != data;
}

/* The open AdwMessageDialog listing the problems, or NULL. */
static GtkWidget *
find_diagnostics_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }

  return NULL;
}

static gboolean
dialog_is_shown (Fixture  *f,
                 gpointer  data)
{
  return find_diagnostics_dialog () != NULL;
}

/* The text of every label under @widget, one per line. */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static const char good_and_bad[] =
  "{\"type\": \"FeatureCollection\", \"features\": [\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.0, 42.5]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"hostile-good\", \"title\": \"Still loads\",\n"
  "  \"start\": \"2001-05-05\", \"certainty\": \"certain\",\n"
  "  \"sources\": [{\"title\": \"T\", \"publisher\": \"P\", \"date\": \"2001\"}]}},\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.0, 95.0]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"hostile-bad\", \"title\": \"Off the planet\",\n"
  "  \"start\": \"2001-02-03\", \"certainty\": \"certain\",\n"
  "  \"sources\": [{\"title\": \"T\", \"publisher\": \"P\", \"date\": \"2001\"}]}},\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.0, 95.0]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"hostile-two\", \"title\": \"Two problems\",\n"
  "  \"start\": \"2001-02-03\", \"certainty\": \"sure\",\n"
  "  \"sources\": [{\"title\": \"T\", \"publisher\": \"P\", \"date\": \"2001\"}]}}\n"
  "]}\n";

static void
test_hostile_files (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(AtlasDataset) previous = NULL;
  g_autoptr(GFile) mixed_file = NULL;
  g_autoptr(GString) dialog_text = g_string_new (NULL);
  g_autofree char *syntax = NULL, *not_collection = NULL, *deep_path = NULL;
  g_autofree char *garbage = NULL, *utf16 = NULL, *empty = NULL, *missing = NULL;
  g_autofree char *directory = NULL, *mixed = NULL;
  char bytes[256];
  AtlasFeatureKind kind;
  guint position;
  AdwToast *toast = NULL;
  GtkWidget *dialog;

  f.dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  f.app = g_object_new (ATLAS_TYPE_APPLICATION,
                        "application-id", APP_ID ".HostileTest",
                        "flags", G_APPLICATION_NON_UNIQUE,
                        "resource-base-path", RESOURCE_PREFIX,
                        NULL);
  g_assert_true (g_application_register (G_APPLICATION (f.app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f.app));
  wait_until (&f, window_is_ready, NULL, "the window");

  /* Files that cannot be loaded at all. */
  syntax = write_file (&f, "syntax.geojson",
                       "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [ {,} ]\n}\n", -1);
  assert_refused (&f, syntax, "syntax.geojson:3:");

  not_collection = write_file (&f, "not-collection.geojson", "{\"type\": \"Feature\"}", -1);
  assert_refused (&f, not_collection, "not-collection.geojson");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  deep_path = write_file (&f, "deep.geojson", deep->str, deep->len);
  assert_refused (&f, deep_path, "deep.geojson:1:");

  /* Every byte value once, in a scrambled order that starts with no BOM. */
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) ((i * 167 + 128) & 0xff);
  garbage = write_file (&f, "garbage.geojson", bytes, sizeof bytes);
  assert_refused (&f, garbage, "garbage.geojson");

  utf16 = write_file (&f, "utf16.geojson", "\xff\xfe{\0}\0", 6);
  assert_refused (&f, utf16, "utf16.geojson");

  empty = write_file (&f, "empty.geojson", "", 0);
  assert_refused (&f, empty, "empty.geojson");

  missing = g_build_filename (f.dir, "missing.geojson", NULL);
  assert_refused (&f, missing, "missing.geojson");

  directory = g_build_filename (f.dir, "directory.geojson", NULL);
  g_assert_cmpint (g_mkdir (directory, 0700), ==, 0);
  assert_refused (&f, directory, "directory.geojson");

  /* A file with one good and two broken features, one of them with two
   * problems: the good one joins the data, the broken ones are reported,
   * counted as features (not as problems: finding 8), and their problems
   * can be read. */
  while ((toast = find_toast (GTK_WIDGET (f.window))) != NULL)
    dismiss_toast (&f, toast);
  previous = g_object_ref (atlas_window_get_dataset (f.window));
  mixed = write_file (&f, "mixed.geojson", good_and_bad, -1);
  mixed_file = g_file_new_for_path (mixed);
  atlas_window_open_file (f.window, mixed_file);
  wait_until (&f, dataset_changed, previous, "the mixed file to load");
  g_assert_true (atlas_dataset_find (atlas_window_get_dataset (f.window), "hostile-good", &kind, &position));
  g_assert_cmpint (kind, ==, ATLAS_KIND_EVENT);
  g_assert_false (atlas_dataset_find (atlas_window_get_dataset (f.window), "hostile-bad", &kind, &position));
  g_assert_false (atlas_dataset_find (atlas_window_get_dataset (f.window), "hostile-two", &kind, &position));
  g_assert_cmpuint (atlas_dataset_get_n_errors (atlas_window_get_dataset (f.window)), ==, 3);
  /* Everything shown before is still there. */
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    g_assert_cmpuint (atlas_dataset_get_n_features (atlas_window_get_dataset (f.window), k), >=,
                      atlas_dataset_get_n_features (previous, k));

  wait_until (&f, toast_is_shown, &toast, "the diagnostics toast");
  g_test_message ("toast: %s", adw_toast_get_title (toast));
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "2 features could not be loaded");
  g_assert_nonnull (adw_toast_get_button_label (toast));
  g_signal_emit_by_name (toast, "button-clicked");
  wait_until (&f, dialog_is_shown, NULL, "the list of problems");
  dialog = find_diagnostics_dialog ();
  collect_labels (dialog, dialog_text);
  g_test_message ("dialog: %s", dialog_text->str);
  g_assert_nonnull (strstr (dialog_text->str, "mixed.geojson: features[1] (id \"hostile-bad\")"));
  g_assert_null (strstr (dialog_text->str, "hostile-good"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* After all that, a broken file still leaves the window as it was. */
  assert_refused (&f, syntax, "syntax.geojson:3:");
  g_assert_true (atlas_dataset_find (atlas_window_get_dataset (f.window), "hostile-good", &kind, &position));

  /* And the window still works: its actions respond, it closes cleanly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.reset-view", NULL));
  gtk_window_destroy (GTK_WINDOW (f.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_rmdir (directory);
  for (const char * const *p = (const char * const[]) { syntax, not_collection, deep_path, garbage,
                                                        utf16, empty, mixed, NULL }; *p; p++)
    g_unlink (*p);
  g_rmdir (f.dir);
  g_free (f.dir);
  g_clear_object (&f.app);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_isolated (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }

  g_test_add_func ("/reliability/window/hostile-files", test_hostile_files);

  return g_test_run ();
}
