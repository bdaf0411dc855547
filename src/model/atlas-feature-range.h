/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/*
 * AtlasFeatureRange: a GListModel of the features of one kind that meet a
 * span of days [from, to), in the dataset's list order (by start day). It
 * asks the dataset's time index, so moving the span costs O(log N + k),
 * not a scan of every feature: the event list follows the timeline with it.
 */

#define ATLAS_TYPE_FEATURE_RANGE (atlas_feature_range_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFeatureRange, atlas_feature_range, ATLAS, FEATURE_RANGE, GObject)

AtlasFeatureRange *atlas_feature_range_new          (AtlasFeatureKind   kind);
AtlasDataset      *atlas_feature_range_get_dataset  (AtlasFeatureRange *self);
void               atlas_feature_range_set_dataset  (AtlasFeatureRange *self,
                                                     AtlasDataset      *dataset);
void               atlas_feature_range_set_span     (AtlasFeatureRange *self,
                                                     gint32             from,
                                                     gint32             to);
gint32             atlas_feature_range_get_from     (AtlasFeatureRange *self);
gint32             atlas_feature_range_get_to       (AtlasFeatureRange *self);
guint              atlas_feature_range_get_dataset_position (AtlasFeatureRange *self,
                                                             guint              position);
gboolean           atlas_feature_range_find         (AtlasFeatureRange *self,
                                                     guint              dataset_position,
                                                     guint             *position);
guint              atlas_feature_range_find_nearest (AtlasFeatureRange *self,
                                                     gint32             day);

G_END_DECLS
