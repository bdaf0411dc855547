/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-feature.h"

G_BEGIN_DECLS

/* AtlasDeployment: troops of one nation (or NATO as a whole) at a Point
 * or in a zone, present or only committed, for a time. */
#define ATLAS_TYPE_DEPLOYMENT (atlas_deployment_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDeployment, atlas_deployment, ATLAS, DEPLOYMENT, AtlasFeature)

/* ISO 3166-1 alpha-3 ("USA") or "NATO". */
const char              *atlas_deployment_get_nation   (AtlasDeployment *self);
const char              *atlas_deployment_get_unit     (AtlasDeployment *self);
/* (nullable) The headquarters' name. */
const char              *atlas_deployment_get_hq       (AtlasDeployment *self);
/* The unit and headquarters to show (see atlas_feature_get_display_title()). */
const char              *atlas_deployment_get_display_unit (AtlasDeployment *self);
/* (nullable) */
const char              *atlas_deployment_get_display_hq   (AtlasDeployment *self);
/* (nullable) The zone it is located in, when it has no Point. */
const char              *atlas_deployment_get_zone_id  (AtlasDeployment *self);
AtlasDeploymentStrength  atlas_deployment_get_strength (AtlasDeployment *self);
/* FALSE when "unknown"; a single number gives min == max. */
gboolean                 atlas_deployment_get_troops   (AtlasDeployment *self,
                                                        int             *min,
                                                        int             *max);
/* For display: "7,000", "1,400–1,600", "unknown" (localised). */
char                    *atlas_deployment_format_troops (AtlasDeployment *self);

G_END_DECLS
