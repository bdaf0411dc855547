/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-lesson.h"

G_BEGIN_DECLS

/*
 * Recovery copies of lessons being edited, so that unsaved work survives a
 * crash. Each editor writes its own copy (a lesson file) under the user's
 * state directory, with the file the lesson belongs to noted beside it;
 * a copy left behind is offered by the next editor, which deletes it once
 * the user has restored or discarded it.
 */

/* (transfer full) A new copy's name, unique to the editor asking. */
GFile       *atlas_lesson_recovery_new_copy     (void);
/* (transfer full) (nullable) The newest copy other than @except. */
GFile       *atlas_lesson_recovery_find         (GFile                *except);
void         atlas_lesson_recovery_delete       (GFile                *copy);

/* @lesson is written as it is now, in a worker thread. */
void         atlas_lesson_recovery_write_async  (GFile                *copy,
                                                 AtlasLesson          *lesson,
                                                 GFile                *lesson_file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     atlas_lesson_recovery_write_finish (GAsyncResult         *result,
                                                 GError              **error);
void         atlas_lesson_recovery_read_async   (GFile                *copy,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* @lesson_file: (out) (transfer full) (nullable): where the lesson belongs */
AtlasLesson *atlas_lesson_recovery_read_finish  (GAsyncResult         *result,
                                                 GFile               **lesson_file,
                                                 GError              **error);

G_END_DECLS
