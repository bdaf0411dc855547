/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>

#include "atlas-preferences.h"

#include "../atlas-test-init.h"

/* The Preferences window under Xvfb: each row shows its key and changes
 * it, the online tiles are not offered in a sandbox, and the style manager
 * follows the colour scheme. */

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID_BASE);

  /* The memory backend is shared within the process: start from defaults. */
  g_settings_reset (settings, "place-names");
  g_settings_reset (settings, "units");
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "online-tiles");
  return settings;
}

static char *
dup_item (AdwComboRow *row,
          guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);

  g_assert_nonnull (item);
  return g_strdup (gtk_string_object_get_string (item));
}

static void
test_rows_follow_keys (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  GtkWidget *window = atlas_preferences_window_new (NULL, settings);
  AdwComboRow *names, *units, *style;
  GtkWidget *online;
  g_autofree char *both = NULL;
  g_autofree char *sr = NULL;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  names = ADW_COMBO_ROW (find_row (window, "_Place Names"));
  units = ADW_COMBO_ROW (find_row (window, "_Units of Distance"));
  style = ADW_COMBO_ROW (find_row (window, "_Style"));
  online = find_row (window, "_Online Map Tiles");
  g_assert_nonnull (names);
  g_assert_nonnull (units);
  g_assert_nonnull (style);
  g_assert_nonnull (online);
  g_assert_true (atlas_preferences_window_get_settings (ATLAS_PREFERENCES_WINDOW (window)) == settings);

  /* Defaults: both names, kilometres, the system's style. */
  g_assert_cmpuint (adw_combo_row_get_selected (names), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (units), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (names)), ==, 4);
  both = dup_item (names, 3);
  sr = dup_item (names, 1);
  g_assert_nonnull (strstr (both, "Prishtinë / Priština"));
  g_assert_nonnull (strstr (sr, "Priština"));

  /* Keys to rows. */
  g_settings_set_string (settings, "place-names", "sr");
  g_settings_set_string (settings, "units", "mi");
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpuint (adw_combo_row_get_selected (names), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (units), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 2);

  /* Rows to keys. */
  adw_combo_row_set_selected (names, 0);
  adw_combo_row_set_selected (units, 0);
  adw_combo_row_set_selected (style, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "place-names"), ==, 0);
  {
    g_autofree char *nick = g_settings_get_string (settings, "place-names");
    g_assert_cmpstr (nick, ==, "sq");
  }
  {
    g_autofree char *nick = g_settings_get_string (settings, "units");
    g_assert_cmpstr (nick, ==, "km");
  }
  {
    g_autofree char *nick = g_settings_get_string (settings, "color-scheme");
    g_assert_cmpstr (nick, ==, "light");
  }

  /* Online tiles: offered, off by default, and the switch is the key. */
  g_assert_true (gtk_widget_get_visible (online));
  g_assert_false (atlas_preferences_window_get_sandboxed (ATLAS_PREFERENCES_WINDOW (window)));
  g_assert_false (g_settings_get_boolean (settings, "online-tiles"));
  gtk_switch_set_active (GTK_SWITCH (find_child_of_type (online, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "online-tiles"));
  g_settings_set_boolean (settings, "online-tiles", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_child_of_type (online, GTK_TYPE_SWITCH))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_sandboxed (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  GtkWidget *window = g_object_new (ATLAS_TYPE_PREFERENCES_WINDOW,
                                    "settings", settings,
                                    "sandboxed", TRUE,
                                    NULL);
  GtkWidget *online;

  g_object_ref_sink (window);
  online = find_row (window, "_Online Map Tiles");
  g_assert_nonnull (online);
  g_assert_false (gtk_widget_get_visible (online));
  g_assert_true (gtk_widget_get_visible (find_row (window, "_Place Names")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_color_scheme (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  atlas_preferences_bind_color_scheme (settings, manager);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{

  g_unsetenv ("LANGUAGE");
  atlas_test_init_isolated (&argc, &argv);

  if (gtk_init_check ())
    {
      adw_init ();
      g_test_add_func ("/ui/preferences/rows-follow-keys", test_rows_follow_keys);
      g_test_add_func ("/ui/preferences/sandboxed", test_sandboxed);
      g_test_add_func ("/ui/preferences/color-scheme", test_color_scheme);
    }

  return g_test_run ();
}
