/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <cairo-svg.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-basemap.h"
#include "atlas-date.h"
#include "atlas-export-size.h"
#include "atlas-export-writer.h"
#include "atlas-painter.h"
#include "atlas-loader.h"
#include "atlas-snapshot.h"
#include "atlas-snapshot-sources.h"
#include "atlas-snapshot-timeline.h"
#include "atlas-snapshot-zones.h"
#include "atlas-zone-set.h"

/* Snapshot composition and export, drawn with cairo alone: no display. */

static AtlasBasemap *basemap;
static AtlasPainter *painter;

/* Helpers ------------------------------------------------------------------ */

static void
kosovo_view (AtlasView *view,
             double     width,
             double     height)
{
  atlas_view_init (view, 42.6, 20.9, 7.4, width, height);
}

/* A geographic checkerboard, 0.5° cells from 40 N 18 E to 46 N 24 E, and a
 * bold line along 21 E: whatever the base map holds, it shows where on
 * the map each pixel lies. */
static void
draw_checkerboard (cairo_t                   *cr,
                   const AtlasOverlayContext *context,
                   gpointer                   user_data)
{
  const AtlasView *view = context->view;
  double x0, y0, x1, y1;

  for (double lat = 40.0; lat < 46.0; lat += 0.5)
    for (double lon = 18.0; lon < 24.0; lon += 0.5)
      {
        gboolean dark = ((int) (lat * 2) + (int) (lon * 2)) % 2 == 0;

        atlas_view_project (view, atlas_mercator_x_from_lon (lon), atlas_mercator_y_from_lat (lat + 0.5), &x0, &y0);
        atlas_view_project (view, atlas_mercator_x_from_lon (lon + 0.5), atlas_mercator_y_from_lat (lat), &x1, &y1);
        cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
        if (dark)
          cairo_set_source_rgba (cr, 0.2, 0.5, 0.2, 0.5);
        else
          cairo_set_source_rgba (cr, 0.9, 0.8, 0.3, 0.5);
        cairo_fill (cr);
      }

  atlas_view_project (view, atlas_mercator_x_from_lon (21.0), atlas_mercator_y_from_lat (46.0), &x0, &y0);
  atlas_view_project (view, atlas_mercator_x_from_lon (21.0), atlas_mercator_y_from_lat (40.0), &x1, &y1);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_set_source_rgb (cr, 0.7, 0.1, 0.1);
  cairo_set_line_width (cr, 6);
  cairo_stroke (cr);
}

static void
checkerboard_legend (AtlasLegend               *legend,
                     const AtlasOverlayContext *context,
                     gpointer                   user_data)
{
  AtlasRgba red = { 0.7, 0.1, 0.1, 1 };

  atlas_legend_add_line (legend, "Meridian 21° E", &red, 3, FALSE);
  atlas_legend_add_source (legend, "Test Survey");
}

static AtlasSnapshot *
new_checkerboard_snapshot (double width,
                           double height)
{
  g_autoptr(AtlasOverlay) overlay = NULL;
  AtlasSnapshot *snapshot;
  AtlasView view;

  kosovo_view (&view, width, height);
  snapshot = atlas_snapshot_new (painter, &view);
  overlay = atlas_overlay_new ("checkerboard", ATLAS_OVERLAY_DEPTH_ZONES, draw_checkerboard, NULL,
                               checkerboard_legend, NULL, NULL);
  atlas_snapshot_add_overlay (snapshot, overlay);
  atlas_snapshot_set_day (snapshot, atlas_day_from_ymd (1999, 6, 12));
  atlas_snapshot_set_title (snapshot, "Test");

  return snapshot;
}

