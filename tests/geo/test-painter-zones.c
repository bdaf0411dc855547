/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <math.h>

#include "atlas-painter-zones.h"
#include "geo-test-common.h"

/* Zones drawn with cairo alone: no display. Each pair of zones has the
 * same rule and differs only in status, so that what differs in the
 * pixels is the style. */
static const char styles_json[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
#define ZONE(id, status, rule)                                                                   \
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"zone\",\"id\":\"" id "\"," \
  "\"title\":\"" id "\",\"status\":\"" status "\",\"start\":\"2000\",\"end\":\"..\","           \
  "\"certainty\":\"certain\",\"sources\":[{\"title\":\"t\",\"publisher\":\"p\",\"date\":\"2000\"}]," \
  "\"rule\":" rule "}}"
  ZONE ("area-in-force", "in-force", "{\"type\":\"band\",\"area\":\"XKX\",\"with\":[\"SRB\"],\"side\":\"with\",\"width_km\":20}") ","
  ZONE ("area-proposed", "proposed", "{\"type\":\"band\",\"area\":\"XKX\",\"with\":[\"SRB\"],\"side\":\"with\",\"width_km\":20}") ","
  ZONE ("line-in-force", "in-force", "{\"type\":\"boundary\",\"area\":\"XKX\",\"with\":[\"SRB\"]}") ","
  ZONE ("line-proposed", "proposed", "{\"type\":\"boundary\",\"area\":\"XKX\",\"with\":[\"SRB\"]}")
#undef ZONE
  "]}";

#define WIDTH 700
#define HEIGHT 600

static AtlasZoneSet *zones;
static AtlasView view;

static AtlasComputedZone *
compute (const char *zone_id)
{
  g_autoptr(GError) error = NULL;
  AtlasComputedZone *zone = atlas_zone_set_compute (zones, zone_id, geo_test_day ("2000-06-01"), 0, &error);

  g_assert_no_error (error);
  return zone;
}

/* Draws @zone alone on a transparent surface. */
static cairo_surface_t *
draw_alone (AtlasPainter      *painter,
            AtlasComputedZone *zone)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  atlas_painter_draw_zones (painter, cr, &view, &zone, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT)
    return 0;
  return (*(const guint32 *) (gconstpointer) (data + y * stride + 4 * x) >> 24) / 255.0;
}

static guint
count_opaque (cairo_surface_t *surface,
              double           threshold)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (alpha_at (surface, x, y) > threshold)
        n++;
  return n;
}

/* The first label place of @zone, in pixels of the view. */
static void
label_place (AtlasComputedZone *zone,
             int               *x,
             int               *y)
{
  guint n;
  const double *points = atlas_computed_zone_get_label_points (zone, &n);
  double px, py;

  g_assert_cmpuint (n, >, 0);
  atlas_view_project (&view, points[0], points[1], &px, &py);
  *x = (int) round (px);
  *y = (int) round (py);
  g_assert_cmpint (*x, >, 20);
  g_assert_cmpint (*y, >, 20);
  g_assert_cmpint (*x, <, WIDTH - 20);
  g_assert_cmpint (*y, <, HEIGHT - 20);
}

static void
alpha_range (cairo_surface_t *surface,
             int              cx,
             int              cy,
             int              radius,
             double          *min,
             double          *max)
{
  *min = 1;
  *max = 0;
  for (int y = cy - radius; y <= cy + radius; y++)
    for (int x = cx - radius; x <= cx + radius; x++)
      {
        *min = MIN (*min, alpha_at (surface, x, y));
        *max = MAX (*max, alpha_at (surface, x, y));
      }
}

/* In force: an even tint. Proposed: hatching, so stripes of ink and of
 * (nearly) nothing side by side. */
static void
test_area_styles (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasComputedZone) in_force = compute ("area-in-force");
  g_autoptr(AtlasComputedZone) proposed = compute ("area-proposed");
  cairo_surface_t *a = draw_alone (painter, in_force);
  cairo_surface_t *b = draw_alone (painter, proposed);
  AtlasZoneColors colors;
  double min, max;
  int x, y;

  atlas_painter_get_zone_colors (painter, atlas_computed_zone_get_color_index (in_force), &colors);
  label_place (in_force, &x, &y);

  alpha_range (a, x, y, 4, &min, &max);
  g_assert_cmpfloat_with_epsilon (min, colors.fill.a, 0.02);
  g_assert_cmpfloat_with_epsilon (max, colors.fill.a, 0.02);

  alpha_range (b, x, y, 6, &min, &max);
  g_assert_cmpfloat (min, <, 0.2);
  g_assert_cmpfloat (max, >, 0.6);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Lines are strokes (little ink compared with an area), and a proposed
 * line is dashed: less ink than the same line in force. */
static void
test_line_styles (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasComputedZone) in_force = compute ("line-in-force");
  g_autoptr(AtlasComputedZone) proposed = compute ("line-proposed");
  g_autoptr(AtlasComputedZone) area = compute ("area-in-force");
  cairo_surface_t *a = draw_alone (painter, in_force);
  cairo_surface_t *b = draw_alone (painter, proposed);
  cairo_surface_t *c = draw_alone (painter, area);
  guint solid = count_opaque (a, 0.95), dashed = count_opaque (b, 0.95), filled = count_opaque (c, 0.2);
  int x, y;

  g_assert_cmpuint (solid, >, 500);
  g_assert_cmpuint (dashed, <, solid * 0.85);
  g_assert_cmpuint (dashed, >, solid * 0.3);
  g_assert_cmpuint (solid, <, filled / 3);

  /* The line passes through its label place. */
  label_place (in_force, &x, &y);
  g_assert_cmpfloat (alpha_at (a, x, y), >, 0.95);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (c);
}

