/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-strength-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-date.h"
#include "atlas-deployment.h"
#include "atlas-strength-chart.h"

/*
 * KFOR's troop strength over time: the deployments of nation "NATO" that
 * are present and give a number, one observation each, joined by a line
 * (a range {min, max} is a bar through its middle), unless they are years
 * apart: a line would claim to know the years between. National contingents
 * with figures get thinner lines of their own, the largest few with a
 * legend. A cursor marks the date; the value at the date is the last one
 * reported on or before it, as a figure is a report, not a continuous
 * measurement. Committed (pledged) strengths are left out: they were
 * never on the ground.
 */

#define MAX_NATIONS      5
#define MIN_HEIGHT       120
#define NATURAL_HEIGHT   140
#define MIN_WIDTH        220
#define PAD_TOP          8.0
#define PAD_RIGHT        10.0
#define PAD_BOTTOM       18.0
#define MIN_YEAR_GAP     30.0    /* pixels between year labels */
#define LEGEND_SWATCH    12.0    /* a legend entry's colour and the space after it */
#define LEGEND_GAP       10.0    /* between legend entries */
#define MAX_JOIN_DAYS    (3 * 365) /* reports further apart stay unjoined */

typedef struct
{
  gint32 day;
  int    min;
  int    max;
} Observation;

typedef struct
{
  char   *nation;
  GArray *observations;    /* Observation, by day */
  int     peak;
} Series;

struct _AtlasStrengthChart
{
  GtkWidget     parent_instance;

  AtlasDataset *dataset;
  gint32        date;

  Series       *total;
  GPtrArray    *nations;   /* Series, largest peak first */
  gint32        first_day;
  gint32        last_day;
  int           y_max;
  char         *summary;
};

G_DEFINE_FINAL_TYPE (AtlasStrengthChart, atlas_strength_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Okabe and Ito's colours for the national lines. */
static const GdkRGBA nation_colors[MAX_NATIONS] = {
  { 0.902, 0.624, 0.000, 1 },
  { 0.337, 0.706, 0.914, 1 },
  { 0.000, 0.620, 0.451, 1 },
  { 0.835, 0.369, 0.000, 1 },
  { 0.800, 0.475, 0.655, 1 },
};

static Series *
series_new (const char *nation)
{
  Series *series = g_new0 (Series, 1);

  series->nation = g_strdup (nation);
  series->observations = g_array_new (FALSE, FALSE, sizeof (Observation));
  return series;
}

static void
series_free (Series *series)
{
  g_free (series->nation);
  g_array_unref (series->observations);
  g_free (series);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Series, series_free)

static int
compare_observations (gconstpointer a,
                      gconstpointer b)
{
  const Observation *oa = a, *ob = b;

  return (oa->day > ob->day) - (oa->day < ob->day);
}

static int
compare_peaks (gconstpointer a,
               gconstpointer b)
{
  const Series *sa = *(Series * const *) a, *sb = *(Series * const *) b;

  if (sa->peak != sb->peak)
    return sa->peak > sb->peak ? -1 : 1;
  return g_strcmp0 (sa->nation, sb->nation);
}

/* The observation in force on @day: the last one on or before it. */
static const Observation *
series_lookup (const Series *series,
               gint32        day)
{
  const Observation *found = NULL;

  for (guint i = 0; i < series->observations->len; i++)
    {
      const Observation *o = &g_array_index (series->observations, Observation, i);

      if (o->day > day)
        break;
      found = o;
    }

  return found;
}

static int
nice_ceiling (int value)
{
  double base, scaled;

  if (value <= 0)
    return 1000;

  base = pow (10, floor (log10 (value)));
  scaled = value / base;
  if (scaled <= 1)
    return (int) base;
  if (scaled <= 2)
    return (int) (2 * base);
  if (scaled <= 5)
    return (int) (5 * base);
  return (int) (10 * base);
}

static void
clear_data (AtlasStrengthChart *self)
{
  g_clear_pointer (&self->total, series_free);
  g_clear_pointer (&self->nations, g_ptr_array_unref);
  self->y_max = 0;
}

static void
collect_data (AtlasStrengthChart *self)
{
  g_autoptr(GHashTable) by_nation = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n;

  clear_data (self);
  self->total = series_new ("NATO");
  self->nations = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  if (self->dataset == NULL)
    return;

  by_nation = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) series_free);
  n = atlas_dataset_get_n_features (self->dataset, ATLAS_KIND_DEPLOYMENT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (self->dataset, ATLAS_KIND_DEPLOYMENT, i);
      AtlasDeployment *deployment = ATLAS_DEPLOYMENT (feature);
      const char *nation = atlas_deployment_get_nation (deployment);
      Observation o = { .day = atlas_feature_get_start_day (feature) };
      Series *series;

      if (nation == NULL ||
          atlas_deployment_get_strength (deployment) != ATLAS_STRENGTH_PRESENT ||
          !atlas_deployment_get_troops (deployment, &o.min, &o.max))
        continue;

      if (g_str_equal (nation, "NATO"))
        series = self->total;
      else if ((series = g_hash_table_lookup (by_nation, nation)) == NULL)
        {
          series = series_new (nation);
          g_hash_table_insert (by_nation, series->nation, series);
        }

      g_array_append_val (series->observations, o);
      series->peak = MAX (series->peak, o.max);
      self->y_max = MAX (self->y_max, o.max);
    }

  g_array_sort (self->total->observations, compare_observations);

  g_hash_table_iter_init (&iter, by_nation);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_array_sort (((Series *) value)->observations, compare_observations);
      g_ptr_array_add (self->nations, value);
    }
  g_ptr_array_sort (self->nations, compare_peaks);
  if (self->nations->len > MAX_NATIONS)
    g_ptr_array_set_size (self->nations, MAX_NATIONS);

  /* The timeline's span, so that chart and slider line up, stretched to
   * every observation. */
  if (!atlas_dataset_get_time_range (self->dataset, &self->first_day, &self->last_day))
    {
      self->first_day = G_MAXINT32;
      self->last_day = G_MININT32;
    }
  for (guint s = 0; s <= self->nations->len; s++)
    {
      Series *series = s == 0 ? self->total : g_ptr_array_index (self->nations, s - 1);

      for (guint i = 0; i < series->observations->len; i++)
        {
          gint32 day = g_array_index (series->observations, Observation, i).day;

          self->first_day = MIN (self->first_day, day);
          self->last_day = MAX (self->last_day, day);
        }
    }
  if (self->last_day <= self->first_day && self->first_day != G_MAXINT32)
    self->last_day = self->first_day + 1;

  self->y_max = nice_ceiling (self->y_max);
}

