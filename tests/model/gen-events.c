/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "atlas-test-generator.h"

/* gen-events N [SEED]: writes a dataset of N random events to stdout, to
 * measure the loader against (docs/loader.md). */
int
main (int   argc,
      char *argv[])
{
  AtlasTestGeneratorOptions options = { 0 };
  GString *text;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s N_EVENTS [SEED]\n", argv[0]);
      return 2;
    }

  options.n_events = (guint) strtoul (argv[1], NULL, 10);
  options.seed = argc > 2 ? (guint32) strtoul (argv[2], NULL, 10) : 1;
  text = atlas_test_generate (&options);
  fwrite (text->str, 1, text->len, stdout);
  g_string_free (text, TRUE);
  return 0;
}
