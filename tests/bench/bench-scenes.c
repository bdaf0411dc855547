/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-bench"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-export-writer.h"
#include "atlas-feature-range.h"
#include "atlas-painter-deployments.h"
#include "atlas-painter-events.h"
#include "atlas-painter-zones.h"
#include "atlas-snapshot-sources.h"
#include "atlas-snapshot-timeline.h"
#include "atlas-snapshot-zones.h"
#include "bench-generator.h"
#include "bench-scenes.h"

/* The timeline's default: events of the last 30 days up to the date (the
 * "event-window-days" key). */
#define WINDOW_DAYS 30
#define SCREEN_WIDTH 1920
#define SCREEN_HEIGHT 1080
#define MIN_TILE_ZOOM 6
#define MAX_TILE_ZOOM 12
#define TILES_PER_ZOOM 12

/* Kosovo, west, south, east, north: where the tiles are taken from. */
static const double kosovo_box[4] = { 20.0, 41.85, 21.8, 43.27 };

gint32
atlas_bench_busy_day (void)
{
  return atlas_day_from_ymd (2001, 6, 15);
}

void
atlas_bench_home_view (AtlasView *view,
                       double     width,
                       double     height)
{
  /* The window's and the command line's home: this box, around 42.6 N,
   * 20.9 E (west, south, east, north). */
  static const double box[4] = { 19.05, 41.15, 21.75, 45.0 };
  double span_x, span_y;

  atlas_view_init (view, 42.6, 20.9, 0, width, height);
  span_x = 2 * MAX (view->x - atlas_mercator_x_from_lon (box[0]), atlas_mercator_x_from_lon (box[2]) - view->x);
  span_y = 2 * MAX (atlas_mercator_y_from_lat (box[1]) - view->y, view->y - atlas_mercator_y_from_lat (box[3]));
  view->zoom = log2 (MIN (width / span_x, height / span_y) / ATLAS_TILE_SIZE);
}

GArray *
atlas_bench_random_days (AtlasDataset *dataset,
                         guint         n_days,
                         guint32       seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GArray *days = g_array_sized_new (FALSE, FALSE, sizeof (gint32), n_days);
  gint32 first = atlas_bench_busy_day (), last = first;

  atlas_dataset_get_time_range (dataset, &first, &last);
  for (guint i = 0; i < n_days; i++)
    {
      gint32 day = g_rand_int_range (rand, first, last + 1);

      g_array_append_val (days, day);
    }

  return days;
}

/* The zones in force on @day as the zone layer shows them: from the cache,
 * and computed (blocking) when missing if @compute. */
static GPtrArray *
zones_of_day (AtlasZoneSet  *zone_set,
              gint32         day,
              gboolean       compute,
              GError       **error)
{
  g_autoptr(GPtrArray) ids = atlas_zone_set_list_active (zone_set, day);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      AtlasComputedZone *zone = atlas_zone_set_lookup (zone_set, id, day, ATLAS_ZONE_COMPUTE_DEFAULT);

      if (zone == NULL && compute)
        {
          zone = atlas_zone_set_compute (zone_set, id, day, ATLAS_ZONE_COMPUTE_DEFAULT, error);
          if (zone == NULL)
            return NULL;
        }
      if (zone != NULL)
        g_ptr_array_add (zones, zone);
    }

  return g_steal_pointer (&zones);
}

/* One timeline step ------------------------------------------------------- */

enum {
  PART_LIST,
  PART_EVENTS,
  PART_DEPLOYMENTS,
  PART_ZONES,
  N_PARTS
};

typedef struct
{
  AtlasEventSet      *events;
  AtlasDeploymentSet *deployments;
  GPtrArray          *zones;
} Shown;

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->events, atlas_event_set_unref);
  g_clear_pointer (&shown->deployments, atlas_deployment_set_unref);
  g_clear_pointer (&shown->zones, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shown, shown_clear)

