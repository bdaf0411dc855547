/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE (atlas_timeline_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimeline, atlas_timeline, ATLAS, TIMELINE, GtkWidget)

GtkWidget    *atlas_timeline_new             (void);
AtlasDataset *atlas_timeline_get_dataset     (AtlasTimeline *self);
void          atlas_timeline_set_dataset     (AtlasTimeline *self,
                                              AtlasDataset  *dataset);
gint32        atlas_timeline_get_date        (AtlasTimeline *self);
void          atlas_timeline_set_date        (AtlasTimeline *self,
                                              gint32         date);
guint         atlas_timeline_get_window_days (AtlasTimeline *self);
void          atlas_timeline_set_window_days (AtlasTimeline *self,
                                              guint          window_days);
gboolean      atlas_timeline_get_playing     (AtlasTimeline *self);
void          atlas_timeline_set_playing     (AtlasTimeline *self,
                                              gboolean       playing);
gboolean      atlas_timeline_enter_date      (AtlasTimeline *self,
                                              const char    *text);

G_END_DECLS
