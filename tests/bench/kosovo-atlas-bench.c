/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-loader.h"
#include "bench-generator.h"
#include "bench-process.h"
#include "bench-scenes.h"
#include "bench-table.h"

/*
 * kosovo-atlas-bench: generates datasets of 10 000, 100 000 and 1 000 000
 * events and measures loading (in a child process per run, with its peak
 * memory, beside GDAL's ogrinfo on the same file), a timeline step,
 * drawing, export and zone computation, then prints one table. See
 * docs/benchmarks.md.
 */

#define DEFAULT_SIZES "10000,100000,1000000"
#define DEFAULT_REPEAT 5
/* GDAL takes 10 s of CPU time to read the 1M file: 3 runs keep the whole
 * benchmark under 10 minutes on a busy 2-core machine. */
#define BIG_LOAD_RUNS 3
#define SEED 20240611

typedef struct
{
  guint  n_events;
  double load_ms;
  double cpu_ms;
  guint  n_loaded[3];   /* events, deployments, zones */
  guint  n_errors;
  guint  n_warnings;
} LoadReport;

static const char *
build_type (void)
{
  return BENCH_BUILDTYPE;
}

/* --load-only FILE: what a child run does. Prints one line for the parent. */
static int
load_only (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  double start = atlas_bench_now_ms ();
  double cpu_start = atlas_bench_cpu_ms ();
  double load_ms, cpu_ms;

  dataset = atlas_dataset_new_from_file (file, NULL, &error);
  load_ms = atlas_bench_now_ms () - start;
  cpu_ms = atlas_bench_cpu_ms () - cpu_start;
  if (dataset == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }

  printf ("load_ms=%.3f cpu_ms=%.3f events=%u deployments=%u zones=%u errors=%u warnings=%u\n", load_ms, cpu_ms,
          atlas_dataset_get_n_features (dataset, ATLAS_KIND_EVENT),
          atlas_dataset_get_n_features (dataset, ATLAS_KIND_DEPLOYMENT),
          atlas_dataset_get_n_features (dataset, ATLAS_KIND_ZONE),
          atlas_dataset_get_n_errors (dataset), atlas_dataset_get_n_warnings (dataset));
  return 0;
}

static gboolean
parse_load_report (const char  *output,
                   LoadReport  *report,
                   GError     **error)
{
  if (output == NULL ||
      sscanf (output, "load_ms=%lf cpu_ms=%lf events=%u deployments=%u zones=%u errors=%u warnings=%u",
              &report->load_ms, &report->cpu_ms, &report->n_loaded[0], &report->n_loaded[1],
              &report->n_loaded[2], &report->n_errors, &report->n_warnings) != 7)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The load child said: %s", output);
      return FALSE;
    }

  return TRUE;
}

/* Whether the file loaded as generated: every feature, no diagnostic. */
static gboolean
check_load_report (const LoadReport             *report,
                   const AtlasBenchDatasetInfo  *info,
                   const char                   *path,
                   GError                      **error)
{
  if (report->n_errors > 0 || report->n_warnings > 0 || report->n_loaded[0] != info->n_events ||
      report->n_loaded[1] != info->n_deployments || report->n_loaded[2] != info->n_zones)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s loaded %u events, %u deployments, %u zones with %u errors and %u warnings; "
                   "generated: %u, %u, %u (see kosovo-atlas --validate %s)",
                   path, report->n_loaded[0], report->n_loaded[1], report->n_loaded[2], report->n_errors,
                   report->n_warnings, info->n_events, info->n_deployments, info->n_zones, path);
      return FALSE;
    }

  return TRUE;
}

