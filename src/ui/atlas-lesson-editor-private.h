/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-lesson-editor.h"
#include "atlas-lesson-scene-editor.h"
#include "atlas-lesson-scene-list.h"
#include "atlas-painter.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

/*
 * Internal to the lesson editor, which is written in two parts:
 * atlas-lesson-editor.c has the window, the scenes and the recovery copy;
 * atlas-lesson-editor-files.c opens and saves lessons, asks before
 * unsaved changes are lost and exports the handout.
 */

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  THEN_NOTHING,
  THEN_CLOSE,
  THEN_NEW,
  THEN_OPEN_FILE,
  THEN_CHOOSE_FILE,
  THEN_OPEN_BUNDLED,
} Then;

struct _AtlasLessonEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkInfoBar        *recovery_bar;
  GtkLabel          *recovery_label;
  AdwToastOverlay   *toasts;
  GtkEntry          *lesson_title_entry;
  AtlasLessonSceneList *scene_list;
  GtkStack          *detail_stack;
  AtlasLessonSceneEditor *scene_editor;

  AtlasLesson       *lesson;
  GFile             *file;
  gboolean           modified;
  guint              n_changes;       /* counts "changed" */
  guint              n_changes_saved; /* n_changes when the last save began */
  gboolean           updating;        /* filling in the title */

  AtlasBasemap      *basemap;
  AtlasDataset      *dataset;
  AtlasPainter      *painter;
  AtlasZoneSet      *zone_set;

  Then               then;
  GFile             *then_file;
  GCancellable      *cancellable;
  GCancellable      *recovery_cancellable;
  GFile             *recovery;        /* this editor's copy */
  guint              autosave_id;
  GFile             *recovered_copy;  /* one left by an earlier session */
  AtlasLesson       *recovered;
  GFile             *recovered_file;
};

/* atlas-lesson-editor.c */
void atlas_lesson_editor_toast                 (AtlasLessonEditor *self,
                                                const char        *message);
/* Shows @error under @heading, unless it says the work was cancelled. */
void atlas_lesson_editor_show_error            (AtlasLessonEditor *self,
                                                const char        *heading,
                                                const GError      *error);
/* Loads @lesson into the window. */
void atlas_lesson_editor_load_lesson           (AtlasLessonEditor *self,
                                                AtlasLesson       *lesson,
                                                GFile             *file,
                                                gboolean           modified);
void atlas_lesson_editor_set_file              (AtlasLessonEditor *self,
                                                GFile             *file);
void atlas_lesson_editor_set_modified          (AtlasLessonEditor *self,
                                                gboolean           modified);
/* Deletes this editor's recovery copy, and stops one being written. */
void atlas_lesson_editor_delete_recovery       (AtlasLessonEditor *self);

/* atlas-lesson-editor-files.c */
/* Runs @then now, or once the unsaved changes are saved or discarded. */
void atlas_lesson_editor_confirm               (AtlasLessonEditor *self,
                                                Then               then,
                                                GFile             *file);
/* lesson.new, lesson.open, lesson.open-bundled, lesson.save, lesson.save-as */
void atlas_lesson_editor_file_action           (GtkWidget         *widget,
                                                const char        *action_name,
                                                GVariant          *parameter);
/* lesson.export-handout */
void atlas_lesson_editor_export_handout_action (GtkWidget         *widget,
                                                const char        *action_name,
                                                GVariant          *parameter);

G_END_DECLS
