/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_LAYERS_PANEL (atlas_layers_panel_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLayersPanel, atlas_layers_panel, ATLAS, LAYERS_PANEL, GtkWidget)

GtkWidget *atlas_layers_panel_new           (void);
void       atlas_layers_panel_set_datasets  (AtlasLayersPanel   *self,
                                             const char * const *names,
                                             const gboolean     *enabled,
                                             guint               n_datasets);
void       atlas_layers_panel_set_zones     (AtlasLayersPanel   *self,
                                             AtlasDataset       *dataset);
gboolean   atlas_layers_panel_is_zone_shown (AtlasLayersPanel   *self,
                                             const char         *zone_id);

G_END_DECLS
