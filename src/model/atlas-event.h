/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-feature.h"

G_BEGIN_DECLS

/* AtlasEvent: something that happened, at a Point or without a location.
 * Everything it has is in AtlasFeature. */
#define ATLAS_TYPE_EVENT (atlas_event_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEvent, atlas_event, ATLAS, EVENT, AtlasFeature)

G_END_DECLS
