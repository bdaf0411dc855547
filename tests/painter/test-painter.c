/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-painter.h"
#include "atlas-painter-zones.h"
#include "atlas-zone-set.h"

/* These tests draw with cairo alone: no display is needed. */

static AtlasBasemap *basemap;

static void
read_pixel (cairo_surface_t *surface,
            double           x,
            double           y,
            AtlasRgba       *rgba)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  pixel = *(const guint32 *) (gconstpointer) (data + iy * stride + ix * 4);
  /* The base map is opaque, so premultiplication changes nothing. */
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  rgba->r = ((pixel >> 16) & 0xff) / 255.0;
  rgba->g = ((pixel >> 8) & 0xff) / 255.0;
  rgba->b = (pixel & 0xff) / 255.0;
  rgba->a = 1.0;
}

static void
assert_color_near (const AtlasRgba *got,
                   const AtlasRgba *want,
                   double           tolerance,
                   const char      *what)
{
  double d = MAX (fabs (got->r - want->r), MAX (fabs (got->g - want->g), fabs (got->b - want->b)));

  if (d > tolerance)
    g_error ("%s: got #%02x%02x%02x, want #%02x%02x%02x", what,
             (int) round (got->r * 255), (int) round (got->g * 255), (int) round (got->b * 255),
             (int) round (want->r * 255), (int) round (want->g * 255), (int) round (want->b * 255));
}

