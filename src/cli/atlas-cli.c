/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "atlas-cli.h"
#if __has_include("atlas-cli-validate.h") /* FIXME: temporary until the model lands */
#include "atlas-cli-validate.h"
#define HAVE_VALIDATE 1
#endif

/*
 * The headless command line. Everything here works without a display: it
 * never initialises GTK, so it runs on servers, in CI and in scripts.
 */

/* Options that make the program a command-line tool rather than the app. */
static const char * const cli_options[] = {
  "--version",
  "--validate",
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
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check dataset files and print every problem found; exit 1 if there are errors"), NULL },
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
#ifdef HAVE_VALIDATE
      return atlas_cli_validate ((const char * const *) files);
#else
      return ATLAS_CLI_EXIT_FAILED;
#endif
    }

  /* --help is handled (and exits) inside g_option_context_parse(). */
  return ATLAS_CLI_EXIT_OK;
}
