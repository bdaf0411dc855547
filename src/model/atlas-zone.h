/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-feature.h"

G_BEGIN_DECLS

/* AtlasZone: an area (or line) in force, or proposed, for a time; with an
 * explicit geometry or a rule the geo module computes (AtlasZoneRule). */
#define ATLAS_TYPE_ZONE (atlas_zone_get_type ())

G_DECLARE_FINAL_TYPE (AtlasZone, atlas_zone, ATLAS, ZONE, AtlasFeature)

AtlasZoneStatus      atlas_zone_get_status        (AtlasZone           *self);
/* (nullable) NULL when the zone has an explicit geometry. */
const AtlasZoneRule *atlas_zone_get_rule          (AtlasZone           *self);

/* The width of a band rule in force on @day: the last schedule entry that
 * starts on or before @day; 0 before the first one or for a boundary. */
double               atlas_zone_rule_get_width_km (const AtlasZoneRule *rule,
                                                   gint32               day);

G_END_DECLS
