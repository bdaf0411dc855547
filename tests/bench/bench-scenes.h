/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-painter.h"
#include "atlas-view.h"
#include "atlas-zone-set.h"
#include "bench-table.h"

G_BEGIN_DECLS

/*
 * The in-process measurements of the benchmark, each adding its rows to
 * the table: what one timeline step costs, drawing the overlays and base
 * map tiles, exporting, and recomputing a band. What they draw is the
 * app's: the same painter calls, sets and zone lookups as the map layers
 * (src/map/) and the command line's export (src/cli/).
 */

/* What to measure (--only). */
typedef enum
{
  ATLAS_BENCH_LOAD   = 1 << 0,
  ATLAS_BENCH_SCRUB  = 1 << 1,
  ATLAS_BENCH_DRAW   = 1 << 2,
  ATLAS_BENCH_EXPORT = 1 << 3,
  ATLAS_BENCH_TILES  = 1 << 4,
  ATLAS_BENCH_ZONES  = 1 << 5,
  ATLAS_BENCH_ALL    = (1 << 6) - 1,
} AtlasBenchParts;

/* How many times to do each thing, and what. */
typedef struct
{
  AtlasBenchParts parts;
  guint load_runs;      /* child processes per size, ours and GDAL's */
  guint big_load_runs;  /* the same from 1 000 000 events on */
  guint n_dates;        /* timeline steps */
  guint n_frames;       /* overlay draws */
  guint tile_passes;    /* renders of each tile */
  guint export_runs;    /* of each format */
  guint zone_runs;      /* width changes */
} AtlasBenchPlan;

typedef struct
{
  const AtlasBenchPlan *plan;
  AtlasBenchTable      *table;
  AtlasBasemap         *basemap;
  AtlasPainter         *painter;
  AtlasDataset         *dataset;
  AtlasZoneSet         *zone_set;
  guint                 size;      /* events in the dataset */
  const char           *workdir;
} AtlasBenchScene;

/* The day exports and zone computations are measured on, when many zones
 * are in force (docs/benchmarks.md). */
gint32   atlas_bench_busy_day       (void);
/* The app's first view (Kosovo and the neighbouring capitals) at
 * @width × @height logical pixels. */
void     atlas_bench_home_view      (AtlasView        *view,
                                     double            width,
                                     double            height);

/* Random days, deterministic, within the dataset's time range. */
GArray  *atlas_bench_random_days    (AtlasDataset     *dataset,
                                     guint             n_days,
                                     guint32           seed);

gboolean atlas_bench_measure_scrub  (AtlasBenchScene  *scene,
                                     GArray           *days,
                                     GError          **error);
gboolean atlas_bench_measure_draw   (AtlasBenchScene  *scene,
                                     GArray           *days,
                                     GError          **error);
gboolean atlas_bench_measure_export (AtlasBenchScene  *scene,
                                     GError          **error);
/* Neither depends on the number of events. */
gboolean atlas_bench_measure_tiles  (AtlasBenchScene  *scene,
                                     GError          **error);
gboolean atlas_bench_measure_zones  (AtlasBenchScene  *scene,
                                     GError          **error);

G_END_DECLS
