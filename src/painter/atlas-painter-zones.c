/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-painter-zones"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "atlas-painter-zones.h"
#include "atlas-snapshot-private.h"

/* Okabe and Ito's palette ("Color Universal Design", 2008), in an order
 * that keeps neighbours far apart; yellow comes last since it is faint on
 * a light map. The dark theme lightens the strokes and the text. */
static const guint32 zone_palette[ATLAS_ZONE_N_COLORS] = {
  0xd55e00,   /* vermillion */
  0x009e73,   /* bluish green */
  0xe69f00,   /* orange */
  0x0072b2,   /* blue */
  0xcc79a7,   /* reddish purple */
  0x56b4e9,   /* sky blue */
  0xf0e442,   /* yellow */
};

#define HATCH_SPACING 7.0
#define LABEL_WRAP_PX 280
#define LABEL_MARGIN_PX 3.0

static void
rgba_from_hex (guint32    hex,
               double     alpha,
               AtlasRgba *rgba)
{
  rgba->r = ((hex >> 16) & 0xff) / 255.0;
  rgba->g = ((hex >> 8) & 0xff) / 255.0;
  rgba->b = (hex & 0xff) / 255.0;
  rgba->a = alpha;
}

/* Mixes @rgba towards @target (0 or 1 for black or white) by @amount. */
static void
rgba_mix (AtlasRgba *rgba,
          double     target,
          double     amount)
{
  rgba->r += (target - rgba->r) * amount;
  rgba->g += (target - rgba->g) * amount;
  rgba->b += (target - rgba->b) * amount;
}

/**
 * atlas_painter_get_zone_colors:
 * @color_index: any number; the palette repeats
 *
 * The colours of a zone in @self's theme.
 */
void
atlas_painter_get_zone_colors (AtlasPainter    *self,
                               guint            color_index,
                               AtlasZoneColors *colors)
{
  guint32 hex = zone_palette[color_index % ATLAS_ZONE_N_COLORS];
  gboolean dark = atlas_painter_get_theme (self) == ATLAS_THEME_DARK;

  g_return_if_fail (ATLAS_IS_PAINTER (self));
  g_return_if_fail (colors != NULL);

  rgba_from_hex (hex, 1.0, &colors->stroke);
  rgba_from_hex (hex, dark ? 0.34 : 0.26, &colors->fill);
  rgba_from_hex (hex, 1.0, &colors->text);

  /* Text sits on the halo of the theme: dark on light, light on dark. */
  if (dark)
    {
      rgba_mix (&colors->stroke, 1.0, 0.25);
      rgba_mix (&colors->text, 1.0, 0.45);
    }
  else
    rgba_mix (&colors->text, 0.0, 0.35);
}

/* Adds to the current path the parts of @path that reach into @bounds. */
static gboolean
append_zone_path (cairo_t             *cr,
                  const AtlasView     *view,
                  const AtlasZonePath *path,
                  gboolean             closed,
                  const double         bounds[4])
{
  double world = atlas_mercator_world_size (view->zoom);
  double ox = view->width / 2.0 - view->x * world;
  double oy = view->height / 2.0 - view->y * world;
  gboolean any = FALSE;

  for (guint p = 0; p < path->n_parts; p++)
    {
      guint first = path->offsets[p], last = path->offsets[p + 1];

      if (!atlas_bounds_intersect (&path->bboxes[4 * p], bounds))
        continue;

      cairo_move_to (cr, path->xy[2 * first] * world + ox, path->xy[2 * first + 1] * world + oy);
      for (guint i = first + 1; i < last; i++)
        cairo_line_to (cr, path->xy[2 * i] * world + ox, path->xy[2 * i + 1] * world + oy);
      if (closed)
        cairo_close_path (cr);
      any = TRUE;
    }

  return any;
}

static double
line_scale (const AtlasView *view)
{
  return CLAMP (0.6 + 0.1 * view->zoom, 0.8, 1.6);
}

/* Diagonal lines over the clip, fixed to the map so they do not crawl
 * when it pans. */