static gboolean
has_data (AtlasStrengthChart *self)
{
  return self->total != NULL && self->y_max > 0 && self->first_day < self->last_day &&
         (self->total->observations->len > 0 || self->nations->len > 0);
}

static char *
format_troops (const Observation *o)
{
  if (o->min < o->max)
    /* Translators: a range of troop numbers on the troop chart and in its
     * description, e.g. "39,000–45,000"; "%'d" prints a number with the
     * locale's digit grouping */
    return g_strdup_printf (C_("troop range", "%'d–%'d"), o->min, o->max);

  return g_strdup_printf ("%'d", o->max);
}

static void
update_summary (AtlasStrengthChart *self)
{
  const Observation *o = NULL;
  g_autofree char *troops = NULL;
  g_autofree char *reported = NULL;

  g_clear_pointer (&self->summary, g_free);

  if (self->total != NULL)
    o = series_lookup (self->total, self->date);

  if (o == NULL)
    /* Translators: the troop chart's description when there is no figure yet */
    self->summary = g_strdup (_("No total KFOR strength reported by this date"));
  else
    {
      troops = format_troops (o);
      reported = atlas_day_format (o->day);
      /* Translators: the troop chart's description: troops, date of the report */
      self->summary = g_strdup_printf (_("KFOR strength: %s troops (reported %s)"), troops, reported);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
}

/* Geometry ------------------------------------------------------------ */

typedef struct
{
  double left;
  double right;
  double top;
  double bottom;
} Plot;

static PangoLayout *
create_small_layout (GtkWidget  *widget,
                     const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static char *
format_axis_value (int value)
{
  if (value >= 1000 && value % 1000 == 0)
    /* Translators: thousands of troops on the chart's axis, e.g. "40k" */
    return g_strdup_printf (_("%dk"), value / 1000);
  return g_strdup_printf ("%'d", value);
}

/* y_max is 1, 2 or 5 × 10ⁿ (nice_ceiling()): four or five gridlines. */
static int
axis_step (int y_max)
{
  int leading = y_max;

  while (leading >= 10)
    leading /= 10;

  return MAX (1, y_max / (leading == 2 ? 4 : 5));
}

/* One entry of the legend: the total first, then the nations. */
typedef struct
{
  guint       series;    /* 0 for the total, else 1 + index in nations */
  const char *text;
  double      x;         /* of the text; its colour is left of it */
  double      y;
  int         width;
  int         height;
} LegendEntry;

/* Lays the legend out above the plot, right-aligned, in as many rows as
 * the entries need: translations of "KFOR total" can be long, and no
 * entry is ever left out. The plot starts below it, so that neither the
 * lines nor the value at the cursor run into it.
 *
 * Returns: the number of entries, at most MAX_NATIONS + 1 */
static guint
layout_legend (AtlasStrengthChart *self,
               PangoLayout        *layout,
               double              left,
               double              right,
               LegendEntry         entries[MAX_NATIONS + 1])
{
  double available = MAX (right - left, 0);
  double row_width = 0, row_y = PAD_TOP - 2;
  guint n = 0, row_start = 0;

  for (guint s = 0; s <= self->nations->len; s++)
    {
      const Series *series = s == 0 ? self->total : g_ptr_array_index (self->nations, s - 1);
      LegendEntry *entry = &entries[n];

      if (series->observations->len == 0)
        continue;

      entry->series = s;
      /* Translators: the legend entry for the total strength of KFOR */
      entry->text = s == 0 ? _("KFOR total") : series->nation;
      pango_layout_set_text (layout, entry->text, -1);
      pango_layout_get_pixel_size (layout, &entry->width, &entry->height);
      n++;
    }

  /* Fill each row, then align it right. */
  for (guint i = 0; i <= n; i++)
    {
      double entry_width = i < n ? LEGEND_SWATCH + entries[i].width : 0;

      if (i == n || (i > row_start && row_width + LEGEND_GAP + entry_width > available))
        {
          double x = MAX (right - row_width, 0);
          int row_height = 0;

          for (guint j = row_start; j < i; j++)
            {
              entries[j].x = x + LEGEND_SWATCH;
              entries[j].y = row_y;
              x += LEGEND_SWATCH + entries[j].width + LEGEND_GAP;
              row_height = MAX (row_height, entries[j].height);
            }

          row_y += row_height;
          row_start = i;
          row_width = 0;
        }

      if (i < n)
        row_width += (row_width > 0 ? LEGEND_GAP : 0) + entry_width;
    }

  return n;
}

static void
compute_plot (AtlasStrengthChart *self,
              Plot               *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *widest = format_axis_value (self->y_max);
  g_autoptr(PangoLayout) layout = create_small_layout (widget, widest);
  LegendEntry entries[MAX_NATIONS + 1];
  guint n_entries;
  int label_width;

  pango_layout_get_pixel_size (layout, &label_width, NULL);
  plot->left = label_width + 8;
  plot->right = gtk_widget_get_width (widget) - PAD_RIGHT;
  plot->top = PAD_TOP;
  plot->bottom = gtk_widget_get_height (widget) - PAD_BOTTOM;

  n_entries = layout_legend (self, layout, plot->left, plot->right, entries);
  if (n_entries > 0)
    plot->top = entries[n_entries - 1].y + entries[n_entries - 1].height + 4;
}

static double
day_to_x (AtlasStrengthChart *self,
          const Plot         *plot,
          gint32              day)
{
  return plot->left + (plot->right - plot->left) *
         ((double) day - self->first_day) / ((double) self->last_day - self->first_day);
}

static double
troops_to_y (AtlasStrengthChart *self,
             const Plot         *plot,
             double              troops)
{
  return plot->bottom - (plot->bottom - plot->top) * troops / self->y_max;
}

/* Drawing -------------------------------------------------------------- */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       x_align)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  cairo_move_to (cr, x - width * x_align, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axes (AtlasStrengthChart *self,
           cairo_t            *cr,
           const Plot         *plot,
           const GdkRGBA      *fg,
           PangoLayout        *layout)
{
  int step = axis_step (self->y_max);
  int first_year, last_year, unused, year_step;
  double px_per_year;

  cairo_set_line_width (cr, 1);
  for (int value = 0; value <= self->y_max; value += step)
    {
      g_autofree char *text = format_axis_value (value);
      double y = round (troops_to_y (self, plot, value)) + 0.5;
      int height;

      set_color (cr, fg, value == 0 ? 0.5 : 0.12);
      cairo_move_to (cr, plot->left, y);
      cairo_line_to (cr, plot->right, y);
      cairo_stroke (cr);

      set_color (cr, fg, 0.7);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      show_text (cr, layout, text, plot->left - 4, y - height / 2.0, 1.0);
    }

  atlas_day_to_ymd (self->first_day, &first_year, &unused, &unused);
  atlas_day_to_ymd (self->last_day, &last_year, &unused, &unused);
  px_per_year = (plot->right - plot->left) * 365.25 / ((double) self->last_day - self->first_day);
  year_step = MAX (1, (int) ceil (MIN_YEAR_GAP / MAX (px_per_year, 1)));

  for (int year = first_year; year <= last_year + 1; year++)
    {
      gint32 day = atlas_day_from_ymd (year, 1, 1);
      double x;

      if (day < self->first_day || day > self->last_day)
        continue;

      x = round (day_to_x (self, plot, day)) + 0.5;
      set_color (cr, fg, 0.5);
      cairo_move_to (cr, x, plot->bottom);
      cairo_line_to (cr, x, plot->bottom + 4);
      cairo_stroke (cr);

      if (year % year_step == 0)
        {
          char text[8];

          g_snprintf (text, sizeof text, "%d", year);
          set_color (cr, fg, 0.7);
          show_text (cr, layout, text, x, plot->bottom + 3, 0.5);
        }
    }
}

static void
draw_series (AtlasStrengthChart *self,
             cairo_t            *cr,
             const Plot         *plot,
             const Series       *series,
             const GdkRGBA      *color,
             double              line_width)
{
  guint n = series->observations->len;

  if (n == 0)
    return;

  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_color (cr, color, 1.0);

  for (guint i = 0; i < n; i++)
    {
      const Observation *o = &g_array_index (series->observations, Observation, i);
      double x = day_to_x (self, plot, o->day);
      double y = troops_to_y (self, plot, (o->min + o->max) / 2.0);

      if (i == 0 ||
          o->day - g_array_index (series->observations, Observation, i - 1).day > MAX_JOIN_DAYS)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const Observation *o = &g_array_index (series->observations, Observation, i);
      double x = day_to_x (self, plot, o->day);

      if (o->min < o->max)
        {
          cairo_move_to (cr, x, troops_to_y (self, plot, o->min));
          cairo_line_to (cr, x, troops_to_y (self, plot, o->max));
          cairo_stroke (cr);
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, troops_to_y (self, plot, (o->min + o->max) / 2.0), line_width + 1.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_legend (AtlasStrengthChart *self,
             cairo_t            *cr,
             const Plot         *plot,
             const GdkRGBA      *fg,
             const GdkRGBA      *accent,
             PangoLayout        *layout)
{
  LegendEntry entries[MAX_NATIONS + 1];
  guint n;

  n = layout_legend (self, layout, plot->left, plot->right, entries);
  for (guint i = 0; i < n; i++)
    {
      const LegendEntry *entry = &entries[i];

      pango_layout_set_text (layout, entry->text, -1);
      set_color (cr, fg, 0.85);
      cairo_move_to (cr, entry->x, entry->y);
      pango_cairo_show_layout (cr, layout);

      set_color (cr, entry->series == 0 ? accent : &nation_colors[entry->series - 1], 1.0);
      cairo_rectangle (cr, entry->x - LEGEND_SWATCH, entry->y + entry->height / 2.0 - 2, 9, 4);
      cairo_fill (cr);
    }
}

static void
draw_cursor (AtlasStrengthChart *self,
             cairo_t            *cr,
             const Plot         *plot,
             const GdkRGBA      *fg,
             const GdkRGBA      *bg,
             const GdkRGBA      *accent,
             PangoLayout        *layout)
{
  const Observation *o = series_lookup (self->total, self->date);
  double x;

  if (self->date < self->first_day || self->date > self->last_day)
    return;

  x = round (day_to_x (self, plot, self->date)) + 0.5;
  set_color (cr, fg, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x, plot->top);
  cairo_line_to (cr, x, plot->bottom);
  cairo_stroke (cr);

  if (o != NULL)
    {
      g_autofree char *text = format_troops (o);
      double y = troops_to_y (self, plot, (o->min + o->max) / 2.0);
      double tx, ty;
      int width, height;

      set_color (cr, accent, 1.0);
      cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);

      /* The value beside the cursor, on whichever side has room, on a
       * patch of the background so the lines behind it do not cross it. */
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      tx = x + 6 + width > plot->right ? x - 6 - width : x + 6;
      ty = CLAMP (y - height - 2, plot->top, plot->bottom - height);
      set_color (cr, bg, 0.85);
      cairo_rectangle (cr, tx - 2, ty, width + 4, height);
      cairo_fill (cr);
      set_color (cr, fg, 1.0);
      cairo_move_to (cr, tx, ty);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
atlas_strength_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasStrengthChart *self = (AtlasStrengthChart *)widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg, bg, accent;
  cairo_t *cr;
  Plot plot;

  if (width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "window_bg_color", &bg))
    gdk_rgba_parse (&bg, "#fafafa");
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");

  layout = create_small_layout (widget, NULL);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!has_data (self))
    {
      /* Translators: the troop chart when the data has no figures */
      const char *text = _("No troop figures in this dataset");
      int text_height;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      set_color (cr, &fg, 0.6);
      show_text (cr, layout, text, width / 2.0, (height - text_height) / 2.0, 0.5);
      cairo_destroy (cr);
      return;
    }

  compute_plot (self, &plot);
  if (plot.right - plot.left < 20 || plot.bottom - plot.top < 20)
    {
      cairo_destroy (cr);
      return;
    }

  draw_axes (self, cr, &plot, &fg, layout);
  for (guint s = self->nations->len; s > 0; s--)
    draw_series (self, cr, &plot, g_ptr_array_index (self->nations, s - 1), &nation_colors[s - 1], 1.2);
  draw_series (self, cr, &plot, self->total, &accent, 2.2);
  draw_legend (self, cr, &plot, &fg, &accent, layout);
  draw_cursor (self, cr, &plot, &fg, &bg, &accent, layout);

  cairo_destroy (cr);
}

static void
atlas_strength_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 2 * MIN_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

/* A click picks the date under it, for the window to move to. */
static void
on_pressed (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            AtlasStrengthChart *self)
{
  Plot plot;
  double t;

  if (!has_data (self))
    return;

  compute_plot (self, &plot);
  if (plot.right <= plot.left)
    return;

  t = CLAMP ((x - plot.left) / (plot.right - plot.left), 0.0, 1.0);
  g_signal_emit (self, signals [DAY_ACTIVATED], 0,
                 (gint) llround (self->first_day + t * ((double) self->last_day - self->first_day)));
}

static void
atlas_strength_chart_dispose (GObject *object)
{
  AtlasStrengthChart *self = (AtlasStrengthChart *)object;

  g_clear_object (&self->dataset);
  clear_data (self);

  G_OBJECT_CLASS (atlas_strength_chart_parent_class)->dispose (object);
}

static void
atlas_strength_chart_finalize (GObject *object)
{
  AtlasStrengthChart *self = (AtlasStrengthChart *)object;

  g_free (self->summary);

  G_OBJECT_CLASS (atlas_strength_chart_parent_class)->finalize (object);
}

static void
atlas_strength_chart_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasStrengthChart *self = ATLAS_STRENGTH_CHART (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_strength_chart_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasStrengthChart *self = ATLAS_STRENGTH_CHART (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      atlas_strength_chart_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      atlas_strength_chart_set_date (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_strength_chart_class_init (AtlasStrengthChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_strength_chart_dispose;
  object_class->finalize = atlas_strength_chart_finalize;
  object_class->get_property = atlas_strength_chart_get_property;
  object_class->set_property = atlas_strength_chart_set_property;

  widget_class->snapshot = atlas_strength_chart_snapshot;
  widget_class->measure = atlas_strength_chart_measure;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasStrengthChart:date:
   *
   * The day under the cursor, in day numbers (see atlas-date.h).
   */
  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasStrengthChart::day-activated:
   * @day: the day clicked, in day numbers
   *
   * Emitted when the user clicks a point of the chart.
   */
  signals [DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "strength-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_strength_chart_init (AtlasStrengthChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: the accessible name of the troop chart */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("KFOR troop strength over time"),
                                  -1);
  collect_data (self);
  update_summary (self);
}

GtkWidget *
atlas_strength_chart_new (void)
{
  return g_object_new (ATLAS_TYPE_STRENGTH_CHART, NULL);
}

AtlasDataset *
atlas_strength_chart_get_dataset (AtlasStrengthChart *self)
{
  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), NULL);
  return self->dataset;
}

void
atlas_strength_chart_set_dataset (AtlasStrengthChart *self,
                                  AtlasDataset       *dataset)
{
  g_return_if_fail (ATLAS_IS_STRENGTH_CHART (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  collect_data (self);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

gint32
atlas_strength_chart_get_date (AtlasStrengthChart *self)
{
  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), 0);
  return self->date;
}

void
atlas_strength_chart_set_date (AtlasStrengthChart *self,
                               gint32              day)
{
  g_return_if_fail (ATLAS_IS_STRENGTH_CHART (self));

  if (self->date == day)
    return;

  self->date = day;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

/**
 * atlas_strength_chart_get_total:
 * @troops_min: (out) (optional): the total reported last on or before @day
 * @troops_max: (out) (optional): the same, or the top of its range
 * @reported_day: (out) (optional): the day of that report
 *
 * Returns: %FALSE when no total was reported by @day
 */
gboolean
atlas_strength_chart_get_total (AtlasStrengthChart *self,
                                gint32              day,
                                int                *troops_min,
                                int                *troops_max,
                                gint32             *reported_day)
{
  const Observation *o;

  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), FALSE);

  if (self->total == NULL || (o = series_lookup (self->total, day)) == NULL)
    return FALSE;

  if (troops_min != NULL)
    *troops_min = o->min;
  if (troops_max != NULL)
    *troops_max = o->max;
  if (reported_day != NULL)
    *reported_day = o->day;
  return TRUE;
}

/* National lines drawn (at most five, the largest). */
guint
atlas_strength_chart_get_n_nations (AtlasStrengthChart *self)
{
  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), 0);
  return self->nations != NULL ? self->nations->len : 0;
}

/* (transfer none) The nation code of national line @index. */
const char *
atlas_strength_chart_get_nation (AtlasStrengthChart *self,
                                 guint               index)
{
  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), NULL);
  g_return_val_if_fail (index < atlas_strength_chart_get_n_nations (self), NULL);

  return ((Series *) g_ptr_array_index (self->nations, index))->nation;
}

