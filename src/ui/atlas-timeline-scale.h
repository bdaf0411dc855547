/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_SCALE (atlas_timeline_scale_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineScale, atlas_timeline_scale, ATLAS, TIMELINE_SCALE, GtkWidget)

GtkWidget    *atlas_timeline_scale_new         (void);
AtlasDataset *atlas_timeline_scale_get_dataset (AtlasTimelineScale *self);
void          atlas_timeline_scale_set_dataset (AtlasTimelineScale *self,
                                                AtlasDataset       *dataset);
gint32        atlas_timeline_scale_get_date    (AtlasTimelineScale *self);
void          atlas_timeline_scale_set_date    (AtlasTimelineScale *self,
                                                gint32              date);
void          atlas_timeline_scale_set_range   (AtlasTimelineScale *self,
                                                gint32              first_day,
                                                gint32              last_day);
gint32        atlas_timeline_scale_get_first_day (AtlasTimelineScale *self);
gint32        atlas_timeline_scale_get_last_day  (AtlasTimelineScale *self);

G_END_DECLS
