/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-feature.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FEATURE_DETAILS (atlas_feature_details_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFeatureDetails, atlas_feature_details, ATLAS, FEATURE_DETAILS, GtkWidget)

GtkWidget    *atlas_feature_details_new         (void);
AtlasFeature *atlas_feature_details_get_feature (AtlasFeatureDetails *self);
void          atlas_feature_details_set_feature (AtlasFeatureDetails *self,
                                                 AtlasFeature        *feature);

G_END_DECLS
