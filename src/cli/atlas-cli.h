/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define ATLAS_CLI_EXIT_OK     0
#define ATLAS_CLI_EXIT_FAILED 1
#define ATLAS_CLI_EXIT_USAGE  2

gboolean atlas_cli_wants_command_line (int    argc,
                                       char **argv);
int      atlas_cli_run                (int    argc,
                                       char **argv);

G_END_DECLS
