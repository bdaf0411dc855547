/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-painter.h"
#include "atlas-place-names.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_LABEL_LAYER (atlas_label_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLabelLayer, atlas_label_layer, ATLAS, LABEL_LAYER, ShumateLayer)

AtlasLabelLayer *atlas_label_layer_new         (ShumateViewport *viewport);
AtlasPainter    *atlas_label_layer_get_painter (AtlasLabelLayer *self);
void             atlas_label_layer_set_painter (AtlasLabelLayer *self,
                                                AtlasPainter    *painter);
guint            atlas_label_layer_get_n_drawn (AtlasLabelLayer *self);

typedef struct _AtlasDeploymentLayer AtlasDeploymentLayer;
typedef struct _AtlasZoneLayer AtlasZoneLayer;

void             atlas_label_layer_set_zone_layer (AtlasLabelLayer *self,
                                                   AtlasZoneLayer  *zones);

void             atlas_label_layer_set_names   (AtlasLabelLayer *self,
                                                AtlasPlaceNames *names,
                                                AtlasNames       mode);
void             atlas_label_layer_set_units   (AtlasLabelLayer *self,
                                                AtlasUnits       units);
void             atlas_label_layer_add_obstacle (AtlasLabelLayer *self,
                                                 GtkWidget       *obstacle);

void             atlas_label_layer_set_deployment_layer (AtlasLabelLayer      *self,
                                                         AtlasDeploymentLayer *deployments);

void             atlas_map_get_view            (ShumateViewport *viewport,
                                                double           width,
                                                double           height,
                                                AtlasView       *view);

G_END_DECLS
