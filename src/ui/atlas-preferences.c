/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-place-names.h"
#include "atlas-preferences.h"

/*
 * The Preferences window: place names, units, style and online tiles. Every
 * row is bound to its GSettings key, so a change applies at once and is
 * remembered; whoever draws follows the keys, not this window.
 */

struct _AtlasPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *place_names_row;
  AdwComboRow          *units_row;
  AdwActionRow         *online_tiles_row;
  GtkSwitch            *online_tiles_switch;
  AdwComboRow          *color_scheme_row;

  GSettings            *settings;
  gboolean              sandboxed;
};

G_DEFINE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SANDBOXED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The nicks of each enum key, in the order of its combo row's items. */
static const char * const place_names_nicks[] = { "sq", "sr", "en", "both", NULL };
static const char * const units_nicks[] = { "km", "mi", NULL };
static const char * const color_scheme_nicks[] = { "default", "light", "dark", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  /* Nothing selected (the model is being replaced): leave the key alone. */
  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_combo_row (AtlasPreferencesWindow *self,
                const char             *key,
                AdwComboRow            *row,
                const char * const     *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

/* Each choice shows what it does to the capital's name, in the alphabet
 * the map will use. */
static GListModel *
create_place_names_model (void)
{
  static const AtlasPlaceName pristina[] = {
    { "sq", "Prishtinë" }, { "sr", "Приштина" }, { "sr-Latn", "Priština" }, { "en", "Pristina" },
  };
  AtlasScript script = atlas_script_for_locale ();
  GtkStringList *list = gtk_string_list_new (NULL);

  for (AtlasNames mode = 0; mode < ATLAS_N_NAMES; mode++)
    {
      g_autofree char *example = atlas_names_choose (pristina, G_N_ELEMENTS (pristina), mode, script);
      g_autofree char *item = NULL;

      switch (mode)
        {
        case ATLAS_NAMES_SQ:
          /* Translators: a choice of place names; %s is the example "Prishtinë" */
          item = g_strdup_printf (_("Albanian (%s)"), example);
          break;
        case ATLAS_NAMES_SR:
          /* Translators: a choice of place names; %s is the example "Priština" */
          item = g_strdup_printf (_("Serbian (%s)"), example);
          break;
        case ATLAS_NAMES_EN:
          /* Translators: a choice of place names; %s is the example "Pristina" */
          item = g_strdup_printf (_("English (%s)"), example);
          break;
        case ATLAS_NAMES_BOTH:
        default:
          /* Translators: a choice of place names; %s is the example "Prishtinë / Priština" */
          item = g_strdup_printf (_("Albanian and Serbian (%s)"), example);
          break;
        }
      gtk_string_list_append (list, item);
    }

  g_assert (g_strv_length ((char **) place_names_nicks) == ATLAS_N_NAMES);
  return G_LIST_MODEL (list);
}

static void
atlas_preferences_window_constructed (GObject *object)
{
  AtlasPreferencesWindow *self = (AtlasPreferencesWindow *)object;
  g_autoptr(GListModel) place_names = create_place_names_model ();

  G_OBJECT_CLASS (atlas_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  adw_combo_row_set_model (self->place_names_row, place_names);
  bind_combo_row (self, "place-names", self->place_names_row, place_names_nicks);
  bind_combo_row (self, "units", self->units_row, units_nicks);
  bind_combo_row (self, "color-scheme", self->color_scheme_row, color_scheme_nicks);
  g_settings_bind (self->settings, "online-tiles", self->online_tiles_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* The Flatpak has no network access: there is nothing to opt into. */
  gtk_widget_set_visible (GTK_WIDGET (self->online_tiles_row), !self->sandboxed);
}

static void
atlas_preferences_window_dispose (GObject *object)
{
  AtlasPreferencesWindow *self = (AtlasPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_preferences_window_parent_class)->dispose (object);
}

static void
atlas_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AtlasPreferencesWindow *self = ATLAS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SANDBOXED:
      g_value_set_boolean (value, self->sandboxed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AtlasPreferencesWindow *self = ATLAS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SANDBOXED:
      self->sandboxed = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_preferences_window_class_init (AtlasPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_preferences_window_constructed;
  object_class->dispose = atlas_preferences_window_dispose;
  object_class->get_property = atlas_preferences_window_get_property;
  object_class->set_property = atlas_preferences_window_set_property;

  /**
   * AtlasPreferencesWindow:settings:
   *
   * The application's settings (schema APP_ID_BASE), which the rows change.
   */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasPreferencesWindow:sandboxed:
   *
   * Whether the application runs in a sandbox without network access (the
   * Flatpak), where the online tiles are not offered.
   */
  properties [PROP_SANDBOXED] =
    g_param_spec_boolean ("sandboxed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, place_names_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, online_tiles_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, online_tiles_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, color_scheme_row);
}

static void
atlas_preferences_window_init (AtlasPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 *
 * Online tiles are offered unless the application runs in a Flatpak.
 *
 * Returns: (transfer none): a new Preferences window, owned by GTK like
 *   every window; present it with gtk_window_present()
 */
GtkWidget *
atlas_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (ATLAS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "sandboxed", g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS),
                       NULL);
}

GSettings *
atlas_preferences_window_get_settings (AtlasPreferencesWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->settings;
}

gboolean
atlas_preferences_window_get_sandboxed (AtlasPreferencesWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->sandboxed;
}

/* Color scheme ------------------------------------------------------------ */

static gboolean
nick_to_color_scheme (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_str_equal (nick, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (nick, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

/**
 * atlas_preferences_bind_color_scheme:
 * @settings: the application's settings
 * @style_manager: usually adw_style_manager_get_default()
 *
 * Makes @style_manager follow the "color-scheme" key from now on: the
 * system's style, or always light, or always dark. Call it once, at
 * startup; windows then follow the style manager's "dark" property.
 */
void
atlas_preferences_bind_color_scheme (GSettings       *settings,
                                     AdwStyleManager *style_manager)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (ADW_IS_STYLE_MANAGER (style_manager));

  g_settings_bind_with_mapping (settings, "color-scheme", style_manager, "color-scheme", G_SETTINGS_BIND_GET,
                                nick_to_color_scheme, NULL, NULL, NULL);
}
