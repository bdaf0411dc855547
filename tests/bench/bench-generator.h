/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Synthetic datasets for the benchmark (docs/benchmarks.md): the same
 * seed and size always give the same bytes. Unlike the model tests'
 * generator (tests/model/atlas-test-generator.c: a string in memory,
 * events around Kosovo only, zones with explicit polygons) this one
 * streams to a file, spreads events over the whole region (longitude
 * 18.5–23.5, latitude 41–44.5) and writes the zones the geo module has to
 * compute: bands with width schedules and boundary lines on the borders of
 * XKX with SRB, MNE and MKD.
 *
 * Events have year, month or day precision; some have an end, so that
 * they last a while (a window on the timeline). Deployments are about one
 * per thousand events (at least 24); the zones are the same at every size.
 */

/* The region the features fall in. */
#define ATLAS_BENCH_MIN_LON 18.5
#define ATLAS_BENCH_MAX_LON 23.5
#define ATLAS_BENCH_MIN_LAT 41.0
#define ATLAS_BENCH_MAX_LAT 44.5

/* The band whose width the zone benchmark changes: XKX's boundary with
 * SRB, MNE and MKD, on their side (the longest band of the set). */
#define ATLAS_BENCH_BAND_ZONE "bz-air-safety"

typedef struct
{
  guint   n_events;
  guint   n_deployments;
  guint   n_zones;
  guint64 n_bytes;
} AtlasBenchDatasetInfo;

/* Writes the dataset of @n_events events made from @seed to @path. A file
 * already there that this program wrote with the same size and seed is
 * kept as it is (its first line says so). */
gboolean atlas_bench_dataset_write (guint                   n_events,
                                    guint32                 seed,
                                    const char             *path,
                                    AtlasBenchDatasetInfo  *info,
                                    GError                **error);

G_END_DECLS
