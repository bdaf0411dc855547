/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to the model: how the dataset's lists make feature objects. */

#include "atlas-feature.h"
#include "atlas-store.h"

G_BEGIN_DECLS

AtlasFeature      *atlas_feature_new_for_store (AtlasStore       *store,
                                                AtlasFeatureKind  kind,
                                                guint             position);
/* The record behind a feature; subclasses cast it to their record type. */
const AtlasRecord *atlas_feature_get_record    (AtlasFeature     *self);

G_END_DECLS
