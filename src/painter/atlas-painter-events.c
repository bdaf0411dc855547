/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-painter-events"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "atlas-painter-events.h"
#include "atlas-snapshot-private.h"

/*
 * Symbols, in logical pixels. Aggregation bins events into square cells
 * of CELL_SIZE pixels anchored to the world (not to the widget), so that
 * panning moves the clusters with the map instead of regrouping them.
 * Clusters come in seven graduated sizes (cluster_classes): an area
 * proportional to the count would need circles from 4 to 400 pixels
 * across for 1 to 10 000 events, so the count is printed instead.
 */
#define POINT_RADIUS        4.5
#define POINT_RADIUS_FAR    3.5      /* below zoom FAR_ZOOM */
#define FAR_ZOOM            7.0
#define CELL_SIZE           44.0
#define CLUSTER_MIN_COUNT   4        /* smaller cells keep their points */
#define CLUSTER_LABEL_MIN   10       /* counts printed from here on */
#define PICK_SLOP           4.0
#define SELECTED_RADIUS     10.0

/* Older events fade in N_FADE steps down to 1 - FADE_DEPTH opacity. */
#define N_FADE              6
#define FADE_DEPTH          0.7

/* Colour slots: the categories the data format recommends, one for any
 * other category and one for none. */
enum {
  SLOT_NONE,
  SLOT_MILITARY,
  SLOT_POLITICAL,
  SLOT_AGREEMENT,
  SLOT_UNREST,
  SLOT_VISIT,
  SLOT_HUMANITARIAN,
  SLOT_CUSTOM,
  N_SLOTS
};

static const char * const slot_names[N_SLOTS] = {
  [SLOT_NONE] = "other",
  [SLOT_MILITARY] = "military",
  [SLOT_POLITICAL] = "political",
  [SLOT_AGREEMENT] = "agreement",
  [SLOT_UNREST] = "unrest",
  [SLOT_VISIT] = "visit",
  [SLOT_HUMANITARIAN] = "humanitarian",
  [SLOT_CUSTOM] = NULL,
};

#define HEX(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Okabe and Ito's palette, which stays distinct under the common colour
 * vision deficiencies; the dark theme lifts the darker hues off the dark
 * land. */
static const AtlasRgba light_colors[N_SLOTS] = {
  [SLOT_NONE] = HEX (0x77767b),
  [SLOT_MILITARY] = HEX (0xd55e00),
  [SLOT_POLITICAL] = HEX (0x0072b2),
  [SLOT_AGREEMENT] = HEX (0x009e73),
  [SLOT_UNREST] = HEX (0xe69f00),
  [SLOT_VISIT] = HEX (0xcc79a7),
  [SLOT_HUMANITARIAN] = HEX (0x56b4e9),
  [SLOT_CUSTOM] = HEX (0xf0e442),
};

static const AtlasRgba dark_colors[N_SLOTS] = {
  [SLOT_NONE] = HEX (0xb0afb5),
  [SLOT_MILITARY] = HEX (0xf0742a),
  [SLOT_POLITICAL] = HEX (0x3c9de0),
  [SLOT_AGREEMENT] = HEX (0x19c394),
  [SLOT_UNREST] = HEX (0xf2b01e),
  [SLOT_VISIT] = HEX (0xe08fbd),
  [SLOT_HUMANITARIAN] = HEX (0x7cc8f2),
  [SLOT_CUSTOM] = HEX (0xf0e442),
};

/* Outlines keep light symbols visible on the light Kosovo fill and dark
 * ones on dark land. */
static const AtlasRgba light_outline = { 0.12, 0.11, 0.14, 0.8 };
static const AtlasRgba dark_outline = { 0.98, 0.98, 0.97, 0.85 };

struct _AtlasEventSet
{
  gatomicrefcount       ref_count;
  AtlasDataset         *dataset;
  gint32                day;
  AtlasEventWindowMode  mode;
  gint32                from;
  gint32                to;
  double                fade_span;
  GArray               *positions;      /* guint, list order, located only */
  guint                 n_unlocated;
  guint8               *slots;          /* colour slot of each category */
  guint                 n_categories;
};

G_DEFINE_BOXED_TYPE (AtlasEventSet, atlas_event_set, atlas_event_set_ref, atlas_event_set_unref)

