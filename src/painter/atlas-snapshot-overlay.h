/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-painter.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * The plug-in point of a snapshot (see atlas-snapshot.h): whoever owns a
 * thematic layer (zones, deployments, events…) wraps its drawing in an
 * AtlasOverlay and adds it to the snapshot. The same overlay then appears
 * in the export preview, in PNG, SVG and PDF files and on the clipboard.
 *
 * Exports are drawn in a worker thread, possibly while the live preview
 * draws the same overlay on the main thread: the callbacks must only read
 * immutable data (an AtlasDataset, a computed zone set…) through
 * @user_data and keep any scratch state on the stack.
 */

/* AtlasNames, the language of place names, is in atlas-place-names.h. */

/* What the drawing ends up as. Vector files should aggregate dense point
 * sets (one symbol with a count instead of a thousand) to stay small. */
typedef enum
{
  ATLAS_SNAPSHOT_TARGET_RASTER,
  ATLAS_SNAPSHOT_TARGET_VECTOR,
} AtlasSnapshotTarget;

/* The day of a snapshot that shows no particular date. */
#define ATLAS_SNAPSHOT_NO_DAY G_MININT32

typedef struct _AtlasLegend AtlasLegend;

/*
 * AtlasOverlayContext:
 * @view: the area drawn, in logical pixels (the cairo context is set up so
 *   that (0, 0)–(view->width, view->height) is the picture)
 * @painter: palette, theme and base map of the picture
 * @day: the as-of day (days since 1970-01-01, as in the model), or
 *   %ATLAS_SNAPSHOT_NO_DAY
 * @names: the language of place names
 * @units: units for any distance printed
 * @device_scale: device pixels (or points) per logical pixel
 * @target: raster or vector output
 * @labels: boxes already taken by labels (only while drawing): reserve the
 *   boxes of anything that base-map labels must not cover
 * @cancellable: (nullable): check it in long loops and stop early
 *
 * Everything an overlay needs to know about the picture being drawn.
 */
typedef struct
{
  const AtlasView     *view;
  AtlasPainter        *painter;
  gint32               day;
  AtlasNames           names;
  AtlasUnits           units;
  double               device_scale;
  AtlasSnapshotTarget  target;
  AtlasLabelSet       *labels;
  GCancellable        *cancellable;
} AtlasOverlayContext;

/* Draws onto @cr in the logical pixels of context->view. */
typedef void (*AtlasOverlayDrawFunc)   (cairo_t                   *cr,
                                        const AtlasOverlayContext *context,
                                        gpointer                   user_data);
/* Adds to @legend an entry for each kind of thing visible in the view, and
 * the sources of what is shown (atlas_legend_add_source()). */
typedef void (*AtlasOverlayLegendFunc) (AtlasLegend               *legend,
                                        const AtlasOverlayContext *context,
                                        gpointer                   user_data);

/*
 * A snapshot draws, in this order: the base map; every overlay's @draw;
 * every overlay's @draw_labels (which go first in the label collision, so
 * they should reserve their boxes in context->labels); the base-map labels;
 * the legend, title, date stamp, scale bar, north arrow and attribution.
 * Any of the three callbacks may be NULL.
 *
 * Overlays are drawn by increasing depth, then in the order added.
 */
#define ATLAS_OVERLAY_DEPTH_ZONES        100
#define ATLAS_OVERLAY_DEPTH_DEPLOYMENTS  200
#define ATLAS_OVERLAY_DEPTH_EVENTS       300
#define ATLAS_OVERLAY_DEPTH_HIGHLIGHT    400

typedef struct _AtlasOverlay AtlasOverlay;

#define ATLAS_TYPE_OVERLAY (atlas_overlay_get_type ())

GType         atlas_overlay_get_type       (void) G_GNUC_CONST;

AtlasOverlay *atlas_overlay_new            (const char                *name,
                                            int                        depth,
                                            AtlasOverlayDrawFunc       draw,
                                            AtlasOverlayDrawFunc       draw_labels,
                                            AtlasOverlayLegendFunc     legend,
                                            gpointer                   user_data,
                                            GDestroyNotify             destroy);
AtlasOverlay *atlas_overlay_ref            (AtlasOverlay              *overlay);
void          atlas_overlay_unref          (AtlasOverlay              *overlay);
const char   *atlas_overlay_get_name       (AtlasOverlay              *overlay);
int           atlas_overlay_get_depth      (AtlasOverlay              *overlay);

void          atlas_overlay_draw           (AtlasOverlay              *overlay,
                                            cairo_t                   *cr,
                                            const AtlasOverlayContext *context);
void          atlas_overlay_draw_labels    (AtlasOverlay              *overlay,
                                            cairo_t                   *cr,
                                            const AtlasOverlayContext *context);
void          atlas_overlay_collect_legend (AtlasOverlay              *overlay,
                                            AtlasLegend               *legend,
                                            const AtlasOverlayContext *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasOverlay, atlas_overlay_unref)

G_END_DECLS
