/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-private.h"

typedef enum
{
  ENTRY_HEADING,
  ENTRY_FILL,
  ENTRY_LINE,
  ENTRY_POINT,
  ENTRY_SYMBOL,
} EntryKind;

typedef struct
{
  EntryKind              kind;
  char                  *label;
  AtlasRgba              color;
  AtlasRgba              outline;
  gboolean               has_outline;
  gboolean               dashed;
  double                 size;       /* line width or point radius */
  AtlasLegendSymbolFunc  draw;
  gpointer               user_data;
  GDestroyNotify         destroy;
} Entry;

struct _AtlasLegend
{
  GArray     *entries;
  GHashTable *labels;    /* labels of entries, to ignore repeats */
  GPtrArray  *sources;
  GHashTable *source_set;
};

/* Logical pixels. */
#define PADDING      10.0
#define ROW_HEIGHT   20.0
#define SWATCH_W     24.0
#define SWATCH_H     12.0
#define SWATCH_GAP    8.0
#define FONT_SIZE    12.0
#define MAX_LABEL_W 240.0

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  if (entry->destroy != NULL)
    entry->destroy (entry->user_data);
}

AtlasLegend *
atlas_legend_new (void)
{
  AtlasLegend *legend = g_new0 (AtlasLegend, 1);

  legend->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (legend->entries, entry_clear);
  legend->labels = g_hash_table_new (g_str_hash, g_str_equal);
  legend->sources = g_ptr_array_new_with_free_func (g_free);
  legend->source_set = g_hash_table_new (g_str_hash, g_str_equal);

  return legend;
}

void
atlas_legend_free (AtlasLegend *legend)
{
  if (legend == NULL)
    return;

  g_hash_table_unref (legend->labels);
  g_hash_table_unref (legend->source_set);
  g_array_unref (legend->entries);
  g_ptr_array_unref (legend->sources);
  g_free (legend);
}

/* Returns the new entry, or NULL when an entry with @label exists. */
static Entry *
add_entry (AtlasLegend *legend,
           EntryKind    kind,
           const char  *label)
{
  Entry entry = { 0, };
  Entry *added;

  g_return_val_if_fail (legend != NULL, NULL);
  g_return_val_if_fail (label != NULL && *label != '\0', NULL);

  /* Two overlays may well add the same heading or entry. */
  if (g_hash_table_contains (legend->labels, label))
    return NULL;

  entry.kind = kind;
  entry.label = g_strdup (label);
  g_array_append_val (legend->entries, entry);
  added = &g_array_index (legend->entries, Entry, legend->entries->len - 1);
  g_hash_table_add (legend->labels, added->label);

  return added;
}

void
atlas_legend_add_heading (AtlasLegend *legend,
                          const char  *text)
{
  add_entry (legend, ENTRY_HEADING, text);
}

/**
 * atlas_legend_add_fill:
 * @outline: (nullable): the area's outline colour, if it has one
 */
void
atlas_legend_add_fill (AtlasLegend     *legend,
                       const char      *label,
                       const AtlasRgba *fill,
                       const AtlasRgba *outline)
{
  Entry *entry;

  g_return_if_fail (fill != NULL);

  if ((entry = add_entry (legend, ENTRY_FILL, label)) == NULL)
    return;
  entry->color = *fill;
  entry->has_outline = outline != NULL;
  if (outline != NULL)
    entry->outline = *outline;
}

/* Lines and points: a colour and a size. */
static void
add_sized_entry (AtlasLegend     *legend,
                 EntryKind        kind,
                 const char      *label,
                 const AtlasRgba *color,
                 double           size,
                 gboolean         dashed)
{
  Entry *entry;

  g_return_if_fail (color != NULL);

  if ((entry = add_entry (legend, kind, label)) == NULL)
    return;
  entry->color = *color;
  entry->size = size;
  entry->dashed = dashed;
}

void
atlas_legend_add_line (AtlasLegend     *legend,
                       const char      *label,
                       const AtlasRgba *color,
                       double           width,
                       gboolean         dashed)
{
  add_sized_entry (legend, ENTRY_LINE, label, color, CLAMP (width, 0.5, SWATCH_H), dashed);
}

