/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the model: the GListModel a dataset gives for each kind of
 * feature. Items are created on first access and then kept, so a list
 * view over 100 000 events only creates the rows it shows, and asking
 * twice gives the same object.
 */

#include <gio/gio.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FEATURE_LIST (atlas_feature_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFeatureList, atlas_feature_list, ATLAS, FEATURE_LIST, GObject)

AtlasFeatureList *atlas_feature_list_new (AtlasStore       *store,
                                          AtlasFeatureKind  kind);

G_END_DECLS
