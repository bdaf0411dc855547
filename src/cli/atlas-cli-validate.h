/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * `kosovo-atlas --validate FILE…`: loads @files (a NULL-terminated list of
 * paths or URIs) together, as the app would, and prints every diagnostic
 * on stdout, one per line (docs/data-format.md, "Diagnostics"), then a
 * summary line on stderr. Returns 0 when there is no error (warnings are
 * fine), 1 when there is at least one, 2 when @files is empty. Needs no
 * display.
 */
int atlas_cli_validate (const char * const *files);

G_END_DECLS
