/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* g_test_init() with G_TEST_OPTION_ISOLATE_DIRS for the widget tests.
 * Isolation is meant for the user's folders; the system's data folders
 * must stay visible (the MIME database, the icon and pixbuf loaders live
 * there, or SVG icons cannot be recognised). */
static inline void
atlas_test_init_isolated (int    *argc,
                          char ***argv)
{
  g_autofree char *system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", system_data_dirs != NULL ? system_data_dirs : "/usr/local/share:/usr/share", TRUE);
}
