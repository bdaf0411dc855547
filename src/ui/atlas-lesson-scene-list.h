/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-lesson.h"

G_BEGIN_DECLS

/*
 * AtlasLessonSceneList: the scenes of a lesson in their order, a row each
 * (title and dates), one of them selected. Scenes are inserted after the
 * selected one, moved, and deleted with a way back: the list makes the
 * toast that undoes a deletion, its owner shows it.
 *
 * "selected" is notified each time the selection changes, a scene moving
 * or going included.
 */

#define ATLAS_TYPE_LESSON_SCENE_LIST (atlas_lesson_scene_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLessonSceneList, atlas_lesson_scene_list, ATLAS, LESSON_SCENE_LIST, GtkWidget)

GtkWidget        *atlas_lesson_scene_list_new             (void);

/* Shows @lesson, nothing selected. */
void              atlas_lesson_scene_list_set_lesson      (AtlasLessonSceneList *self,
                                                           AtlasLesson          *lesson);
/* (nullable) (transfer none) */
AtlasLessonScene *atlas_lesson_scene_list_get_selected    (AtlasLessonSceneList *self);
/* Whether a scene of the lesson is selected, and which. */
gboolean          atlas_lesson_scene_list_get_selected_index (AtlasLessonSceneList *self,
                                                              guint                *index);
void              atlas_lesson_scene_list_select          (AtlasLessonSceneList *self,
                                                           guint                 index);

/* Inserts @scene after the selected one (at the end when none is) and
 * selects it. */
void              atlas_lesson_scene_list_insert          (AtlasLessonSceneList *self,
                                                           AtlasLessonScene     *scene);
/* Moves the selected scene one place up (@by -1) or down (@by 1), if it
 * can go there; it stays selected. */
void              atlas_lesson_scene_list_move_selected   (AtlasLessonSceneList *self,
                                                           int                   by);
/* Deletes the selected scene and selects its neighbour.
 * Returns: (transfer full) (nullable): a toast whose button puts the scene
 *   back, or NULL when nothing was selected */
AdwToast         *atlas_lesson_scene_list_delete_selected (AtlasLessonSceneList *self);

G_END_DECLS