/* What the window does when the date changes (on_date_changed() in
 * atlas-window.c): the event list follows the window of days, then each
 * overlay replaces what it shows. Each part's times go to @parts, the
 * whole step's to @total. */
static void
step (AtlasBenchScene   *scene,
      AtlasFeatureRange *list,
      gint32             day,
      Shown             *shown,
      AtlasBenchSeries   parts[N_PARTS],
      AtlasBenchSeries  *total)
{
  AtlasBenchStopwatch whole, watch;

  atlas_bench_stopwatch_start (&whole);
  watch = whole;
  atlas_feature_range_set_span (list, day - WINDOW_DAYS + 1, day + 1);
  atlas_feature_range_find_nearest (list, day);
  atlas_bench_stopwatch_lap (&watch, &parts[PART_LIST]);

  g_clear_pointer (&shown->events, atlas_event_set_unref);
  shown->events = atlas_event_set_new (scene->dataset, day, ATLAS_EVENT_WINDOW_TRAILING, WINDOW_DAYS);
  atlas_bench_stopwatch_lap (&watch, &parts[PART_EVENTS]);

  g_clear_pointer (&shown->deployments, atlas_deployment_set_unref);
  shown->deployments = atlas_deployment_set_new (scene->dataset, day);
  atlas_bench_stopwatch_lap (&watch, &parts[PART_DEPLOYMENTS]);

  g_clear_pointer (&shown->zones, g_ptr_array_unref);
  shown->zones = zones_of_day (scene->zone_set, day, FALSE, NULL);
  atlas_bench_stopwatch_lap (&watch, &parts[PART_ZONES]);
  atlas_bench_stopwatch_lap (&whole, total);
}

static void
clear_series (AtlasBenchSeries *series,
              guint             n_series)
{
  for (guint i = 0; i < n_series; i++)
    atlas_bench_series_clear (&series[i]);
}

gboolean
atlas_bench_measure_scrub (AtlasBenchScene  *scene,
                           GArray           *days,
                           GError          **error)
{
  static const char * const names[N_PARTS] = {
    [PART_LIST] = "  event list (span, nearest)",
    [PART_EVENTS] = "  event set",
    [PART_DEPLOYMENTS] = "  deployment set",
    [PART_ZONES] = "  active zones lookup",
  };
  g_autoptr(AtlasFeatureRange) list = atlas_feature_range_new (ATLAS_KIND_EVENT);
  g_auto(AtlasBenchSeries) total = { 0 };
  AtlasBenchSeries parts[N_PARTS];
  g_auto(Shown) shown = { 0 };
  AtlasBenchRow *row;
  guint n_events = 0, n_zones = 0;

  /* The zone layer finds computed zones in the cache except right after a
   * width change: fill it first, as a session soon does. */
  for (guint i = 0; i < days->len; i++)
    {
      g_autoptr(GPtrArray) zones = zones_of_day (scene->zone_set, g_array_index (days, gint32, i), TRUE, error);

      if (zones == NULL)
        return FALSE;
    }

  atlas_feature_range_set_dataset (list, scene->dataset);
  atlas_bench_series_init (&total);
  for (guint p = 0; p < N_PARTS; p++)
    atlas_bench_series_init (&parts[p]);

  for (guint i = 0; i < days->len; i++)
    {
      step (scene, list, g_array_index (days, gint32, i), &shown, parts, &total);
      n_events += g_list_model_get_n_items (G_LIST_MODEL (list));
      n_zones += shown.zones->len;
    }

  g_printerr ("  scrub: %.0f events in the list and %.1f zones per step on average\n",
              (double) n_events / days->len, (double) n_zones / days->len);

  row = atlas_bench_table_add_series (scene->table, "scrub: one timeline step", scene->size, &total);
  if (scene->size == 100000)
    atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_P95, 4);
  else if (scene->size == 1000000)
    atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_P95, 8);
  for (guint p = 0; p < N_PARTS; p++)
    atlas_bench_table_add_series (scene->table, names[p], scene->size, &parts[p]);
  clear_series (parts, N_PARTS);

  if (n_events == 0 || n_zones == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Scrubbing %u days showed %u events and %u zones: the dataset is not what was generated",
                   days->len, n_events, n_zones);
      return FALSE;
    }

  return TRUE;
}