/**
 * atlas_strength_chart_day_to_x:
 *
 * Returns: the widget x of @day on the time axis (for the current size)
 */
double
atlas_strength_chart_day_to_x (AtlasStrengthChart *self,
                               gint32              day)
{
  Plot plot;

  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), 0.0);

  if (!has_data (self))
    return 0.0;

  compute_plot (self, &plot);
  return day_to_x (self, &plot, day);
}

/**
 * atlas_strength_chart_get_cursor_x:
 * @x: (out): the widget x of the date cursor
 *
 * Returns: %FALSE when no cursor is drawn (no data, or the date is off the
 *   chart)
 */
gboolean
atlas_strength_chart_get_cursor_x (AtlasStrengthChart *self,
                                   double             *x)
{
  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  if (!has_data (self) || self->date < self->first_day || self->date > self->last_day)
    return FALSE;

  *x = round (atlas_strength_chart_day_to_x (self, self->date)) + 0.5;
  return TRUE;
}

/**
 * atlas_strength_chart_get_legend_entry:
 * @index: 0 for the total, then the nations with figures
 * @box: (out): the entry, its colour and its text, in widget coordinates
 *
 * Where the legend shows an entry at the widget's current size, for tests.
 *
 * Returns: FALSE when there is no such entry
 */
gboolean
atlas_strength_chart_get_legend_entry (AtlasStrengthChart *self,
                                       guint               index,
                                       graphene_rect_t    *box)
{
  g_autoptr(PangoLayout) layout = NULL;
  LegendEntry entries[MAX_NATIONS + 1];
  guint n;
  Plot plot;

  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (!has_data (self))
    return FALSE;

  compute_plot (self, &plot);
  layout = create_small_layout (GTK_WIDGET (self), NULL);
  n = layout_legend (self, layout, plot.left, plot.right, entries);
  if (index >= n)
    return FALSE;

  graphene_rect_init (box, entries[index].x - LEGEND_SWATCH, entries[index].y,
                      LEGEND_SWATCH + entries[index].width, entries[index].height);
  return TRUE;
}

/* (transfer none) The accessible description: the value at the date. */
const char *
atlas_strength_chart_get_summary (AtlasStrengthChart *self)
{
  g_return_val_if_fail (ATLAS_IS_STRENGTH_CHART (self), NULL);
  return self->summary;
}
