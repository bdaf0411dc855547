/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-dataset.h"
#include "atlas-lesson-scene.h"

G_BEGIN_DECLS

/*
 * AtlasLessonSceneEditor: the details of one scene of a lesson, edited in
 * place: title, date and the date it plays through to, caption, features
 * to highlight (ids the dataset lacks are pointed out), layers; its view
 * and sources are shown. The "Use the map as it is now" button activates
 * "lesson.update-view", which the lesson editor provides.
 */

#define ATLAS_TYPE_LESSON_SCENE_EDITOR (atlas_lesson_scene_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLessonSceneEditor, atlas_lesson_scene_editor, ATLAS, LESSON_SCENE_EDITOR, AdwBin)

GtkWidget        *atlas_lesson_scene_editor_new         (void);
AtlasLessonScene *atlas_lesson_scene_editor_get_scene   (AtlasLessonSceneEditor *self);
void              atlas_lesson_scene_editor_set_scene   (AtlasLessonSceneEditor *self,
                                                         AtlasLessonScene       *scene);
void              atlas_lesson_scene_editor_set_dataset (AtlasLessonSceneEditor *self,
                                                         AtlasDataset           *dataset);

G_END_DECLS