/* Our load in child processes, then GDAL's read of the same file. */
static gboolean
measure_load (AtlasBenchTable              *table,
              const AtlasBenchPlan         *plan,
              const char                   *self_path,
              const char                   *path,
              const AtlasBenchDatasetInfo  *info,
              GError                      **error)
{
  const char *argv[] = { self_path, "--load-only", path, NULL };
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  g_autoptr(GArray) load = atlas_bench_samples_new ();
  g_autoptr(GArray) load_cpu = atlas_bench_samples_new ();
  g_autoptr(GArray) rss = atlas_bench_samples_new ();
  g_autoptr(GArray) wall = atlas_bench_samples_new ();
  g_autoptr(GArray) cpu = atlas_bench_samples_new ();
  g_autoptr(GArray) peer = atlas_bench_samples_new ();
  g_autoptr(GArray) peer_cpu = atlas_bench_samples_new ();
  g_autoptr(GArray) ratio = atlas_bench_samples_new ();
  g_autoptr(GArray) cpu_ratio = atlas_bench_samples_new ();
  gboolean big = info->n_events >= 1000000;
  guint n_runs = big ? plan->big_load_runs : plan->load_runs;
  guint size = info->n_events;
  AtlasBenchRow *row;

  for (guint i = 0; i < n_runs; i++)
    {
      g_auto(AtlasBenchProcess) child = { 0 };
      LoadReport report = { 0 };

      if (!atlas_bench_process_run (argv, TRUE, FALSE, &child, error) ||
          !parse_load_report (child.output, &report, error) ||
          !check_load_report (&report, info, path, error))
        return FALSE;

      atlas_bench_samples_add (load, report.load_ms);
      atlas_bench_samples_add (load_cpu, report.cpu_ms);
      atlas_bench_samples_add (rss, child.max_rss_mb);
      atlas_bench_samples_add (wall, child.wall_ms);
      atlas_bench_samples_add (cpu, child.cpu_ms);
    }

  row = atlas_bench_table_add (table, "load: parse + index (in process)", size, ATLAS_BENCH_UNIT_MS, load, load_cpu);
  if (size == 100000 || big)
    atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_MEDIAN, big ? 4000 : 400);
  row = atlas_bench_table_add (table, "load: peak RSS of the process", size, ATLAS_BENCH_UNIT_MB, rss, NULL);
  if (size == 100000 || big)
    atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_MEDIAN, big ? 1024 : 150);

  if (ogrinfo == NULL)
    {
      atlas_bench_table_add_note (table, "peer: GDAL ogrinfo -ro -al -so", size, "skipped: no ogrinfo");
      return TRUE;
    }

  for (guint i = 0; i < n_runs; i++)
    {
      const char *peer_argv[] = { ogrinfo, "-ro", "-al", "-so", path, NULL };
      g_auto(AtlasBenchProcess) run = { 0 };

      if (!atlas_bench_process_run (peer_argv, FALSE, TRUE, &run, error))
        {
          g_prefix_error (error, "%s: ", ogrinfo);
          return FALSE;
        }
      atlas_bench_samples_add (peer, run.wall_ms);
      atlas_bench_samples_add (peer_cpu, run.cpu_ms);
    }

  /* Whole process against whole process: both start, read and exit. */
  atlas_bench_table_add (table, "peer: GDAL ogrinfo -ro -al -so", size, ATLAS_BENCH_UNIT_MS, peer, peer_cpu);
  atlas_bench_table_add (table, "  ours, whole process (--load-only)", size, ATLAS_BENCH_UNIT_MS, wall, cpu);
  atlas_bench_samples_add (ratio, atlas_bench_samples_median (wall) / atlas_bench_samples_median (peer));
  atlas_bench_samples_add (cpu_ratio, atlas_bench_samples_median (cpu) / atlas_bench_samples_median (peer_cpu));
  row = atlas_bench_table_add (table, "peer: ours ÷ GDAL's, whole processes", size, ATLAS_BENCH_UNIT_RATIO,
                               ratio, cpu_ratio);
  atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_MEDIAN, 1.0);

  return TRUE;
}

static char *
dataset_path (AtlasBenchScene *scene,
              guint            n_events)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.geojson", n_events);

  return g_build_filename (scene->workdir, name, NULL);
}

