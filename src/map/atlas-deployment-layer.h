/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-painter-deployments.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DEPLOYMENT_LAYER (atlas_deployment_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDeploymentLayer, atlas_deployment_layer, ATLAS, DEPLOYMENT_LAYER, ShumateLayer)

AtlasDeploymentLayer *atlas_deployment_layer_new            (ShumateViewport      *viewport);

AtlasPainter         *atlas_deployment_layer_get_painter    (AtlasDeploymentLayer *self);
void                  atlas_deployment_layer_set_painter    (AtlasDeploymentLayer *self,
                                                             AtlasPainter         *painter);
AtlasDataset         *atlas_deployment_layer_get_dataset    (AtlasDeploymentLayer *self);
void                  atlas_deployment_layer_set_dataset    (AtlasDeploymentLayer *self,
                                                             AtlasDataset         *dataset);
gint32                atlas_deployment_layer_get_date       (AtlasDeploymentLayer *self);
void                  atlas_deployment_layer_set_date       (AtlasDeploymentLayer *self,
                                                             gint32                day);

AtlasDeploymentSet   *atlas_deployment_layer_get_deployment_set (AtlasDeploymentLayer *self);
guint                 atlas_deployment_layer_get_n_visible  (AtlasDeploymentLayer *self);
guint                 atlas_deployment_layer_get_n_labels   (AtlasDeploymentLayer *self);
gboolean              atlas_deployment_layer_pick           (AtlasDeploymentLayer *self,
                                                             double                x,
                                                             double                y,
                                                             guint                *position);

void                  atlas_deployment_layer_set_draw_labels (AtlasDeploymentLayer *self,
                                                              gboolean              draw_labels);

G_END_DECLS
