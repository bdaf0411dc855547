/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-dataset.h"
#include "atlas-lesson-scene.h"
#include "atlas-painter.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

/*
 * AtlasSceneCanvas: what a lesson scene shows on a day, drawn over a map:
 * its zones, deployments, events and highlights, and the place names,
 * through the same overlays as the handout (atlas-lesson-snapshot.h), so
 * the projector and the paper agree. It goes above the map in a GtkOverlay
 * and follows the map's viewport.
 *
 * The zones are computed off the UI thread by an AtlasZoneLayer that is
 * never shown: it keeps the zones of the day up to date, and the canvas
 * picks out those the scene shows. ::changed says when the overlays were
 * made again (for a legend of them).
 */

#define ATLAS_TYPE_SCENE_CANVAS (atlas_scene_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSceneCanvas, atlas_scene_canvas, ATLAS, SCENE_CANVAS, GtkDrawingArea)

/* What the canvas draws with and over; once, before it is drawn. */
void       atlas_scene_canvas_set_map         (AtlasSceneCanvas *self,
                                               ShumateViewport  *viewport,
                                               AtlasPainter     *painter,
                                               AtlasDataset     *dataset,
                                               AtlasZoneSet     *zone_set);
/* No name is drawn under @obstacle (a card over the map). The canvas
 * holds no reference to it. */
void       atlas_scene_canvas_add_obstacle    (AtlasSceneCanvas *self,
                                               GtkWidget        *obstacle);
/* Shows @scene (nullable: nothing) on @day (ATLAS_DAY_MIN: nothing). */
void       atlas_scene_canvas_show            (AtlasSceneCanvas *self,
                                               AtlasLessonScene *scene,
                                               gint32            day);
/* (nullable) (transfer none) (element-type AtlasOverlay) What is drawn,
 * in drawing order; NULL when nothing is. */
GPtrArray *atlas_scene_canvas_get_overlays    (AtlasSceneCanvas *self);

G_END_DECLS