static void
hatch (cairo_t         *cr,
       const AtlasView *view,
       double           spacing)
{
  double world = atlas_mercator_world_size (view->zoom);
  double phase = fmod (view->width / 2.0 - view->x * world + view->height / 2.0 - view->y * world, spacing);
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  /* Lines x + y = c, for every c ≡ phase (mod spacing) that crosses the
   * box. */
  for (double c = floor ((x0 + y0 - phase) / spacing) * spacing + phase; c <= x1 + y1; c += spacing)
    {
      cairo_move_to (cr, c - y0, y0);
      cairo_line_to (cr, c - y1, y1);
    }
  cairo_stroke (cr);
}

static void
draw_area (AtlasPainter      *self,
           cairo_t           *cr,
           const AtlasView   *view,
           AtlasComputedZone *zone,
           const double       bounds[4])
{
  AtlasZoneColors colors;
  double scale = line_scale (view);

  atlas_painter_get_zone_colors (self, atlas_computed_zone_get_color_index (zone), &colors);
  if (!append_zone_path (cr, view, atlas_computed_zone_get_path (zone, view->zoom), TRUE, bounds))
    return;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  if (atlas_computed_zone_is_proposed (zone))
    {
      AtlasRgba tint = colors.fill;

      /* A faint tint under the hatching makes it read as one area. */
      tint.a *= 0.35;
      atlas_snapshot_set_source (cr, &tint);
      cairo_fill_preserve (cr);

      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_new_path (cr);
      atlas_snapshot_set_source (cr, &colors.stroke);
      cairo_set_line_width (cr, 1.5 * scale);
      hatch (cr, view, HATCH_SPACING * scale);
      cairo_restore (cr);

      cairo_set_dash (cr, (double[]) { 7 * scale, 4 * scale }, 2, 0);
    }
  else
    {
      atlas_snapshot_set_source (cr, &colors.fill);
      cairo_fill_preserve (cr);
    }

  atlas_snapshot_set_source (cr, &colors.stroke);
  cairo_set_line_width (cr, 1.8 * scale);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_line (AtlasPainter      *self,
           cairo_t           *cr,
           const AtlasView   *view,
           AtlasComputedZone *zone,
           const double       bounds[4])
{
  const AtlasPalette *palette = atlas_painter_get_palette (self);
  AtlasZoneColors colors;
  double scale = line_scale (view);

  atlas_painter_get_zone_colors (self, atlas_computed_zone_get_color_index (zone), &colors);
  if (!append_zone_path (cr, view, atlas_computed_zone_get_path (zone, view->zoom), FALSE, bounds))
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* A halo keeps the line apart from the borders it runs along. */
  atlas_snapshot_set_source (cr, &palette->halo);
  cairo_set_line_width (cr, 6.5 * scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke_preserve (cr);

  atlas_snapshot_set_source (cr, &colors.stroke);
  cairo_set_line_width (cr, 3.6 * scale);
  if (atlas_computed_zone_is_proposed (zone))
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, (double[]) { 11 * scale, 6 * scale }, 2, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static int
compare_by_area_desc (gconstpointer a,
                      gconstpointer b)
{
  AtlasComputedZone *za = *(AtlasComputedZone * const *) a;
  AtlasComputedZone *zb = *(AtlasComputedZone * const *) b;
  double aa = atlas_computed_zone_get_area_km2 (za), ab = atlas_computed_zone_get_area_km2 (zb);

  return aa < ab ? 1 : aa > ab ? -1 : 0;
}

/**
 * atlas_painter_draw_zones:
 *
 * Draws @zones for @view (see the header for the styles).
 */
void
atlas_painter_draw_zones (AtlasPainter              *self,
                          cairo_t                   *cr,
                          const AtlasView           *view,
                          AtlasComputedZone * const *zones,
                          guint                      n_zones)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_sized_new (n_zones);
  double bounds[4];

  g_return_if_fail (ATLAS_IS_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (zones != NULL || n_zones == 0);

  atlas_view_get_bounds (view, 8, bounds);

  for (guint i = 0; i < n_zones; i++)
    if (atlas_computed_zone_get_shape (zones[i]) == ATLAS_ZONE_SHAPE_AREA &&
        atlas_bounds_intersect (atlas_computed_zone_get_bbox (zones[i]), bounds))
      g_ptr_array_add (areas, zones[i]);
  g_ptr_array_sort (areas, compare_by_area_desc);

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < areas->len; i++)
    draw_area (self, cr, view, g_ptr_array_index (areas, i), bounds);
  for (guint i = 0; i < n_zones; i++)
    if (atlas_computed_zone_get_shape (zones[i]) == ATLAS_ZONE_SHAPE_LINE &&
        atlas_bounds_intersect (atlas_computed_zone_get_bbox (zones[i]), bounds))
      draw_line (self, cr, view, zones[i], bounds);
  cairo_restore (cr);
}

/* Labels ------------------------------------------------------------------- */

/* The snapshot's unhinted layouts (text must not depend on the device
 * scale), in italics for proposed zones, wrapped when @wrap_px > 0. */
static PangoLayout *
zone_layout_new (cairo_t     *cr,
                 double       size_px,
                 PangoWeight  weight,
                 gboolean     italic,
                 int          wrap_px)
{
  PangoLayout *layout = atlas_snapshot_create_layout (cr, size_px, weight);

  if (italic)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, font);
    }
  if (wrap_px > 0)
    {
      pango_layout_set_width (layout, wrap_px * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }

  return layout;
}

static void
show_haloed (AtlasPainter    *self,
             cairo_t         *cr,
             PangoLayout     *layout,
             double           x,
             double           y,
             const AtlasRgba *ink)
{
  atlas_painter_show_text_with_halo (cr, layout, x, y, ink, &atlas_painter_get_palette (self)->halo, 3.5);
}

static int
compare_for_labels (gconstpointer a,
                    gconstpointer b)
{
  AtlasComputedZone *za = *(AtlasComputedZone * const *) a;
  AtlasComputedZone *zb = *(AtlasComputedZone * const *) b;
  gboolean la = atlas_computed_zone_get_shape (za) == ATLAS_ZONE_SHAPE_LINE;
  gboolean lb = atlas_computed_zone_get_shape (zb) == ATLAS_ZONE_SHAPE_LINE;
  double aa = atlas_computed_zone_get_area_km2 (za), ab = atlas_computed_zone_get_area_km2 (zb);

  if (la != lb)
    return la ? 1 : -1;
  return aa < ab ? -1 : aa > ab ? 1 : 0;
}

/**
 * atlas_painter_dup_zone_label:
 * @units: the units of a band's width
 *
 * The text of a zone's label: its title, with the width of a band.
 *
 * Returns: (transfer full): the label
 */
char *
atlas_painter_dup_zone_label (AtlasComputedZone *zone,
                              AtlasUnits         units)
{
  double width = atlas_computed_zone_get_width_km (zone);
  g_autofree char *distance = NULL;

  g_return_val_if_fail (ATLAS_IS_COMPUTED_ZONE (zone), NULL);

  if (isnan (width))
    return g_strdup (atlas_computed_zone_get_title (zone));

  distance = atlas_painter_format_distance (width, units);
  if (atlas_computed_zone_is_both_sides (zone))
    /* Translators: a zone's label on the map: its name and its width on
     * either side of a boundary, e.g. "Air Safety Zone · 2 × 25 km"; keep
     * the no-break spaces */
    return g_strdup_printf (C_("zone label", "%s · 2\u00a0×\u00a0%s"), atlas_computed_zone_get_title (zone), distance);

  /* Translators: a zone's label on the map: its name and its width, e.g.
   * "Ground Safety Zone · 5 km" */
  return g_strdup_printf (C_("zone label", "%s · %s"), atlas_computed_zone_get_title (zone), distance);
}

/**
 * atlas_painter_draw_zone_labels:
 * @units: the units of the bands' widths, as the user chose them
 * @labels: boxes already taken (place names, …); the labels drawn here are
 *   added to it
 *
 * Returns: how many zones got a label
 */
guint
atlas_painter_draw_zone_labels (AtlasPainter              *self,
                                cairo_t                   *cr,
                                const AtlasView           *view,
                                AtlasComputedZone * const *zones,
                                guint                      n_zones,
                                AtlasUnits                 units,
                                AtlasLabelSet             *labels)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) proposed_layout = NULL;
  g_autoptr(GPtrArray) order = NULL;
  double size = CLAMP (7.0 + 0.75 * view->zoom, 11.0, 14.0);
  guint n_drawn = 0;

  g_return_val_if_fail (ATLAS_IS_PAINTER (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (view != NULL, 0);
  g_return_val_if_fail (labels != NULL, 0);

  cairo_save (cr);
  layout = zone_layout_new (cr, size, PANGO_WEIGHT_BOLD, FALSE, LABEL_WRAP_PX);
  proposed_layout = zone_layout_new (cr, size, PANGO_WEIGHT_BOLD, TRUE, LABEL_WRAP_PX);

  /* Small areas first, where a label fits in fewer places; large areas
   * and lines, which have room everywhere, after. */
  order = g_ptr_array_sized_new (n_zones);
  for (guint i = 0; i < n_zones; i++)
    g_ptr_array_add (order, zones[i]);
  g_ptr_array_sort (order, compare_for_labels);

  for (guint i = 0; i < order->len; i++)
    {
      AtlasComputedZone *zone = g_ptr_array_index (order, i);
      PangoLayout *l = atlas_computed_zone_is_proposed (zone) ? proposed_layout : layout;
      g_autofree char *text = atlas_painter_dup_zone_label (zone, units);
      AtlasZoneColors colors;
      PangoRectangle ink;
      const double *points;
      guint n_points;
      gboolean placed = FALSE;

      pango_layout_set_text (l, text, -1);
      pango_layout_get_pixel_extents (l, &ink, NULL);
      atlas_painter_get_zone_colors (self, atlas_computed_zone_get_color_index (zone), &colors);
      points = atlas_computed_zone_get_label_points (zone, &n_points);

      /* Centred on a label place, else just above or below it. */
      for (guint p = 0; !placed && p < 3 * n_points; p++)
        {
          static const double shift[] = { 0.0, -0.6, 0.6 };
          double px, py, x, y;

          atlas_view_project (view, points[2 * (p / 3)], points[2 * (p / 3) + 1], &px, &py);
          x = px - ink.width / 2.0;
          y = py - ink.height / 2.0 + shift[p % 3] * ink.height;
          if (x < LABEL_MARGIN_PX || y < LABEL_MARGIN_PX ||
              x + ink.width > view->width - LABEL_MARGIN_PX ||
              y + ink.height > view->height - LABEL_MARGIN_PX)
            continue;
          if (!atlas_label_set_try_add (labels, x - 3, y - 2, ink.width + 6, ink.height + 4))
            continue;

          show_haloed (self, cr, l, x - ink.x, y - ink.y, &colors.text);
          n_drawn++;
          placed = TRUE;
        }
    }

  cairo_restore (cr);
  return n_drawn;
}

/* The zone layer's image -------------------------------------------------- */

struct _AtlasZoneCache
{
  gboolean         valid;
  cairo_surface_t *surface;    /* NULL when nothing is drawn */
  int              x, y;       /* its place in the frame, device pixels */
  AtlasPainter    *painter;
  AtlasZoneFrame   frame;
  GPtrArray       *zones;      /* AtlasComputedZone, held */
  guint            n_labels;
  guint            n_redraws;
};

/**
 * atlas_zone_cache_new:
 *
 * Returns: (transfer full): an empty cache; the first update draws
 */
AtlasZoneCache *
atlas_zone_cache_new (void)
{
  AtlasZoneCache *cache = g_new0 (AtlasZoneCache, 1);

  cache->zones = g_ptr_array_new_with_free_func (g_object_unref);
  return cache;
}

void
atlas_zone_cache_free (AtlasZoneCache *cache)
{
  if (cache == NULL)
    return;

  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_clear_object (&cache->painter);
  g_ptr_array_unref (cache->zones);
  g_free (cache);
}

/**
 * atlas_zone_cache_invalidate:
 *
 * Forgets the image and what it showed, releasing its memory: the next
 * update draws.
 */
void
atlas_zone_cache_invalidate (AtlasZoneCache *cache)
{
  g_return_if_fail (cache != NULL);

  cache->valid = FALSE;
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  cache->x = cache->y = 0;
  g_clear_object (&cache->painter);
  g_ptr_array_set_size (cache->zones, 0);
  cache->n_labels = 0;
}

/* (transfer full) A copy of a rectangle of @surface (or @surface itself
 * when the rectangle is all of it). */
static cairo_surface_t *
crop (cairo_surface_t *surface,
      int              x,
      int              y,
      int              width,
      int              height)
{
  cairo_surface_t *part;
  const guchar *from;
  guchar *to;
  int from_stride, to_stride;

  if (x == 0 && y == 0 && width == cairo_image_surface_get_width (surface) &&
      height == cairo_image_surface_get_height (surface))
    return cairo_surface_reference (surface);

  part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  from = cairo_image_surface_get_data (surface);
  from_stride = cairo_image_surface_get_stride (surface);
  to = cairo_image_surface_get_data (part);
  to_stride = cairo_image_surface_get_stride (part);
  for (int row = 0; row < height; row++)
    memcpy (to + (gsize) row * to_stride, from + (gsize) (y + row) * from_stride + 4 * x, 4 * (gsize) width);
  cairo_surface_mark_dirty (part);

  return part;
}

static gboolean
same_frame (const AtlasZoneFrame *a,
            const AtlasZoneFrame *b)
{
  /* Exact comparisons: any move, however small, shifts the image. The
   * units only matter in the names. */
  return a->view.x == b->view.x && a->view.y == b->view.y && a->view.zoom == b->view.zoom &&
         a->view.width == b->view.width && a->view.height == b->view.height &&
         a->scale == b->scale && a->rotation == b->rotation &&
         a->labels == b->labels && (!a->labels || a->units == b->units);
}

static gboolean
is_current (AtlasZoneCache            *cache,
            AtlasPainter              *painter,
            const AtlasZoneFrame      *frame,
            AtlasComputedZone * const *zones,
            guint                      n_zones)
{
  if (!cache->valid || cache->painter != painter || !same_frame (&cache->frame, frame) ||
      cache->zones->len != n_zones)
    return FALSE;

  for (guint i = 0; i < n_zones; i++)
    if (g_ptr_array_index (cache->zones, i) != zones[i])
      return FALSE;

  return TRUE;
}

/**
 * atlas_zone_cache_update:
 * @painter: the painter to draw with
 * @frame: what the image covers and how the zones are named
 * @zones: the zones to show, in the order the layer has them
 *
 * Brings the image up to date: keeps it when nothing it shows has changed
 * since the last update, otherwise draws a new one, in device pixels
 * (@frame's view scaled by its scale, turned by its rotation): the zones
 * (atlas_painter_draw_zones()) and, with @frame->labels, their names
 * (atlas_painter_draw_zone_labels()) where the base map's names
 * (atlas_painter_draw_labels(), laid out but not drawn) leave room.
 *
 * Returns: %TRUE if the image was drawn again
 */
gboolean
atlas_zone_cache_update (AtlasZoneCache            *cache,
                         AtlasPainter              *painter,
                         const AtlasZoneFrame      *frame,
                         AtlasComputedZone * const *zones,
                         guint                      n_zones)
{
  const AtlasView *view;
  cairo_rectangle_t extents;
  cairo_surface_t *recording;
  double ink_x, ink_y, ink_width, ink_height;
  int width, height, x0, y0, x1, y1;
  cairo_t *cr;

  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (ATLAS_IS_PAINTER (painter), FALSE);
  g_return_val_if_fail (frame != NULL && frame->scale >= 1, FALSE);
  g_return_val_if_fail (frame->view.width > 0 && frame->view.height > 0, FALSE);
  g_return_val_if_fail (zones != NULL || n_zones == 0, FALSE);

  if (is_current (cache, painter, frame, zones, n_zones))
    return FALSE;

  atlas_zone_cache_invalidate (cache);
  g_set_object (&cache->painter, painter);
  cache->frame = *frame;
  for (guint i = 0; i < n_zones; i++)
    g_ptr_array_add (cache->zones, g_object_ref (zones[i]));
  cache->n_redraws++;

  /* Recorded first, so that the image need only cover what was drawn
   * (the zones take a part of a view; composited or uploaded, the rest
   * would cost as much as what is drawn), then replayed into a new image,
   * never the old one drawn over: whoever shows the old one (a texture on
   * screen) may still be reading it. The recording is bounded by the
   * frame: hatching fills the clip. */
  view = &cache->frame.view;
  width = (int) ceil (view->width * frame->scale);
  height = (int) ceil (view->height * frame->scale);
  extents = (cairo_rectangle_t) { 0, 0, width, height };
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  cairo_scale (cr, frame->scale, frame->scale);
  if (frame->rotation != 0)
    {
      cairo_translate (cr, view->width / 2.0, view->height / 2.0);
      cairo_rotate (cr, frame->rotation);
      cairo_translate (cr, -view->width / 2.0, -view->height / 2.0);
    }

  atlas_painter_draw_zones (painter, cr, view, zones, n_zones);

  if (frame->labels)
    {
      g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_t *scratch_cr = cairo_create (scratch);

      /* The base map's names, laid out where nothing is drawn, so that
       * the zones' names keep clear of where the map shows them. */
      atlas_painter_draw_labels (painter, scratch_cr, view, labels);
      cairo_destroy (scratch_cr);
      cairo_surface_destroy (scratch);

      cache->n_labels = atlas_painter_draw_zone_labels (painter, cr, view, zones, n_zones,
                                                        frame->units, labels);
    }
  cairo_destroy (cr);

  /* Replayed as recorded, into the frame's size: replaying under any
   * translation rasterises the edges of some text slightly differently
   * from drawing straight into the frame. The frame-sized image is
   * allocated zeroed, so only the rows drawn on get memory. */
  cairo_recording_surface_ink_extents (recording, &ink_x, &ink_y, &ink_width, &ink_height);
  x0 = MAX (0, (int) floor (ink_x));
  y0 = MAX (0, (int) floor (ink_y));
  x1 = MIN (width, (int) ceil (ink_x + ink_width));
  y1 = MIN (height, (int) ceil (ink_y + ink_height));

  if (x1 > x0 && y1 > y0)
    {
      cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

      cr = cairo_create (whole);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (whole);

      cache->surface = crop (whole, x0, y0, x1 - x0, y1 - y0);
      cache->x = x0;
      cache->y = y0;
      cairo_surface_destroy (whole);
    }
  cairo_surface_destroy (recording);
  cache->valid = TRUE;

  return TRUE;
}

/**
 * atlas_zone_cache_get_surface:
 * @x: (out) (optional): where its left edge goes in the frame, device pixels
 * @y: (out) (optional): where its top edge goes
 *
 * Returns: (transfer none) (nullable): the image of the last update, an
 *   ARGB32 image surface in device pixels covering what was drawn (%NULL
 *   if nothing was); never drawn on again (a new update makes a new one),
 *   so it may be shared as it is
 */
cairo_surface_t *
atlas_zone_cache_get_surface (AtlasZoneCache *cache,
                              int            *x,
                              int            *y)
{
  g_return_val_if_fail (cache != NULL, NULL);

  if (x != NULL)
    *x = cache->x;
  if (y != NULL)
    *y = cache->y;
  return cache->surface;
}

/* How many zones the image names. */
guint
atlas_zone_cache_get_n_labels (AtlasZoneCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return cache->n_labels;
}

/* How many times the image was drawn; tests and the benchmark count the
 * misses with it. */
guint
atlas_zone_cache_get_n_redraws (AtlasZoneCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return cache->n_redraws;
}

/* Legend --------------------------------------------------------------------- */

#define SWATCH_WIDTH 30.0
#define SWATCH_HEIGHT 16.0
#define SWATCH_GAP 8.0

/**
 * atlas_painter_draw_zone_swatch:
 * @x: left edge of the box, logical pixels
 * @width: the box's size; a line is drawn across its middle, an area fills it
 *
 * A zone's symbol for legends and lists, in the style the map draws it.
 */
void
atlas_painter_draw_zone_swatch (AtlasPainter   *self,
                                cairo_t        *cr,
                                AtlasZoneShape  shape,
                                gboolean        proposed,
                                guint           color_index,
                                double          x,
                                double          y,
                                double          width,
                                double          height)
{
  const AtlasPalette *palette;
  AtlasZoneColors colors;

  g_return_if_fail (ATLAS_IS_PAINTER (self));
  g_return_if_fail (cr != NULL);

  palette = atlas_painter_get_palette (self);
  atlas_painter_get_zone_colors (self, color_index, &colors);
  cairo_save (cr);

  if (shape == ATLAS_ZONE_SHAPE_LINE)
    {
      cairo_move_to (cr, x + 2, y + height / 2);
      cairo_line_to (cr, x + width - 2, y + height / 2);
      atlas_snapshot_set_source (cr, &palette->halo);
      cairo_set_line_width (cr, 6.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke_preserve (cr);
      atlas_snapshot_set_source (cr, &colors.stroke);
      cairo_set_line_width (cr, 3.6);
      if (proposed)
        {
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_set_dash (cr, (double[]) { 8, 4 }, 2, 0);
        }
      cairo_stroke (cr);
    }
  else
    {
      cairo_rectangle (cr, x + 1, y + 1, width - 2, height - 2);
      if (proposed)
        {
          AtlasView unit = { 0, 0, 0, 0, 0 };

          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_new_path (cr);
          atlas_snapshot_set_source (cr, &colors.stroke);
          cairo_set_line_width (cr, 1.3);
          hatch (cr, &unit, HATCH_SPACING);
          cairo_restore (cr);
          cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
        }
      else
        {
          atlas_snapshot_set_source (cr, &colors.fill);
          cairo_fill_preserve (cr);
        }
      atlas_snapshot_set_source (cr, &colors.stroke);
      cairo_set_line_width (cr, 1.8);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/**
 * atlas_painter_draw_zone_legend_entry:
 * @cr: (nullable): where to draw; NULL to measure only
 * @name: the zone's name
 * @width: (out) (optional): the entry's width in logical pixels
 * @height: (out) (optional): its height
 *
 * A legend entry for a zone: a swatch drawn as the map draws the zone, and
 * the name in the painter's ink.
 */
void
atlas_painter_draw_zone_legend_entry (AtlasPainter   *self,
                                      cairo_t        *cr,
                                      const char     *name,
                                      AtlasZoneShape  shape,
                                      gboolean        proposed,
                                      guint           color_index,
                                      double          x,
                                      double          y,
                                      double         *width,
                                      double         *height)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_surface_t *scratch = NULL;
  cairo_t *measure = NULL;
  PangoRectangle logical;
  double h;

  g_return_if_fail (ATLAS_IS_PAINTER (self));
  g_return_if_fail (name != NULL);

  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      measure = cairo_create (scratch);
    }

  layout = zone_layout_new (cr != NULL ? cr : measure, 12.0, PANGO_WEIGHT_NORMAL, proposed, 0);
  pango_layout_set_text (layout, name, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  h = MAX (SWATCH_HEIGHT, logical.height);

  if (cr != NULL)
    {
      cairo_save (cr);
      atlas_painter_draw_zone_swatch (self, cr, shape, proposed, color_index,
                                      x, y + (h - SWATCH_HEIGHT) / 2, SWATCH_WIDTH, SWATCH_HEIGHT);
      cairo_move_to (cr, x + SWATCH_WIDTH + SWATCH_GAP, y + (h - logical.height) / 2);
      atlas_snapshot_set_source (cr, &atlas_painter_get_palette (self)->ink);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  if (width != NULL)
    *width = SWATCH_WIDTH + SWATCH_GAP + logical.width;
  if (height != NULL)
    *height = h;

  g_clear_pointer (&measure, cairo_destroy);
  g_clear_pointer (&scratch, cairo_surface_destroy);
}