static gboolean
measure_size (AtlasBenchScene  *scene,
              const char       *self_path,
              guint             n_events,
              GError          **error)
{
  g_autofree char *path = dataset_path (scene, n_events);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasZoneSet) zone_set = NULL;
  g_autoptr(GArray) days = NULL;
  AtlasBenchParts parts = scene->plan->parts;
  AtlasBenchDatasetInfo info;
  double start = atlas_bench_now_ms ();

  if (!atlas_bench_dataset_write (n_events, SEED, path, &info, error))
    return FALSE;
  g_printerr ("%u events: %s, %.1f MB, ready in %.1f s\n", n_events, path, info.n_bytes / 1e6,
              (atlas_bench_now_ms () - start) / 1000);

  if (parts & ATLAS_BENCH_LOAD)
    {
      g_printerr ("  load: %u runs of ours and of GDAL's\n",
                  n_events >= 1000000 ? scene->plan->big_load_runs : scene->plan->load_runs);
      if (!measure_load (scene->table, scene->plan, self_path, path, &info, error))
        return FALSE;
    }
  if ((parts & (ATLAS_BENCH_SCRUB | ATLAS_BENCH_DRAW | ATLAS_BENCH_EXPORT)) == 0)
    return TRUE;

  dataset = atlas_dataset_new_from_file (file, NULL, error);
  if (dataset == NULL)
    return FALSE;
  zone_set = atlas_zone_set_new (scene->basemap, dataset);
  scene->size = n_events;
  scene->dataset = dataset;
  scene->zone_set = zone_set;

  days = atlas_bench_random_days (dataset, scene->plan->n_dates, SEED);
  g_printerr ("  scrub: %u days, draw: %u frames, export: %u runs of each\n", days->len,
              scene->plan->n_frames, scene->plan->export_runs);
  if (((parts & ATLAS_BENCH_SCRUB) && !atlas_bench_measure_scrub (scene, days, error)) ||
      ((parts & ATLAS_BENCH_DRAW) && !atlas_bench_measure_draw (scene, days, error)) ||
      ((parts & ATLAS_BENCH_EXPORT) && !atlas_bench_measure_export (scene, error)))
    return FALSE;

  scene->dataset = NULL;
  scene->zone_set = NULL;
  return TRUE;
}

/* Tiles and zones do not depend on the events: measured once, on the
 * smallest dataset (already written). */
static gboolean
measure_fixed (AtlasBenchScene  *scene,
               guint             n_events,
               GError          **error)
{
  g_autofree char *path = dataset_path (scene, n_events);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDataset) dataset = NULL;
  AtlasBenchParts parts = scene->plan->parts;

  if ((parts & (ATLAS_BENCH_TILES | ATLAS_BENCH_ZONES)) == 0)
    return TRUE;
  if ((dataset = atlas_dataset_new_from_file (file, NULL, error)) == NULL)
    return FALSE;

  scene->size = 0;
  scene->dataset = dataset;
  g_printerr ("tiles: %u passes; zones: %u width changes\n", scene->plan->tile_passes, scene->plan->zone_runs);
  if (((parts & ATLAS_BENCH_TILES) && !atlas_bench_measure_tiles (scene, error)) ||
      ((parts & ATLAS_BENCH_ZONES) && !atlas_bench_measure_zones (scene, error)))
    return FALSE;

  scene->dataset = NULL;
  return TRUE;
}

static GArray *
parse_sizes (const char  *text,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 100, 5000000, &value, error))
        {
          g_prefix_error (error, "--sizes: ");
          return NULL;
        }
      g_array_append_vals (sizes, &(guint) { value }, 1);
    }

  return g_steal_pointer (&sizes);
}

static gboolean
parse_parts (const char       *text,
             AtlasBenchParts  *parts,
             GError          **error)
{
  static const char * const names[] = { "load", "scrub", "draw", "export", "tiles", "zones" };
  g_auto(GStrv) words = g_strsplit (text, ",", -1);

  *parts = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint k = 0;

      while (k < G_N_ELEMENTS (names) && !g_str_equal (g_strstrip (words[i]), names[k]))
        k++;
      if (k == G_N_ELEMENTS (names))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--only: “%s” is none of load, scrub, draw, export, tiles, zones", words[i]);
          return FALSE;
        }
      *parts |= 1 << k;
    }

  return TRUE;
}

static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

/* The plan for a run: --quick does everything once or a few times. */
static void
make_plan (AtlasBenchPlan *plan,
           gboolean        quick,
           int             repeat)
{
  if (quick)
    *plan = (AtlasBenchPlan) { ATLAS_BENCH_ALL, 1, 1, 100, 10, 1, 1, 3 };
  else
    *plan = (AtlasBenchPlan) { ATLAS_BENCH_ALL, DEFAULT_REPEAT, BIG_LOAD_RUNS, 1000, 100, 3, DEFAULT_REPEAT, 20 };

  if (repeat > 0)
    {
      plan->load_runs = repeat;
      plan->big_load_runs = repeat;
      plan->export_runs = repeat;
      plan->tile_passes = repeat;
    }
}

