/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "atlas-computed-zone.h"
#include "atlas-painter.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * Zones for a view: areas and lines computed by the geo module
 * (AtlasComputedZone), each in a colour of its own from a palette
 * distinguishable with the common colour-vision deficiencies (after Okabe
 * and Ito), tuned for the light and the dark theme.
 *
 *  - zones in force: tinted, with a solid outline;
 *  - proposed zones: hatched, with a dashed outline;
 *  - lines (a boundary rule, the green line): a thick stroke on a halo,
 *    solid in force, dashed when proposed.
 *
 * Like the rest of the painter these need no display and may run in any
 * thread.
 */

/* Colours of the zone palette before it repeats. */
#define ATLAS_ZONE_N_COLORS 7

typedef struct
{
  AtlasRgba stroke;   /* outlines, lines, hatching */
  AtlasRgba fill;     /* tint of areas in force (translucent) */
  AtlasRgba text;     /* labels, on the painter's halo */
} AtlasZoneColors;

void    atlas_painter_get_zone_colors         (AtlasPainter       *self,
                                               guint               color_index,
                                               AtlasZoneColors    *colors);

/* Draws the zones: areas largest first so that smaller ones stay visible
 * on top, then lines. */
void    atlas_painter_draw_zones              (AtlasPainter       *self,
                                               cairo_t            *cr,
                                               const AtlasView    *view,
                                               AtlasComputedZone * const *zones,
                                               guint               n_zones);
/* Names each zone at the first of its label places that is in the view
 * and free in @labels (which it then takes), with bands' widths in
 * @units (kilometres without _full). Returns how many it drew. */
guint   atlas_painter_draw_zone_labels        (AtlasPainter       *self,
                                               cairo_t            *cr,
                                               const AtlasView    *view,
                                               AtlasComputedZone * const *zones,
                                               guint               n_zones,
                                               AtlasLabelSet      *labels);
guint   atlas_painter_draw_zone_labels_full   (AtlasPainter       *self,
                                               cairo_t            *cr,
                                               const AtlasView    *view,
                                               AtlasComputedZone * const *zones,
                                               guint               n_zones,
                                               AtlasUnits          units,
                                               AtlasLabelSet      *labels);
/* (transfer full) A zone's label: its title, and a band's width in @units. */
char   *atlas_painter_dup_zone_label          (AtlasComputedZone  *zone,
                                               AtlasUnits          units);

/* A zone's symbol filling the box (@x, @y, @width, @height), drawn as the
 * map draws the zone. */
void    atlas_painter_draw_zone_swatch        (AtlasPainter       *self,
                                               cairo_t            *cr,
                                               AtlasZoneShape      shape,
                                               gboolean            proposed,
                                               guint               color_index,
                                               double              x,
                                               double              y,
                                               double              width,
                                               double              height);
/* One entry of a legend: a swatch in the zone's style and @name, with its
 * top-left corner at (@x, @y). Returns the entry's size; with @cr NULL only
 * measures. */
void    atlas_painter_draw_zone_legend_entry  (AtlasPainter       *self,
                                               cairo_t            *cr,
                                               const char         *name,
                                               AtlasZoneShape      shape,
                                               gboolean            proposed,
                                               guint               color_index,
                                               double              x,
                                               double              y,
                                               double             *width,
                                               double             *height);

G_END_DECLS
