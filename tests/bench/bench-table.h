/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * Samples and the one table the benchmark prints: a row per measurement
 * and dataset size with its median, its 95th percentile (nearest rank),
 * and the target, marked met or missed.
 */

typedef enum
{
  ATLAS_BENCH_UNIT_MS,
  ATLAS_BENCH_UNIT_MB,
  ATLAS_BENCH_UNIT_RATIO,
} AtlasBenchUnit;

/* Which figure of a row its target is about. */
typedef enum
{
  ATLAS_BENCH_TARGET_NONE,
  ATLAS_BENCH_TARGET_MEDIAN,
  ATLAS_BENCH_TARGET_P95,
} AtlasBenchTargetOn;

typedef struct _AtlasBenchTable AtlasBenchTable;
typedef struct _AtlasBenchRow AtlasBenchRow;

/* Milliseconds since some fixed point, from the monotonic clock. */
double           atlas_bench_now_ms         (void);

/* A GArray of double. */
GArray          *atlas_bench_samples_new    (void);
void             atlas_bench_samples_add    (GArray             *samples,
                                             double              value);
double           atlas_bench_samples_median (GArray             *samples);
double           atlas_bench_samples_p95    (GArray             *samples);

AtlasBenchTable *atlas_bench_table_new      (void);
void             atlas_bench_table_free     (AtlasBenchTable    *table);
/* Adds a row of @samples (copied), for @size events (0: no dataset). */
AtlasBenchRow   *atlas_bench_table_add      (AtlasBenchTable    *table,
                                             const char         *name,
                                             guint               size,
                                             AtlasBenchUnit      unit,
                                             GArray             *samples);
/* A row without figures: why a measurement was skipped. */
void             atlas_bench_table_add_note (AtlasBenchTable    *table,
                                             const char         *name,
                                             guint               size,
                                             const char         *note);
void             atlas_bench_row_set_target (AtlasBenchRow      *row,
                                             AtlasBenchTargetOn  on,
                                             double              limit);
/* Missed targets so far. */
guint            atlas_bench_table_count_missed (AtlasBenchTable *table);
/* As a Markdown table. */
void             atlas_bench_table_print    (AtlasBenchTable    *table,
                                             FILE               *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBenchTable, atlas_bench_table_free)

G_END_DECLS
