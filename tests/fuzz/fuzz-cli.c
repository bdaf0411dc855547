/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "atlas-fuzz-cli"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atlas-cli.h"
#include "fuzz-target.h"

/*
 * The command line: the input, split at NUL bytes, is argv[1…] of
 * atlas_cli_wants_command_line() and atlas_cli_run(). Option parsing and
 * every check of --export's arguments run for real; nothing is ever
 * written and nothing slow happens:
 *
 * - each input runs inside a private empty directory, and arguments that
 *   could name anything outside it (containing "/" or ":", which covers
 *   absolute paths, "../x" and URIs) are refused by this harness;
 * - when --export is given, a first "--data" names a directory there, so
 *   the data never loads and the export stops with exit 1 right after its
 *   arguments were checked, before any drawing;
 * - --help (and "-h", "-?" inside any group of short options) makes
 *   GOption print and exit(), which libFuzzer would count as a crash, so
 *   it is refused too.
 *
 * Oracles: the exit status is one of the three documented ones, and the
 * directory holds nothing new afterwards.
 */

#define MAX_ARGS 32
#define UNREADABLE_DATA "unreadable.geojson"

static char *work_dir;
static int   home_fd = -1;

static void
remove_work_dir (void)
{
  g_autofree char *unreadable = g_build_filename (work_dir, UNREADABLE_DATA, NULL);

  g_rmdir (unreadable);
  g_rmdir (work_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unreadable = NULL;

  fuzz_target_init_glib ();
  g_set_prgname ("kosovo-atlas");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  work_dir = g_dir_make_tmp ("atlas-fuzz-cli-XXXXXX", &error);
  g_assert_no_error (error);
  unreadable = g_build_filename (work_dir, UNREADABLE_DATA, NULL);
  g_assert_cmpint (g_mkdir (unreadable, 0700), ==, 0);
  atexit (remove_work_dir);

  home_fd = open (".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (home_fd, >=, 0);
  return 0;
}

/* Refuses what could leave the directory or end the process. */
static gboolean
argument_is_allowed (const char *arg)
{
  if (strchr (arg, '/') != NULL || strchr (arg, ':') != NULL)
    return FALSE;
  if (g_str_has_prefix (arg, "--help"))
    return FALSE;
  if (arg[0] == '-' && arg[1] != '-' && (strchr (arg, 'h') != NULL || strchr (arg, '?') != NULL))
    return FALSE;
  return TRUE;
}

static gboolean
is_export_option (const char *arg)
{
  return g_str_equal (arg, "--export") || g_str_has_prefix (arg, "--export=");
}

/* Only the directory this harness made may be there. */
static void
assert_nothing_written (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, UNREADABLE_DATA))
      g_error ("The command line wrote “%s”", name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char **argv = NULL;
  gboolean has_export = FALSE;
  gsize start = 0;
  int status;

  g_ptr_array_add (args, g_strdup ("kosovo-atlas"));
  /* The arguments, and a last one after the last NUL. */
  for (gsize i = 0; i <= size; i++)
    if (i == size || data[i] == '\0')
      {
        char *arg = g_strndup ((const char *) data + start, i - start);

        if (args->len > MAX_ARGS || !argument_is_allowed (arg))
          {
            g_free (arg);
            return 0;
          }
        /* GOption stops at "--": what follows is not an option. */
        has_export |= is_export_option (arg) &&
                      !g_ptr_array_find_with_equal_func (args, "--", g_str_equal, NULL);
        g_ptr_array_add (args, arg);
        start = i + 1;
      }

  if (has_export)
    g_ptr_array_insert (args, 1, g_strdup ("--data=" UNREADABLE_DATA));

  /* atlas_cli_run() may reorder and drop entries of its argv, as GOption
   * does: it gets a copy of the pointers, @args keeps the strings. */
  argv = g_new0 (char *, args->len + 1);
  memcpy (argv, args->pdata, args->len * sizeof (char *));

  /* main() asks this first, on the same argv. */
  (void) atlas_cli_wants_command_line (args->len, argv);

  g_assert_cmpint (chdir (work_dir), ==, 0);
  status = atlas_cli_run (args->len, argv);
  g_assert_cmpint (fchdir (home_fd), ==, 0);

  g_assert_true (status == ATLAS_CLI_EXIT_OK || status == ATLAS_CLI_EXIT_FAILED ||
                 status == ATLAS_CLI_EXIT_USAGE);
  assert_nothing_written ();
  return 0;
}
