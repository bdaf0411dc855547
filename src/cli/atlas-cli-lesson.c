/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-basemap.h"
#include "atlas-cli.h"
#include "atlas-cli-lesson.h"
#include "atlas-handout.h"
#include "atlas-lesson-reader.h"
#include "atlas-loader.h"
#include "atlas-painter.h"
#include "atlas-zone-set.h"

/* Where the build puts the bundled dataset among the resources. */
#define BUNDLED_DATASET_PATH RESOURCE_PREFIX "/dataset/"

/**
 * atlas_cli_load_dataset:
 * @files: (nullable): dataset files; none means the bundled dataset
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error
 */
AtlasDataset *
atlas_cli_load_dataset (const char * const  *files,
                        GError             **error)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();

  if (files != NULL && files[0] != NULL)
    {
      for (guint i = 0; files[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

          atlas_loader_add_file (loader, file, files[i]);
        }
    }
  else
    {
      g_auto(GStrv) names = g_resources_enumerate_children (BUNDLED_DATASET_PATH, 0, NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (BUNDLED_DATASET_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = NULL;

          if (g_str_has_suffix (names[i], ".geojson") &&
              (bytes = g_resources_lookup_data (path, 0, NULL)) != NULL)
            atlas_loader_add_bytes (loader, bytes, names[i]);
        }
    }

  return atlas_loader_load (loader, NULL, error);
}

/* What is wrong with the arguments, or NULL. */
static char *
dup_usage_problem (const AtlasCliLessonOptions *options)
{
  g_autofree char *lower = NULL;

  if (options->lesson == NULL || *options->lesson == '\0')
    return g_strdup (_("--export-lesson needs a lesson file"));
  if (options->output == NULL || *options->output == '\0')
    return g_strdup (_("--export-lesson needs the PDF file to write: --export-lesson LESSON OUT.pdf"));

  lower = g_ascii_strdown (options->output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    return g_strdup_printf (_("The handout is a PDF: “%s” should end in .pdf"), options->output);

  return NULL;
}

static gboolean
write_handout (const AtlasCliLessonOptions  *options,
               GError                      **error)
{
  g_autoptr(GFile) lesson_file = g_file_new_for_commandline_arg (options->lesson);
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (options->output);
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;
  g_autoptr(AtlasZoneSet) zone_set = NULL;
  g_autoptr(AtlasPainter) painter = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((lesson = atlas_lesson_load (lesson_file, NULL, error)) == NULL)
    return FALSE;

  if ((dataset = atlas_cli_load_dataset (options->data, &local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Could not load the data: "));
      return FALSE;
    }

  /* The handout is still worth having without a missing highlight. */
  problems = atlas_lesson_check_ids (lesson, dataset);
  for (guint i = 0; i < problems->len; i++)
    g_printerr (_("%s: warning: %s: %s\n"), g_get_prgname (), options->lesson,
                (const char *) g_ptr_array_index (problems, i));

  if ((basemap = atlas_basemap_new_from_resources (&local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Could not load the base map: "));
      return FALSE;
    }

  zone_set = atlas_zone_set_new (basemap, dataset);
  painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  return atlas_handout_write (lesson, painter, dataset, zone_set, output, NULL, NULL, NULL, error);
}

int
atlas_cli_export_lesson (const AtlasCliLessonOptions *options)
{
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (options != NULL, ATLAS_CLI_EXIT_USAGE);

  if ((problem = dup_usage_problem (options)) != NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), problem);
      return ATLAS_CLI_EXIT_USAGE;
    }

  if (!write_handout (options, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return ATLAS_CLI_EXIT_FAILED;
    }

  return ATLAS_CLI_EXIT_OK;
}
