/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-lesson.h"

G_BEGIN_DECLS

/*
 * AtlasPresenter: a lesson on a projector. A window of its own, shown
 * fullscreen with no chrome: the map (its own ShumateSimpleMap, always in
 * the light theme), a large caption card with the scene's title, caption
 * and sources, a big date stamp, the legend and a scene counter.
 *
 * The keys a presentation clicker sends move between scenes: Right,
 * Page Down, Space and Down go forward; Left, Page Up, Backspace and Up go
 * back; Home and End go to the first and last scene; Escape leaves. On each
 * scene the map flies to the scene's view and the date runs to the scene's
 * date; a scene with a range then plays through it.
 *
 * The actions behind the keys are "presenter.next", "presenter.previous",
 * "presenter.first", "presenter.last" and "presenter.leave".
 */

#define ATLAS_TYPE_PRESENTER (atlas_presenter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPresenter, atlas_presenter, ATLAS, PRESENTER, AdwWindow)

/* Takes its own reference on @lesson: edits show on the next scene. */
AtlasPresenter   *atlas_presenter_new             (AtlasBasemap   *basemap,
                                                   AtlasDataset   *dataset,
                                                   AtlasLesson    *lesson);
/* Presents the window fullscreen and shows scene @index at once. */
void              atlas_presenter_start           (AtlasPresenter *self,
                                                   guint           index);

AtlasLesson      *atlas_presenter_get_lesson      (AtlasPresenter *self);
guint             atlas_presenter_get_scene_index (AtlasPresenter *self);
/* Goes to scene @index (flying and running the date, once shown). */
void              atlas_presenter_set_scene_index (AtlasPresenter *self,
                                                   guint           index);
/* The day the presenter shows now (it changes while the date runs). */
gint32            atlas_presenter_get_day         (AtlasPresenter *self);
/* Whether the map is flying or the date running. */
gboolean          atlas_presenter_is_animating    (AtlasPresenter *self);
ShumateSimpleMap *atlas_presenter_get_map         (AtlasPresenter *self);
/* The part of the map not covered by the date stamp, the caption card or
 * the legend, in the map's coordinates: where scenes are framed. */
void              atlas_presenter_get_frame       (AtlasPresenter *self,
                                                   double          frame[4]);

G_END_DECLS
