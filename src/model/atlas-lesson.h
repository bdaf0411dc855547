/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-lesson-scene.h"
#include "atlas-model-types.h"

G_BEGIN_DECLS

/*
 * AtlasLesson: a title, a short description and an ordered list of scenes
 * (docs/data-format.md, "Lessons"). It is the GListModel of its scenes
 * (AtlasLessonScene), so lists bind to it directly, and it emits "changed"
 * after any change to itself or to one of its scenes, which is what an
 * editor needs to know that there is something to save.
 *
 * Reading and writing files: atlas-lesson-reader.h, atlas-lesson-writer.h.
 */

#define ATLAS_LESSON_ERROR (atlas_lesson_error_quark ())

/**
 * AtlasLessonError:
 * @ATLAS_LESSON_ERROR_TOO_LARGE: the file is larger than
 *   %ATLAS_LESSON_MAX_FILE_SIZE
 * @ATLAS_LESSON_ERROR_ENCODING: not UTF-8
 * @ATLAS_LESSON_ERROR_SYNTAX: not JSON, or nested too deeply
 * @ATLAS_LESSON_ERROR_INVALID: JSON, but not a valid lesson; the message
 *   names the file and the place ("scenes[2].view.zoom")
 * @ATLAS_LESSON_ERROR_VERSION: written by a newer version of the format
 *
 * Problems reading a file come as G_IO_ERROR; all messages start with
 * the name of the file.
 */
typedef enum
{
  ATLAS_LESSON_ERROR_TOO_LARGE,
  ATLAS_LESSON_ERROR_ENCODING,
  ATLAS_LESSON_ERROR_SYNTAX,
  ATLAS_LESSON_ERROR_INVALID,
  ATLAS_LESSON_ERROR_VERSION,
} AtlasLessonError;

/* Limits of the format (docs/data-format.md). */
#define ATLAS_LESSON_MAX_FILE_SIZE       ((gsize) 4 << 20)
#define ATLAS_LESSON_MAX_DEPTH           16
#define ATLAS_LESSON_MAX_SCENES          500
#define ATLAS_LESSON_MAX_TITLE_LENGTH    200
#define ATLAS_LESSON_MAX_TEXT_LENGTH     4000
#define ATLAS_LESSON_MAX_IDS             200
#define ATLAS_LESSON_FORMAT_VERSION      1

#define ATLAS_TYPE_LESSON (atlas_lesson_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLesson, atlas_lesson, ATLAS, LESSON, GObject)

GQuark            atlas_lesson_error_quark     (void);

AtlasLesson      *atlas_lesson_new             (void);
/* An independent lesson with copies of the scenes. */
AtlasLesson      *atlas_lesson_copy            (AtlasLesson      *self);

const char       *atlas_lesson_get_title       (AtlasLesson      *self);
void              atlas_lesson_set_title       (AtlasLesson      *self,
                                                const char       *title);
const char       *atlas_lesson_get_description (AtlasLesson      *self);
void              atlas_lesson_set_description (AtlasLesson      *self,
                                                const char       *description);
/* The title and description to show: the bundled lesson's in the user's
 * language (see atlas-content-text.h), any other as written. */
const char       *atlas_lesson_get_display_title       (AtlasLesson *self);
const char       *atlas_lesson_get_display_description (AtlasLesson *self);

guint             atlas_lesson_get_n_scenes    (AtlasLesson      *self);
/* (transfer none) */
AtlasLessonScene *atlas_lesson_get_scene       (AtlasLesson      *self,
                                                guint             position);
gboolean          atlas_lesson_find_scene      (AtlasLesson      *self,
                                                AtlasLessonScene *scene,
                                                guint            *position);
/* @position may be the number of scenes (append). */
void              atlas_lesson_insert_scene    (AtlasLesson      *self,
                                                guint             position,
                                                AtlasLessonScene *scene);
void              atlas_lesson_append_scene    (AtlasLesson      *self,
                                                AtlasLessonScene *scene);
void              atlas_lesson_remove_scene    (AtlasLesson      *self,
                                                guint             position);
/* Moves the scene at @from so that it ends up at @to. */
void              atlas_lesson_move_scene      (AtlasLesson      *self,
                                                guint             from,
                                                guint             to);

/* (transfer full) The references to features that @dataset lacks, one
 * message each ("scenes[3] (“Title”): highlight: no feature has the id
 * “x”"); an empty array when every id is known. */
GPtrArray        *atlas_lesson_check_ids       (AtlasLesson      *self,
                                                AtlasDataset     *dataset);

G_END_DECLS
