/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "atlas-painter.h"

struct _AtlasPainter
{
  GObject       parent_instance;

  AtlasBasemap *basemap;
  AtlasTheme    theme;
  AtlasPalette  palette;
};

G_DEFINE_FINAL_TYPE (AtlasPainter, atlas_painter, G_TYPE_OBJECT)

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, alpha) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, alpha }

static const AtlasPalette light_palette = {
  .sea = RGB (0xa9cde6),
  .land = RGB (0xf3efe6),
  .kosovo = RGB (0xfbe3a8),
  .kosovo_border = RGB (0x9c3d12),
  .border = RGB (0x8a7f99),
  .country_label = RGB (0x6a6077),
  .place_label = RGB (0x2e2a27),
  .place_dot = RGB (0x3d3846),
  .halo = RGBA (0xffffff, 0.85),
  .ink = RGB (0x241f31),
  .panel = RGBA (0xffffff, 0.88),
};

static const AtlasPalette dark_palette = {
  .sea = RGB (0x1b3347),
  .land = RGB (0x34343a),
  .kosovo = RGB (0x57472a),
  .kosovo_border = RGB (0xf5a65b),
  .border = RGB (0x9a90ab),
  .country_label = RGB (0xbcb3c9),
  .place_label = RGB (0xf2f0ee),
  .place_dot = RGB (0xdeddda),
  .halo = RGBA (0x1e1e22, 0.85),
  .ink = RGB (0xf6f5f4),
  .panel = RGBA (0x242424, 0.88),
};

#define KOSOVO "XKX"

static inline void
set_source (cairo_t         *cr,
            const AtlasRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static void
atlas_painter_dispose (GObject *object)
{
  AtlasPainter *self = (AtlasPainter *)object;

  g_clear_object (&self->basemap);

  G_OBJECT_CLASS (atlas_painter_parent_class)->dispose (object);
}

static void
atlas_painter_class_init (AtlasPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_painter_dispose;
}

static void
atlas_painter_init (AtlasPainter *self)
{
}

AtlasPainter *
atlas_painter_new (AtlasBasemap *basemap,
                   AtlasTheme    theme)
{
  AtlasPainter *self;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);

  self = g_object_new (ATLAS_TYPE_PAINTER, NULL);
  self->basemap = g_object_ref (basemap);
  self->theme = theme;
  self->palette = theme == ATLAS_THEME_DARK ? dark_palette : light_palette;

  return self;
}

AtlasBasemap *
atlas_painter_get_basemap (AtlasPainter *self)
{
  g_return_val_if_fail (ATLAS_IS_PAINTER (self), NULL);
  return self->basemap;
}

AtlasTheme
atlas_painter_get_theme (AtlasPainter *self)
{
  g_return_val_if_fail (ATLAS_IS_PAINTER (self), ATLAS_THEME_LIGHT);
  return self->theme;
}

const AtlasPalette *
atlas_painter_get_palette (AtlasPainter *self)
{
  g_return_val_if_fail (ATLAS_IS_PAINTER (self), NULL);
  return &self->palette;
}

const char *
atlas_painter_get_attribution (void)
{
  /* Translators: map data credits, shown on the map and in every export */
  return _("Borders © OpenStreetMap contributors (ODbL) · Places © GeoNames (CC BY 4.0)");
}

