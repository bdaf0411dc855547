/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-application.h"
#include "atlas-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree's compiled catalogues, so
   * the app runs translated before it is installed. */
  localedir = g_getenv ("KOSOVO_ATLAS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("kosovo-atlas");

  /* Headless work (--version, --validate, --export…) never needs a display. */
  if (atlas_cli_wants_command_line (argc, argv))
    return atlas_cli_run (argc, argv);

  g_set_application_name (_("Kosovo Atlas"));
  app = atlas_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
