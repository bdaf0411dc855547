/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-bench"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "bench-table.h"

struct _AtlasBenchRow
{
  char               *name;
  guint               size;
  AtlasBenchUnit      unit;
  GArray             *samples;   /* NULL for a note */
  GArray             *cpu_samples;
  char               *note;
  AtlasBenchTargetOn  target_on;
  double              limit;
};

struct _AtlasBenchTable
{
  GPtrArray *rows;
};

double
atlas_bench_now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double
atlas_bench_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void
atlas_bench_series_init (AtlasBenchSeries *series)
{
  series->wall = atlas_bench_samples_new ();
  series->cpu = atlas_bench_samples_new ();
}

void
atlas_bench_series_clear (AtlasBenchSeries *series)
{
  g_clear_pointer (&series->wall, g_array_unref);
  g_clear_pointer (&series->cpu, g_array_unref);
}

void
atlas_bench_stopwatch_start (AtlasBenchStopwatch *watch)
{
  watch->wall_ms = atlas_bench_now_ms ();
  watch->cpu_ms = atlas_bench_cpu_ms ();
}

void
atlas_bench_stopwatch_lap (AtlasBenchStopwatch *watch,
                           AtlasBenchSeries    *series)
{
  AtlasBenchStopwatch now;

  atlas_bench_stopwatch_start (&now);
  atlas_bench_samples_add (series->wall, now.wall_ms - watch->wall_ms);
  atlas_bench_samples_add (series->cpu, now.cpu_ms - watch->cpu_ms);
  *watch = now;
}

GArray *
atlas_bench_samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

void
atlas_bench_samples_add (GArray *samples,
                         double  value)
{
  g_array_append_val (samples, value);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value of rank ceil(fraction × n) in the sorted samples. */
static double
nearest_rank (GArray *samples,
              double  fraction)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (samples->len == 0)
    return NAN;

  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_doubles);
  rank = (guint) ceil (fraction * sorted->len);
  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

double
atlas_bench_samples_median (GArray *samples)
{
  return nearest_rank (samples, 0.5);
}

double
atlas_bench_samples_p95 (GArray *samples)
{
  return nearest_rank (samples, 0.95);
}

static void
row_free (AtlasBenchRow *row)
{
  g_free (row->name);
  g_free (row->note);
  g_clear_pointer (&row->samples, g_array_unref);
  g_clear_pointer (&row->cpu_samples, g_array_unref);
  g_free (row);
}

AtlasBenchTable *
atlas_bench_table_new (void)
{
  AtlasBenchTable *table = g_new0 (AtlasBenchTable, 1);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return table;
}