/* Drawing the overlays ----------------------------------------------------- */

enum {
  LAYER_ZONES,
  LAYER_DEPLOYMENTS,
  LAYER_EVENTS,
  N_LAYERS
};

/* What the frames drew, summed. */
typedef struct
{
  guint zones;
  guint zone_labels;
  guint zone_redraws;
  double zone_pixels;     /* of the zone layer's pictures */
  guint deployments;
  guint deployment_labels;
  guint events;
  guint event_symbols;
  guint aggregated;
} Drawn;

/* The zone layer's picture of @zones for @view: its AtlasZoneCache, drawn
 * again only if the zones differ from the last call's (the layer alone on
 * its map names the zones itself). */
static gboolean
update_zones (AtlasBenchScene  *scene,
              AtlasZoneCache   *cache,
              const AtlasView  *view,
              GPtrArray        *zones)
{
  AtlasZoneFrame frame = { *view, 1, 0, TRUE, ATLAS_UNITS_METRIC };

  return atlas_zone_cache_update (cache, scene->painter, &frame,
                                  (AtlasComputedZone * const *) zones->pdata, zones->len);
}

/* What the zone, deployment and event layers draw in one frame (their
 * snapshot() functions in src/map/), onto a transparent @surface. The
 * zone layer updates its picture and shows it: GTK's cairo renderer
 * composites that image onto the window, as here; GL renderers draw it as
 * a texture uploaded once per picture. */
static void
draw_frame (AtlasBenchScene  *scene,
            AtlasZoneCache   *cache,
            cairo_surface_t  *surface,
            const AtlasView  *view,
            Shown            *shown,
            Drawn            *drawn,
            AtlasBenchSeries  layers[N_LAYERS],
            AtlasBenchSeries *total)
{
  cairo_t *cr = cairo_create (surface);
  AtlasBenchStopwatch whole, watch;
  cairo_surface_t *zones;
  int x, y;

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  atlas_bench_stopwatch_start (&whole);
  watch = whole;
  drawn->zone_redraws += update_zones (scene, cache, view, shown->zones);
  zones = atlas_zone_cache_get_surface (cache, &x, &y);
  if (zones != NULL)
    {
      drawn->zone_pixels += (double) cairo_image_surface_get_width (zones) * cairo_image_surface_get_height (zones);
      cairo_set_source_surface (cr, zones, x, y);
      cairo_paint (cr);
    }
  drawn->zone_labels += atlas_zone_cache_get_n_labels (cache);
  drawn->zones += shown->zones->len;
  atlas_bench_stopwatch_lap (&watch, &layers[LAYER_ZONES]);

  {
    g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
    AtlasDeploymentDrawInfo info;

    atlas_painter_draw_deployments (scene->painter, cr, view, shown->deployments, &info);
    atlas_painter_draw_deployment_labels (scene->painter, cr, view, shown->deployments, labels, &info);
    drawn->deployments += info.n_symbols;
    drawn->deployment_labels += info.n_labels;
  }
  atlas_bench_stopwatch_lap (&watch, &layers[LAYER_DEPLOYMENTS]);

  {
    AtlasEventDrawInfo info;

    atlas_painter_draw_events (scene->painter, cr, view, shown->events, ATLAS_EVENT_NONE, &info);
    drawn->events += info.n_visible;
    drawn->event_symbols += info.n_points + info.n_clusters;
    drawn->aggregated += info.aggregated;
  }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  atlas_bench_stopwatch_lap (&watch, &layers[LAYER_EVENTS]);
  atlas_bench_stopwatch_lap (&whole, total);
}