/* Adds to the current path the parts of @shape that reach into @bounds. */
static gboolean
append_shape (cairo_t          *cr,
              const AtlasView  *view,
              const AtlasShape *shape,
              const double      bounds[4],
              gboolean          outer_only)
{
  const AtlasPath *path;
  double world = atlas_mercator_world_size (view->zoom);
  double ox = view->width / 2.0 - view->x * world;
  double oy = view->height / 2.0 - view->y * world;
  gboolean any = FALSE;

  if (!atlas_bounds_intersect (shape->bbox, bounds))
    return FALSE;

  path = atlas_shape_get_path (shape, view->zoom);

  for (guint p = 0; p < path->n_parts; p++)
    {
      guint first = path->offsets[p], last = path->offsets[p + 1];

      if (!atlas_bounds_intersect (&path->bboxes[4 * p], bounds))
        continue;
      if (outer_only && path->holes[p])
        continue;

      cairo_move_to (cr, path->xy[2 * first] * world + ox, path->xy[2 * first + 1] * world + oy);
      for (guint i = first + 1; i < last; i++)
        cairo_line_to (cr, path->xy[2 * i] * world + ox, path->xy[2 * i + 1] * world + oy);
      if (shape->closed)
        cairo_close_path (cr);
      any = TRUE;
    }

  return any;
}

static void
fill_shapes (cairo_t         *cr,
             const AtlasView *view,
             GPtrArray       *shapes,
             const double     bounds[4],
             const AtlasRgba *color)
{
  set_source (cr, color);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  for (guint i = 0; i < shapes->len; i++)
    {
      const AtlasShape *shape = g_ptr_array_index (shapes, i);

      if (append_shape (cr, view, shape, bounds, FALSE))
        cairo_fill (cr);
    }
}

/**
 * atlas_painter_draw_base:
 *
 * Draws the base map for @view: sea, land, lakes, national borders and
 * Kosovo, which stands out with its own fill and a strong outline. Labels
 * are not part of the base: at fractional zoom a base-map tile is scaled, and
 * text must stay crisp (see atlas_painter_draw_labels()).
 */
