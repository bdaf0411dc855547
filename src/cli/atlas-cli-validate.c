/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-cli-validate"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-cli-validate.h"
#include "atlas-diagnostic.h"
#include "atlas-loader.h"

int
atlas_cli_validate (const char * const *files)
{
  g_autoptr(AtlasLoader) loader = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *diagnostics;
  guint n_features = 0;

  if (files == NULL || files[0] == NULL)
    {
      fprintf (stderr, "%s\n", _("--validate needs at least one file"));
      return 2;
    }

  loader = atlas_loader_new ();
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      /* Diagnostics name the file as it was typed. */
      atlas_loader_add_file (loader, file, files[i]);
    }

  /* A file-level error is in the diagnostics too; the loader still
   * checked the other files, so everything is printed below. */
  dataset = atlas_loader_load (loader, NULL, &error);

  diagnostics = atlas_loader_get_diagnostics (loader);
  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);
      g_autofree char *line = atlas_diagnostic_to_string (diagnostic);

      printf ("%s\n", line);
    }
  fflush (stdout);

  if (dataset != NULL)
    for (guint k = 0; k < ATLAS_N_KINDS; k++)
      n_features += atlas_dataset_get_n_features (dataset, k);

  /* Translators: the summary of --validate; the first number is of
   * features read, the others of problems */
  fprintf (stderr, _("%u features, %u errors, %u warnings\n"), n_features,
           atlas_loader_get_n_errors (loader), atlas_loader_get_n_warnings (loader));

  return atlas_loader_get_n_errors (loader) > 0 || dataset == NULL ? 1 : 0;
}
