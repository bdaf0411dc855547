/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-painter.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ZONE_DETAILS (atlas_zone_details_get_type ())

G_DECLARE_FINAL_TYPE (AtlasZoneDetails, atlas_zone_details, ATLAS, ZONE_DETAILS, GtkWidget)

GtkWidget         *atlas_zone_details_new           (void);
AtlasZoneSet      *atlas_zone_details_get_zone_set  (AtlasZoneDetails *self);
void               atlas_zone_details_set_zone_set  (AtlasZoneDetails *self,
                                                     AtlasZoneSet     *zone_set);
const char        *atlas_zone_details_get_zone_id   (AtlasZoneDetails *self);
void               atlas_zone_details_set_zone_id   (AtlasZoneDetails *self,
                                                     const char       *zone_id);
gint32             atlas_zone_details_get_date      (AtlasZoneDetails *self);
void               atlas_zone_details_set_date      (AtlasZoneDetails *self,
                                                     gint32            day);
AtlasUnits         atlas_zone_details_get_units     (AtlasZoneDetails *self);
void               atlas_zone_details_set_units     (AtlasZoneDetails *self,
                                                     AtlasUnits        units);

/* (transfer none) (nullable) The computation whose figures are shown. */
AtlasComputedZone *atlas_zone_details_get_computed  (AtlasZoneDetails *self);
/* Whether the width shown is a session's exploration. */
gboolean           atlas_zone_details_get_exploring (AtlasZoneDetails *self);

G_END_DECLS
