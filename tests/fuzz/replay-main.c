/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "atlas-fuzz-replay"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz-target.h"

/*
 * Runs a fuzz target without libFuzzer: every file named on the command
 * line, and every file in every folder named there (not recursively; after
 * "--suffix=.geojson", recursively and only files with that suffix; names
 * starting with "." or "README" are skipped), in name order, goes once
 * through LLVMFuzzerTestOneInput() in an exact-size heap copy, so that
 * sanitizers and valgrind see any read past its end. A crash is a failed
 * test; the file that caused it is printed just before. It is how the seed
 * corpora and every crash the fuzzers ever found (regressions/) are kept
 * as normal tests.
 */

/* When set, folders are searched recursively for files with this suffix. */
static const char *suffix;

static gboolean
is_input_name (const char *name)
{
  return name[0] != '.' && !g_str_has_prefix (name, "README");
}

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *copy = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);

  /* At least one byte is allocated; the target sees @length of them. */
  copy = g_malloc (MAX (length, 1));
  memcpy (copy, contents, length);
  LLVMFuzzerTestOneInput (copy, length);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (paths, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!is_input_name (name))
        continue;
      if (suffix == NULL)
        {
          if (!g_file_test (child, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (paths, g_steal_pointer (&child));
        }
      else if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect (child, paths);
      else if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (paths, g_steal_pointer (&child));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--suffix="))
        {
          suffix = argv[i] + strlen ("--suffix=");
          continue;
        }
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        g_error ("%s does not exist", argv[i]);
      collect (argv[i], paths);
    }

  /* An empty corpus would make this test pass without testing anything. */
  if (paths->len == 0)
    g_error ("No input to replay");

  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    replay_file (g_ptr_array_index (paths, i));

  printf ("%u inputs replayed\n", paths->len);
  return 0;
}