static cairo_surface_t *
render (AtlasSnapshot *snapshot,
        int            width,
        int            height)
{
  AtlasExportSize size = { width, height, 0 };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = atlas_export_render_image (snapshot, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  return surface;
}

typedef struct
{
  double r, g, b;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  p = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
  return (Rgb) { ((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0 };
}

/* The mean of the @k × @k block whose top-left pixel is (x, y). */
static Rgb
block_at (cairo_surface_t *surface,
          int              x,
          int              y,
          int              k)
{
  Rgb sum = { 0, 0, 0 };

  for (int j = 0; j < k; j++)
    for (int i = 0; i < k; i++)
      {
        Rgb p = pixel_at (surface, x + i, y + j);
        sum.r += p.r, sum.g += p.g, sum.b += p.b;
      }

  return (Rgb) { sum.r / (k * k), sum.g / (k * k), sum.b / (k * k) };
}

static double
rgb_distance (Rgb a,
              Rgb b)
{
  return MAX (fabs (a.r - b.r), MAX (fabs (a.g - b.g), fabs (a.b - b.b)));
}

/* The share of pixels in the rectangle that differ by more than @tolerance. */
static double
region_difference (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x,
                   int              y,
                   int              width,
                   int              height,
                   double           tolerance)
{
  guint differ = 0;

  for (int j = y; j < y + height; j++)
    for (int i = x; i < x + width; i++)
      if (rgb_distance (pixel_at (a, i, j), pixel_at (b, i, j)) > tolerance)
        differ++;

  return (double) differ / (width * height);
}

/* The share of pixels that differ in the box of half-size @rx × @ry around
 * where (@lon, @lat) is in @view. */
static double
difference_around (cairo_surface_t *a,
                   cairo_surface_t *b,
                   const AtlasView *view,
                   double           lon,
                   double           lat,
                   int              rx,
                   int              ry,
                   double           tolerance)
{
  double px, py;

  atlas_view_project (view, atlas_mercator_x_from_lon (lon), atlas_mercator_y_from_lat (lat), &px, &py);
  return region_difference (a, b, (int) px - rx, (int) py - ry, 2 * rx, 2 * ry, tolerance);
}

/* Sizes and formats --------------------------------------------------------- */

static void
test_size_parse (void)
{
  static const struct { const char *text; int width, height; gboolean print; } good[] = {
    { "1920x1080", 1920, 1080, FALSE },
    { "640X480", 640, 480, FALSE },
    { "16x16384", 16, 16384, FALSE },
    { "a4", 2480, 3508, TRUE },
    { "A4-landscape", 3508, 2480, TRUE },
    { "letter", 2550, 3300, TRUE },
    { "letter-landscape", 3300, 2550, TRUE },
  };
  static const char * const bad[] = {
    "", "1920", "x1080", "1920x", "1920x1080x2", "-1920x1080", "1920x-1080", "+640x480",
    "15x100", "100x15", "16385x100", "16384x16384", "1e3x100", "100 x 100", " 100x100",
    "99999999999999999999x10", "a5", "A4 landscape",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      AtlasExportSize size;
      g_autoptr(GError) error = NULL;

      g_assert_true (atlas_export_size_parse (good[i].text, &size, &error));
      g_assert_no_error (error);
      g_assert_cmpint (size.width, ==, good[i].width);
      g_assert_cmpint (size.height, ==, good[i].height);
      g_assert_cmpfloat (size.dpi, ==, good[i].print ? 300.0 : 0.0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      AtlasExportSize size = { 1, 2, 3 };
      g_autoptr(GError) error = NULL;

      g_test_message ("size “%s”", bad[i]);
      g_assert_false (atlas_export_size_parse (bad[i], &size, &error));
      g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_INVALID_SIZE);
      /* A failed parse leaves the size alone. */
      g_assert_cmpint (size.width, ==, 1);
      g_assert_cmpint (size.height, ==, 2);
    }
}

static void
test_size_presets (void)
{
  AtlasView current;
  AtlasExportSize size;
  double w, h;

  kosovo_view (&current, 1280, 747);
  g_assert_true (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_CURRENT_VIEW, &current, &size));
  g_assert_cmpint (size.width, ==, 1280);
  g_assert_cmpint (size.height, ==, 747);
  g_assert_false (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_CURRENT_VIEW, NULL, &size));
  g_assert_false (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_CUSTOM, &current, &size));

  g_assert_true (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_UHD, &current, &size));
  g_assert_cmpint (size.width, ==, 3840);
  g_assert_cmpint (size.height, ==, 2160);

  /* A4 in a PDF is the paper's size in points, in a PNG 300 dpi pixels. */
  g_assert_true (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_A4_LANDSCAPE, NULL, &size));
  atlas_export_size_get_page (&size, ATLAS_EXPORT_FORMAT_PDF, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.5);
  atlas_export_size_get_page (&size, ATLAS_EXPORT_FORMAT_PNG, &w, &h);
  g_assert_cmpfloat (w, ==, 3508);
  g_assert_cmpfloat (h, ==, 2480);

  g_assert_true (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_LETTER_PORTRAIT, NULL, &size));
  atlas_export_size_get_page (&size, ATLAS_EXPORT_FORMAT_SVG, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 792, 0.5);

  for (guint i = 0; i < ATLAS_EXPORT_N_PRESETS; i++)
    g_assert_nonnull (atlas_export_preset_get_label (i));
}

static void
test_format_from_name (void)
{
  static const struct { const char *name; AtlasExportFormat format; } good[] = {
    { "map.png", ATLAS_EXPORT_FORMAT_PNG },
    { "/tmp/x.y/MAP.PNG", ATLAS_EXPORT_FORMAT_PNG },
    { "a.svg", ATLAS_EXPORT_FORMAT_SVG },
    { "a.b.pdf", ATLAS_EXPORT_FORMAT_PDF },
  };
  static const char * const bad[] = { "map", "map.jpeg", "map.png.txt", "dir.png/map", ".pdfx", "map." };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      AtlasExportFormat format = -1;

      g_assert_true (atlas_export_format_from_name (good[i].name, &format, NULL));
      g_assert_cmpint (format, ==, good[i].format);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      AtlasExportFormat format;

      g_assert_false (atlas_export_format_from_name (bad[i], &format, &error));
      g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_UNSUPPORTED_FORMAT);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* The map area of a view: its Mercator bounds. */
