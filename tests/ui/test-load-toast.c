/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "atlas-application.h"
#include "atlas-window.h"

/*
 * The toast after loading a file with broken features counts features,
 * not errors: a feature with two problems is one feature left out. The
 * test reads what the user reads, the toast's title (under Xvfb).
 */

#define TIMEOUT_SECONDS 30

typedef struct
{
  AtlasApplication *app;
  AtlasWindow      *window;
} Fixture;

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

static gboolean
dataset_changed (Fixture  *f,
                 gpointer  data)
{
  return atlas_window_get_dataset (f->window) != data;
}

/* The AdwToast on screen: libadwaita 1.2 shows each one with an internal
 * AdwToastWidget whose "toast" property is the AdwToast. */
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

#define SOURCES "\"sources\": [{\"title\": \"T\", \"publisher\": \"P\", \"date\": \"2001\"}]"

/* One good feature; "two-problems" has two errors (latitude, certainty),
 * "one-problem" one. */
static const char broken[] =
  "{\"type\": \"FeatureCollection\", \"features\": [\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.0, 42.5]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"toast-good\", \"title\": \"Loads\",\n"
  "  \"start\": \"2001-05-05\", \"certainty\": \"certain\", " SOURCES "}},\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.0, 95.0]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"two-problems\", \"title\": \"Two\",\n"
  "  \"start\": \"2001-02-03\", \"certainty\": \"sure\", " SOURCES "}},\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.0, 95.0]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"one-problem\", \"title\": \"One\",\n"
  "  \"start\": \"2001-02-03\", \"certainty\": \"certain\", " SOURCES "}}\n"
  "]}\n";

static void
test_toast_counts_features (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  AtlasDataset *before;
  AdwToast *toast = NULL;

  dir = g_dir_make_tmp ("atlas-toast-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.geojson", NULL);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  file = g_file_new_for_path (path);

  f.app = g_object_new (ATLAS_TYPE_APPLICATION,
                        "application-id", APP_ID ".ToastTest",
                        "flags", G_APPLICATION_NON_UNIQUE,
                        "resource-base-path", RESOURCE_PREFIX,
                        NULL);
  g_assert_true (g_application_register (G_APPLICATION (f.app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f.app));
  wait_until (&f, window_is_ready, NULL, "the window");

  before = atlas_window_get_dataset (f.window);
  atlas_window_open_file (f.window, file);
  wait_until (&f, dataset_changed, before, "the file to load");
  g_assert_cmpuint (atlas_dataset_get_n_errors (atlas_window_get_dataset (f.window)), ==, 3);

  wait_until (&f, toast_is_shown, &toast, "the toast");
  g_test_message ("toast: %s", adw_toast_get_title (toast));
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "2 features could not be loaded");

  gtk_window_destroy (GTK_WINDOW (f.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_unlink (path);
  g_rmdir (dir);
  g_clear_object (&f.app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The system's data folders stay visible (MIME database, icon loaders). */
  g_setenv ("XDG_DATA_DIRS", system_data_dirs ? system_data_dirs : "/usr/local/share:/usr/share", TRUE);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }

  g_test_add_func ("/ui/window/toast-counts-features", test_toast_counts_features);

  return g_test_run ();
}
