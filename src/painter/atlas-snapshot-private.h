/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-painter.h"

G_BEGIN_DECLS

/* Shared by the parts of a snapshot's furniture (title, legend, credits). */

PangoLayout *atlas_snapshot_create_layout (cairo_t            *cr,
                                           double              size_px,
                                           PangoWeight         weight);
void         atlas_snapshot_fill_panel    (cairo_t            *cr,
                                           const AtlasPalette *palette,
                                           double              x,
                                           double              y,
                                           double              width,
                                           double              height);

static inline void
atlas_snapshot_set_source (cairo_t         *cr,
                           const AtlasRgba *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

G_END_DECLS
