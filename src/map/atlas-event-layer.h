/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-painter-events.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT_LAYER (atlas_event_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEventLayer, atlas_event_layer, ATLAS, EVENT_LAYER, ShumateLayer)

AtlasEventLayer      *atlas_event_layer_new             (ShumateViewport      *viewport);

AtlasPainter         *atlas_event_layer_get_painter     (AtlasEventLayer      *self);
void                  atlas_event_layer_set_painter     (AtlasEventLayer      *self,
                                                         AtlasPainter         *painter);
AtlasDataset         *atlas_event_layer_get_dataset     (AtlasEventLayer      *self);
void                  atlas_event_layer_set_dataset     (AtlasEventLayer      *self,
                                                         AtlasDataset         *dataset);
gint32                atlas_event_layer_get_date        (AtlasEventLayer      *self);
void                  atlas_event_layer_set_date        (AtlasEventLayer      *self,
                                                         gint32                day);
AtlasEventWindowMode  atlas_event_layer_get_mode        (AtlasEventLayer      *self);
void                  atlas_event_layer_set_mode        (AtlasEventLayer      *self,
                                                         AtlasEventWindowMode  mode);
guint                 atlas_event_layer_get_window_days (AtlasEventLayer      *self);
void                  atlas_event_layer_set_window_days (AtlasEventLayer      *self,
                                                         guint                 window_days);
guint                 atlas_event_layer_get_selected    (AtlasEventLayer      *self);
void                  atlas_event_layer_set_selected    (AtlasEventLayer      *self,
                                                         guint                 position);

AtlasEventSet        *atlas_event_layer_get_event_set   (AtlasEventLayer      *self);
guint                 atlas_event_layer_get_n_visible   (AtlasEventLayer      *self);
gboolean              atlas_event_layer_get_aggregated  (AtlasEventLayer      *self);
gboolean              atlas_event_layer_pick            (AtlasEventLayer      *self,
                                                         double                x,
                                                         double                y,
                                                         guint                *position);

/* Shared with the other overlay layers: a cairo node covering @layer,
 * rotated with the map, and @view set to what it shows; and the way back
 * from a widget point to the view's (unrotated) pixels. */
cairo_t              *atlas_layer_append_cairo          (ShumateLayer         *layer,
                                                         GtkSnapshot          *snapshot,
                                                         AtlasView            *view);
gboolean              atlas_layer_widget_to_view        (ShumateLayer         *layer,
                                                         double                x,
                                                         double                y,
                                                         AtlasView            *view,
                                                         double               *view_x,
                                                         double               *view_y);

G_END_DECLS