void
atlas_legend_add_point (AtlasLegend     *legend,
                        const char      *label,
                        const AtlasRgba *color,
                        double           radius)
{
  add_sized_entry (legend, ENTRY_POINT, label, color, CLAMP (radius, 1.0, SWATCH_H / 2.0), FALSE);
}

/**
 * atlas_legend_add_symbol:
 * @draw: draws the symbol
 * @user_data: data for @draw
 * @destroy: (nullable): frees @user_data with the legend (at once when
 *   the label is already in the legend)
 */
void
atlas_legend_add_symbol (AtlasLegend           *legend,
                         const char            *label,
                         AtlasLegendSymbolFunc  draw,
                         gpointer               user_data,
                         GDestroyNotify         destroy)
{
  Entry *entry;

  g_return_if_fail (draw != NULL);

  if ((entry = add_entry (legend, ENTRY_SYMBOL, label)) == NULL)
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  entry->draw = draw;
  entry->user_data = user_data;
  entry->destroy = destroy;
}

/**
 * atlas_legend_add_source:
 * @source: a credit line, e.g. "NATO" or "Human Rights Watch"
 *
 * Adds a data source to the credits; repeats are ignored.
 */
void
atlas_legend_add_source (AtlasLegend *legend,
                         const char  *source)
{
  char *copy;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (source != NULL);

  if (*source == '\0' || g_hash_table_contains (legend->source_set, source))
    return;

  copy = g_strdup (source);
  g_ptr_array_add (legend->sources, copy);
  g_hash_table_add (legend->source_set, copy);
}

guint
atlas_legend_get_n_entries (AtlasLegend *legend)
{
  g_return_val_if_fail (legend != NULL, 0);
  return legend->entries->len;
}

const char *
atlas_legend_get_label (AtlasLegend *legend,
                        guint        index)
{
  g_return_val_if_fail (legend != NULL, NULL);
  g_return_val_if_fail (index < legend->entries->len, NULL);
  return g_array_index (legend->entries, Entry, index).label;
}

guint
atlas_legend_get_n_sources (AtlasLegend *legend)
{
  g_return_val_if_fail (legend != NULL, 0);
  return legend->sources->len;
}

const char *
atlas_legend_get_source (AtlasLegend *legend,
                         guint        index)
{
  g_return_val_if_fail (legend != NULL, NULL);
  g_return_val_if_fail (index < legend->sources->len, NULL);
  return g_ptr_array_index (legend->sources, index);
}

/* Layout ------------------------------------------------------------------ */

/* How many rows fit in @max_height, and whether the last of them must say
 * how many entries were left out. */
static guint
visible_rows (AtlasLegend *legend,
              double       max_height,
              gboolean    *truncated)
{
  guint fit = (guint) MAX (0.0, (max_height - 2 * PADDING) / ROW_HEIGHT);

  *truncated = legend->entries->len > fit;
  if (!*truncated)
    return legend->entries->len;
  return fit;
}

static PangoLayout *
create_row_layout (cairo_t *cr)
{
  PangoLayout *layout = atlas_snapshot_create_layout (cr, FONT_SIZE, PANGO_WEIGHT_NORMAL);

  pango_layout_set_width (layout, (int) (MAX_LABEL_W * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static char *
more_text (guint n_more)
{
  /* Translators: the last line of a legend that has no room for all entries */
  return g_strdup_printf (ngettext ("and %u more", "and %u more", n_more), n_more);
}

/* Sets @layout to the text and weight of row @row; returns the entry
 * drawn there, or NULL for the "and N more" line. */
static const Entry *
set_row (AtlasLegend *legend,
         PangoLayout *layout,
         guint        row,
         guint        n_rows,
         gboolean     truncated)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_layout_get_font_description (layout));
  const Entry *entry = NULL;

  if (truncated && row == n_rows - 1)
    {
      g_autofree char *text = more_text (legend->entries->len - row);

      pango_layout_set_text (layout, text, -1);
      pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
    }
  else
    {
      entry = &g_array_index (legend->entries, Entry, row);
      pango_layout_set_text (layout, entry->label, -1);
      pango_font_description_set_weight (font, entry->kind == ENTRY_HEADING ? PANGO_WEIGHT_BOLD
                                                                               : PANGO_WEIGHT_NORMAL);
      pango_font_description_set_style (font, PANGO_STYLE_NORMAL);
    }
  pango_layout_set_font_description (layout, font);

  return entry;
}

static gboolean
row_has_swatch (const Entry *entry)
{
  return entry != NULL && entry->kind != ENTRY_HEADING;
}

/**
 * atlas_legend_measure:
 *
 * The size of the legend's panel; 0×0 when it has no entries or no room.
 */
void
atlas_legend_measure (AtlasLegend *legend,
                      cairo_t     *cr,
                      double       max_height,
                      double      *width,
                      double      *height)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean truncated;
  guint n_rows;
  double text_w = 0;

  g_return_if_fail (legend != NULL);

  *width = *height = 0;
  n_rows = visible_rows (legend, max_height, &truncated);
  if (n_rows == 0)
    return;

  layout = create_row_layout (cr);
  for (guint row = 0; row < n_rows; row++)
    {
      const Entry *entry = set_row (legend, layout, row, n_rows, truncated);
      PangoRectangle logical;
      double indent = row_has_swatch (entry) ? SWATCH_W + SWATCH_GAP : 0;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      text_w = MAX (text_w, indent + logical.width);
    }

  *width = ceil (text_w + 2 * PADDING);
  *height = n_rows * ROW_HEIGHT + 2 * PADDING;
}