void
atlas_painter_draw_base (AtlasPainter    *self,
                         cairo_t         *cr,
                         const AtlasView *view)
{
  const AtlasPalette *pal;
  const AtlasShape *kosovo;
  GPtrArray *borders;
  double bounds[4];
  double line_scale;

  g_return_if_fail (ATLAS_IS_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  pal = &self->palette;
  /* Lines grow a little with zoom so that the map reads at every scale. */
  line_scale = CLAMP (0.6 + 0.1 * view->zoom, 0.8, 1.6);
  atlas_view_get_bounds (view, 4 * line_scale, bounds);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  set_source (cr, &pal->sea);
  cairo_paint (cr);

  /* Far out, the region's detailed polygons give way to a coarse world. */
  if (view->zoom < 5.0 && atlas_basemap_get_world (self->basemap)->len > 0)
    {
      fill_shapes (cr, view, atlas_basemap_get_world (self->basemap), bounds, &pal->land);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    }

  fill_shapes (cr, view, atlas_basemap_get_countries (self->basemap), bounds, &pal->land);

  kosovo = atlas_basemap_lookup_country (self->basemap, KOSOVO);
  if (kosovo != NULL && append_shape (cr, view, kosovo, bounds, FALSE))
    {
      set_source (cr, &pal->kosovo);
      cairo_fill (cr);
    }

  fill_shapes (cr, view, atlas_basemap_get_lakes (self->basemap), bounds, &pal->sea);

  borders = atlas_basemap_get_borders (self->basemap);
  set_source (cr, &pal->border);
  cairo_set_line_width (cr, 1.1 * line_scale);
  for (guint i = 0; i < borders->len; i++)
    {
      const AtlasShape *border = g_ptr_array_index (borders, i);

      if (border->code != NULL && strstr (border->code, KOSOVO) != NULL)
        continue;
      append_shape (cr, view, border, bounds, FALSE);
    }
  cairo_stroke (cr);

  /* Kosovo's whole outline, coast-free as it is, drawn last and strongest;
   * its lakes are water, not borders. */
  if (kosovo != NULL && append_shape (cr, view, kosovo, bounds, TRUE))
    {
      set_source (cr, &pal->kosovo_border);
      cairo_set_line_width (cr, 2.2 * line_scale);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* Label sets ------------------------------------------------------------ */

struct _AtlasLabelSet
{
  GArray *boxes;   /* 4 doubles each: x, y, width, height */
};

AtlasLabelSet *
atlas_label_set_new (void)
{
  AtlasLabelSet *labels = g_new0 (AtlasLabelSet, 1);

  labels->boxes = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  return labels;
}

void
atlas_label_set_free (AtlasLabelSet *labels)
{
  if (labels == NULL)
    return;
  g_array_unref (labels->boxes);
  g_free (labels);
}

guint
atlas_label_set_get_count (AtlasLabelSet *labels)
{
  g_return_val_if_fail (labels != NULL, 0);
  return labels->boxes->len;
}

/**
 * atlas_label_set_reserve:
 *
 * Takes the box for something drawn over the map that is not a label (a
 * scale bar, an attribution), even if it overlaps a box taken before; no
 * label is placed on it afterwards.
 */
void
atlas_label_set_reserve (AtlasLabelSet *labels,
                         double         x,
                         double         y,
                         double         width,
                         double         height)
{
  double box[4] = { x, y, width, height };

  g_return_if_fail (labels != NULL);

  g_array_append_val (labels->boxes, box);
}

/**
 * atlas_label_set_try_add:
 *
 * Reserves the box if it overlaps no box reserved before.
 *
 * Returns: %TRUE if the box was free and is now taken
 */
gboolean
atlas_label_set_try_add (AtlasLabelSet *labels,
                         double         x,
                         double         y,
                         double         width,
                         double         height)
{
  g_return_val_if_fail (labels != NULL, FALSE);

  for (guint i = 0; i < labels->boxes->len; i++)
    {
      const double *b = (const double *) (gpointer) labels->boxes->data + 4 * i;

      if (x < b[0] + b[2] && b[0] < x + width && y < b[1] + b[3] && b[1] < y + height)
        return FALSE;
    }

  atlas_label_set_reserve (labels, x, y, width, height);
  return TRUE;
}

/* Labels ----------------------------------------------------------------- */

/* The smallest population labelled at @zoom; Kosovo's places one step
 * earlier than the rest, since they are what the map is about. */
static guint
min_population_for_zoom (double   zoom,
                         gboolean in_kosovo)
{
  static const guint thresholds[] = {
    /* z ≤ 5 */ 2000000, /* 6 */ 400000, /* 7 */ 150000, /* 8 */ 50000,
    /* 9 */ 15000, /* 10 */ 5000, /* 11 */ 2000, /* ≥ 12 */ 0,
  };
  int z = (int) floor (zoom + 0.25) - 5 + (in_kosovo ? 1 : 0);

  return thresholds[CLAMP (z, 0, (int) G_N_ELEMENTS (thresholds) - 1)];
}

/**
 * atlas_painter_show_text_with_halo:
 * @halo_width: the width of the halo around the glyphs, in pixels
 *
 * Shows @layout at (@x, @y) in @ink over a halo of @halo, which keeps text
 * legible on any background. The halo is the text itself shown at small
 * offsets all around: glyphs come from the font cache, where stroking their
 * outlines (the obvious way) costs a path per glyph and was half of an
 * overlay frame.
 */
void
atlas_painter_show_text_with_halo (cairo_t         *cr,
                                   PangoLayout     *layout,
                                   double           x,
                                   double           y,
                                   const AtlasRgba *ink,
                                   const AtlasRgba *halo,
                                   double           halo_width)
{
  static const double directions[8][2] = {
    { 1, 0 }, { 0.7071, 0.7071 }, { 0, 1 }, { -0.7071, 0.7071 },
    { -1, 0 }, { -0.7071, -0.7071 }, { 0, -1 }, { 0.7071, -0.7071 },
  };
  double r = halo_width / 2.0;

  set_source (cr, halo);
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    {
      cairo_move_to (cr, x + r * directions[i][0], y + r * directions[i][1]);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_move_to (cr, x, y);
  set_source (cr, ink);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *family,
               double      size_px,
               PangoWeight weight,
               PangoStyle  style,
               double      letter_spacing_px)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinting would make text depend on the device scale; exports and
   * tiles at scale 2 must look like scale 1, only sharper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);

  if (letter_spacing_px > 0)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (letter_spacing_px * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
draw_country_labels (AtlasPainter    *self,
                     cairo_t         *cr,
                     const AtlasView *view,
                     AtlasPlaceNames *names,
                     AtlasNames       mode,
                     AtlasLabelSet   *labels)
{
  GPtrArray *countries = atlas_basemap_get_countries (self->basemap);
  double size = CLAMP (8.0 + 1.4 * view->zoom, 11.0, 20.0);
  g_autoptr(PangoLayout) layout = create_layout (cr, "Sans", size, PANGO_WEIGHT_BOLD,
                                                 PANGO_STYLE_NORMAL, size * 0.18);

  /* Kosovo first: it is the subject of the map. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < countries->len; i++)
      {
        const AtlasShape *shape = g_ptr_array_index (countries, i);
        g_autofree char *upper = NULL;
        gboolean is_kosovo = g_strcmp0 (shape->code, KOSOVO) == 0;
        const char *name;
        PangoRectangle ink;
        double px, py, x, y;

        if (is_kosovo != (pass == 0))
          continue;
        name = atlas_place_names_get_country (names, shape, mode);
        if (name == NULL)
          continue;

        atlas_view_project (view, shape->label_x, shape->label_y, &px, &py);
        if (px < -200 || py < -50 || px > view->width + 200 || py > view->height + 50)
          continue;

        upper = g_utf8_strup (name, -1);
        pango_layout_set_text (layout, upper, -1);
        pango_layout_get_pixel_extents (layout, NULL, &ink);

        /* A country smaller on screen than its name gets no name. */
        if (!is_kosovo)
          {
            double world = atlas_mercator_world_size (view->zoom);
            if ((shape->bbox[2] - shape->bbox[0]) * world < ink.width * 1.2)
              continue;
          }

        /* The best spot may hold a capital: try just below or above it. */
        {
          static const double shifts[] = { 0, 1.4, -1.4, 2.6 };
          gboolean placed = FALSE;

          x = px - ink.width / 2.0;
          for (guint k = 0; k < G_N_ELEMENTS (shifts) && !placed; k++)
            {
              y = py - ink.height / 2.0 + shifts[k] * ink.height;
              placed = atlas_label_set_try_add (labels, x - 4, y - 2, ink.width + 8, ink.height + 4);
            }
          if (!placed)
            continue;
        }

        atlas_painter_show_text_with_halo (cr, layout, x - ink.x, y - ink.y,
                             is_kosovo ? &self->palette.kosovo_border : &self->palette.country_label,
                             &self->palette.halo, 3.0);
      }
}

static void
draw_place_labels (AtlasPainter    *self,
                   cairo_t         *cr,
                   const AtlasView *view,
                   AtlasPlaceNames *names,
                   AtlasNames       mode,
                   AtlasLabelSet   *labels,
                   gboolean         capitals)
{
  const AtlasBasemapPlace *places;
  guint n_places;
  double bounds[4];
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) big_layout = NULL;

  places = atlas_basemap_get_places (self->basemap, &n_places);
  atlas_view_get_bounds (view, 0, bounds);
  layout = create_layout (cr, "Sans", 12.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0);
  big_layout = create_layout (cr, "Sans", 14.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0);

  /* Places come sorted by importance, so the greedy placement keeps the
   * most important label wherever two would collide. */
  for (guint i = 0; i < n_places; i++)
    {
      const AtlasBasemapPlace *place = &places[i];
      gboolean in_kosovo = g_str_equal (place->country, "XK");
      PangoLayout *l = place->capital ? big_layout : layout;
      PangoRectangle ink;
      double px, py, r, x, y;

      if (place->capital != capitals)
        continue;
      if (place->x < bounds[0] || place->x > bounds[2] || place->y < bounds[1] || place->y > bounds[3])
        continue;
      if (!place->capital && place->population < min_population_for_zoom (view->zoom, in_kosovo))
        continue;
      if (place->capital && view->zoom < 4.5)
        continue;

      atlas_view_project (view, place->x, place->y, &px, &py);
      pango_layout_set_text (l, atlas_place_names_get_place (names, i, mode), -1);
      pango_layout_get_pixel_extents (l, NULL, &ink);
      r = place->capital ? 4.0 : 3.0;

      /* Label to the right of the dot; the dot's own box is reserved too. */
      x = px + r + 3;
      y = py - ink.height / 2.0;
      if (!atlas_label_set_try_add (labels, px - r - 1, y - 1, (x - px) + r + 1 + ink.width + 2, ink.height + 2))
        {
          /* Then to the left. */
          x = px - r - 3 - ink.width;
          if (!atlas_label_set_try_add (labels, x - 1, y - 1, ink.width + 2 * r + 6, ink.height + 2))
            continue;
        }

      cairo_new_path (cr);
      if (place->capital)
        {
          cairo_rectangle (cr, px - r, py - r, 2 * r, 2 * r);
          set_source (cr, &self->palette.halo);
          cairo_set_line_width (cr, 3);
          cairo_stroke_preserve (cr);
          set_source (cr, &self->palette.place_dot);
          cairo_fill (cr);
        }
      else
        {
          cairo_arc (cr, px, py, r, 0, 2 * G_PI);
          set_source (cr, &self->palette.halo);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke_preserve (cr);
          set_source (cr, &self->palette.place_dot);
          cairo_fill (cr);
        }

      atlas_painter_show_text_with_halo (cr, l, x - ink.x, y - ink.y,
                           &self->palette.place_label, &self->palette.halo, 3.0);
    }
}

/**
 * atlas_painter_draw_labels_full:
 * @names: (nullable): the names of the base map's places and countries;
 *   %NULL for atlas_place_names_get_default()
 * @mode: which of the names to print
 * @labels: boxes already taken; the labels drawn here are added to it
 *
 * Draws country names and the names of populated places that fit without
 * overlapping one another or anything already in @labels.
 */
void
atlas_painter_draw_labels_full (AtlasPainter    *self,
                                cairo_t         *cr,
                                const AtlasView *view,
                                AtlasPlaceNames *names,
                                AtlasNames       mode,
                                AtlasLabelSet   *labels)
{
  g_return_if_fail (ATLAS_IS_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (names == NULL || ATLAS_IS_PLACE_NAMES (names));
  g_return_if_fail (mode < ATLAS_N_NAMES);
  g_return_if_fail (labels != NULL);

  if (names == NULL)
    names = atlas_place_names_get_default (self->basemap);

  /* Capitals first, then countries, then the other places. */
  cairo_save (cr);
  draw_place_labels (self, cr, view, names, mode, labels, TRUE);
  draw_country_labels (self, cr, view, names, mode, labels);
  draw_place_labels (self, cr, view, names, mode, labels, FALSE);
  cairo_restore (cr);
}

/**
 * atlas_painter_draw_labels:
 * @labels: boxes already taken; the labels drawn here are added to it
 *
 * Draws the labels with the default names in the default mode, Albanian
 * and Serbian side by side (see atlas_painter_draw_labels_full()).
 */
void
atlas_painter_draw_labels (AtlasPainter    *self,
                           cairo_t         *cr,
                           const AtlasView *view,
                           AtlasLabelSet   *labels)
{
  atlas_painter_draw_labels_full (self, cr, view, NULL, ATLAS_NAMES_BOTH, labels);
}

/* Scale bar and attribution ----------------------------------------------- */

static double
nice_length (double max)
{
  double base = pow (10, floor (log10 (max)));

  if (5 * base <= max)
    return 5 * base;
  if (2 * base <= max)
    return 2 * base;
  return base;
}

/**
 * atlas_painter_draw_scale_bar:
 * @x: left edge, logical pixels
 * @y: bottom edge, logical pixels
 *
 * Draws a scale bar for the centre of @view, at most 120 pixels long.
 */
void
atlas_painter_draw_scale_bar (AtlasPainter    *self,
                              cairo_t         *cr,
                              const AtlasView *view,
                              AtlasUnits       units,
                              double           x,
                              double           y)
{
  double lat = atlas_mercator_lat_from_y (view->y);
  double metres_per_px = atlas_mercator_metres_per_pixel (lat, view->zoom);
  double unit_metres = units == ATLAS_UNITS_IMPERIAL ? 1000.0 * ATLAS_KM_PER_MILE : 1000.0;
  double length_units, width;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink;

  g_return_if_fail (ATLAS_IS_PAINTER (self));

  length_units = nice_length (120 * metres_per_px / unit_metres);
  width = length_units * unit_metres / metres_per_px;

  if (length_units >= 1)
    text = units == ATLAS_UNITS_IMPERIAL
      /* Translators: a distance on the scale bar, in miles */
      ? g_strdup_printf (_("%g mi"), length_units)
      /* Translators: a distance on the scale bar, in kilometres */
      : g_strdup_printf (_("%g km"), length_units);
  else
    text = units == ATLAS_UNITS_IMPERIAL
      /* Translators: a distance on the scale bar, in feet */
      ? g_strdup_printf (_("%g ft"), round (length_units * 5280))
      /* Translators: a distance on the scale bar, in metres */
      : g_strdup_printf (_("%g m"), round (length_units * 1000));

  cairo_save (cr);
  layout = create_layout (cr, "Sans", 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, &ink);

  cairo_rectangle (cr, x - 6, y - ink.height - 16, MAX (width, ink.width) + 12, ink.height + 22);
  set_source (cr, &self->palette.panel);
  cairo_fill (cr);

  cairo_move_to (cr, x, y - 9);
  cairo_line_to (cr, x, y - 4);
  cairo_line_to (cr, x + width, y - 4);
  cairo_line_to (cr, x + width, y - 9);
  set_source (cr, &self->palette.ink);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  cairo_move_to (cr, x - ink.x, y - 10 - ink.height - ink.y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * atlas_painter_format_distance:
 * @km: a distance in kilometres, as the data gives it
 * @units: the units to print it in
 *
 * Kilometres are printed as they are; miles, converted, to a tenth (a
 * hundredth below one mile), as a converted width has no round value.
 *
 * Returns: (transfer full): the distance and its unit
 */
char *
atlas_painter_format_distance (double     km,
                               AtlasUnits units)
{
  if (units == ATLAS_UNITS_IMPERIAL)
    {
      double miles = km / ATLAS_KM_PER_MILE;
      double scale = fabs (miles) < 1 ? 100 : 10;

      /* Translators: a distance in miles, e.g. "7.8 mi"; keep the
       * no-break space */
      return g_strdup_printf (C_("distance", "%g\u00a0mi"), round (miles * scale) / scale);
    }

  /* Translators: a distance in kilometres, e.g. "12.5 km"; keep the
   * no-break space */
  return g_strdup_printf (C_("distance", "%g\u00a0km"), km);
}

/**
 * atlas_painter_draw_attribution:
 *
 * Draws the data credits in the bottom-right corner of @view.
 */
void
atlas_painter_draw_attribution (AtlasPainter    *self,
                                cairo_t         *cr,
                                const AtlasView *view)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double x, y;

  g_return_if_fail (ATLAS_IS_PAINTER (self));

  cairo_save (cr);
  layout = create_layout (cr, "Sans", 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0);
  pango_layout_set_text (layout, atlas_painter_get_attribution (), -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  x = view->width - logical.width - 8;
  y = view->height - logical.height - 6;
  cairo_rectangle (cr, x - 6, y - 3, logical.width + 12, logical.height + 6);
  set_source (cr, &self->palette.panel);
  cairo_fill (cr);

  cairo_move_to (cr, x, y);
  set_source (cr, &self->palette.ink);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
