/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "atlas-cli.h"
#include "atlas-cli-export.h"
#include "atlas-cli-lesson.h"
#include "atlas-cli-validate.h"

/*
 * The headless command line. Everything here works without a display: it
 * never initialises GTK, so it runs on servers, in CI and in scripts.
 */

/* Options that make the program a command-line tool rather than the app. */
static const char * const cli_options[] = {
  "--version",
  "--validate",
  "--export",
  "--export-lesson",
  /* The export's own options: alone, they get an error from us rather
   * than from the application. */
  "--date",
  "--size",
  "--center",
  "--zoom",
  "--data",
  "--title",
  "--names",
  "--help",
  "-h",
  "-?",
};

gboolean
atlas_cli_wants_command_line (int    argc,
                              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;

      for (guint j = 0; j < G_N_ELEMENTS (cli_options); j++)
        {
          gsize len = strlen (cli_options[j]);

          if (strncmp (argv[i], cli_options[j], len) == 0 &&
              (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }

  return FALSE;
}

int
atlas_cli_run (int    argc,
               char **argv)
{
  gboolean version = FALSE;
  gboolean validate = FALSE;
  g_autofree char *export = NULL;
  g_autofree char *export_lesson = NULL;
  g_autofree char *date = NULL;
  g_autofree char *size = NULL;
  g_autofree char *center = NULL;
  g_autofree char *zoom = NULL;
  g_autofree char *title = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) data = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check dataset files and print every problem found; exit 1 if there are errors"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export,
      N_("Draw a map snapshot into FILE (.png, .svg or .pdf), or write the features in force as GeoJSON (.geojson), and exit"),
      N_("FILE") },
    { "export-lesson", 0, 0, G_OPTION_ARG_FILENAME, &export_lesson,
      N_("Write the handout of a lesson (one page per scene) into OUT.pdf, and exit"), N_("LESSON OUT.pdf") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("With --export: the date to show (default: the first date of the data)"), N_("YYYY-MM-DD") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_("With --export: the size in pixels, or a4, a4-landscape, letter, letter-landscape (default: 1920x1080)"),
      N_("WxH") },
    { "center", 0, 0, G_OPTION_ARG_STRING, &center,
      N_("With --export: the centre of the map (default: 42.6,20.9)"), N_("LAT,LON") },
    { "zoom", 0, 0, G_OPTION_ARG_STRING, &zoom,
      N_("With --export: the zoom level (default: Kosovo and the neighbouring capitals)"), N_("Z") },
    { "data", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &data,
      N_("With --export: a dataset file to show instead of the bundled one; repeat for more"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("With --export: the title (default: the place and the date)"), N_("TEXT") },
    { "names", 0, 0, G_OPTION_ARG_STRING, &names,
      N_("With --export: the language of place names: sq, sr, en or both (default: both)"), N_("LANG") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Without options, opens the Kosovo Atlas window, showing the given dataset files."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      return ATLAS_CLI_EXIT_USAGE;
    }

  if (export == NULL && (date || size || center || zoom || (data && export_lesson == NULL) || title || names))
    {
      g_printerr (_("%s: --date, --size, --center, --zoom, --data, --title and --names need --export\n"),
                  g_get_prgname ());
      return ATLAS_CLI_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return ATLAS_CLI_EXIT_OK;
    }

  if (validate)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr (_("%s: --validate needs at least one file\n"), g_get_prgname ());
          return ATLAS_CLI_EXIT_USAGE;
        }
      return atlas_cli_validate ((const char * const *) files);
    }

  if (export != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) all_data = NULL;
      AtlasCliExportOptions options = {
        .output = export, .date = date, .size = size, .center = center,
        .zoom = zoom, .title = title, .names = names,
      };

      /* "--data a.geojson b.geojson" leaves b.geojson among the remaining
       * arguments: both are data. */
      if (data != NULL)
        g_strv_builder_addv (builder, (const char **) data);
      if (files != NULL)
        g_strv_builder_addv (builder, (const char **) files);
      all_data = g_strv_builder_end (builder);
      options.data = (const char * const *) all_data;

      return atlas_cli_export (&options);
    }

  if (export_lesson != NULL)
    {
      AtlasCliLessonOptions options = {
        .lesson = export_lesson,
        .output = files != NULL && g_strv_length (files) == 1 ? files[0] : NULL,
        .data = (const char * const *) data,
      };

      return atlas_cli_export_lesson (&options);
    }

  /* --help is handled (and exits) inside g_option_context_parse(). */
  return ATLAS_CLI_EXIT_OK;
}