/* Days between a frame and the one before it when the timeline plays at
 * its top speed, a year a second, at 60 frames a second. */
#define TOP_SPEED_STEP 6

/* Draws a frame of each day as it follows the frame of the day @step days
 * before (drawn untimed), so the zone layer's picture is kept when the
 * zones are the same on both days; with @step 0, each frame has its zones
 * drawn anew, as after the map moved. */
static gboolean
draw_frames (AtlasBenchScene   *scene,
             GArray            *days,
             int                step,
             AtlasBenchSeries   layers[N_LAYERS],
             AtlasBenchSeries  *total,
             GError           **error)
{
  g_autoptr(AtlasZoneCache) cache = atlas_zone_cache_new ();
  cairo_surface_t *surface;
  Drawn drawn = { 0 };
  gboolean ok = TRUE;
  AtlasView view;
  double n = scene->plan->n_frames;

  atlas_bench_home_view (&view, SCREEN_WIDTH, SCREEN_HEIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);

  for (guint i = 0; ok && i < scene->plan->n_frames; i++)
    {
      gint32 day = g_array_index (days, gint32, i % days->len);
      g_autoptr(GPtrArray) before = NULL;
      g_auto(Shown) shown = { 0 };

      if (step > 0)
        {
          before = zones_of_day (scene->zone_set, day - step, TRUE, error);
          if ((ok = before != NULL))
            update_zones (scene, cache, &view, before);
        }
      else
        atlas_zone_cache_invalidate (cache);

      shown.events = atlas_event_set_new (scene->dataset, day, ATLAS_EVENT_WINDOW_TRAILING, WINDOW_DAYS);
      shown.deployments = atlas_deployment_set_new (scene->dataset, day);
      if (ok)
        shown.zones = zones_of_day (scene->zone_set, day, TRUE, error);
      if (ok && (ok = shown.zones != NULL))
        draw_frame (scene, cache, surface, &view, &shown, &drawn, layers, total);
    }
  cairo_surface_destroy (surface);

  if (ok && step == 1 && n > 0)
    g_printerr ("  draw: zoom %.2f; per frame %.1f zones (%.1f names), %.1f deployments (%.1f labels), "
                "%.0f events in %.0f symbols, aggregated in %.0f %% of the frames\n",
                view.zoom, drawn.zones / n, drawn.zone_labels / n, drawn.deployments / n,
                drawn.deployment_labels / n, drawn.events / n, drawn.event_symbols / n, 100 * drawn.aggregated / n);
  if (ok && step > 0)
    g_printerr ("  draw, each frame %d %s after the one before: zones drawn anew in %u of %u frames\n",
                step, step == 1 ? "day" : "days", drawn.zone_redraws, scene->plan->n_frames);
  if (ok && step == 0 && n > 0)
    g_printerr ("  draw, zones drawn anew: their picture %.0f %% of the frame on average\n",
                100 * drawn.zone_pixels / n / (SCREEN_WIDTH * SCREEN_HEIGHT));

  return ok;
}

gboolean
atlas_bench_measure_draw (AtlasBenchScene  *scene,
                          GArray           *days,
                          GError          **error)
{
  static const char * const names[N_LAYERS] = {
    [LAYER_ZONES] = "  zones (areas, lines, names)",
    [LAYER_DEPLOYMENTS] = "  deployments (symbols, labels)",
    [LAYER_EVENTS] = "  events",
  };
  /* The day after day frames, the target's (docs/benchmarks.md), then
   * the same days played fast and with the zones drawn anew. */
  static const struct {
    const char *name;
    int         step;
  } kinds[] = {
    { "draw: overlays, 1920×1080 home view", 1 },
    { "draw: the same, 6 days a frame", TOP_SPEED_STEP },
    { "draw: the same, zones drawn anew", 0 },
  };
  gboolean ok = TRUE;

  for (guint k = 0; ok && k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto(AtlasBenchSeries) total = { 0 };
      AtlasBenchSeries layers[N_LAYERS];
      AtlasBenchRow *row;

      atlas_bench_series_init (&total);
      for (guint l = 0; l < N_LAYERS; l++)
        atlas_bench_series_init (&layers[l]);

      ok = draw_frames (scene, days, kinds[k].step, layers, &total, error);
      if (ok)
        {
          row = atlas_bench_table_add_series (scene->table, kinds[k].name, scene->size, &total);
          if (k == 0 && scene->size == 100000)
            atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_P95, 8);
          for (guint l = 0; l < N_LAYERS; l++)
            if (k == 0 || l == LAYER_ZONES)
              atlas_bench_table_add_series (scene->table, names[l], scene->size, &layers[l]);
        }
      clear_series (layers, N_LAYERS);
    }

  return ok;
}

