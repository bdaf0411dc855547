/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * Samples and the one table the benchmark prints: a row per measurement
 * and dataset size with the median and the 95th percentile (nearest rank)
 * of its wall-clock times, the same of the CPU time they took (on a
 * machine busy with other work, wall-clock time waits for a processor;
 * CPU time does not), and the target, marked met or missed. Targets are
 * about wall-clock time.
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
/* Milliseconds of CPU time this process has used, all threads. */
double           atlas_bench_cpu_ms         (void);

/* Wall-clock and CPU time of something, as two GArrays of double. */
typedef struct
{
  GArray *wall;
  GArray *cpu;
} AtlasBenchSeries;

void             atlas_bench_series_init    (AtlasBenchSeries   *series);
void             atlas_bench_series_clear   (AtlasBenchSeries   *series);

typedef struct
{
  double wall_ms;
  double cpu_ms;
} AtlasBenchStopwatch;

void             atlas_bench_stopwatch_start (AtlasBenchStopwatch *watch);
/* Adds the times since the start or the last lap to @series, and goes on
 * from now. */
void             atlas_bench_stopwatch_lap  (AtlasBenchStopwatch *watch,
                                             AtlasBenchSeries    *series);

/* A GArray of double. */
GArray          *atlas_bench_samples_new    (void);
void             atlas_bench_samples_add    (GArray             *samples,
                                             double              value);
double           atlas_bench_samples_median (GArray             *samples);
double           atlas_bench_samples_p95    (GArray             *samples);

AtlasBenchTable *atlas_bench_table_new      (void);
void             atlas_bench_table_free     (AtlasBenchTable    *table);
/* Adds a row of @samples and (nullable) @cpu_samples, both copied, for
 * @size events (0: no dataset). */
AtlasBenchRow   *atlas_bench_table_add      (AtlasBenchTable    *table,
                                             const char         *name,
                                             guint               size,
                                             AtlasBenchUnit      unit,
                                             GArray             *samples,
                                             GArray             *cpu_samples);
/* The same for a series of times (milliseconds). */
AtlasBenchRow   *atlas_bench_table_add_series (AtlasBenchTable  *table,
                                               const char       *name,
                                               guint             size,
                                               AtlasBenchSeries *series);
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
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasBenchSeries, atlas_bench_series_clear)

G_END_DECLS