static cairo_surface_t *
render_base (AtlasPainter    *painter,
             const AtlasView *view,
             double           scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (view->width * scale), (int) (view->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  atlas_painter_draw_base (painter, cr, view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
project_lat_lon (const AtlasView *view,
                 double           lat,
                 double           lon,
                 double          *px,
                 double          *py)
{
  atlas_view_project (view, atlas_mercator_x_from_lon (lon), atlas_mercator_y_from_lat (lat), px, py);
}

/* Kosovo has its own fill, the Adriatic is sea and the boundary with Serbia
 * has the strong border colour, in both themes. */
static void
test_painter_known_view (gconstpointer data)
{
  AtlasTheme theme = GPOINTER_TO_INT (data);
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, theme);
  const AtlasPalette *pal = atlas_painter_get_palette (painter);
  const AtlasShape *border;
  const AtlasPath *path;
  cairo_surface_t *surface;
  AtlasView view;
  AtlasRgba got;
  double px, py;
  guint mid;

  atlas_view_init (&view, 42.6, 20.9, 7, 800, 600);
  surface = render_base (painter, &view, 1);

  /* Pristina, about 25 km from the nearest boundary. */
  project_lat_lon (&view, 42.6633, 21.1622, &px, &py);
  read_pixel (surface, px, py, &got);
  assert_color_near (&got, &pal->kosovo, 1.5 / 255, "inside Kosovo");

  /* The open Adriatic, west of the Albanian coast. */
  project_lat_lon (&view, 41.8, 17.0, &px, &py);
  read_pixel (surface, px, py, &got);
  assert_color_near (&got, &pal->sea, 1.5 / 255, "in the Adriatic");

  /* Central Serbia, far from any border. */
  project_lat_lon (&view, 43.9, 20.9, &px, &py);
  read_pixel (surface, px, py, &got);
  assert_color_near (&got, &pal->land, 1.5 / 255, "in Serbia");

  /* A vertex in the middle of the Kosovo–Serbia boundary. */
  border = atlas_basemap_lookup_border (basemap, "XKX", "SRB");
  g_assert_nonnull (border);
  path = &border->levels[ATLAS_BASEMAP_N_LEVELS - 1];
  g_assert_cmpuint (path->n_parts, >, 0);
  mid = (path->offsets[0] + path->offsets[1]) / 2;
  atlas_view_project (&view, path->xy[2 * mid], path->xy[2 * mid + 1], &px, &py);
  read_pixel (surface, px, py, &got);
  assert_color_near (&got, &pal->kosovo_border, 40.0 / 255, "on the Kosovo–Serbia boundary");

  cairo_surface_destroy (surface);
}

/* The same view drawn at twice the resolution covers the same area: the
 * places checked above land on the same colours at doubled coordinates. */
static void
test_painter_scale_two (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  const AtlasPalette *pal = atlas_painter_get_palette (painter);
  cairo_surface_t *surface;
  AtlasView view;
  AtlasRgba got;
  double px, py;

  atlas_view_init (&view, 42.6, 20.9, 7, 400, 300);
  surface = render_base (painter, &view, 2);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);

  project_lat_lon (&view, 42.6633, 21.1622, &px, &py);
  read_pixel (surface, 2 * px, 2 * py, &got);
  assert_color_near (&got, &pal->kosovo, 1.5 / 255, "inside Kosovo at scale 2");

  /* Southern Serbia, 40 km north of Kosovo. */
  project_lat_lon (&view, 43.5, 21.0, &px, &py);
  read_pixel (surface, 2 * px, 2 * py, &got);
  assert_color_near (&got, &pal->land, 1.5 / 255, "in Serbia at scale 2");

  cairo_surface_destroy (surface);
}

static void
test_painter_levels_of_detail (void)
{
  const AtlasShape *kosovo = atlas_basemap_lookup_country (basemap, "XKX");
  guint previous = 0;

  g_assert_nonnull (kosovo);
  g_assert_true (kosovo->closed);

  /* Coarser levels never have more points than finer ones, and the full
   * level keeps every vertex of the source. */
  for (guint level = 0; level < ATLAS_BASEMAP_N_LEVELS; level++)
    {
      const AtlasPath *path = &kosovo->levels[level];
      guint n = path->n_parts > 0 ? path->offsets[path->n_parts] : 0;

      g_assert_cmpuint (n, >=, previous);
      previous = n;
    }
  g_assert_cmpuint (previous, >=, 3000);
  g_assert_cmpuint (kosovo->levels[0].offsets[kosovo->levels[0].n_parts], <, previous / 4);

  g_assert_cmpuint (atlas_basemap_level_for_zoom (3), ==, 0);
  g_assert_cmpuint (atlas_basemap_level_for_zoom (20), ==, ATLAS_BASEMAP_N_LEVELS - 1);
}

/* Labels never overlap, and the capitals of the region are named. */
static void
test_painter_labels (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  AtlasView view;

  atlas_view_init (&view, 42.9, 20.6, 7, 1000, 800);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 800);
  cr = cairo_create (surface);
  atlas_painter_draw_labels (painter, cr, &view, labels);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Kosovo, at least three neighbours and the five capitals. */
  g_assert_cmpuint (atlas_label_set_get_count (labels), >=, 9);
}

static void
test_label_set_overlap (void)
{
  g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();

  g_assert_true (atlas_label_set_try_add (labels, 0, 0, 10, 10));
  g_assert_false (atlas_label_set_try_add (labels, 5, 5, 10, 10));
  g_assert_true (atlas_label_set_try_add (labels, 10, 0, 10, 10));   /* touching is fine */
  g_assert_false (atlas_label_set_try_add (labels, -5, -5, 30, 30)); /* covering is not */
  g_assert_cmpuint (atlas_label_set_get_count (labels), ==, 2);
}