static void
draw_swatch (cairo_t      *cr,
             AtlasPainter *painter,
             const Entry  *entry,
             double        x,
             double        y)
{
  double cy = y + SWATCH_H / 2.0;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (entry->kind)
    {
    case ENTRY_FILL:
      cairo_rectangle (cr, x + 1, y + 1, SWATCH_W - 2, SWATCH_H - 2);
      atlas_snapshot_set_source (cr, &entry->color);
      cairo_fill_preserve (cr);
      if (entry->has_outline)
        {
          atlas_snapshot_set_source (cr, &entry->outline);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      break;

    case ENTRY_LINE:
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + SWATCH_W, cy);
      if (entry->dashed)
        {
          double dashes[] = { 4.0, 3.0 };
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      atlas_snapshot_set_source (cr, &entry->color);
      cairo_set_line_width (cr, entry->size);
      cairo_stroke (cr);
      break;

    case ENTRY_POINT:
      cairo_arc (cr, x + SWATCH_W / 2.0, cy, entry->size, 0, 2 * G_PI);
      atlas_snapshot_set_source (cr, &entry->color);
      cairo_fill (cr);
      break;

    case ENTRY_SYMBOL:
      entry->draw (cr, painter, x, y, SWATCH_W, SWATCH_H, entry->user_data);
      break;

    case ENTRY_HEADING:
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/**
 * atlas_legend_draw:
 * @x: left edge of the panel
 * @y: top edge of the panel
 */
void
atlas_legend_draw (AtlasLegend  *legend,
                   cairo_t      *cr,
                   AtlasPainter *painter,
                   double        x,
                   double        y,
                   double        max_height)
{
  g_autoptr(PangoLayout) layout = NULL;
  const AtlasPalette *palette;
  gboolean truncated;
  guint n_rows;
  double width, height;

  g_return_if_fail (legend != NULL);
  g_return_if_fail (ATLAS_IS_PAINTER (painter));

  palette = atlas_painter_get_palette (painter);
  atlas_legend_measure (legend, cr, max_height, &width, &height);
  n_rows = visible_rows (legend, max_height, &truncated);
  if (n_rows == 0)
    return;

  cairo_save (cr);
  atlas_snapshot_fill_panel (cr, palette, x, y, width, height);

  layout = create_row_layout (cr);
  for (guint row = 0; row < n_rows; row++)
    {
      const Entry *entry = set_row (legend, layout, row, n_rows, truncated);
      double row_y = y + PADDING + row * ROW_HEIGHT;
      double text_x = x + PADDING;
      PangoRectangle logical;

      if (row_has_swatch (entry))
        {
          draw_swatch (cr, painter, entry, text_x, row_y + (ROW_HEIGHT - SWATCH_H) / 2.0);
          text_x += SWATCH_W + SWATCH_GAP;
        }

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      cairo_move_to (cr, text_x, row_y + (ROW_HEIGHT - logical.height) / 2.0);
      atlas_snapshot_set_source (cr, &palette->ink);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}
