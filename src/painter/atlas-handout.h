/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-dataset.h"
#include "atlas-lesson.h"
#include "atlas-painter.h"
#include "atlas-snapshot.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

/*
 * The handout of a lesson: a PDF with one A4 landscape page per scene. A
 * page has the lesson's title and the scene's number at the top, the
 * scene's title and date, its map (drawn by the painter as vectors, as the
 * scene frames it, with legend, scale bar, north arrow and the data's
 * credits), and beside the map the caption and the scene's sources.
 *
 * Zones are computed while writing, so it blocks: call it from the command
 * line or use the _async variant. The file is written safely: into memory,
 * then replacing the target in one step (an existing file stays as it was
 * on any failure), and errors name the file.
 */

/* A4 landscape, in points. */
#define ATLAS_HANDOUT_PAGE_WIDTH  841.89
#define ATLAS_HANDOUT_PAGE_HEIGHT 595.28

/* Draws page @index (a scene) onto @cr, in points, for tests and
 * previews. */
gboolean atlas_handout_draw_page    (AtlasLesson               *lesson,
                                     guint                      index,
                                     AtlasPainter              *painter,
                                     AtlasDataset              *dataset,
                                     AtlasZoneSet              *zone_set,
                                     cairo_t                   *cr,
                                     GCancellable              *cancellable,
                                     GError                   **error);

gboolean atlas_handout_write        (AtlasLesson               *lesson,
                                     AtlasPainter              *painter,
                                     AtlasDataset              *dataset,
                                     AtlasZoneSet              *zone_set,
                                     GFile                     *file,
                                     GCancellable              *cancellable,
                                     AtlasSnapshotProgressFunc  progress,
                                     gpointer                   progress_data,
                                     GError                   **error);
/* Writes a copy of @lesson (change it freely afterwards) in a worker
 * thread; @progress is called in that thread. */
void     atlas_handout_write_async  (AtlasLesson               *lesson,
                                     AtlasPainter              *painter,
                                     AtlasDataset              *dataset,
                                     AtlasZoneSet              *zone_set,
                                     GFile                     *file,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data);
gboolean atlas_handout_write_finish (GAsyncResult              *result,
                                     GError                   **error);

G_END_DECLS
