/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "atlas-dataset.h"
#include "atlas-lesson-scene.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

/*
 * AtlasScenePlayer: takes a map to a lesson scene, as presenter mode shows
 * it. The map flies to the scene's view (zones to fit are computed first,
 * off the UI thread) while the date runs to the scene's date; a scene with
 * a range then waits on its first day and plays through it.
 *
 * The view is framed in the part of the map its owner leaves free, which
 * @frame_func gives each time a scene is framed. The date is "day"; it
 * runs while atlas_scene_player_is_running(), and ::settled says when it
 * comes to rest. "animating" is TRUE while the map flies or the date runs.
 */

/* Fills @frame (x, y, width, height, in the map's coordinates). */
typedef void (*AtlasScenePlayerFrameFunc) (gpointer user_data,
                                           double   frame[4]);

#define ATLAS_TYPE_SCENE_PLAYER (atlas_scene_player_get_type ())

G_DECLARE_FINAL_TYPE (AtlasScenePlayer, atlas_scene_player, ATLAS, SCENE_PLAYER, GObject)

/* @frame_data is not referenced: call atlas_scene_player_stop() before it
 * goes. */
AtlasScenePlayer *atlas_scene_player_new           (ShumateSimpleMap          *map,
                                                    AtlasDataset              *dataset,
                                                    AtlasZoneSet              *zone_set,
                                                    AtlasScenePlayerFrameFunc  frame_func,
                                                    gpointer                   frame_data);

/* Goes to @scene (nullable): flies there and runs the date when @animate,
 * jumps there otherwise. */
void              atlas_scene_player_play          (AtlasScenePlayer          *self,
                                                    AtlasLessonScene          *scene,
                                                    gboolean                   animate);
/* The scene shown changed without a new start (its lesson was edited):
 * what is under way goes on, with @scene's dates and view. */
void              atlas_scene_player_set_scene     (AtlasScenePlayer          *self,
                                                    AtlasLessonScene          *scene);
/* Frames the scene again at once, when the frame or the map's size has
 * changed. */
void              atlas_scene_player_reframe       (AtlasScenePlayer          *self);
/* Stops for good: no more ticks, computations or frame requests. */
void              atlas_scene_player_stop          (AtlasScenePlayer          *self);

gint32            atlas_scene_player_get_day       (AtlasScenePlayer          *self);
gboolean          atlas_scene_player_is_running    (AtlasScenePlayer          *self);
gboolean          atlas_scene_player_is_animating  (AtlasScenePlayer          *self);

G_END_DECLS