void
atlas_bench_table_free (AtlasBenchTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

AtlasBenchRow *
atlas_bench_table_add (AtlasBenchTable *table,
                       const char      *name,
                       guint            size,
                       AtlasBenchUnit   unit,
                       GArray          *samples,
                       GArray          *cpu_samples)
{
  AtlasBenchRow *row = g_new0 (AtlasBenchRow, 1);

  row->name = g_strdup (name);
  row->size = size;
  row->unit = unit;
  row->samples = g_array_copy (samples);
  row->cpu_samples = cpu_samples != NULL ? g_array_copy (cpu_samples) : NULL;
  g_ptr_array_add (table->rows, row);
  return row;
}

AtlasBenchRow *
atlas_bench_table_add_series (AtlasBenchTable  *table,
                              const char       *name,
                              guint             size,
                              AtlasBenchSeries *series)
{
  return atlas_bench_table_add (table, name, size, ATLAS_BENCH_UNIT_MS, series->wall, series->cpu);
}

void
atlas_bench_table_add_note (AtlasBenchTable *table,
                            const char      *name,
                            guint            size,
                            const char      *note)
{
  AtlasBenchRow *row = g_new0 (AtlasBenchRow, 1);

  row->name = g_strdup (name);
  row->size = size;
  row->note = g_strdup (note);
  g_ptr_array_add (table->rows, row);
}

void
atlas_bench_row_set_target (AtlasBenchRow      *row,
                            AtlasBenchTargetOn  on,
                            double              limit)
{
  row->target_on = on;
  row->limit = limit;
}

static double
figure (GArray             *samples,
        AtlasBenchTargetOn  on)
{
  return on == ATLAS_BENCH_TARGET_P95 ? atlas_bench_samples_p95 (samples) : atlas_bench_samples_median (samples);
}

/* TRUE: met, FALSE: missed; -1 when the row has no target. */
static int
row_result (AtlasBenchRow *row)
{
  if (row->samples == NULL || row->target_on == ATLAS_BENCH_TARGET_NONE)
    return -1;

  return figure (row->samples, row->target_on) <= row->limit;
}

static const char *
row_result_text (AtlasBenchRow *row)
{
  switch (row_result (row))
    {
    case TRUE:
      return "met";
    case FALSE:
      /* Waiting for a processor is not our cost; say so. */
      return row->cpu_samples != NULL && figure (row->cpu_samples, row->target_on) <= row->limit
             ? "MISSED (CPU met)" : "MISSED";
    default:
      return "";
    }
}

guint
atlas_bench_table_count_missed (AtlasBenchTable *table)
{
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    n += row_result (g_ptr_array_index (table->rows, i)) == FALSE;

  return n;
}

static char *
format_value (double         value,
              AtlasBenchUnit unit)
{
  if (isnan (value))
    return g_strdup ("–");

  switch (unit)
    {
    case ATLAS_BENCH_UNIT_MS:
      if (value >= 1000)
        return g_strdup_printf ("%.2f s", value / 1000);
      return g_strdup_printf (value >= 100 ? "%.0f ms" : value >= 10 ? "%.1f ms" : value >= 1 ? "%.2f ms" : "%.3f ms",
                              value);
    case ATLAS_BENCH_UNIT_MB:
      return g_strdup_printf ("%.0f MB", value);
    case ATLAS_BENCH_UNIT_RATIO:
      return g_strdup_printf ("%.2f×", value);
    default:
      g_assert_not_reached ();
    }
}

static char *
format_size (guint size)
{
  if (size == 0)
    return g_strdup ("–");
  if (size % 1000000 == 0)
    return g_strdup_printf ("%uM", size / 1000000);
  if (size % 1000 == 0)
    return g_strdup_printf ("%uk", size / 1000);
  return g_strdup_printf ("%u", size);
}

/* printf's widths count bytes; these cells hold "≤", "×" and "–". */
static void
put_cell (FILE       *out,
          const char *text,
          int         width,
          gboolean    right)
{
  int pad = MAX (0, width - (int) g_utf8_strlen (text, -1));

  fprintf (out, " %*s%s%*s |", right ? pad : 0, "", text, right ? 0 : pad, "");
}

static const struct {
  const char *title;
  int         width;
  gboolean    right;
} columns[] = {
  { "measurement", 42, FALSE },
  { "events", 6, TRUE },
  { "runs", 4, TRUE },
  { "median", 9, TRUE },
  { "p95", 9, TRUE },
  { "CPU median", 10, TRUE },
  { "CPU p95", 9, TRUE },
  { "target", 17, FALSE },
  { "result", 16, FALSE },
};

enum {
  COLUMN_NAME,
  COLUMN_SIZE,
  COLUMN_RUNS,
  COLUMN_MEDIAN,
  COLUMN_P95,
  COLUMN_CPU_MEDIAN,
  COLUMN_CPU_P95,
  COLUMN_TARGET,
  COLUMN_RESULT,
  N_COLUMNS
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

static void
put_line (FILE  *out,
          char **cells)
{
  fputc ('|', out);
  for (guint i = 0; i < N_COLUMNS; i++)
    put_cell (out, cells[i] != NULL ? cells[i] : "", columns[i].width, columns[i].right);
  fputc ('\n', out);
}

/* The cells of @row, newly allocated (NULL: empty). */
static void
fill_cells (AtlasBenchRow *row,
            char          *cells[N_COLUMNS])
{
  cells[COLUMN_NAME] = g_strdup (row->name);
  cells[COLUMN_SIZE] = format_size (row->size);
  if (row->samples == NULL)
    {
      cells[COLUMN_TARGET] = g_strdup (row->note);
      return;
    }

  cells[COLUMN_RUNS] = g_strdup_printf ("%u", row->samples->len);
  cells[COLUMN_MEDIAN] = format_value (atlas_bench_samples_median (row->samples), row->unit);
  cells[COLUMN_P95] = format_value (atlas_bench_samples_p95 (row->samples), row->unit);
  if (row->cpu_samples != NULL)
    {
      cells[COLUMN_CPU_MEDIAN] = format_value (atlas_bench_samples_median (row->cpu_samples), row->unit);
      cells[COLUMN_CPU_P95] = format_value (atlas_bench_samples_p95 (row->cpu_samples), row->unit);
    }
  if (row->target_on != ATLAS_BENCH_TARGET_NONE)
    {
      g_autofree char *limit = format_value (row->limit, row->unit);

      cells[COLUMN_TARGET] = g_strdup_printf ("%s ≤ %s", row->target_on == ATLAS_BENCH_TARGET_P95 ? "p95" : "median",
                                              limit);
    }
  cells[COLUMN_RESULT] = g_strdup (row_result_text (row));
}

void
atlas_bench_table_print (AtlasBenchTable *table,
                         FILE            *out)
{
  char *cells[N_COLUMNS];

  for (guint i = 0; i < N_COLUMNS; i++)
    cells[i] = (char *) columns[i].title;
  put_line (out, cells);

  fputc ('|', out);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *dashes = g_strnfill (columns[i].width + 1, '-');

      fprintf (out, "%s%s|", dashes, columns[i].right ? ":" : "-");
    }
  fputc ('\n', out);

  for (guint i = 0; i < table->rows->len; i++)
    {
      fill_cells (g_ptr_array_index (table->rows, i), memset (cells, 0, sizeof cells));
      put_line (out, cells);
      for (guint c = 0; c < N_COLUMNS; c++)
        g_free (cells[c]);
    }
}