static void
remove_workdir (const char *workdir)
{
  g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (workdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (workdir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_text = NULL;
  g_autofree char *only = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *load_file = NULL;
  g_autofree char *self_path = NULL;
  gboolean quick = FALSE;
  gboolean keep = FALSE;
  int repeat = 0;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Numbers of events, comma-separated (" DEFAULT_SIZES ")", "N,…" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat,
      "Runs of each load (5, 3 from 1M events), export (5) and tile (3); 1 with --quick", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Measure only these: load, scrub, draw, export, tiles, zones (for profiling)", "WHAT,…" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Do everything once or a few times: a check, not a measurement", NULL },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where to write datasets and exports (kept; reused)", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary folder", NULL },
    { "load-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &load_file, NULL, "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure Kosovo Atlas on synthetic datasets");
  g_autoptr(AtlasBenchTable) table = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;
  g_autoptr(AtlasPainter) painter = NULL;
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AtlasBenchSeries) basemap_times = { 0 };
  AtlasBenchStopwatch watch;
  AtlasBenchScene scene = { 0 };
  AtlasBenchPlan plan;
  double start = atlas_bench_now_ms ();
  double load_before;
  gboolean temporary;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 2;
    }

  if (load_file != NULL)
    return load_only (load_file);

  sizes = parse_sizes (sizes_text != NULL ? sizes_text : DEFAULT_SIZES, &error);
  if (sizes == NULL || repeat < 0)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error != NULL ? error->message : "--repeat: must be ≥ 1");
      return 2;
    }
  make_plan (&plan, quick, repeat);
  if (only != NULL && !parse_parts (only, &plan.parts, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 2;
    }

  /* Children are this very program, whatever the current folder. */
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);

  temporary = workdir == NULL;
  if (temporary && (workdir = g_dir_make_tmp ("kosovo-atlas-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  g_mkdir_with_parents (workdir, 0755);

  load_before = load_average ();
  g_printerr ("kosovo-atlas-bench: %s build, %d CPUs, load average %.1f, work folder %s\n",
              build_type (), g_get_num_processors (), load_before, workdir);
  if (!g_str_equal (build_type (), "release"))
    g_printerr ("warning: not a release build (meson setup --buildtype=release): figures are not comparable\n");

  /* What the app does once at start-up, before any tile. */
  table = atlas_bench_table_new ();
  atlas_bench_series_init (&basemap_times);
  atlas_bench_stopwatch_start (&watch);
  basemap = atlas_basemap_new_from_resources (&error);
  if (basemap == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  atlas_bench_stopwatch_lap (&watch, &basemap_times);
  atlas_bench_table_add_series (table, "start-up: base map from the resources", 0, &basemap_times);
  painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  scene = (AtlasBenchScene) { &plan, table, basemap, painter, NULL, NULL, 0, workdir };

  for (guint i = 0; ok && i < sizes->len; i++)
    ok = measure_size (&scene, self_path, g_array_index (sizes, guint, i), &error);
  if (ok)
    {
      guint smallest = G_MAXUINT;

      for (guint i = 0; i < sizes->len; i++)
        smallest = MIN (smallest, g_array_index (sizes, guint, i));
      ok = measure_fixed (&scene, smallest, &error);
    }

  if (!ok)
    g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  else
    {
      printf ("\n");
      atlas_bench_table_print (table, stdout);
      printf ("\n%s build, %d CPUs, load average %.1f before and %.1f after, %.0f s in all; "
              "%u of the targets missed.\n",
              build_type (), g_get_num_processors (), load_before, load_average (),
              (atlas_bench_now_ms () - start) / 1000, atlas_bench_table_count_missed (table));
    }

  if (temporary && !keep)
    remove_workdir (workdir);
  else
    g_printerr ("Datasets and exports are in %s\n", workdir);

  return ok ? 0 : 1;
}
