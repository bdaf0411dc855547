/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-recovery"

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-lesson-reader.h"
#include "atlas-lesson-recovery.h"
#include "atlas-lesson-writer.h"

static GFile *
get_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), PACKAGE_NAME, "recovery", NULL);

  return g_file_new_for_path (path);
}

/* Beside each copy: the file the lesson belongs to, if any. */
static char *
dup_info_path (GFile *copy)
{
  return g_strconcat (g_file_peek_path (copy), ".ini", NULL);
}

GFile *
atlas_lesson_recovery_new_copy (void)
{
  static gint counter;
  g_autoptr(GFile) dir = get_dir ();
  g_autofree char *name = g_strdup_printf ("lesson-%" G_GINT64_FORMAT "-%d.lesson.json",
                                           g_get_real_time (), g_atomic_int_add (&counter, 1));

  return g_file_get_child (dir, name);
}

GFile *
atlas_lesson_recovery_find (GFile *except)
{
  g_autoptr(GFile) dir = get_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GFile) newest = NULL;
  guint64 newest_time = 0;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      guint64 time = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      g_autoptr(GFile) child = g_file_get_child (dir, name);

      if (g_str_has_suffix (name, ".lesson.json") && (except == NULL || !g_file_equal (child, except)) &&
          (newest == NULL || time > newest_time))
        {
          g_set_object (&newest, child);
          newest_time = time;
        }
      g_object_unref (info);
    }

  return g_steal_pointer (&newest);
}

void
atlas_lesson_recovery_delete (GFile *copy)
{
  g_autofree char *info = NULL;

  g_return_if_fail (G_IS_FILE (copy));

  info = dup_info_path (copy);
  g_unlink (g_file_peek_path (copy));
  g_unlink (info);
}

/* Writing ------------------------------------------------------------------ */

typedef struct
{
  GFile  *copy;
  GBytes *bytes;
  char   *lesson_uri;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->copy);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->lesson_uri);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GFile) dir = g_file_get_parent (job->copy);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = dup_info_path (job->copy);
  g_autofree char *info_text = NULL;
  GError *error = NULL;
  gsize info_length;

  g_mkdir_with_parents (g_file_peek_path (dir), 0700);

  if (job->lesson_uri != NULL)
    g_key_file_set_string (info, "lesson", "file", job->lesson_uri);
  info_text = g_key_file_to_data (info, &info_length, NULL);

  if (!g_file_set_contents (info_path, info_text, info_length, &error) ||
      !atlas_lesson_replace_file (job->copy, g_bytes_get_data (job->bytes, NULL), g_bytes_get_size (job->bytes),
                                  cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
atlas_lesson_recovery_write_async (GFile               *copy,
                                   AtlasLesson         *lesson,
                                   GFile               *lesson_file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (G_IS_FILE (copy));
  g_return_if_fail (ATLAS_IS_LESSON (lesson));
  g_return_if_fail (lesson_file == NULL || G_IS_FILE (lesson_file));

  job = g_new0 (WriteJob, 1);
  job->copy = g_object_ref (copy);
  job->bytes = atlas_lesson_to_bytes (lesson);
  job->lesson_uri = lesson_file != NULL ? g_file_get_uri (lesson_file) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_lesson_recovery_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
atlas_lesson_recovery_write_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_lesson_recovery_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reading ------------------------------------------------------------------ */

typedef struct
{
  AtlasLesson *lesson;
  GFile       *lesson_file;
} ReadResult;

static void
read_result_free (ReadResult *read)
{
  g_clear_object (&read->lesson);
  g_clear_object (&read->lesson_file);
  g_free (read);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *copy = task_data;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = dup_info_path (copy);
  g_autofree char *uri = NULL;
  ReadResult *read = g_new0 (ReadResult, 1);
  GError *error = NULL;

  if ((read->lesson = atlas_lesson_load (copy, cancellable, &error)) == NULL)
    {
      read_result_free (read);
      g_task_return_error (task, error);
      return;
    }

  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) &&
      (uri = g_key_file_get_string (info, "lesson", "file", NULL)) != NULL)
    read->lesson_file = g_file_new_for_uri (uri);

  g_task_return_pointer (task, read, (GDestroyNotify) read_result_free);
}

void
atlas_lesson_recovery_read_async (GFile               *copy,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (copy));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_lesson_recovery_read_async);
  g_task_set_task_data (task, g_object_ref (copy), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

AtlasLesson *
atlas_lesson_recovery_read_finish (GAsyncResult  *result,
                                   GFile        **lesson_file,
                                   GError       **error)
{
  ReadResult *read;
  AtlasLesson *lesson;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_lesson_recovery_read_async, NULL);

  if ((read = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return NULL;

  lesson = g_steal_pointer (&read->lesson);
  if (lesson_file != NULL)
    *lesson_file = g_steal_pointer (&read->lesson_file);
  read_result_free (read);
  return lesson;
}
