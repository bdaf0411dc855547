/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "atlas-fuzz-lesson"

#include "config.h"

#include "atlas-lesson.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson-writer.h"
#include "fuzz-target.h"

/*
 * Bytes as a lesson file: atlas_lesson_read(), what opening a lesson (or
 * `kosovo-atlas --export-lesson`) goes through. Oracles besides the
 * sanitizers: a lesson or an error whose message starts with the file's
 * name, never both; and the writer's promise that the text is canonical: a
 * lesson written, read back and written again gives the same bytes, with
 * the same title and number of scenes.
 */

#define NAME "fuzz.lesson.json"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autoptr(AtlasLesson) again = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) text_again = NULL;
  g_autoptr(GError) error = NULL;

  lesson = atlas_lesson_read ((const char *) data, size, NAME, &error);

  if (lesson == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATLAS_LESSON_ERROR || error->domain == G_IO_ERROR);
      g_assert_true (g_str_has_prefix (error->message, NAME));
      return 0;
    }
  g_assert_null (error);

  text = atlas_lesson_to_bytes (lesson);
  g_assert_nonnull (text);

  again = atlas_lesson_read (g_bytes_get_data (text, NULL), g_bytes_get_size (text), NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_assert_cmpstr (atlas_lesson_get_title (again), ==, atlas_lesson_get_title (lesson));
  g_assert_cmpuint (atlas_lesson_get_n_scenes (again), ==, atlas_lesson_get_n_scenes (lesson));
  text_again = atlas_lesson_to_bytes (again);
  g_assert_cmpmem (g_bytes_get_data (text_again, NULL), g_bytes_get_size (text_again),
                   g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  return 0;
}