static double
distance (const AtlasRgba *a,
          const AtlasRgba *b)
{
  return fabs (a->r - b->r) + fabs (a->g - b->g) + fabs (a->b - b->b);
}

/* Every colour of the palette differs from every other, in both themes,
 * and the dark theme's strokes are lighter. */
static void
test_palette (void)
{
  g_autoptr(AtlasPainter) light = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasPainter) dark = atlas_painter_new (basemap, ATLAS_THEME_DARK);

  for (guint i = 0; i < ATLAS_ZONE_N_COLORS; i++)
    {
      AtlasZoneColors li, di;

      atlas_painter_get_zone_colors (light, i, &li);
      atlas_painter_get_zone_colors (dark, i, &di);
      g_assert_cmpfloat (li.fill.a, <, 0.5);
      g_assert_cmpfloat (di.stroke.r + di.stroke.g + di.stroke.b, >, li.stroke.r + li.stroke.g + li.stroke.b);
      g_assert_cmpfloat (di.text.r + di.text.g + di.text.b, >, li.text.r + li.text.g + li.text.b);

      for (guint j = 0; j < i; j++)
        {
          AtlasZoneColors lj;

          atlas_painter_get_zone_colors (light, j, &lj);
          g_assert_cmpfloat (distance (&li.stroke, &lj.stroke), >, 0.3);
        }
    }

  /* The palette repeats rather than running out. */
  {
    AtlasZoneColors first, again;

    atlas_painter_get_zone_colors (light, 0, &first);
    atlas_painter_get_zone_colors (light, ATLAS_ZONE_N_COLORS, &again);
    g_assert_cmpfloat (distance (&first.stroke, &again.stroke), ==, 0);
  }
}

static void
test_labels (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasComputedZone) area = compute ("area-in-force");
  g_autoptr(AtlasComputedZone) line = compute ("line-proposed");
  AtlasComputedZone *both[] = { area, line };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
  g_autoptr(AtlasLabelSet) full = atlas_label_set_new ();

  g_assert_cmpuint (atlas_painter_draw_zone_labels (painter, cr, &view, both, 2, ATLAS_UNITS_METRIC, labels), ==, 2);
  g_assert_cmpuint (atlas_label_set_get_count (labels), ==, 2);

  /* Where other labels took all the room, zones get none. */
  atlas_label_set_try_add (full, 0, 0, WIDTH, HEIGHT);
  g_assert_cmpuint (atlas_painter_draw_zone_labels (painter, cr, &view, both, 2, ATLAS_UNITS_METRIC, full), ==, 0);
  g_assert_cmpuint (atlas_label_set_get_count (full), ==, 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_legend_entry (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 40);
  cairo_t *cr = cairo_create (surface);
  double measured_w, measured_h, drawn_w, drawn_h;

  atlas_painter_draw_zone_legend_entry (painter, NULL, "Air Safety Zone", ATLAS_ZONE_SHAPE_AREA,
                                        FALSE, 3, 0, 0, &measured_w, &measured_h);
  atlas_painter_draw_zone_legend_entry (painter, cr, "Air Safety Zone", ATLAS_ZONE_SHAPE_AREA,
                                        FALSE, 3, 4, 4, &drawn_w, &drawn_h);
  g_assert_cmpfloat (measured_w, ==, drawn_w);
  g_assert_cmpfloat (measured_h, ==, drawn_h);
  g_assert_cmpfloat (drawn_w, >, 60);
  g_assert_cmpfloat (drawn_h, >=, 16);

  /* The swatch is drawn, and the text after it. */
  cairo_surface_flush (surface);
  {
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint32 swatch = *(const guint32 *) (gconstpointer) (data + (4 + (int) drawn_h / 2) * stride + 4 * 20);

    g_assert_cmpuint (swatch >> 24, >, 0);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A swatch fills the box it is given: a line across its middle. */
static void
test_swatch (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_DARK);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 20);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;

  atlas_painter_draw_zone_swatch (painter, cr, ATLAS_ZONE_SHAPE_LINE, FALSE, 1, 0, 0, 60, 20);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpuint (*(const guint32 *) (gconstpointer) (data + 10 * stride + 4 * 30) >> 24, ==, 0xff);
  g_assert_cmpuint (*(const guint32 *) (gconstpointer) (data + 1 * stride + 4 * 30) >> 24, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (styles_json, sizeof styles_json - 1);
  g_autoptr(AtlasDataset) styles = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  basemap = geo_test_load_basemap ();
  styles = atlas_dataset_new_from_bytes (bytes, "zone-styles.geojson", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_features (styles, ATLAS_KIND_ZONE), ==, 4);
  zones = atlas_zone_set_new (basemap, styles);
  /* Kosovo's north-east, where it borders Serbia. */
  atlas_view_init (&view, 42.85, 21.25, 8.6, WIDTH, HEIGHT);

  g_test_add_func ("/geo/painter-zones/area-styles", test_area_styles);
  g_test_add_func ("/geo/painter-zones/line-styles", test_line_styles);
  g_test_add_func ("/geo/painter-zones/palette", test_palette);
  g_test_add_func ("/geo/painter-zones/labels", test_labels);
  g_test_add_func ("/geo/painter-zones/legend-entry", test_legend_entry);
  g_test_add_func ("/geo/painter-zones/swatch", test_swatch);

  result = g_test_run ();

  g_clear_object (&zones);
  g_clear_object (&basemap);
  return result;
}
