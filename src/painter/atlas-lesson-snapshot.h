/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-computed-zone.h"
#include "atlas-dataset.h"
#include "atlas-lesson-scene.h"
#include "atlas-snapshot.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

/*
 * A lesson scene as a picture: the view it asks for, and the overlays of
 * the snapshot that shows it. The presenter, the handout and the command
 * line all go through here, so a scene looks the same on the projector and
 * on paper.
 *
 * Frames: a picture of width × height logical pixels may have parts
 * covered (a caption card, a legend); @frame (x, y, width, height) is the
 * part left for the map's subject, and the view puts the scene there.
 * A centre-and-zoom scene shows in @frame the area its zoom shows on a
 * 1920×1080 screen (ATLAS_LESSON_REFERENCE_WIDTH/HEIGHT); a fitted scene
 * shows its features with a margin, at most at ATLAS_LESSON_FIT_MAX_ZOOM.
 */

#define ATLAS_LESSON_FIT_MAX_ZOOM 11.0
/* Logical pixels kept free around fitted features. */
#define ATLAS_LESSON_FIT_MARGIN 48.0

/* The features a scene highlights are drawn in this colour. */
#define ATLAS_LESSON_HIGHLIGHT_RGBA ((AtlasRgba) { 0.86, 0.0, 0.52, 1.0 })

/*
 * atlas_lesson_scene_frame_view:
 * @zone_set: (nullable): for zones to fit; without it, or with a zone not
 *   yet computed and @may_compute FALSE, the function fails
 * @may_compute: whether zones may be computed here (blocking)
 * @missing: (nullable): receives the ids of zones still to compute
 *
 * Returns: %TRUE with @view set; %FALSE when a zone to fit is missing
 *   (@view is then the scene framed without it, or Kosovo)
 */
gboolean      atlas_lesson_scene_frame_view      (AtlasLessonScene          *scene,
                                                  AtlasDataset              *dataset,
                                                  AtlasZoneSet              *zone_set,
                                                  gboolean                   may_compute,
                                                  double                     width,
                                                  double                     height,
                                                  const double               frame[4],
                                                  AtlasView                 *view,
                                                  GPtrArray                 *missing);

/* (transfer full) (element-type AtlasComputedZone) The zones in force on
 * @day, computed as history has them. Blocks: never on the UI thread. A
 * zone that cannot be computed is left out, with a message in @problems
 * (nullable). */
GPtrArray    *atlas_lesson_compute_zones         (AtlasZoneSet              *zone_set,
                                                  gint32                     day,
                                                  GPtrArray                 *problems);

/* (transfer full) (element-type AtlasOverlay) What @scene shows on @day:
 * its zones (of @zones, those computed for the day), deployments, events
 * and highlights, as overlays. With @scene NULL: everything, as the
 * window shows it. Cheap: nothing is computed. */
GPtrArray    *atlas_lesson_scene_create_overlays (AtlasLessonScene          *scene,
                                                  AtlasDataset              *dataset,
                                                  gint32                     day,
                                                  AtlasComputedZone * const *zones,
                                                  guint                      n_zones);

/* Adds the overlays above and the dataset's credits to @snapshot and sets
 * its day (the command line's --export does the same with @scene NULL). */
void          atlas_lesson_add_day_overlays      (AtlasSnapshot             *snapshot,
                                                  AtlasLessonScene          *scene,
                                                  AtlasDataset              *dataset,
                                                  gint32                     day,
                                                  AtlasComputedZone * const *zones,
                                                  guint                      n_zones);

/* The highlights alone (for tests and pictures of their own). */
AtlasOverlay *atlas_highlight_overlay_new        (AtlasDataset              *dataset,
                                                  const char * const        *ids,
                                                  AtlasComputedZone * const *zones,
                                                  guint                      n_zones);

G_END_DECLS
