/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-feature.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_LIST (atlas_event_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventList, atlas_event_list, ATLAS, EVENT_LIST, GtkWidget)

GtkWidget  *atlas_event_list_new           (void);
GListModel *atlas_event_list_get_model     (AtlasEventList *self);
void        atlas_event_list_set_model     (AtlasEventList *self,
                                            GListModel     *model);
void        atlas_event_list_set_caption   (AtlasEventList *self,
                                            const char     *caption);
guint       atlas_event_list_get_highlight (AtlasEventList *self);
void        atlas_event_list_set_highlight (AtlasEventList *self,
                                            guint           position);

G_END_DECLS