static void
assert_contains_area (const AtlasView *outer,
                      const AtlasView *inner)
{
  double o[4], i[4];

  atlas_view_get_bounds (outer, 0, o);
  atlas_view_get_bounds (inner, 0, i);
  for (guint k = 0; k < 2; k++)
    g_assert_cmpfloat (o[k], <=, i[k] + 1e-12);
  for (guint k = 2; k < 4; k++)
    g_assert_cmpfloat (o[k], >=, i[k] - 1e-12);
}

static void
test_fit_view (void)
{
  AtlasView view, fitted;
  AtlasExportSize size;
  double scale;
  double ob[4], ib[4];

  /* Same shape: the same view, scaled. */
  kosovo_view (&view, 1920, 1080);
  size = (AtlasExportSize) { 3840, 2160, 0 };
  atlas_export_fit_view (&view, &size, &fitted, &scale);
  g_assert_cmpfloat (scale, ==, 2.0);
  g_assert_cmpmem (&fitted, sizeof fitted, &view, sizeof view);

  /* Current view: scale 1, unchanged. */
  size = (AtlasExportSize) { 1920, 1080, 0 };
  atlas_export_fit_view (&view, &size, &fitted, &scale);
  g_assert_cmpfloat (scale, ==, 1.0);
  g_assert_cmpmem (&fitted, sizeof fitted, &view, sizeof view);

  /* Another shape: the centre stays, the whole area is shown, and it
   * touches the area on one axis (no needless zooming out). */
  size = (AtlasExportSize) { 2000, 2000, 0 };
  atlas_export_fit_view (&view, &size, &fitted, &scale);
  g_assert_cmpfloat (fitted.x, ==, view.x);
  g_assert_cmpfloat (fitted.y, ==, view.y);
  g_assert_cmpfloat_with_epsilon (fitted.width * scale, 2000, 1e-9);
  assert_contains_area (&fitted, &view);
  atlas_view_get_bounds (&fitted, 0, ob);
  atlas_view_get_bounds (&view, 0, ib);
  g_assert_cmpfloat_with_epsilon (ob[2] - ob[0], ib[2] - ib[0], 1e-12);

  /* A page: 1/96 inch per logical pixel, the centre kept, the area inside. */
  g_assert_true (atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_A4_PORTRAIT, NULL, &size));
  atlas_export_fit_view (&view, &size, &fitted, &scale);
  g_assert_cmpfloat_with_epsilon (scale, 300.0 / 96.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (fitted.width, 2480 / scale, 1e-9);
  g_assert_cmpfloat (fitted.x, ==, view.x);
  assert_contains_area (&fitted, &view);

  /* Smaller than the view: not scaled below 1, zoomed out instead. */
  size = (AtlasExportSize) { 960, 540, 0 };
  atlas_export_fit_view (&view, &size, &fitted, &scale);
  g_assert_cmpfloat (scale, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (fitted.zoom, view.zoom - 1, 1e-12);
  assert_contains_area (&fitted, &view);
}

/* Composition ---------------------------------------------------------------- */

typedef struct
{
  GString   *log;
  const char *tag;
  AtlasOverlayContext seen;
} Recorder;

static void
record_draw (cairo_t                   *cr,
             const AtlasOverlayContext *context,
             gpointer                   user_data)
{
  Recorder *recorder = user_data;

  g_string_append_printf (recorder->log, "draw:%s ", recorder->tag);
  recorder->seen = *context;
  /* A careless overlay: the snapshot must contain this. */
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_scale (cr, 5, 5);
}

static void
record_labels (cairo_t                   *cr,
               const AtlasOverlayContext *context,
               gpointer                   user_data)
{
  Recorder *recorder = user_data;

  g_string_append_printf (recorder->log, "labels:%s ", recorder->tag);
  g_assert_nonnull (context->labels);
  /* Overlay labels go before the base map's and must not cover furniture:
   * the title's corner is already taken. */
  g_assert_false (atlas_label_set_try_add (context->labels, 14, 14, 4, 4));
}

static void
record_legend (AtlasLegend               *legend,
               const AtlasOverlayContext *context,
               gpointer                   user_data)
{
  Recorder *recorder = user_data;
  AtlasRgba color = { 0.5, 0.5, 0.5, 1 };

  g_string_append_printf (recorder->log, "legend:%s ", recorder->tag);
  atlas_legend_add_heading (legend, "Overlays");
  atlas_legend_add_fill (legend, recorder->tag, &color, NULL);
  atlas_legend_add_point (legend, "Shared", &color, 3);
  atlas_legend_add_source (legend, "Shared Source");
}

static void
recorder_destroyed (gpointer user_data)
{
  Recorder *recorder = user_data;

  g_string_append_printf (recorder->log, "destroy:%s ", recorder->tag);
}

static void
test_overlay_order (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  Recorder high = { log, "high" }, low = { log, "low" }, low2 = { log, "low2" };
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  g_autoptr(AtlasSnapshot) copy = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  AtlasView view;
  AtlasOverlay *overlay;
  double x = 1, y = 0;

  kosovo_view (&view, 400, 300);
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_day (snapshot, 10755);
  atlas_snapshot_set_names (snapshot, ATLAS_NAMES_SR);

  /* Added out of order: drawn by depth, equal depths in the order added. */
  overlay = atlas_overlay_new ("high", ATLAS_OVERLAY_DEPTH_EVENTS, record_draw, record_labels,
                               record_legend, &high, recorder_destroyed);
  atlas_snapshot_add_overlay (snapshot, overlay);
  atlas_overlay_unref (overlay);
  overlay = atlas_overlay_new ("low", ATLAS_OVERLAY_DEPTH_ZONES, record_draw, record_labels,
                               record_legend, &low, recorder_destroyed);
  atlas_snapshot_add_overlay (snapshot, overlay);
  atlas_overlay_unref (overlay);
  overlay = atlas_overlay_new ("low2", ATLAS_OVERLAY_DEPTH_ZONES, record_draw, NULL,
                               NULL, &low2, recorder_destroyed);
  atlas_snapshot_add_overlay (snapshot, overlay);
  g_assert_cmpuint (atlas_snapshot_get_n_overlays (snapshot), ==, 3);

  surface = cairo_svg_surface_create (NULL, 800, 600);
  cr = cairo_create (surface);
  cairo_scale (cr, 2, 2);
  g_assert_true (atlas_snapshot_draw (snapshot, cr, ATLAS_SNAPSHOT_TARGET_VECTOR, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Every callback ran between save and restore. */
  cairo_user_to_device_distance (cr, &x, &y);
  g_assert_cmpfloat (x, ==, 2.0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpstr (log->str, ==,
                   "legend:low legend:high "
                   "draw:low draw:low2 draw:high "
                   "labels:low labels:high ");

  /* What the overlays were told. */
  g_assert_true (high.seen.view != NULL);
  g_assert_cmpfloat (high.seen.view->width, ==, 400);
  g_assert_true (high.seen.painter == painter);
  g_assert_cmpint (high.seen.day, ==, 10755);
  g_assert_cmpint (high.seen.names, ==, ATLAS_NAMES_SR);
  g_assert_cmpint (high.seen.target, ==, ATLAS_SNAPSHOT_TARGET_VECTOR);
  g_assert_cmpfloat (high.seen.device_scale, ==, 2.0);

  /* Removing and copying; overlays are shared by copies and freed once. */
  copy = atlas_snapshot_copy (snapshot);
  g_assert_true (atlas_snapshot_remove_overlay (snapshot, overlay));
  g_assert_false (atlas_snapshot_remove_overlay (snapshot, overlay));
  g_assert_cmpuint (atlas_snapshot_get_n_overlays (snapshot), ==, 2);
  g_assert_cmpuint (atlas_snapshot_get_n_overlays (copy), ==, 3);
  g_string_truncate (log, 0);
  atlas_overlay_unref (overlay);
  g_clear_object (&copy);
  g_assert_cmpstr (log->str, ==, "destroy:low2 ");
  g_clear_object (&snapshot);
  g_assert_cmpstr (log->str, ==, "destroy:low2 destroy:low destroy:high ");
}

static void
test_legend (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  Recorder a = { log, "Alpha" }, b = { log, "Beta" };
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  g_autoptr(AtlasLegend) legend = NULL;
  g_autoptr(AtlasOverlay) oa = NULL;
  g_autoptr(AtlasOverlay) ob = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  AtlasView view;

  kosovo_view (&view, 800, 600);
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_add_source (snapshot, "Own Dataset");
  atlas_snapshot_add_source (snapshot, "Own Dataset");
  oa = atlas_overlay_new ("a", 1, NULL, NULL, record_legend, &a, NULL);
  ob = atlas_overlay_new ("b", 2, NULL, NULL, record_legend, &b, NULL);
  atlas_snapshot_add_overlay (snapshot, oa);
  atlas_snapshot_add_overlay (snapshot, ob);

  legend = atlas_snapshot_collect_legend (snapshot, ATLAS_SNAPSHOT_TARGET_RASTER);
  for (guint i = 0; i < atlas_legend_get_n_entries (legend); i++)
    g_ptr_array_add (labels, (gpointer) atlas_legend_get_label (legend, i));
  g_ptr_array_add (labels, NULL);

  /* Both overlays' own entries, the shared ones once, after the base map's. */
  g_assert_true (g_strv_contains ((const char * const *) labels->pdata, "Alpha"));
  g_assert_true (g_strv_contains ((const char * const *) labels->pdata, "Beta"));
  g_assert_cmpstr (atlas_legend_get_label (legend, atlas_legend_get_n_entries (legend) - 1), ==, "Beta");
  {
    guint shared = 0, headings = 0;

    for (guint i = 0; labels->pdata[i] != NULL; i++)
      {
        shared += g_str_equal (labels->pdata[i], "Shared");
        headings += g_str_equal (labels->pdata[i], "Overlays");
      }
    g_assert_cmpuint (shared, ==, 1);
    g_assert_cmpuint (headings, ==, 1);
  }

  g_assert_cmpuint (atlas_legend_get_n_sources (legend), ==, 2);
  g_assert_cmpstr (atlas_legend_get_source (legend, 0), ==, "Own Dataset");
  g_assert_cmpstr (atlas_legend_get_source (legend, 1), ==, "Shared Source");
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_titles (void)
{
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *dated = NULL;
  guint changes = 0;
  AtlasView view;

  kosovo_view (&view, 800, 600);
  snapshot = atlas_snapshot_new (painter, &view);
  g_signal_connect_swapped (snapshot, "changed", G_CALLBACK (count_change), &changes);

  g_assert_null (atlas_snapshot_dup_date_stamp (snapshot));
  title = atlas_snapshot_dup_display_title (snapshot);
  g_assert_nonnull (title);
  g_assert_cmpstr (title, !=, "");

  atlas_snapshot_set_day (snapshot, atlas_day_from_ymd (1999, 6, 12));
  atlas_snapshot_set_day (snapshot, atlas_day_from_ymd (1999, 6, 12));
  g_assert_cmpuint (changes, ==, 1);
  stamp = atlas_snapshot_dup_date_stamp (snapshot);
  g_assert_nonnull (strstr (stamp, "12 June 1999"));
  /* The default title is the view and the date. */
  dated = atlas_snapshot_dup_display_title (snapshot);
  g_assert_true (g_str_has_prefix (dated, title));
  g_assert_true (g_str_has_suffix (dated, "12 June 1999"));

  /* The place follows the place-name mode, as the map's labels do. */
  atlas_snapshot_set_names (snapshot, ATLAS_NAMES_SQ);
  g_clear_pointer (&dated, g_free);
  dated = atlas_snapshot_dup_display_title (snapshot);
  g_assert_cmpstr (dated, ==, "Kosova, 12 June 1999");
  atlas_snapshot_set_names (snapshot, ATLAS_NAMES_EN);
  g_clear_pointer (&dated, g_free);
  dated = atlas_snapshot_dup_display_title (snapshot);
  g_assert_cmpstr (dated, ==, "Kosovo, 12 June 1999");
  changes -= 2;

  atlas_snapshot_set_title (snapshot, "Own");
  g_clear_pointer (&title, g_free);
  title = atlas_snapshot_dup_display_title (snapshot);
  g_assert_cmpstr (title, ==, "Own");
  atlas_snapshot_set_title (snapshot, "");
  g_assert_null (atlas_snapshot_get_title (snapshot));
  g_assert_cmpuint (changes, ==, 3);
}

static void
test_cancel (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (300, 200);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AtlasExportSize size = { 300, 200, 0 };
  cairo_surface_t *surface;

  g_cancellable_cancel (cancellable);
  surface = atlas_export_render_image (snapshot, &size, cancellable, &error);
  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Overlays of the export itself ---------------------------------------------- */

static const char zone_dataset[] =
  "{ \"type\": \"FeatureCollection\", \"features\": [ {"
  "  \"type\": \"Feature\","
  "  \"geometry\": { \"type\": \"Polygon\", \"coordinates\": [ [ [20.5, 42.3], [21.5, 42.3],"
  "                  [21.5, 42.9], [20.5, 42.9], [20.5, 42.3] ] ] },"
  "  \"properties\": { \"kind\": \"zone\", \"id\": \"test-zone\", \"title\": \"Test Zone\","
  "    \"status\": \"in-force\", \"start\": \"1999-06-10\", \"end\": \"..\", \"certainty\": \"certain\","
  "    \"sources\": [ { \"title\": \"Zone Order\", \"publisher\": \"Zone Publisher\", \"date\": \"1999-06-09\" } ] } } ] }";

static const char timeline_dataset[] =
  "{ \"type\": \"FeatureCollection\", \"features\": [ {"
  "  \"type\": \"Feature\", \"geometry\": { \"type\": \"Point\", \"coordinates\": [20.6, 42.4] },"
  "  \"properties\": { \"kind\": \"event\", \"id\": \"test-event\", \"title\": \"Test Event\","
  "    \"category\": \"unrest\", \"start\": \"2000-03-01\", \"certainty\": \"certain\","
  "    \"sources\": [ { \"title\": \"Report\", \"publisher\": \"Event Publisher\", \"date\": \"2000-03-02\" } ] } }, {"
  "  \"type\": \"Feature\", \"geometry\": { \"type\": \"Point\", \"coordinates\": [21.3, 42.8] },"
  "  \"properties\": { \"kind\": \"deployment\", \"id\": \"test-unit\", \"title\": \"Test Unit\","
  "    \"nation\": \"DEU\", \"unit\": \"Test Brigade\", \"troops\": 3000,"
  "    \"start\": \"1999-06-12\", \"end\": \"..\", \"certainty\": \"certain\","
  "    \"sources\": [ { \"title\": \"Order\", \"publisher\": \"Unit Publisher\", \"date\": \"1999-06-12\" } ] } } ] }";

static AtlasDataset *
load_dataset_text (const char *text,
                   gsize       length)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, length);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  atlas_loader_add_bytes (loader, bytes, "test.geojson");
  dataset = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_loader_get_n_errors (loader), ==, 0);

  return dataset;
}

/* A zone and the dataset's sources, as the command line adds them: drawn,
 * in the legend, credited. */
static void
test_zones_overlay (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset_text (zone_dataset, sizeof zone_dataset - 1);
  g_autoptr(AtlasZoneSet) zone_set = atlas_zone_set_new (basemap, dataset);
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(AtlasOverlay) zones = NULL;
  g_autoptr(AtlasOverlay) sources = NULL;
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  g_autoptr(AtlasSnapshot) bare = NULL;
  g_autoptr(AtlasLegend) legend = NULL;
  g_autoptr(GError) error = NULL;
  gint32 day = atlas_day_from_ymd (2000, 1, 1);
  cairo_surface_t *with, *without;
  AtlasView view;
  gboolean labelled = FALSE;

  zone = atlas_zone_set_compute (zone_set, "test-zone", day, ATLAS_ZONE_COMPUTE_HISTORICAL, &error);
  g_assert_no_error (error);

  kosovo_view (&view, 640, 400);
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_day (snapshot, day);
  bare = atlas_snapshot_copy (snapshot);
  zones = atlas_zones_overlay_new (&zone, 1);
  sources = atlas_dataset_sources_overlay_new (dataset);
  atlas_snapshot_add_overlay (snapshot, zones);
  atlas_snapshot_add_overlay (snapshot, sources);

  legend = atlas_snapshot_collect_legend (snapshot, ATLAS_SNAPSHOT_TARGET_RASTER);
  for (guint i = 0; i < atlas_legend_get_n_entries (legend); i++)
    labelled |= g_str_equal (atlas_legend_get_label (legend, i), "Test Zone");
  g_assert_true (labelled);
  g_assert_cmpuint (atlas_legend_get_n_sources (legend), ==, 1);
  g_assert_cmpstr (atlas_legend_get_source (legend, 0), ==, "Zone Publisher");

  /* The zone is drawn where it lies: around 42.6 N 21.0 E, not outside. */
  with = render (snapshot, 640, 400);
  without = render (bare, 640, 400);
  g_assert_cmpfloat (difference_around (with, without, &view, 21.0, 42.6, 100, 60, 0.02), >, 0.5);
  g_assert_cmpfloat (difference_around (with, without, &view, 21.8, 42.1, 10, 10, 0.02), ==, 0.0);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static gboolean
legend_has (AtlasLegend *legend,
            const char  *label)
{
  for (guint i = 0; i < atlas_legend_get_n_entries (legend); i++)
    if (g_str_equal (atlas_legend_get_label (legend, i), label))
      return TRUE;

  return FALSE;
}

/* Events and deployments as the command line adds them. */
static void
test_timeline_overlays (void)
{
  g_autoptr(AtlasDataset) dataset = load_dataset_text (timeline_dataset, sizeof timeline_dataset - 1);
  gint32 day = atlas_day_from_ymd (2000, 3, 10);
  g_autoptr(AtlasEventSet) event_set = atlas_event_set_new (dataset, day, ATLAS_EVENT_WINDOW_TRAILING, 30);
  g_autoptr(AtlasDeploymentSet) deployment_set = atlas_deployment_set_new (dataset, day);
  g_autoptr(AtlasOverlay) events = atlas_events_overlay_new (event_set);
  g_autoptr(AtlasOverlay) deployments = atlas_deployments_overlay_new (deployment_set);
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  g_autoptr(AtlasSnapshot) bare = NULL;
  g_autoptr(AtlasLegend) legend = NULL;
  cairo_surface_t *with, *without;
  AtlasView view;

  kosovo_view (&view, 640, 400);
  view.zoom = 8.5;
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_day (snapshot, day);
  bare = atlas_snapshot_copy (snapshot);
  atlas_snapshot_add_overlay (snapshot, events);
  atlas_snapshot_add_overlay (snapshot, deployments);

  legend = atlas_snapshot_collect_legend (snapshot, ATLAS_SNAPSHOT_TARGET_VECTOR);
  g_assert_true (legend_has (legend, "Events"));
  g_assert_true (legend_has (legend, "Unrest"));
  g_assert_true (legend_has (legend, "Deployments"));
  g_assert_true (legend_has (legend, "Troops present"));

  with = render (snapshot, 640, 400);
  without = render (bare, 640, 400);
  /* The event and the unit are drawn where they are, nothing far away. */
  g_assert_cmpfloat (difference_around (with, without, &view, 20.6, 42.4, 4, 4, 0.1), >, 0.3);
  g_assert_cmpfloat (difference_around (with, without, &view, 21.3, 42.8, 4, 4, 0.1), >, 0.3);
  g_assert_cmpfloat (difference_around (with, without, &view, 21.8, 42.6, 10, 10, 0.02), ==, 0.0);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* Pictures ------------------------------------------------------------------- */

/* The picture itself: compared with a committed reference. Set
 * ATLAS_UPDATE_REFERENCE=1 to rewrite the reference after a deliberate
 * change of the drawing (or of the base-map data). */
static void
test_reference_image (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (480, 300);
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "export", "reference", "snapshot-480x300.png", NULL);
  cairo_surface_t *got = render (snapshot, 480, 300);
  cairo_surface_t *want;
  double differ;

  if (g_getenv ("ATLAS_UPDATE_REFERENCE") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (got, reference_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("rewrote %s", reference_path);
    }

  want = cairo_image_surface_create_from_png (reference_path);
  g_assert_cmpint (cairo_surface_status (want), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (want), ==, 480);
  g_assert_cmpint (cairo_image_surface_get_height (want), ==, 300);

  /* Anti-aliasing may vary a little between library versions; the
   * picture may not. */
  differ = region_difference (got, want, 0, 0, 480, 300, 0.2);
  if (differ > 0.005)
    {
      g_autofree char *actual = g_test_build_filename (G_TEST_BUILT, "snapshot-480x300-actual.png", NULL);

      cairo_surface_write_to_png (got, actual);
      g_error ("%.2f %% of the pixels differ from %s; this drawing is in %s",
               100 * differ, reference_path, actual);
    }

  cairo_surface_destroy (got);
  cairo_surface_destroy (want);
}

/* The date stamp and the credits are really drawn: with them, the picture
 * differs where they go, and the credits cannot be switched off. */
static void
test_stamp_and_attribution (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (640, 400);
  g_autoptr(AtlasSnapshot) undated = NULL;
  g_autoptr(AtlasSnapshot) bare = NULL;
  cairo_surface_t *with, *without, *nothing;

  atlas_snapshot_set_flags (snapshot, ATLAS_SNAPSHOT_SHOW_DATE);
  undated = atlas_snapshot_copy (snapshot);
  atlas_snapshot_set_day (undated, ATLAS_SNAPSHOT_NO_DAY);
  bare = atlas_snapshot_copy (snapshot);
  atlas_snapshot_set_flags (bare, 0);

  with = render (snapshot, 640, 400);
  without = render (undated, 640, 400);
  nothing = render (bare, 640, 400);

  /* The stamp, top left. */
  g_assert_cmpfloat (region_difference (with, without, 0, 0, 200, 50, 0.1), >, 0.05);
  g_assert_cmpfloat (region_difference (with, nothing, 0, 0, 200, 50, 0.1), >, 0.05);
  /* Nothing else changes with it (labels near the stamp may move). */
  g_assert_cmpfloat (region_difference (with, without, 0, 100, 640, 300, 0.1), ==, 0.0);

  /* The credits, bottom right, whatever the flags: dark text on a light
   * panel over the checkerboard. */
  for (guint i = 0; i < 3; i++)
    {
      cairo_surface_t *s = (cairo_surface_t *[]) { with, without, nothing }[i];
      guint dark = 0, light = 0;

      for (int y = 400 - 60; y < 400 - 12; y++)
        for (int x = 640 - 440; x < 640 - 12; x++)
          {
            Rgb p = pixel_at (s, x, y);
            double lum = (p.r + p.g + p.b) / 3;

            dark += lum < 0.3;
            light += lum > 0.9;
          }
      g_assert_cmpuint (dark, >, 200);
      g_assert_cmpuint (light, >, 2000);
    }

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  cairo_surface_destroy (nothing);
}

/* A 3840×2160 export of a 1920×1080 view is that view at scale 2: every
 * pixel of the small picture matches the 2×2 block of the large one. */
static void
test_same_area (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (1920, 1080);
  cairo_surface_t *small = render (snapshot, 1920, 1080);
  cairo_surface_t *large = render (snapshot, 3840, 2160);
  guint samples = 0, differ = 0;

  if (g_getenv ("ATLAS_KEEP_PICTURES") != NULL)
    {
      cairo_surface_write_to_png (small, "same-area-1920x1080.png");
      cairo_surface_write_to_png (large, "same-area-3840x2160.png");
    }

  for (int y = 3; y < 1080 - 3; y += 7)
    for (int x = 3; x < 1920 - 3; x += 7)
      {
        Rgb a = pixel_at (small, x, y);
        Rgb b = block_at (large, 2 * x, 2 * y, 2);

        samples++;
        differ += rgb_distance (a, b) > 0.25;
      }

  g_test_message ("%u of %u samples differ", differ, samples);
  /* Only anti-aliased edges and glyphs may differ. */
  g_assert_cmpfloat ((double) differ / samples, <, 0.02);

  cairo_surface_destroy (small);
  cairo_surface_destroy (large);
}

/* Writing files ------------------------------------------------------------------- */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static gboolean
write_file (AtlasSnapshot      *snapshot,
            AtlasExportFormat   format,
            const char         *path,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasExportSize size = { 320, 200, 0 };

  return atlas_export_write (snapshot, format, &size, file, cancellable, NULL, NULL, error);
}

static void
test_write_formats (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (320, 200);
  g_autofree char *dir = make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  GStatBuf st;
  gsize length;
  mode_t mask;

  g_assert_true (write_file (snapshot, ATLAS_EXPORT_FORMAT_PNG, png, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 320);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 200);
  cairo_surface_destroy (image);

  /* New files get the usual permissions, not mkstemp's 0600. */
  mask = umask (0);
  umask (mask);
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  g_assert_true (write_file (snapshot, ATLAS_EXPORT_FORMAT_SVG, svg, NULL, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"320px\""));
  g_clear_pointer (&contents, g_free);

  g_assert_true (write_file (snapshot, ATLAS_EXPORT_FORMAT_PDF, pdf, NULL, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Nothing but the three files: no temporary left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 3);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* A replaced file keeps its permissions; an unreplaceable target is left
 * alone and named in the error. */
static void
test_write_replace (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (320, 200);
  g_autofree char *dir = make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *busy = g_build_filename (dir, "busy.png", NULL);
  g_autofree char *inside = g_build_filename (busy, "keep.txt", NULL);
  g_autofree char *file_as_dir = g_build_filename (dir, "note.txt", NULL);
  g_autofree char *below_file = g_build_filename (file_as_dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (png, "old", -1, NULL));
  g_assert_cmpint (g_chmod (png, 0640), ==, 0);
  g_assert_true (write_file (snapshot, ATLAS_EXPORT_FORMAT_PNG, png, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpint (st.st_size, >, 100);

  /* The target is a non-empty directory: the rename fails at the end. */
  g_assert_cmpint (g_mkdir (busy, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  g_assert_false (write_file (snapshot, ATLAS_EXPORT_FORMAT_PDF, busy, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, busy));
  g_clear_error (&error);
  assert_file_contents (inside, "keep");

  /* The parent is a regular file: nothing can even be created. */
  g_assert_true (g_file_set_contents (file_as_dir, "note", -1, NULL));
  g_assert_false (write_file (snapshot, ATLAS_EXPORT_FORMAT_SVG, below_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, below_file));
  g_clear_error (&error);
  assert_file_contents (file_as_dir, "note");

  /* A cancelled export replaces nothing. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize before_len, after_len;

    g_assert_true (g_file_get_contents (png, &before, &before_len, NULL));
    g_cancellable_cancel (cancellable);
    g_assert_false (write_file (snapshot, ATLAS_EXPORT_FORMAT_SVG, png, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (png, &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
  }

  /* map.png, busy.png/ and note.txt: no temporary files left. */
  g_assert_cmpuint (count_entries (dir), ==, 3);
}

/* In a directory we may not write to (only testable without root, who
 * may write anywhere; the command-line test covers a read-only mount). */
static void
test_write_read_only_dir (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (320, 200);
  g_autofree char *dir = make_dir ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write into read-only directories");
      return;
    }

  g_assert_true (g_file_set_contents (png, "old", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (write_file (snapshot, ATLAS_EXPORT_FORMAT_PNG, png, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, png));
  assert_file_contents (png, "old");
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  GArray    *fractions;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (state->fractions, fraction);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = atlas_export_write_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_write_async (void)
{
  g_autoptr(AtlasSnapshot) snapshot = new_checkerboard_snapshot (320, 200);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncState state = { g_main_loop_new (NULL, FALSE), g_array_new (FALSE, FALSE, sizeof (double)), FALSE, NULL };
  AtlasExportSize size = { 800, 600, 0 };

  atlas_export_write_async (snapshot, ATLAS_EXPORT_FORMAT_PDF, &size, file, NULL,
                            on_progress, &state, on_written, &state);
  /* The caller may change its snapshot at once: the export has a copy. */
  atlas_snapshot_set_title (snapshot, "Changed");
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (state.fractions->len, >=, 3);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >=,
                       g_array_index (state.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);

  /* An invalid size fails at once, in the callback. */
  size.width = 5;
  state.ok = TRUE;
  atlas_export_write_async (snapshot, ATLAS_EXPORT_FORMAT_PNG, &size, file, NULL,
                            NULL, NULL, on_written, &state);
  g_main_loop_run (state.loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_INVALID_SIZE);
  g_clear_error (&state.error);

  g_main_loop_unref (state.loop);
  g_array_unref (state.fractions);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);
  painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);

  g_test_add_func ("/export/size/parse", test_size_parse);
  g_test_add_func ("/export/size/presets", test_size_presets);
  g_test_add_func ("/export/size/fit-view", test_fit_view);
  g_test_add_func ("/export/format/from-name", test_format_from_name);
  g_test_add_func ("/export/snapshot/overlay-order", test_overlay_order);
  g_test_add_func ("/export/snapshot/legend", test_legend);
  g_test_add_func ("/export/snapshot/titles", test_titles);
  g_test_add_func ("/export/snapshot/cancel", test_cancel);
  g_test_add_func ("/export/overlay/zones", test_zones_overlay);
  g_test_add_func ("/export/overlay/timeline", test_timeline_overlays);
  g_test_add_func ("/export/picture/reference", test_reference_image);
  g_test_add_func ("/export/picture/stamp-and-attribution", test_stamp_and_attribution);
  g_test_add_func ("/export/picture/same-area", test_same_area);
  g_test_add_func ("/export/write/formats", test_write_formats);
  g_test_add_func ("/export/write/replace", test_write_replace);
  g_test_add_func ("/export/write/read-only-dir", test_write_read_only_dir);
  g_test_add_func ("/export/write/async", test_write_async);

  status = g_test_run ();

  g_clear_object (&painter);
  g_clear_object (&basemap);

  return status;
}
