/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-painter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TILE_SOURCE (atlas_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTileSource, atlas_tile_source, ATLAS, TILE_SOURCE, ShumateMapSource)

AtlasTileSource *atlas_tile_source_new               (AtlasPainter    *painter,
                                                      int              scale_factor);
AtlasPainter    *atlas_tile_source_get_painter       (AtlasTileSource *self);
int              atlas_tile_source_get_scale_factor  (AtlasTileSource *self);

GdkTexture      *atlas_tile_source_render_texture    (AtlasPainter    *painter,
                                                      guint            x,
                                                      guint            y,
                                                      guint            zoom,
                                                      guint            tile_size,
                                                      int              scale_factor);

G_END_DECLS
