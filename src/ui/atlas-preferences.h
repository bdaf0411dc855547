/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_PREFERENCES_WINDOW (atlas_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ATLAS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *atlas_preferences_window_new                (GtkWindow              *parent,
                                                        GSettings              *settings);
GSettings *atlas_preferences_window_get_settings       (AtlasPreferencesWindow *self);
gboolean   atlas_preferences_window_get_sandboxed      (AtlasPreferencesWindow *self);

void       atlas_preferences_bind_color_scheme         (GSettings              *settings,
                                                        AdwStyleManager        *style_manager);

G_END_DECLS
