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
 * @units. Returns how many it drew. */
guint   atlas_painter_draw_zone_labels        (AtlasPainter       *self,
                                               cairo_t            *cr,
                                               const AtlasView    *view,
                                               AtlasComputedZone * const *zones,
                                               guint               n_zones,
                                               AtlasUnits          units,
                                               AtlasLabelSet      *labels);
/* (transfer full) A zone's label: its title, and a band's width in @units. */
char   *atlas_painter_dup_zone_label          (AtlasComputedZone  *zone,
                                               AtlasUnits          units);

/*
 * AtlasZoneCache: what the zone layer draws for one frame, kept as an
 * image and drawn again only when something it shows changes. While the
 * user scrubs the timeline with the map still, the zones in force change
 * only at a few change points, and their outlines are most of an overlay
 * frame's cost.
 *
 * The image depends on exactly these, and is redrawn when any differs from
 * the last call: the view (centre, zoom, size), the device scale and the
 * map's rotation, the painter (its theme: a new theme is a new painter),
 * the zones by identity and in order (a new date or width gives a new
 * AtlasComputedZone; a hidden zone is simply not passed), whether the
 * zones are named and, if so, the units of the bands' widths. The cache
 * holds references to the painter and the zones it drew, so an identity
 * cannot be reused by another object while it is kept.
 *
 * One image at a time, covering only the pixels drawn on: at most width ×
 * height × scale² × 4 bytes (8.3 MB for 1920×1080 at scale 1), about an
 * eighth of that for the app's first view. While it is drawn, a frame-sized
 * image is used and freed (memory only for its rows drawn on). Main
 * thread, or one thread at a time.
 */
typedef struct _AtlasZoneCache AtlasZoneCache;

typedef struct
{
  AtlasView  view;       /* logical pixels */
  int        scale;      /* device pixels per logical pixel, ≥ 1 */
  double     rotation;   /* the map's, radians, about the view's centre */
  gboolean   labels;     /* name the zones, clear of the base map's names */
  AtlasUnits units;      /* of the bands' widths in the names */
} AtlasZoneFrame;

AtlasZoneCache  *atlas_zone_cache_new           (void);
void             atlas_zone_cache_free          (AtlasZoneCache            *cache);
gboolean         atlas_zone_cache_update        (AtlasZoneCache            *cache,
                                                 AtlasPainter              *painter,
                                                 const AtlasZoneFrame      *frame,
                                                 AtlasComputedZone * const *zones,
                                                 guint                      n_zones);
void             atlas_zone_cache_invalidate    (AtlasZoneCache            *cache);
cairo_surface_t *atlas_zone_cache_get_surface   (AtlasZoneCache            *cache,
                                                 int                       *x,
                                                 int                       *y);
guint            atlas_zone_cache_get_n_labels  (AtlasZoneCache            *cache);
guint            atlas_zone_cache_get_n_redraws (AtlasZoneCache            *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasZoneCache, atlas_zone_cache_free)

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
