/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-lesson.h"

G_BEGIN_DECLS

/*
 * Writing lesson files (docs/data-format.md, "Lessons"). The text is
 * canonical: members in a fixed order, two-space indentation, coordinates
 * to six decimals and zooms to two, so a lesson read and written again
 * gives the same bytes.
 *
 * Files are replaced safely: the new text goes to a temporary file beside
 * the old one, which is renamed over it once complete; a failure leaves
 * the old file as it was and reports an error that names the file.
 */

GBytes   *atlas_lesson_to_bytes     (AtlasLesson          *lesson);

/* Replaces @file with @length bytes of @data as described above (a new
 * local file too is written beside and renamed into place, and synced to
 * disk). Blocks. The handout is written through it as well. */
gboolean  atlas_lesson_replace_file (GFile                *file,
                                     const void           *data,
                                     gsize                 length,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* Blocks: for the command line, tests and worker threads. */
gboolean  atlas_lesson_save         (AtlasLesson          *lesson,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GError              **error);
/* The text is made at once (changes to @lesson afterwards are not
 * saved); the file is written asynchronously. */
void      atlas_lesson_save_async   (AtlasLesson          *lesson,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  atlas_lesson_save_finish  (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