GType
atlas_event_window_mode_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ATLAS_EVENT_WINDOW_TRAILING, "ATLAS_EVENT_WINDOW_TRAILING", "trailing" },
        { ATLAS_EVENT_WINDOW_CUMULATIVE, "ATLAS_EVENT_WINDOW_CUMULATIVE", "cumulative" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("AtlasEventWindowMode"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static guint8
slot_for_category (const char *name)
{
  if (name == NULL)
    return SLOT_NONE;

  for (guint i = 0; i < N_SLOTS; i++)
    if (slot_names[i] != NULL && g_str_equal (slot_names[i], name))
      return i;

  return SLOT_CUSTOM;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return (ua > ub) - (ua < ub);
}

/* The number of items of a list sorted by start day that start before @to. */
static guint
count_started_before (const AtlasFeatureArrays *arrays,
                      gint32                    to)
{
  guint lo = 0, hi = arrays->n_items;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (arrays->start_day[mid] < to)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * atlas_event_set_new:
 * @day: the date, a day number
 * @window_days: the length of a trailing window, at least 1 (ignored for
 *   a cumulative one)
 *
 * Chooses the events to show on @day. A trailing window of N days covers
 * [@day - N + 1, @day + 1): an event is shown if it was active on any of
 * those days, so with N = 1 an event ending on @day (whose last day is the
 * day before) is not shown and one starting on @day is. A cumulative
 * window shows every event starting on or before @day.
 *
 * Only events with a location are kept; the others are only counted.
 *
 * Returns: (transfer full): the events to draw
 */
AtlasEventSet *
atlas_event_set_new (AtlasDataset         *dataset,
                     gint32                day,
                     AtlasEventWindowMode  mode,
                     guint                 window_days)
{
  const AtlasFeatureArrays *arrays;
  const char * const *categories;
  AtlasEventSet *set;
  guint n_located = 0;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  arrays = atlas_dataset_get_arrays (dataset, ATLAS_KIND_EVENT);

  set = g_new0 (AtlasEventSet, 1);
  g_atomic_ref_count_init (&set->ref_count);
  set->dataset = g_object_ref (dataset);
  set->day = day;
  set->mode = mode;
  set->to = day == G_MAXINT32 ? G_MAXINT32 : day + 1;
  set->positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (mode == ATLAS_EVENT_WINDOW_TRAILING)
    {
      window_days = CLAMP (window_days, 1, G_MAXINT32);
      set->from = (gint32) MAX ((gint64) set->to - window_days, (gint64) G_MININT32);
      set->fade_span = window_days;
      atlas_dataset_query_overlapping (dataset, ATLAS_KIND_EVENT, set->from, set->to, set->positions);
      g_array_sort (set->positions, compare_guint);
    }
  else
    {
      /* The list is sorted by start day: the events so far are a prefix. */
      guint n = count_started_before (arrays, set->to);

      set->from = G_MININT32;
      g_array_set_size (set->positions, n);
      for (guint i = 0; i < n; i++)
        g_array_index (set->positions, guint, i) = i;
      set->fade_span = n > 0 ? MAX (1.0, (double) day - arrays->start_day[0]) : 1.0;
    }

  /* Keep the located events, in place. */
  for (guint i = 0; i < set->positions->len; i++)
    {
      guint position = g_array_index (set->positions, guint, i);

      if (!isnan (arrays->x[position]))
        g_array_index (set->positions, guint, n_located++) = position;
    }
  set->n_unlocated = set->positions->len - n_located;
  g_array_set_size (set->positions, n_located);

  categories = atlas_dataset_get_categories (dataset, &set->n_categories);
  set->slots = g_new0 (guint8, MAX (set->n_categories, 1));
  for (guint i = 1; i < set->n_categories; i++)
    set->slots[i] = slot_for_category (categories[i]);

  return set;
}

AtlasEventSet *
atlas_event_set_ref (AtlasEventSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  g_atomic_ref_count_inc (&set->ref_count);
  return set;
}

void
atlas_event_set_unref (AtlasEventSet *set)
{
  g_return_if_fail (set != NULL);

  if (!g_atomic_ref_count_dec (&set->ref_count))
    return;

  g_object_unref (set->dataset);
  g_array_unref (set->positions);
  g_free (set->slots);
  g_free (set);
}

/* (transfer none) */
AtlasDataset *
atlas_event_set_get_dataset (AtlasEventSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  return set->dataset;
}

gint32
atlas_event_set_get_day (AtlasEventSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->day;
}

AtlasEventWindowMode
atlas_event_set_get_mode (AtlasEventSet *set)
{
  g_return_val_if_fail (set != NULL, ATLAS_EVENT_WINDOW_TRAILING);
  return set->mode;
}

/**
 * atlas_event_set_get_window:
 * @from: (out) (optional): first day of the window (G_MININT32 when
 *   cumulative)
 * @to: (out) (optional): first day after the window
 */
void
atlas_event_set_get_window (AtlasEventSet *set,
                            gint32        *from,
                            gint32        *to)
{
  g_return_if_fail (set != NULL);

  if (from != NULL)
    *from = set->from;
  if (to != NULL)
    *to = set->to;
}

/**
 * atlas_event_set_get_positions:
 * @n_positions: (out): the number of positions
 *
 * Returns: (transfer none) (array length=n_positions): the list positions
 *   (in the dataset's event list) of the located events in the window,
 *   in list order
 */
const guint *
atlas_event_set_get_positions (AtlasEventSet *set,
                               guint         *n_positions)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (n_positions != NULL, NULL);

  *n_positions = set->positions->len;
  return (const guint *) (gpointer) set->positions->data;
}

/* Events in the window that have no place on the map. */
guint
atlas_event_set_get_n_unlocated (AtlasEventSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->n_unlocated;
}

gboolean
atlas_event_set_contains (AtlasEventSet *set,
                          guint          position)
{
  guint index;

  g_return_val_if_fail (set != NULL, FALSE);

  return g_array_binary_search (set->positions, &position, compare_guint, &index);
}

/* Ages quantised to N_FADE levels, 0 being the newest. An event still
 * active on the day has age 0; one that ended has the days since its last
 * day. */
static inline guint
fade_level (const AtlasEventSet      *set,
            const AtlasFeatureArrays *arrays,
            guint                     position)
{
  gint32 last_day = arrays->end_day[position] - 1;
  gint64 age = (gint64) set->day - MIN (last_day, set->day);
  double t = CLAMP (age / set->fade_span, 0.0, 1.0);

  return (guint) (t * (N_FADE - 1) + 0.5);
}

static inline double
fade_alpha (guint level)
{
  return 1.0 - FADE_DEPTH * level / (N_FADE - 1);
}

/**
 * atlas_event_set_get_fade:
 *
 * Returns: the opacity the event at @position is drawn with, from 1 for
 *   an event active on the day down to 0.3 for the oldest in the window
 */
double
atlas_event_set_get_fade (AtlasEventSet *set,
                          guint          position)
{
  const AtlasFeatureArrays *arrays;

  g_return_val_if_fail (set != NULL, 0.0);

  arrays = atlas_dataset_get_arrays (set->dataset, ATLAS_KIND_EVENT);
  g_return_val_if_fail (position < arrays->n_items, 0.0);

  return fade_alpha (fade_level (set, arrays, position));
}

static inline guint
slot_of (const AtlasEventSet      *set,
         const AtlasFeatureArrays *arrays,
         guint                     position)
{
  guint category = arrays->category[position];

  return category < set->n_categories ? set->slots[category] : SLOT_CUSTOM;
}

/* Frames: where the set's events fall in one view ---------------------- */

typedef struct
{
  double sum_x;           /* widget pixels, for the centroid */
  double sum_y;
  guint  count;
  guint  newest_level;
  guint  slot_counts[N_SLOTS];
} Cell;

typedef struct
{
  const AtlasFeatureArrays *arrays;
  double   world;
  double   ox;            /* widget x = Mercator x · world + ox */
  double   oy;
  double   point_radius;
  gint64   gx0;           /* the world cell of the grid's first column */
  gint64   gy0;
  guint    n_cols;
  guint    n_rows;
  Cell    *cells;
  guint    n_visible;
  gboolean aggregated;
} Frame;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->cells, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Frame, frame_clear)

/* The cell of widget point (px, py), or -1 outside the grid. */
static inline int
frame_cell (const Frame *frame,
            double       px,
            double       py)
{
  gint64 col = (gint64) floor ((px - frame->ox) / CELL_SIZE) - frame->gx0;
  gint64 row = (gint64) floor ((py - frame->oy) / CELL_SIZE) - frame->gy0;

  if (col < 0 || row < 0 || col >= frame->n_cols || row >= frame->n_rows)
    return -1;
  return (int) (row * frame->n_cols + col);
}

/* Graduated sizes: the count is printed, the circle only ranks it. */
static const struct {
  guint  min_count;
  double radius;
} cluster_classes[] = {
  { CLUSTER_MIN_COUNT, 8.0 },
  { 10, 10.5 },
  { 25, 12.5 },
  { 50, 14.0 },
  { 100, 15.5 },
  { 250, 17.0 },
  { 1000, 19.0 },
};

#define N_CLUSTER_CLASSES G_N_ELEMENTS (cluster_classes)

static inline guint
cluster_class (guint count)
{
  guint c = 0;

  while (c + 1 < N_CLUSTER_CLASSES && count >= cluster_classes[c + 1].min_count)
    c++;
  return c;
}

static inline double
cluster_radius (guint count)
{
  return cluster_classes[cluster_class (count)].radius;
}

static inline gboolean
cell_is_cluster (const Frame *frame,
                 const Cell  *cell)
{
  return frame->aggregated && cell->count >= CLUSTER_MIN_COUNT;
}

/*
 * Bins every event of @set within a cell's reach of @view. Clusters near
 * the edge are built from events outside the view too, so that they do
 * not change as they scroll in.
 */
static void
frame_compute (Frame               *frame,
               const AtlasEventSet *set,
               const AtlasView     *view)
{
  const AtlasFeatureArrays *arrays = atlas_dataset_get_arrays (set->dataset, ATLAS_KIND_EVENT);
  const guint *positions = (const guint *) (gpointer) set->positions->data;
  double r;

  memset (frame, 0, sizeof *frame);
  frame->arrays = arrays;
  frame->world = atlas_mercator_world_size (view->zoom);
  frame->ox = view->width / 2.0 - view->x * frame->world;
  frame->oy = view->height / 2.0 - view->y * frame->world;
  frame->point_radius = view->zoom < FAR_ZOOM ? POINT_RADIUS_FAR : POINT_RADIUS;
  frame->gx0 = (gint64) floor ((-CELL_SIZE - frame->ox) / CELL_SIZE);
  frame->gy0 = (gint64) floor ((-CELL_SIZE - frame->oy) / CELL_SIZE);
  frame->n_cols = (guint) ceil ((view->width + 2 * CELL_SIZE) / CELL_SIZE) + 1;
  frame->n_rows = (guint) ceil ((view->height + 2 * CELL_SIZE) / CELL_SIZE) + 1;
  frame->cells = g_new0 (Cell, (gsize) frame->n_cols * frame->n_rows);

  r = frame->point_radius;
  for (guint i = 0; i < set->positions->len; i++)
    {
      guint position = positions[i];
      double px = arrays->x[position] * frame->world + frame->ox;
      double py = arrays->y[position] * frame->world + frame->oy;
      int c = frame_cell (frame, px, py);
      Cell *cell;
      guint level;

      if (c < 0)
        continue;

      if (px >= -r && py >= -r && px <= view->width + r && py <= view->height + r)
        frame->n_visible++;

      cell = &frame->cells[c];
      level = fade_level (set, arrays, position);
      if (cell->count == 0 || level < cell->newest_level)
        cell->newest_level = level;
      cell->count++;
      cell->sum_x += px;
      cell->sum_y += py;
      cell->slot_counts[slot_of (set, arrays, position)]++;
    }

  frame->aggregated = frame->n_visible > ATLAS_EVENTS_AGGREGATE_THRESHOLD;
}

/* Drawing --------------------------------------------------------------- */

/*
 * Every symbol is a disc: a single event (size 0) or a cluster (size
 * 1 + its class). On raster targets each distinct disc is drawn once into
 * a small image at device resolution and then stamped, which costs a
 * fraction of rasterising as many antialiased arcs; vector targets (SVG,
 * PDF) get real circles.
 */
typedef struct
{
  double x;        /* logical pixels */
  double y;
  guint  count;    /* events in a cluster */
  guint  stack;    /* points drawn at this very pixel, on the top one */
  guint8 slot;
  guint8 level;
  guint8 size;
} Symbol;

#define N_SIZES (1 + N_CLUSTER_CLASSES)
#define STAMP_KEY(sym) (((sym)->size * N_FADE + (sym)->level) * N_SLOTS + (sym)->slot)

typedef struct
{
  AtlasPainter    *painter;
  cairo_t         *cr;
  gboolean         vector;
  cairo_matrix_t   user;       /* the caller's transformation */
  double           scale;      /* device pixels per logical pixel */
  double           point_radius;
  cairo_surface_t *stamps[N_SIZES * N_FADE * N_SLOTS];
  PangoLayout     *layout;     /* for counts, created on first use */
  PangoLayout     *badge_layout;
} Pen;

/* Oldest first; clusters above points; then by colour, for fewer
 * changes of stamp. */
static int
compare_symbols (gconstpointer a,
                 gconstpointer b)
{
  const Symbol *sa = a, *sb = b;

  if (sa->level != sb->level)
    return sa->level > sb->level ? -1 : 1;
  if ((sa->size > 0) != (sb->size > 0))
    return sa->size > 0 ? 1 : -1;
  if (sa->size != sb->size)
    return sa->size > sb->size ? -1 : 1;
  return (sa->slot > sb->slot) - (sa->slot < sb->slot);
}

static const AtlasRgba *
colors_for (AtlasPainter *painter)
{
  return atlas_painter_get_theme (painter) == ATLAS_THEME_DARK ? dark_colors : light_colors;
}

static const AtlasRgba *
outline_for (AtlasPainter *painter)
{
  return atlas_painter_get_theme (painter) == ATLAS_THEME_DARK ? &dark_outline : &light_outline;
}

static void
set_source_faded (cairo_t         *cr,
                  const AtlasRgba *color,
                  double           alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

/* Vector output (SVG, PDF) keeps real circles. */
static gboolean
is_vector_target (cairo_t *cr)
{
  switch ((int) cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

static double
symbol_radius (const Pen    *pen,
               const Symbol *symbol)
{
  return symbol->size == 0 ? pen->point_radius : cluster_classes[symbol->size - 1].radius;
}

/* The disc of @symbol centred on (x, y) of @cr's user space. */
static void
draw_disc (const Pen    *pen,
           cairo_t      *cr,
           const Symbol *symbol,
           double        x,
           double        y)
{
  const AtlasRgba *fill = &colors_for (pen->painter)[symbol->slot];
  double alpha = fade_alpha (symbol->level);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, symbol_radius (pen, symbol), 0, 2 * G_PI);
  /* Clusters are translucent, so that what they cover shows through. */
  set_source_faded (cr, fill, symbol->size == 0 ? alpha : 0.35 + 0.55 * alpha);
  cairo_fill_preserve (cr);
  set_source_faded (cr, outline_for (pen->painter), alpha);
  cairo_set_line_width (cr, symbol->size == 0 ? 1.0 : 1.25);
  cairo_stroke (cr);
}

static cairo_surface_t *
get_stamp (Pen          *pen,
           const Symbol *symbol)
{
  guint key = STAMP_KEY (symbol);

  if (pen->stamps[key] == NULL)
    {
      int size = (int) ceil ((2 * symbol_radius (pen, symbol) + 2) * pen->scale) + 2;
      cairo_surface_t *stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_t *cr = cairo_create (stamp);

      cairo_scale (cr, pen->scale, pen->scale);
      draw_disc (pen, cr, symbol, size / 2.0 / pen->scale, size / 2.0 / pen->scale);
      cairo_destroy (cr);
      pen->stamps[key] = stamp;
    }

  return pen->stamps[key];
}

/* Light fills take dark text and dark fills light text. */
static gboolean
is_light (const AtlasRgba *color)
{
  return 0.2126 * color->r + 0.7152 * color->g + 0.0722 * color->b > 0.55;
}

/**
 * atlas_painter_format_event_count:
 * @count: a number of events
 *
 * How a cluster or a stack of events prints its count: grouped as the
 * locale groups digits, in thousands from 10 000 on, where a disc has no
 * room for five digits.
 *
 * Returns: (transfer full): the text
 */
char *
atlas_painter_format_event_count (guint count)
{
  if (count < 10000)
    return g_strdup_printf ("%'u", count);

  /* Translators: thousands of events in a cluster on the map, e.g. "12k"
   * for 12 000; it must stay short to fit in a small disc */
  return g_strdup_printf (C_("event count", "%'uk"), count / 1000);
}

static void
draw_count (Pen          *pen,
            const Symbol *symbol)
{
  const AtlasRgba *fill = &colors_for (pen->painter)[symbol->slot];
  g_autofree char *text = atlas_painter_format_event_count (symbol->count);
  PangoRectangle ink;

  if (pen->layout == NULL)
    pen->layout = atlas_snapshot_create_layout (pen->cr, 10.5, PANGO_WEIGHT_BOLD);

  pango_layout_set_text (pen->layout, text, -1);
  pango_layout_get_pixel_extents (pen->layout, &ink, NULL);

  if (is_light (fill) && fade_alpha (symbol->level) > 0.6)
    cairo_set_source_rgb (pen->cr, 0.1, 0.1, 0.12);
  else
    cairo_set_source_rgb (pen->cr, 1, 1, 1);
  cairo_move_to (pen->cr, symbol->x - ink.x - ink.width / 2.0, symbol->y - ink.y - ink.height / 2.0);
  pango_cairo_show_layout (pen->cr, pen->layout);
}

/* Points at the very same place (events in one town) show how many
 * they are, top right of the point. */
static void
draw_stack_badge (Pen          *pen,
                  const Symbol *symbol)
{
  const AtlasPalette *palette = atlas_painter_get_palette (pen->painter);
  double r = pen->point_radius;
  g_autofree char *text = atlas_painter_format_event_count (symbol->stack);
  PangoRectangle ink;

  if (pen->badge_layout == NULL)
    pen->badge_layout = atlas_snapshot_create_layout (pen->cr, 9.0, PANGO_WEIGHT_BOLD);

  pango_layout_set_text (pen->badge_layout, text, -1);
  pango_layout_get_pixel_extents (pen->badge_layout, &ink, NULL);

  {
    AtlasRgba halo = palette->halo;

    halo.a = 1.0;
    atlas_painter_show_text_with_halo (pen->cr, pen->badge_layout,
                                       symbol->x + r * 0.7 - ink.x, symbol->y - r * 0.7 - ink.height - ink.y,
                                       &palette->ink, &halo, 2.5);
  }
}

/* Marks on the last (top) point of each pixel how many points it covers. */
static void
count_stacks (GArray *symbols)
{
  g_autoptr(GHashTable) tops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < symbols->len; i++)
    {
      Symbol *symbol = &g_array_index (symbols, Symbol, i);
      /* The pixel's column and row, 32 bits each: unsigned, as symbols
       * just left of or above the view have negative coordinates, and
       * shifting a negative number is undefined. */
      gint64 key = (gint64) (((guint64) (guint32) lround (symbol->x) << 32) | (guint32) lround (symbol->y));
      gpointer found;

      if (symbol->size != 0)
        continue;

      if (g_hash_table_lookup_extended (tops, &key, NULL, &found))
        {
          Symbol *below = &g_array_index (symbols, Symbol, GPOINTER_TO_UINT (found));

          symbol->stack = below->stack + 1;
          below->stack = 0;
          g_hash_table_insert (tops, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (i));
        }
      else
        {
          symbol->stack = 1;
          g_hash_table_insert (tops, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (i));
        }
    }
}

static void
draw_symbols (Pen    *pen,
              GArray *symbols)
{
  cairo_t *cr = pen->cr;
  cairo_matrix_t device;

  cairo_matrix_init_identity (&device);
  g_array_sort (symbols, compare_symbols);
  count_stacks (symbols);

  for (guint i = 0; i < symbols->len; i++)
    {
      const Symbol *symbol = &g_array_index (symbols, Symbol, i);

      if (pen->vector)
        draw_disc (pen, cr, symbol, symbol->x, symbol->y);
      else
        {
          cairo_surface_t *stamp = get_stamp (pen, symbol);
          int size = cairo_image_surface_get_width (stamp);
          double x = symbol->x, y = symbol->y;

          /* Stamped in device space: round and sharp whatever the scale
           * and rotation of the caller's transformation. */
          cairo_user_to_device (cr, &x, &y);
          x = round (x - size / 2.0);
          y = round (y - size / 2.0);
          cairo_set_matrix (cr, &device);
          cairo_set_source_surface (cr, stamp, x, y);
          cairo_rectangle (cr, x, y, size, size);
          cairo_fill (cr);
          cairo_set_matrix (cr, &pen->user);
        }

      if (symbol->count >= CLUSTER_LABEL_MIN)
        draw_count (pen, symbol);
      else if (symbol->stack > 1)
        draw_stack_badge (pen, symbol);
    }
}

static void
pen_init (Pen          *pen,
          AtlasPainter *painter,
          cairo_t      *cr,
          const Frame  *frame)
{
  double dx = 1, dy = 0;

  memset (pen, 0, sizeof *pen);
  pen->painter = painter;
  pen->cr = cr;
  pen->vector = is_vector_target (cr);
  pen->point_radius = frame->point_radius;
  cairo_get_matrix (cr, &pen->user);
  cairo_user_to_device_distance (cr, &dx, &dy);
  pen->scale = CLAMP (hypot (dx, dy), 0.25, 16.0);
}

static void
pen_clear (Pen *pen)
{
  for (guint i = 0; i < G_N_ELEMENTS (pen->stamps); i++)
    g_clear_pointer (&pen->stamps[i], cairo_surface_destroy);
  g_clear_object (&pen->layout);
  g_clear_object (&pen->badge_layout);
}

static guint
dominant_slot (const Cell *cell)
{
  guint best = 0;

  for (guint s = 1; s < N_SLOTS; s++)
    if (cell->slot_counts[s] > cell->slot_counts[best])
      best = s;

  return best;
}

static void
draw_selected (AtlasPainter    *painter,
               cairo_t         *cr,
               const Frame     *frame,
               const AtlasView *view,
               guint            selected)
{
  const AtlasPalette *palette = atlas_painter_get_palette (painter);
  double px, py;

  if (selected >= frame->arrays->n_items || isnan (frame->arrays->x[selected]))
    return;

  px = frame->arrays->x[selected] * frame->world + frame->ox;
  py = frame->arrays->y[selected] * frame->world + frame->oy;
  if (px < -SELECTED_RADIUS || py < -SELECTED_RADIUS ||
      px > view->width + SELECTED_RADIUS || py > view->height + SELECTED_RADIUS)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, px, py, SELECTED_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, palette->halo.r, palette->halo.g, palette->halo.b, 1.0);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, palette->ink.r, palette->ink.g, palette->ink.b, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

/**
 * atlas_painter_draw_events:
 * @selected: list position of the selected event, or %ATLAS_EVENT_NONE
 * @info: (out) (optional): what was drawn
 *
 * Draws the events of @set that fall in @view, coloured by category and
 * faded by age. With more than %ATLAS_EVENTS_AGGREGATE_THRESHOLD events
 * in view, events are aggregated into cells of 44 pixels: a cell of four
 * or more events becomes one circle at their centroid, in the colour of
 * its most common category and with the count printed from ten on. The
 * selected event gets a ring, whether or not it is in the set.
 */
void
atlas_painter_draw_events (AtlasPainter       *painter,
                           cairo_t            *cr,
                           const AtlasView    *view,
                           AtlasEventSet      *set,
                           guint               selected,
                           AtlasEventDrawInfo *info)
{
  g_auto(Frame) frame = { 0 };
  g_autoptr(GArray) symbols = NULL;
  const guint *positions;
  guint n_clusters = 0;
  double r;
  Pen pen;

  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (set != NULL);

  frame_compute (&frame, set, view);
  positions = (const guint *) (gpointer) set->positions->data;
  r = frame.point_radius;
  symbols = g_array_new (FALSE, FALSE, sizeof (Symbol));

  if (frame.aggregated)
    for (guint c = 0; c < frame.n_cols * frame.n_rows; c++)
      {
        const Cell *cell = &frame.cells[c];
        Symbol symbol;

        if (!cell_is_cluster (&frame, cell))
          continue;

        symbol.x = cell->sum_x / cell->count;
        symbol.y = cell->sum_y / cell->count;
        symbol.count = cell->count;
        symbol.stack = 0;
        symbol.slot = dominant_slot (cell);
        symbol.level = cell->newest_level;
        symbol.size = 1 + cluster_class (cell->count);
        g_array_append_val (symbols, symbol);
        n_clusters++;
      }

  /* Points: every visible one, or those of cells too small to cluster. */
  for (guint i = 0; i < set->positions->len; i++)
    {
      guint position = positions[i];
      Symbol symbol;
      double px = frame.arrays->x[position] * frame.world + frame.ox;
      double py = frame.arrays->y[position] * frame.world + frame.oy;
      int c;

      if (px < -r || py < -r || px > view->width + r || py > view->height + r)
        continue;

      c = frame_cell (&frame, px, py);
      if (c >= 0 && cell_is_cluster (&frame, &frame.cells[c]))
        continue;

      symbol.x = px;
      symbol.y = py;
      symbol.count = 1;
      symbol.stack = 0;
      symbol.slot = slot_of (set, frame.arrays, position);
      symbol.level = fade_level (set, frame.arrays, position);
      symbol.size = 0;
      g_array_append_val (symbols, symbol);
    }

  cairo_save (cr);
  pen_init (&pen, painter, cr, &frame);
  draw_symbols (&pen, symbols);
  pen_clear (&pen);
  if (selected != ATLAS_EVENT_NONE)
    draw_selected (painter, cr, &frame, view, selected);
  cairo_restore (cr);

  if (info != NULL)
    {
      info->n_visible = frame.n_visible;
      info->n_points = symbols->len - n_clusters;
      info->n_clusters = n_clusters;
      info->aggregated = frame.aggregated;
    }
}

/**
 * atlas_event_set_pick:
 * @x: widget x, logical pixels
 * @y: widget y
 * @position: (out): the list position of the event found
 *
 * Finds the event drawn under (@x, @y): within a cluster, the event of
 * that cluster nearest to the point; otherwise the nearest single point
 * within a few pixels, the newest when several are equally near.
 *
 * Returns: %TRUE if an event was found
 */
gboolean
atlas_event_set_pick (AtlasEventSet   *set,
                      const AtlasView *view,
                      double           x,
                      double           y,
                      guint           *position)
{
  g_auto(Frame) frame = { 0 };
  const guint *positions;
  double tolerance, best_distance = G_MAXDOUBLE;
  guint best = ATLAS_EVENT_NONE, best_level = N_FADE;
  int hit_cell = -1;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  frame_compute (&frame, set, view);
  positions = (const guint *) (gpointer) set->positions->data;
  tolerance = frame.point_radius + PICK_SLOP;

  /* A click inside a cluster's circle picks from that cluster. */
  if (frame.aggregated)
    {
      double best_ratio = 1.0;

      for (guint c = 0; c < frame.n_cols * frame.n_rows; c++)
        {
          const Cell *cell = &frame.cells[c];
          double d;

          if (!cell_is_cluster (&frame, cell))
            continue;

          d = hypot (x - cell->sum_x / cell->count, y - cell->sum_y / cell->count) /
              cluster_radius (cell->count);
          if (d <= best_ratio)
            {
              best_ratio = d;
              hit_cell = (int) c;
            }
        }
    }

  for (guint i = 0; i < set->positions->len; i++)
    {
      guint p = positions[i];
      double px = frame.arrays->x[p] * frame.world + frame.ox;
      double py = frame.arrays->y[p] * frame.world + frame.oy;
      int c = frame_cell (&frame, px, py);
      double d;
      guint level;

      if (hit_cell >= 0)
        {
          if (c != hit_cell)
            continue;
        }
      else if (c < 0 || cell_is_cluster (&frame, &frame.cells[c]))
        continue;

      d = hypot (px - x, py - y);
      if (hit_cell < 0 && d > tolerance)
        continue;

      level = fade_level (set, frame.arrays, p);
      if (d < best_distance || (d == best_distance && level <= best_level))
        {
          best_distance = d;
          best_level = level;
          best = p;
        }
    }

  if (best == ATLAS_EVENT_NONE)
    return FALSE;

  *position = best;
  return TRUE;
}

/**
 * atlas_painter_get_event_color:
 * @category: (nullable): an event category, or %NULL for none
 * @color: (out): the colour events of @category are drawn in
 *
 * For legends and lists that should match the map.
 */
void
atlas_painter_get_event_color (AtlasPainter *painter,
                               const char   *category,
                               AtlasRgba    *color)
{
  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (color != NULL);

  *color = colors_for (painter)[slot_for_category (category)];
}

/**
 * atlas_painter_get_event_category_label:
 * @category: an event category as the data writes it; "" for none
 *
 * The categories docs/data-format.md suggests are named in the user's
 * language, for legends and details; any other is shown as written.
 *
 * Returns: the name to show
 */
const char *
atlas_painter_get_event_category_label (const char *category)
{
  static const struct { const char *category; const char *label; } known[] = {
    /* Translators: event categories, in the legend of an exported map and
     * in the details of an event */
    { "political", NC_("event category", "Political") },
    { "military", NC_("event category", "Military") },
    { "agreement", NC_("event category", "Agreement") },
    { "unrest", NC_("event category", "Unrest") },
    { "visit", NC_("event category", "Visit") },
    { "humanitarian", NC_("event category", "Humanitarian") },
    { "other", NC_("event category", "Other") },
    { "", NC_("event category", "Other") },
  };

  g_return_val_if_fail (category != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (category, known[i].category))
      return g_dpgettext2 (GETTEXT_PACKAGE, "event category", known[i].label);

  return category;
}

static int
compare_category_names (gconstpointer a,
                        gconstpointer b)
{
  const char *sa = *(const char * const *) a, *sb = *(const char * const *) b;

  /* Named categories alphabetically, the uncategorised ("") last. */
  if (*sa == '\0' || *sb == '\0')
    return (*sa == '\0') - (*sb == '\0');
  return g_utf8_collate (sa, sb);
}

/**
 * atlas_event_set_get_categories:
 * @view: (nullable): only events inside this view, or %NULL for all
 *
 * The categories of the events shown, for a legend: pass each to
 * atlas_painter_get_event_color(). Events without a category are listed
 * once as "" (they have the colour of "other").
 *
 * Returns: (transfer full): a sorted %NULL-terminated array of names
 */
char **
atlas_event_set_get_categories (AtlasEventSet   *set,
                                const AtlasView *view)
{
  const AtlasFeatureArrays *arrays;
  const char * const *names;
  g_autofree gboolean *seen = NULL;
  g_autoptr(GPtrArray) result = NULL;
  double bounds[4] = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  guint n_names;

  g_return_val_if_fail (set != NULL, NULL);

  arrays = atlas_dataset_get_arrays (set->dataset, ATLAS_KIND_EVENT);
  names = atlas_dataset_get_categories (set->dataset, &n_names);
  seen = g_new0 (gboolean, MAX (n_names, 1));
  if (view != NULL)
    atlas_view_get_bounds (view, 0, bounds);

  for (guint i = 0; i < set->positions->len; i++)
    {
      guint position = g_array_index (set->positions, guint, i);
      double x = arrays->x[position], y = arrays->y[position];

      if (x >= bounds[0] && x <= bounds[2] && y >= bounds[1] && y <= bounds[3] &&
          arrays->category[position] < n_names)
        seen[arrays->category[position]] = TRUE;
    }

  result = g_ptr_array_new ();
  for (guint i = 0; i < n_names; i++)
    if (seen[i])
      g_ptr_array_add (result, g_strdup (i == 0 || names[i] == NULL ? "" : names[i]));
  g_ptr_array_sort (result, compare_category_names);
  g_ptr_array_add (result, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&result), FALSE);
}
