/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-painter.h"
#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-overlay.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * AtlasSnapshot:
 * One finished picture of the map: a view with everything a reader needs
 * to understand it. Drawing it paints the base map, the overlays added by
 * the thematic layers, the labels, and then the "furniture": title, as-of
 * date stamp, legend, scale bar, north arrow and the attribution with the
 * data sources, which is always present.
 *
 * It needs no display. The export preview, PNG, SVG and PDF files and the
 * clipboard all draw through atlas_snapshot_draw(), so what the preview
 * shows is what is written.
 *
 * A snapshot is changed from one thread only. To draw it in another thread,
 * draw a copy (atlas_snapshot_copy()): copies share the overlays, which are
 * immutable, and nothing else. The export functions copy for you.
 */

#define ATLAS_SNAPSHOT_ERROR (atlas_snapshot_error_quark ())

/**
 * AtlasSnapshotError:
 * @ATLAS_SNAPSHOT_ERROR_DRAWING: cairo failed while drawing (out of memory,
 *   a surface too large, a failing output stream)
 */
typedef enum
{
  ATLAS_SNAPSHOT_ERROR_DRAWING,
} AtlasSnapshotError;

/* What a snapshot draws besides the map and the attribution. */
typedef enum /*< flags >*/
{
  ATLAS_SNAPSHOT_SHOW_TITLE       = 1 << 0,
  ATLAS_SNAPSHOT_SHOW_DATE        = 1 << 1,
  ATLAS_SNAPSHOT_SHOW_LEGEND      = 1 << 2,
  ATLAS_SNAPSHOT_SHOW_SCALE_BAR   = 1 << 3,
  ATLAS_SNAPSHOT_SHOW_NORTH_ARROW = 1 << 4,
} AtlasSnapshotFlags;

#define ATLAS_SNAPSHOT_SHOW_ALL (ATLAS_SNAPSHOT_SHOW_TITLE | ATLAS_SNAPSHOT_SHOW_DATE | \
                                 ATLAS_SNAPSHOT_SHOW_LEGEND | ATLAS_SNAPSHOT_SHOW_SCALE_BAR | \
                                 ATLAS_SNAPSHOT_SHOW_NORTH_ARROW)

/* How far the drawing has got, from 0 to 1; called in the drawing thread. */
typedef void (*AtlasSnapshotProgressFunc) (double   fraction,
                                           gpointer user_data);

#define ATLAS_TYPE_SNAPSHOT_FLAGS (atlas_snapshot_flags_get_type ())
#define ATLAS_TYPE_SNAPSHOT (atlas_snapshot_get_type ())

GType atlas_snapshot_flags_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (AtlasSnapshot, atlas_snapshot, ATLAS, SNAPSHOT, GObject)

GQuark              atlas_snapshot_error_quark      (void);

AtlasSnapshot      *atlas_snapshot_new              (AtlasPainter              *painter,
                                                     const AtlasView           *view);
AtlasSnapshot      *atlas_snapshot_copy             (AtlasSnapshot             *self);

AtlasPainter       *atlas_snapshot_get_painter      (AtlasSnapshot             *self);
void                atlas_snapshot_set_painter      (AtlasSnapshot             *self,
                                                     AtlasPainter              *painter);
const AtlasView    *atlas_snapshot_get_view         (AtlasSnapshot             *self);
void                atlas_snapshot_set_view         (AtlasSnapshot             *self,
                                                     const AtlasView           *view);
AtlasSnapshotFlags  atlas_snapshot_get_flags        (AtlasSnapshot             *self);
void                atlas_snapshot_set_flags        (AtlasSnapshot             *self,
                                                     AtlasSnapshotFlags         flags);
const char         *atlas_snapshot_get_title        (AtlasSnapshot             *self);
void                atlas_snapshot_set_title        (AtlasSnapshot             *self,
                                                     const char                *title);
char               *atlas_snapshot_dup_display_title (AtlasSnapshot            *self);
gint32              atlas_snapshot_get_day          (AtlasSnapshot             *self);
void                atlas_snapshot_set_day          (AtlasSnapshot             *self,
                                                     gint32                     day);
char               *atlas_snapshot_dup_date_stamp   (AtlasSnapshot             *self);
AtlasNames          atlas_snapshot_get_names        (AtlasSnapshot             *self);
void                atlas_snapshot_set_names        (AtlasSnapshot             *self,
                                                     AtlasNames                 names);
AtlasUnits          atlas_snapshot_get_units        (AtlasSnapshot             *self);
void                atlas_snapshot_set_units        (AtlasSnapshot             *self,
                                                     AtlasUnits                 units);

void                atlas_snapshot_add_source       (AtlasSnapshot             *self,
                                                     const char                *source);
void                atlas_snapshot_add_overlay      (AtlasSnapshot             *self,
                                                     AtlasOverlay              *overlay);
gboolean            atlas_snapshot_remove_overlay   (AtlasSnapshot             *self,
                                                     AtlasOverlay              *overlay);
guint               atlas_snapshot_get_n_overlays   (AtlasSnapshot             *self);

AtlasLegend        *atlas_snapshot_collect_legend   (AtlasSnapshot             *self,
                                                     AtlasSnapshotTarget        target);
gboolean            atlas_snapshot_draw             (AtlasSnapshot             *self,
                                                     cairo_t                   *cr,
                                                     AtlasSnapshotTarget        target,
                                                     GCancellable              *cancellable,
                                                     AtlasSnapshotProgressFunc  progress,
                                                     gpointer                   progress_data,
                                                     GError                   **error);

G_END_DECLS
