/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Random but reproducible datasets for the model tests and for measuring
 * the loader (see gen-events.c and docs/loader.md). Events take about 320
 * bytes each, like the 100 000-event, 32 MB file of the benchmarks. Dates
 * fall in 1999–2010, with every precision and qualifier, some events span
 * several days, some have no location; zones and deployments end on a date
 * or are open-ended.
 */
typedef struct {
  guint   n_events;
  guint   n_zones;
  guint   n_deployments;
  guint   n_places;
  guint32 seed;
  /* Pretty-print one member per line instead of one feature per line. */
  gboolean pretty;
} AtlasTestGeneratorOptions;

GString *atlas_test_generate   (const AtlasTestGeneratorOptions *options);
/* Writes @text to a file called @name in the (per-test) cache directory. */
GFile   *atlas_test_write_file (const char                      *name,
                                GString                         *text);

G_END_DECLS
