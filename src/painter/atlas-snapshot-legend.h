/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "atlas-painter.h"
#include "atlas-snapshot-overlay.h"

G_BEGIN_DECLS

/*
 * The legend of a snapshot and the list of its data sources. A snapshot
 * builds a fresh AtlasLegend for every drawing: first the base map's
 * entries, then each overlay's AtlasOverlayLegendFunc adds entries for
 * what it shows in the view. Entries with a label already present are
 * ignored, so overlays need not coordinate. Sources are printed with the
 * attribution even when the legend itself is hidden; add publishers or
 * dataset titles, not every document.
 */

/* Draws a legend symbol into the box (x, y, width, height), logical pixels,
 * in the style of @painter (the picture's). Called while the legend is
 * drawn, in the thread that draws it. */
typedef void (*AtlasLegendSymbolFunc) (cairo_t       *cr,
                                       AtlasPainter  *painter,
                                       double         x,
                                       double         y,
                                       double         width,
                                       double         height,
                                       gpointer       user_data);

AtlasLegend *atlas_legend_new              (void);
void         atlas_legend_free             (AtlasLegend           *legend);

void         atlas_legend_add_heading      (AtlasLegend           *legend,
                                            const char            *text);
void         atlas_legend_add_fill         (AtlasLegend           *legend,
                                            const char            *label,
                                            const AtlasRgba       *fill,
                                            const AtlasRgba       *outline);
void         atlas_legend_add_line         (AtlasLegend           *legend,
                                            const char            *label,
                                            const AtlasRgba       *color,
                                            double                 width,
                                            gboolean               dashed);
void         atlas_legend_add_point        (AtlasLegend           *legend,
                                            const char            *label,
                                            const AtlasRgba       *color,
                                            double                 radius);
void         atlas_legend_add_symbol       (AtlasLegend           *legend,
                                            const char            *label,
                                            AtlasLegendSymbolFunc  draw,
                                            gpointer               user_data,
                                            GDestroyNotify         destroy);
void         atlas_legend_add_source       (AtlasLegend           *legend,
                                            const char            *source);

guint        atlas_legend_get_n_entries    (AtlasLegend           *legend);
const char  *atlas_legend_get_label        (AtlasLegend           *legend,
                                            guint                  index);
guint        atlas_legend_get_n_sources    (AtlasLegend           *legend);
const char  *atlas_legend_get_source       (AtlasLegend           *legend,
                                            guint                  index);

/* Layout and drawing, used by AtlasSnapshot. At most @max_height tall:
 * entries that do not fit are summed up in a last line. */
void         atlas_legend_measure          (AtlasLegend           *legend,
                                            cairo_t               *cr,
                                            double                 max_height,
                                            double                *width,
                                            double                *height);
void         atlas_legend_draw             (AtlasLegend           *legend,
                                            cairo_t               *cr,
                                            AtlasPainter          *painter,
                                            double                 x,
                                            double                 y,
                                            double                 max_height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLegend, atlas_legend_free)

G_END_DECLS
