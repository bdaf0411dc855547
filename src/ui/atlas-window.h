/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-event-list.h"
#include "atlas-event-layer.h"
#include "atlas-timeline.h"
#include "atlas-zone-layer.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow      *atlas_window_new         (AtlasApplication *application);
ShumateSimpleMap *atlas_window_get_map     (AtlasWindow      *self);
gboolean          atlas_window_is_ready    (AtlasWindow      *self);
void              atlas_window_reset_view  (AtlasWindow      *self);
void              atlas_window_open_file   (AtlasWindow      *self,
                                            GFile            *file);
AtlasDataset     *atlas_window_get_dataset (AtlasWindow      *self);
AtlasTimeline    *atlas_window_get_timeline (AtlasWindow     *self);
AtlasEventList   *atlas_window_get_event_list (AtlasWindow   *self);
AtlasZoneLayer   *atlas_window_get_zone_layer (AtlasWindow   *self);
AtlasEventLayer  *atlas_window_get_event_layer (AtlasWindow  *self);

G_END_DECLS
