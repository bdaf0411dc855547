/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>

#include "atlas-cli-validate.h"

/* `kosovo-atlas --validate` on the corpus, in a subprocess each time so the
 * printed lines and the exit status can be checked. */

static char *
corpus_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "model", "invalid", name, NULL);
}

static void
validate_in_subprocess (const char * const *files)
{
  exit (atlas_cli_validate (files));
}

static void
test_errors (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *a = corpus_file ("date-february-30.geojson");
      g_autofree char *b = corpus_file ("syntax-missing-comma.geojson");
      const char *files[] = { a, b, NULL };

      validate_in_subprocess (files);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  /* Exit status 1: errors. */
  g_test_trap_assert_stdout ("*date-february-30.geojson: features[12] (id \"gsz-1999\"): "
                             "properties.end: \"2001-02-30\" is not a date\n"
                             "*syntax-missing-comma.geojson:4:3: not valid JSON: *");
  g_test_trap_assert_stderr ("*errors*");
}

static void
test_warnings_only (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *a = corpus_file ("warning-unknown-property.geojson");
      const char *files[] = { a, NULL };
      int status = atlas_cli_validate (files);

      /* 0 even with warnings: make a wrong status visible as 3. */
      exit (status == 0 ? 0 : 3);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*warning-unknown-property.geojson: features[1] (id \"ok-2\"): "
                             "properties.strat: warning: unknown property\n*");
  g_test_trap_assert_stderr ("3 features, 0 errors, 2 warnings\n");
}

static void
test_valid_and_usage (void)
{
  const char *none[] = { NULL };
  g_autofree char *doc = NULL;

  g_assert_cmpint (atlas_cli_validate (none), ==, 2);
  g_assert_cmpint (atlas_cli_validate (NULL), ==, 2);

  if (g_test_subprocess ())
    {
      g_autofree char *dataset = g_test_build_filename (G_TEST_DIST, "..", "data", "dataset",
                                                        "kosovo-1999-2010.geojson", NULL);
      const char *files[] = { dataset, NULL };
      int status = atlas_cli_validate (files);

      exit (status == 0 ? 0 : 3);
    }

  /* The bundled dataset validates without errors. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("* 0 errors, *");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/cli-validate/errors", test_errors);
  g_test_add_func ("/model/cli-validate/warnings-only", test_warnings_only);
  g_test_add_func ("/model/cli-validate/valid-and-usage", test_valid_and_usage);

  return g_test_run ();
}
