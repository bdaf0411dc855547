/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-feature.h"

G_BEGIN_DECLS

/* AtlasPlace: a named Point (a town, a camp) with names in several
 * languages and a rank for labelling. */
#define ATLAS_TYPE_PLACE (atlas_place_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlace, atlas_place, ATLAS, PLACE, AtlasFeature)

/* All names, in the file's order. */
const AtlasPlaceName *atlas_place_get_names (AtlasPlace *self,
                                             guint      *n_names);
/* (nullable) The name for exactly this language tag ("sr-Latn"). */
const char           *atlas_place_get_name  (AtlasPlace *self,
                                             const char *lang);
/* 1 is most important; 0 when not given. */
int                   atlas_place_get_rank  (AtlasPlace *self);

G_END_DECLS