/* Export --------------------------------------------------------------------- */

/* What `kosovo-atlas --export FILE --date …` draws (atlas-cli-export.c):
 * sources, zones, deployments and events of the day on the home view. */
static AtlasSnapshot *
new_snapshot (AtlasBenchScene  *scene,
              gint32            day,
              GError          **error)
{
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) zones = NULL;
  g_autoptr(AtlasEventSet) events = NULL;
  g_autoptr(AtlasDeploymentSet) deployments = NULL;
  AtlasOverlay *overlays[4];
  AtlasView view;

  zones = zones_of_day (scene->zone_set, day, TRUE, error);
  if (zones == NULL)
    return NULL;

  events = atlas_event_set_new (scene->dataset, day, ATLAS_EVENT_WINDOW_TRAILING, WINDOW_DAYS);
  deployments = atlas_deployment_set_new (scene->dataset, day);

  atlas_bench_home_view (&view, SCREEN_WIDTH, SCREEN_HEIGHT);
  snapshot = atlas_snapshot_new (scene->painter, &view);
  atlas_snapshot_set_title (snapshot, "Benchmark");
  atlas_snapshot_set_day (snapshot, day);

  overlays[0] = atlas_dataset_sources_overlay_new (scene->dataset);
  overlays[1] = atlas_zones_overlay_new ((AtlasComputedZone * const *) zones->pdata, zones->len);
  overlays[2] = atlas_deployments_overlay_new (deployments);
  overlays[3] = atlas_events_overlay_new (events);
  for (guint i = 0; i < G_N_ELEMENTS (overlays); i++)
    {
      atlas_snapshot_add_overlay (snapshot, overlays[i]);
      atlas_overlay_unref (overlays[i]);
    }

  return g_steal_pointer (&snapshot);
}

/* Whether @path is a PNG of @width × @height pixels (its IHDR chunk). */
static gboolean
check_png (const char  *path,
           int          width,
           int          height,
           GError     **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree guint8 *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, (char **) &data, &length, error))
    return FALSE;

  if (length < 24 || memcmp (data, signature, 8) != 0 ||
      GUINT32_FROM_BE (*(guint32 *) (data + 16)) != (guint32) width ||
      GUINT32_FROM_BE (*(guint32 *) (data + 20)) != (guint32) height)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not a %d×%d PNG", path, width, height);
      return FALSE;
    }

  return TRUE;
}

static gboolean
time_export (AtlasBenchScene        *scene,
             AtlasSnapshot          *snapshot,
             AtlasExportFormat       format,
             const AtlasExportSize  *size,
             const char             *name,
             double                  limit_ms,
             GError                **error)
{
  g_autofree char *path = g_build_filename (scene->workdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *label = g_strdup_printf ("export: %s %d×%d, home view", atlas_export_format_get_extension (format),
                                            size->width, size->height);
  g_auto(AtlasBenchSeries) times = { 0 };
  AtlasBenchRow *row;

  atlas_bench_series_init (&times);
  for (guint i = 0; i < scene->plan->export_runs; i++)
    {
      AtlasBenchStopwatch watch;

      atlas_bench_stopwatch_start (&watch);
      if (!atlas_export_write (snapshot, format, size, file, NULL, NULL, NULL, error))
        return FALSE;
      atlas_bench_stopwatch_lap (&watch, &times);
    }

  if (format == ATLAS_EXPORT_FORMAT_PNG && !check_png (path, size->width, size->height, error))
    return FALSE;

  row = atlas_bench_table_add_series (scene->table, label, scene->size, &times);
  if (limit_ms > 0)
    atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_MEDIAN, limit_ms);

  return TRUE;
}

