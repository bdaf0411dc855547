/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-lesson.h"

G_BEGIN_DECLS

/*
 * Reading lesson files (docs/data-format.md, "Lessons"). A lesson is read
 * whole or not at all: the first problem fails the read with an
 * ATLAS_LESSON_ERROR (or a G_IO_ERROR when the file cannot be read) whose
 * message starts with @name and says where the problem is, either
 * "NAME:LINE:COLUMN: …" for the syntax or "NAME: scenes[2] (“Title”):
 * view.zoom: …" for the content.
 */

/* The lesson that goes with the bundled dataset, among the resources. */
#define ATLAS_LESSON_BUNDLED_RESOURCE "/lessons/kosovo-1999-2010.lesson.json"

AtlasLesson *atlas_lesson_read          (const char           *data,
                                         gsize                 length,
                                         const char           *name,
                                         GError              **error);
/* Blocks: for the command line, tests and worker threads. */
AtlasLesson *atlas_lesson_load          (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
void         atlas_lesson_load_async    (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
AtlasLesson *atlas_lesson_load_finish   (GAsyncResult         *result,
                                         GError              **error);
/* A lesson compiled into the resources; @path is below RESOURCE_PREFIX,
 * e.g. ATLAS_LESSON_BUNDLED_RESOURCE. */
AtlasLesson *atlas_lesson_load_resource (const char           *path,
                                         GError              **error);

G_END_DECLS