static void
test_scale_bar_and_attribution (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  cairo_surface_t *surface;
  AtlasView view;
  cairo_t *cr;

  atlas_view_init (&view, 42.6, 20.9, 8, 640, 480);
  surface = render_base (painter, &view, 1);
  cr = cairo_create (surface);
  atlas_painter_draw_scale_bar (painter, cr, &view, ATLAS_UNITS_METRIC, 20, 460);
  atlas_painter_draw_scale_bar (painter, cr, &view, ATLAS_UNITS_IMPERIAL, 20, 420);
  atlas_painter_draw_attribution (painter, cr, &view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_nonnull (strstr (atlas_painter_get_attribution (), "OpenStreetMap"));
  g_assert_nonnull (strstr (atlas_painter_get_attribution (), "GeoNames"));
}

/* Distances in either unit; miles are rounded, having no round values. */
static void
test_format_distance (void)
{
  static const struct { double km; AtlasUnits units; const char *text; } cases[] = {
    { 25, ATLAS_UNITS_METRIC, "25\u00a0km" },
    { 12.5, ATLAS_UNITS_METRIC, "12.5\u00a0km" },
    { 25, ATLAS_UNITS_IMPERIAL, "15.5\u00a0mi" },
    { 1.2, ATLAS_UNITS_IMPERIAL, "0.75\u00a0mi" },
    { ATLAS_KM_PER_MILE * 5, ATLAS_UNITS_IMPERIAL, "5\u00a0mi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_painter_format_distance (cases[i].km, cases[i].units);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static AtlasComputedZone *
compute_zone (AtlasZoneSet *zones,
              const char   *id)
{
  g_autoptr(GError) error = NULL;
  AtlasComputedZone *zone = atlas_zone_set_compute (zones, id, atlas_day_from_ymd (2000, 1, 1),
                                                    ATLAS_ZONE_COMPUTE_HISTORICAL, &error);

  g_assert_no_error (error);
  return zone;
}

/* Zone labels give a band's width in the units the user chose. */
static void
test_zone_label_units (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "geo", "zones-test.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_new_from_file (file, NULL, &error);
  g_autoptr(AtlasZoneSet) zones = NULL;
  g_autoptr(AtlasComputedZone) asz = NULL;
  g_autoptr(AtlasComputedZone) both = NULL;
  g_autoptr(AtlasComputedZone) box = NULL;
  static const struct { AtlasUnits units; const char *asz; const char *both; } cases[] = {
    { ATLAS_UNITS_METRIC, "Air Safety Zone (test) · 25\u00a0km",
      "Band on both sides of the Macedonian border (test) · 2\u00a0×\u00a012.5\u00a0km" },
    { ATLAS_UNITS_IMPERIAL, "Air Safety Zone (test) · 15.5\u00a0mi",
      "Band on both sides of the Macedonian border (test) · 2\u00a0×\u00a07.8\u00a0mi" },
  };

  g_assert_no_error (error);
  zones = atlas_zone_set_new (basemap, dataset);
  asz = compute_zone (zones, "t-asz");
  both = compute_zone (zones, "t-mkd-both");
  box = compute_zone (zones, "t-box");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *asz_label = atlas_painter_dup_zone_label (asz, cases[i].units);
      g_autofree char *both_label = atlas_painter_dup_zone_label (both, cases[i].units);
      g_autofree char *box_label = atlas_painter_dup_zone_label (box, cases[i].units);

      g_assert_cmpstr (asz_label, ==, cases[i].asz);
      g_assert_cmpstr (both_label, ==, cases[i].both);
      /* Not a band: no width. */
      g_assert_cmpstr (box_label, ==, "Explicit box (test)");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);

  g_test_add_data_func ("/painter/base/known-view-light", GINT_TO_POINTER (ATLAS_THEME_LIGHT),
                        test_painter_known_view);
  g_test_add_data_func ("/painter/base/known-view-dark", GINT_TO_POINTER (ATLAS_THEME_DARK),
                        test_painter_known_view);
  g_test_add_func ("/painter/base/scale-two", test_painter_scale_two);
  g_test_add_func ("/painter/basemap/levels-of-detail", test_painter_levels_of_detail);
  g_test_add_func ("/painter/labels/no-overlap", test_painter_labels);
  g_test_add_func ("/painter/labels/label-set", test_label_set_overlap);
  g_test_add_func ("/painter/chrome/scale-bar-attribution", test_scale_bar_and_attribution);
  g_test_add_func ("/painter/units/distance", test_format_distance);
  g_test_add_func ("/painter/units/zone-labels", test_zone_label_units);

  ret = g_test_run ();
  g_clear_object (&basemap);
  return ret;
}
