/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * kosovo-atlas --export OUT.{png,svg,pdf,geojson} [--date YYYY-MM-DD]
 *   [--size WxH] [--center LAT,LON] [--zoom Z] [--data FILE…]
 *   [--title TEXT] [--names sq|sr|en|both]
 *
 * The option values as given on the command line; NULL when absent.
 */
typedef struct
{
  const char         *output;
  const char         *date;
  const char         *size;
  const char         *center;
  const char         *zoom;
  const char * const *data;
  const char         *title;
  const char         *names;
} AtlasCliExportOptions;

/* Returns an exit status: ATLAS_CLI_EXIT_OK, _USAGE for a bad argument or
 * _FAILED when the export could not be done. Prints one line per error. */
int atlas_cli_export (const AtlasCliExportOptions *options);

G_END_DECLS
