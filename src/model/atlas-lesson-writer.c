/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-lesson-writer.h"
#include "atlas-replace-file.h"

/* Text ------------------------------------------------------------------- */

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* Fixed decimals without trailing zeros: "42.6", "8", "-0.5". */
static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *end;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  g_string_append (out, g_str_equal (buffer, "-0") ? "0" : buffer);
}

static void
append_string_list (GString            *out,
                    const char * const *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_string (out, list[i]);
    }
  g_string_append_c (out, ']');
}

/* Starts the member @name of an object at @indent: ",\n    "name": ". */
static void
begin_member (GString    *out,
              gboolean   *first,
              int         indent,
              const char *name)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  g_string_append_printf (out, "%*s", indent, "");
  append_string (out, name);
  g_string_append (out, ": ");
}

static void
append_date (GString         *out,
             const AtlasDate *date)
{
  g_autofree char *text = atlas_date_to_string (date);

  append_string (out, text);
}

static void
append_source (GString                 *out,
               const AtlasLessonSource *source)
{
  g_string_append (out, "{ \"title\": ");
  append_string (out, source->title);
  g_string_append (out, ", \"publisher\": ");
  append_string (out, source->publisher);
  if (atlas_date_is_set (&source->date))
    {
      g_string_append (out, ", \"date\": ");
      append_date (out, &source->date);
    }
  if (source->url != NULL)
    {
      g_string_append (out, ", \"url\": ");
      append_string (out, source->url);
    }
  g_string_append (out, " }");
}

static void
append_view (GString          *out,
             AtlasLessonScene *scene)
{
  if (atlas_lesson_scene_get_view_mode (scene) == ATLAS_LESSON_VIEW_FIT)
    {
      g_string_append (out, "{ \"fit\": ");
      append_string_list (out, atlas_lesson_scene_get_fit (scene));
      g_string_append (out, " }");
    }
  else
    {
      double lat, lon, zoom;

      atlas_lesson_scene_get_center (scene, &lat, &lon, &zoom);
      g_string_append (out, "{ \"center\": [");
      append_number (out, lon, 6);
      g_string_append (out, ", ");
      append_number (out, lat, 6);
      g_string_append (out, "], \"zoom\": ");
      append_number (out, zoom, 2);
      g_string_append (out, " }");
    }
}

static void
append_layers (GString           *out,
               AtlasLessonLayers  layers)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint bit = 1; bit & ATLAS_LESSON_LAYERS_ALL; bit <<= 1)
    if (layers & bit)
      {
        g_string_append (out, first ? "" : ", ");
        append_string (out, atlas_lesson_layer_to_string (bit));
        first = FALSE;
      }
  g_string_append_c (out, ']');
}

static void
append_scene (GString          *out,
              AtlasLessonScene *scene)
{
  const char * const *highlights = atlas_lesson_scene_get_highlights (scene);
  gboolean first = TRUE;
  guint n_sources;

  g_string_append (out, "    {");

  begin_member (out, &first, 6, "title");
  append_string (out, atlas_lesson_scene_get_title (scene));
  begin_member (out, &first, 6, "date");
  append_date (out, atlas_lesson_scene_get_date (scene));
  if (atlas_date_is_set (atlas_lesson_scene_get_until (scene)))
    {
      begin_member (out, &first, 6, "until");
      append_date (out, atlas_lesson_scene_get_until (scene));
      begin_member (out, &first, 6, "play_seconds");
      g_string_append_printf (out, "%u", atlas_lesson_scene_get_play_seconds (scene));
    }
  begin_member (out, &first, 6, "view");
  append_view (out, scene);
  if (atlas_lesson_scene_get_layers (scene) != ATLAS_LESSON_LAYERS_ALL)
    {
      begin_member (out, &first, 6, "layers");
      append_layers (out, atlas_lesson_scene_get_layers (scene));
    }
  if (atlas_lesson_scene_get_zones (scene) != NULL)
    {
      begin_member (out, &first, 6, "zones");
      append_string_list (out, atlas_lesson_scene_get_zones (scene));
    }
  if (highlights[0] != NULL)
    {
      begin_member (out, &first, 6, "highlight");
      append_string_list (out, highlights);
    }
  begin_member (out, &first, 6, "caption");
  append_string (out, atlas_lesson_scene_get_caption (scene));

  n_sources = atlas_lesson_scene_get_n_sources (scene);
  if (n_sources > 0)
    {
      begin_member (out, &first, 6, "sources");
      g_string_append_c (out, '[');
      for (guint i = 0; i < n_sources; i++)
        {
          g_string_append (out, i > 0 ? ",\n        " : "\n        ");
          append_source (out, atlas_lesson_scene_get_source (scene, i));
        }
      g_string_append (out, "\n      ]");
    }

  g_string_append (out, "\n    }");
}

/**
 * atlas_lesson_to_bytes:
 *
 * Returns: (transfer full): the lesson as the text of a lesson file
 */
GBytes *
atlas_lesson_to_bytes (AtlasLesson *lesson)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;
  guint n_scenes;

  g_return_val_if_fail (ATLAS_IS_LESSON (lesson), NULL);

  g_string_append_c (out, '{');
  begin_member (out, &first, 2, "type");
  append_string (out, "KosovoAtlasLesson");
  begin_member (out, &first, 2, "version");
  g_string_append_printf (out, "%d", ATLAS_LESSON_FORMAT_VERSION);
  begin_member (out, &first, 2, "title");
  append_string (out, atlas_lesson_get_title (lesson));
  if (*atlas_lesson_get_description (lesson) != '\0')
    {
      begin_member (out, &first, 2, "description");
      append_string (out, atlas_lesson_get_description (lesson));
    }

  begin_member (out, &first, 2, "scenes");
  n_scenes = atlas_lesson_get_n_scenes (lesson);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_scenes; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      append_scene (out, atlas_lesson_get_scene (lesson, i));
    }
  g_string_append (out, n_scenes > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free_to_bytes (out);
}

/* Files ------------------------------------------------------------------- */

/**
 * atlas_lesson_replace_file:
 *
 * Returns: %TRUE on success; on failure an existing @file is unchanged and
 *   @error names it (see atlas_replace_file_contents())
 */
gboolean
atlas_lesson_replace_file (GFile         *file,
                           const void    *data,
                           gsize          length,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return atlas_replace_file_contents (file, data, length, cancellable, error);
}

/**
 * atlas_lesson_save:
 *
 * Writes @lesson to @file, replacing it safely (see above).
 */
gboolean
atlas_lesson_save (AtlasLesson   *lesson,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ATLAS_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = atlas_lesson_to_bytes (lesson);
  return atlas_lesson_replace_file (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (atlas_lesson_replace_file (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
atlas_lesson_save_async (AtlasLesson         *lesson,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_LESSON (lesson));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_lesson_save_async);
  g_task_set_task_data (task, atlas_lesson_to_bytes (lesson), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
atlas_lesson_save_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_lesson_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