gboolean
atlas_bench_measure_export (AtlasBenchScene  *scene,
                            GError          **error)
{
  g_autoptr(AtlasSnapshot) snapshot = new_snapshot (scene, atlas_bench_busy_day (), error);
  const AtlasExportSize uhd = { 3840, 2160, 0 };
  const AtlasExportSize full_hd = { SCREEN_WIDTH, SCREEN_HEIGHT, 0 };

  return snapshot != NULL &&
         time_export (scene, snapshot, ATLAS_EXPORT_FORMAT_PNG, &uhd, "export.png", 1000, error) &&
         time_export (scene, snapshot, ATLAS_EXPORT_FORMAT_PDF, &full_hd, "export.pdf", 0, error);
}

/* Base map tiles --------------------------------------------------------------- */

/* A spread of the tiles of @zoom over Kosovo: all of them when few,
 * otherwise TILES_PER_ZOOM evenly taken in row order. */
static GArray *
tiles_of_zoom (guint zoom)
{
  GArray *tiles = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  double n = exp2 (zoom);
  guint x0 = (guint) (atlas_mercator_x_from_lon (kosovo_box[0]) * n);
  guint x1 = (guint) (atlas_mercator_x_from_lon (kosovo_box[2]) * n);
  guint y0 = (guint) (atlas_mercator_y_from_lat (kosovo_box[3]) * n);
  guint y1 = (guint) (atlas_mercator_y_from_lat (kosovo_box[1]) * n);
  guint columns = x1 - x0 + 1, count = columns * (y1 - y0 + 1);
  guint taken = MIN (count, TILES_PER_ZOOM);

  for (guint i = 0; i < taken; i++)
    {
      guint k = (guint) ((guint64) i * count / taken);
      guint tile[2] = { x0 + k % columns, y0 + k / columns };

      g_array_append_val (tiles, tile);
    }

  return tiles;
}

/* What atlas_tile_source_render_texture() does, without the texture. */
static void
render_tile (AtlasPainter     *painter,
             guint             x,
             guint             y,
             guint             zoom,
             AtlasBenchSeries *times)
{
  AtlasBenchStopwatch watch;
  cairo_surface_t *surface;
  cairo_t *cr;
  AtlasView view;

  atlas_bench_stopwatch_start (&watch);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ATLAS_TILE_SIZE, ATLAS_TILE_SIZE);
  cr = cairo_create (surface);
  atlas_view_init_tile (&view, x, y, zoom, ATLAS_TILE_SIZE);
  atlas_painter_draw_base (painter, cr, &view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  atlas_bench_stopwatch_lap (&watch, times);
}

static void
series_append (AtlasBenchSeries *to,
               AtlasBenchSeries *from)
{
  g_array_append_vals (to->wall, from->wall->data, from->wall->len);
  g_array_append_vals (to->cpu, from->cpu->data, from->cpu->len);
}

