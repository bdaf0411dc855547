/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-lesson.h"

G_BEGIN_DECLS

/*
 * AtlasLessonEditor: a window for making a lesson. The scenes on the left
 * (add, reorder, delete with undo); the selected scene on the right
 * (title, date and range, caption, highlighted features, layers, view).
 * Lessons are opened and saved as files (atomically), a handout is
 * exported, and the lesson is presented from the selected scene.
 *
 * It knows nothing of the main window. "Add" and "Use the map as it is
 * now" emit ::capture-scene, whose handler returns a scene made from what
 * the main window shows (atlas_lesson_scene_new_from_map() does it from a
 * map, a date and the visible layers). Presenting and the handout need the
 * data: atlas_lesson_editor_set_data().
 *
 * Nothing is lost silently: closing the window, opening another lesson or
 * starting a new one with unsaved changes asks first; and every change is
 * copied, after a pause, to a recovery file that a new editor offers to
 * restore (after a crash, say) until the lesson is saved or discarded.
 *
 * Actions: lesson.new, lesson.open, lesson.open-bundled, lesson.save,
 * lesson.save-as, lesson.export-handout, lesson.present, lesson.add-scene,
 * lesson.update-view, lesson.move-up, lesson.move-down,
 * lesson.delete-scene.
 */

#define ATLAS_TYPE_LESSON_EDITOR (atlas_lesson_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLessonEditor, atlas_lesson_editor, ATLAS, LESSON_EDITOR, AdwWindow)

AtlasLessonEditor *atlas_lesson_editor_new               (void);

AtlasLesson       *atlas_lesson_editor_get_lesson        (AtlasLessonEditor *self);
/* (nullable) The file the lesson was opened from or saved to. */
GFile             *atlas_lesson_editor_get_file          (AtlasLessonEditor *self);
gboolean           atlas_lesson_editor_get_modified      (AtlasLessonEditor *self);
void               atlas_lesson_editor_set_data          (AtlasLessonEditor *self,
                                                          AtlasBasemap      *basemap,
                                                          AtlasDataset      *dataset);

/* Both ask first when there are unsaved changes; errors are shown. */
void               atlas_lesson_editor_open              (AtlasLessonEditor *self,
                                                          GFile             *file);
void               atlas_lesson_editor_open_bundled      (AtlasLessonEditor *self);
void               atlas_lesson_editor_save_as           (AtlasLessonEditor *self,
                                                          GFile             *file);

/* Inserts @scene after the selected one and selects it. */
void               atlas_lesson_editor_add_scene         (AtlasLessonEditor *self,
                                                          AtlasLessonScene  *scene);
/* (nullable) (transfer none) */
AtlasLessonScene  *atlas_lesson_editor_get_selected      (AtlasLessonEditor *self);
void               atlas_lesson_editor_select            (AtlasLessonEditor *self,
                                                          guint              index);
/* Presents the lesson from the selected scene; needs the data. */
void               atlas_lesson_editor_present           (AtlasLessonEditor *self);

/* (transfer full) Where this editor keeps its recovery copy (under the
 * user's state directory). */
GFile             *atlas_lesson_editor_get_recovery_file (AtlasLessonEditor *self);

/* A scene of what @map shows on @day: its centre and zoom, @layers and
 * @zones (NULL: every zone in force), titled with the date. */
AtlasLessonScene  *atlas_lesson_scene_new_from_map       (ShumateSimpleMap   *map,
                                                          gint32              day,
                                                          AtlasLessonLayers   layers,
                                                          const char * const *zones);

G_END_DECLS
