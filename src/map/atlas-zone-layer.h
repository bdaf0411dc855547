/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-painter-zones.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ZONE_LAYER (atlas_zone_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasZoneLayer, atlas_zone_layer, ATLAS, ZONE_LAYER, ShumateLayer)

AtlasZoneLayer    *atlas_zone_layer_new            (ShumateViewport *viewport);

AtlasPainter      *atlas_zone_layer_get_painter    (AtlasZoneLayer  *self);
void               atlas_zone_layer_set_painter    (AtlasZoneLayer  *self,
                                                    AtlasPainter    *painter);
AtlasZoneSet      *atlas_zone_layer_get_zone_set   (AtlasZoneLayer  *self);
void               atlas_zone_layer_set_zone_set   (AtlasZoneLayer  *self,
                                                    AtlasZoneSet    *zone_set);
gint32             atlas_zone_layer_get_date       (AtlasZoneLayer  *self);
void               atlas_zone_layer_set_date       (AtlasZoneLayer  *self,
                                                    gint32           day);

/* (transfer none) The zones shown, a GListModel of AtlasComputedZone in
 * the dataset's order. A zone still being computed for the date is shown
 * as it was before (or not at all) until its result arrives. */
GListModel        *atlas_zone_layer_get_zones      (AtlasZoneLayer  *self);
/* Whether computations for the date are still under way. */
gboolean           atlas_zone_layer_is_computing   (AtlasZoneLayer  *self);
/* (transfer none) (nullable) The zone under a point of the layer (widget
 * coordinates): lines first, then the smallest area containing it. */
AtlasComputedZone *atlas_zone_layer_pick           (AtlasZoneLayer  *self,
                                                    double           x,
                                                    double           y);

/* What the last frame drew; for tests. */
guint              atlas_zone_layer_get_n_drawn    (AtlasZoneLayer  *self);
guint              atlas_zone_layer_get_n_labels   (AtlasZoneLayer  *self);
guint              atlas_zone_layer_get_n_frames   (AtlasZoneLayer  *self);
/* How many frames drew the zones anew rather than showing the image the
 * layer keeps of them (see AtlasZoneCache); for tests. */
guint              atlas_zone_layer_get_n_redraws  (AtlasZoneLayer  *self);

void               atlas_zone_layer_set_zone_visible (AtlasZoneLayer *self,
                                                      const char     *zone_id,
                                                      gboolean        visible);

void               atlas_zone_layer_set_draw_labels (AtlasZoneLayer *self,
                                                     gboolean        draw_labels);
void               atlas_zone_layer_set_units       (AtlasZoneLayer *self,
                                                     AtlasUnits      units);

G_END_DECLS