gboolean
atlas_bench_measure_tiles (AtlasBenchScene  *scene,
                           GError          **error)
{
  g_auto(AtlasBenchSeries) all = { 0 };
  g_auto(AtlasBenchSeries) slowest = { 0 };
  g_autofree char *slowest_name = NULL;
  guint slowest_zoom = MIN_TILE_ZOOM;
  AtlasBenchRow *row;

  atlas_bench_series_init (&all);
  for (guint zoom = MIN_TILE_ZOOM; zoom <= MAX_TILE_ZOOM; zoom++)
    {
      g_autoptr(GArray) tiles = tiles_of_zoom (zoom);
      g_auto(AtlasBenchSeries) times = { 0 };

      atlas_bench_series_init (&times);
      for (guint pass = 0; pass < scene->plan->tile_passes; pass++)
        for (guint i = 0; i < tiles->len; i++)
          {
            const guint *tile = &g_array_index (tiles, guint, 2 * i);

            render_tile (scene->painter, tile[0], tile[1], zoom, &times);
          }

      series_append (&all, &times);
      g_printerr ("  tiles at zoom %u: %u, CPU median %.2f ms, p95 %.2f ms\n", zoom, tiles->len,
                  atlas_bench_samples_median (times.cpu), atlas_bench_samples_p95 (times.cpu));
      /* Slowest by CPU time: the least disturbed by other work. */
      if (slowest.cpu == NULL || atlas_bench_samples_p95 (times.cpu) > atlas_bench_samples_p95 (slowest.cpu))
        {
          atlas_bench_series_clear (&slowest);
          slowest = times;
          times = (AtlasBenchSeries) { 0 };
          slowest_zoom = zoom;
        }
    }

  row = atlas_bench_table_add_series (scene->table, "draw: base map tile, 256 px, zooms 6–12", 0, &all);
  atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_P95, 3);
  slowest_name = g_strdup_printf ("  slowest zoom: %u", slowest_zoom);
  atlas_bench_table_add_series (scene->table, slowest_name, 0, &slowest);

  return TRUE;
}

/* Zones ------------------------------------------------------------------------ */

static gboolean
time_compute (AtlasZoneSet      *zone_set,
              gint32             day,
              double             width_km,
              AtlasBenchSeries  *times,
              GError           **error)
{
  g_autoptr(AtlasComputedZone) zone = NULL;
  AtlasBenchStopwatch watch;

  atlas_bench_stopwatch_start (&watch);
  if (!isnan (width_km))
    atlas_zone_set_set_width_override (zone_set, ATLAS_BENCH_BAND_ZONE, width_km);
  zone = atlas_zone_set_compute (zone_set, ATLAS_BENCH_BAND_ZONE, day, ATLAS_ZONE_COMPUTE_DEFAULT, error);
  if (zone == NULL)
    return FALSE;
  atlas_bench_stopwatch_lap (&watch, times);

  if (atlas_computed_zone_is_empty (zone) ||
      (!isnan (width_km) && atlas_computed_zone_get_width_km (zone) != width_km))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s at %g km: wrong result (empty, or %g km wide)",
                   ATLAS_BENCH_BAND_ZONE, width_km, atlas_computed_zone_get_width_km (zone));
      return FALSE;
    }

  return TRUE;
}

gboolean
atlas_bench_measure_zones (AtlasBenchScene  *scene,
                           GError          **error)
{
  g_autoptr(AtlasZoneSet) zone_set = atlas_zone_set_new (scene->basemap, scene->dataset);
  g_auto(AtlasBenchSeries) cold = { 0 };
  g_auto(AtlasBenchSeries) times = { 0 };
  gint32 day = atlas_bench_busy_day ();
  AtlasBenchRow *row;

  atlas_bench_series_init (&cold);
  atlas_bench_series_init (&times);

  /* A new zone set: the base-map areas are not prepared yet. */
  if (!time_compute (zone_set, day, NAN, &cold, error))
    return FALSE;

  /* Every width is new, so nothing comes from the cache. */
  for (guint i = 0; i < scene->plan->zone_runs; i++)
    if (!time_compute (zone_set, day, 7.0 + 0.5 * i, &times, error))
      return FALSE;

  atlas_bench_table_add_series (scene->table, "zones: first band computation (cold)", 0, &cold);
  row = atlas_bench_table_add_series (scene->table, "zones: band after a width change", 0, &times);
  atlas_bench_row_set_target (row, ATLAS_BENCH_TARGET_MEDIAN, 50);

  return TRUE;
}
