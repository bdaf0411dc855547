/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-snapshot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-place-names.h"
#include "atlas-snapshot.h"
#include "atlas-snapshot-private.h"

struct _AtlasSnapshot
{
  GObject             parent_instance;

  AtlasPainter       *painter;
  AtlasView           view;
  AtlasSnapshotFlags  flags;
  char               *title;       /* NULL: the default title */
  gint32              day;
  AtlasNames          names;
  AtlasUnits          units;
  GPtrArray          *sources;     /* char*, the snapshot's own credits */
  GPtrArray          *overlays;    /* AtlasOverlay* */
};

G_DEFINE_FINAL_TYPE (AtlasSnapshot, atlas_snapshot, G_TYPE_OBJECT)

/* The model's "always" is the snapshot's "no particular day". */
G_STATIC_ASSERT (ATLAS_SNAPSHOT_NO_DAY == ATLAS_DAY_MIN);

G_DEFINE_QUARK (atlas-snapshot-error-quark, atlas_snapshot_error)

static const GFlagsValue flags_values[] = {
  { ATLAS_SNAPSHOT_SHOW_TITLE, "ATLAS_SNAPSHOT_SHOW_TITLE", "title" },
  { ATLAS_SNAPSHOT_SHOW_DATE, "ATLAS_SNAPSHOT_SHOW_DATE", "date" },
  { ATLAS_SNAPSHOT_SHOW_LEGEND, "ATLAS_SNAPSHOT_SHOW_LEGEND", "legend" },
  { ATLAS_SNAPSHOT_SHOW_SCALE_BAR, "ATLAS_SNAPSHOT_SHOW_SCALE_BAR", "scale-bar" },
  { ATLAS_SNAPSHOT_SHOW_NORTH_ARROW, "ATLAS_SNAPSHOT_SHOW_NORTH_ARROW", "north-arrow" },
  { 0, NULL, NULL },
};

GType
atlas_snapshot_flags_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_flags_register_static ("AtlasSnapshotFlags", flags_values));

  return type_id;
}

enum {
  PROP_0,
  PROP_PAINTER,
  PROP_FLAGS,
  PROP_TITLE,
  PROP_DAY,
  PROP_NAMES,
  PROP_UNITS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Logical pixels between the furniture and the edge of the picture. */
#define MARGIN 12.0
#define PANEL_PADDING 10.0

static void
emit_changed (AtlasSnapshot *self,
              guint          prop_id)
{
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
atlas_snapshot_dispose (GObject *object)
{
  AtlasSnapshot *self = (AtlasSnapshot *)object;

  g_clear_object (&self->painter);
  g_clear_pointer (&self->overlays, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_snapshot_parent_class)->dispose (object);
}

static void
atlas_snapshot_finalize (GObject *object)
{
  AtlasSnapshot *self = (AtlasSnapshot *)object;

  g_free (self->title);
  g_ptr_array_unref (self->sources);

  G_OBJECT_CLASS (atlas_snapshot_parent_class)->finalize (object);
}

static void
atlas_snapshot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasSnapshot *self = ATLAS_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      g_value_set_object (value, self->painter);
      break;

    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;

    case PROP_NAMES:
      g_value_set_int (value, self->names);
      break;

    case PROP_UNITS:
      g_value_set_int (value, self->units);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_snapshot_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasSnapshot *self = ATLAS_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_PAINTER:
      atlas_snapshot_set_painter (self, g_value_get_object (value));
      break;

    case PROP_FLAGS:
      atlas_snapshot_set_flags (self, g_value_get_flags (value));
      break;

    case PROP_TITLE:
      atlas_snapshot_set_title (self, g_value_get_string (value));
      break;

    case PROP_DAY:
      atlas_snapshot_set_day (self, g_value_get_int (value));
      break;

    case PROP_NAMES:
      atlas_snapshot_set_names (self, g_value_get_int (value));
      break;

    case PROP_UNITS:
      atlas_snapshot_set_units (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_snapshot_class_init (AtlasSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_snapshot_dispose;
  object_class->finalize = atlas_snapshot_finalize;
  object_class->get_property = atlas_snapshot_get_property;
  object_class->set_property = atlas_snapshot_set_property;

  properties[PROP_PAINTER] =
    g_param_spec_object ("painter", NULL, NULL,
                         ATLAS_TYPE_PAINTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        ATLAS_TYPE_SNAPSHOT_FLAGS,
                        ATLAS_SNAPSHOT_SHOW_ALL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* NULL means the default title: the view and the date. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL,
                      G_MININT32, G_MAXINT32, ATLAS_SNAPSHOT_NO_DAY,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAMES] =
    g_param_spec_int ("names", NULL, NULL,
                      ATLAS_NAMES_SQ, ATLAS_NAMES_BOTH, ATLAS_NAMES_BOTH,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNITS] =
    g_param_spec_int ("units", NULL, NULL,
                      ATLAS_UNITS_METRIC, ATLAS_UNITS_IMPERIAL, ATLAS_UNITS_METRIC,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSnapshot::changed:
   *
   * Anything that changes the picture changed: a property, the view, the
   * sources or the overlays. The export preview redraws on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_snapshot_init (AtlasSnapshot *self)
{
  self->flags = ATLAS_SNAPSHOT_SHOW_ALL;
  self->day = ATLAS_SNAPSHOT_NO_DAY;
  self->names = ATLAS_NAMES_BOTH;
  self->units = ATLAS_UNITS_METRIC;
  self->sources = g_ptr_array_new_with_free_func (g_free);
  self->overlays = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_overlay_unref);
}

/**
 * atlas_snapshot_new:
 * @painter: draws the base map and labels; its theme is the picture's
 * @view: the map area, in logical pixels
 *
 * Returns: (transfer full): a snapshot showing everything but overlays
 */
AtlasSnapshot *
atlas_snapshot_new (AtlasPainter    *painter,
                    const AtlasView *view)
{
  AtlasSnapshot *self;

  g_return_val_if_fail (ATLAS_IS_PAINTER (painter), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_SNAPSHOT, "painter", painter, NULL);
  self->view = *view;

  return self;
}

/**
 * atlas_snapshot_copy:
 *
 * Returns: (transfer full): an independent snapshot of the same picture,
 *   for drawing in another thread
 */
AtlasSnapshot *
atlas_snapshot_copy (AtlasSnapshot *self)
{
  AtlasSnapshot *copy;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);

  copy = atlas_snapshot_new (self->painter, &self->view);
  copy->flags = self->flags;
  copy->title = g_strdup (self->title);
  copy->day = self->day;
  copy->names = self->names;
  copy->units = self->units;
  for (guint i = 0; i < self->sources->len; i++)
    g_ptr_array_add (copy->sources, g_strdup (g_ptr_array_index (self->sources, i)));
  for (guint i = 0; i < self->overlays->len; i++)
    g_ptr_array_add (copy->overlays, atlas_overlay_ref (g_ptr_array_index (self->overlays, i)));

  return copy;
}

AtlasPainter *
atlas_snapshot_get_painter (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);
  return self->painter;
}

void
atlas_snapshot_set_painter (AtlasSnapshot *self,
                            AtlasPainter  *painter)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));
  g_return_if_fail (ATLAS_IS_PAINTER (painter));

  if (g_set_object (&self->painter, painter))
    emit_changed (self, PROP_PAINTER);
}

const AtlasView *
atlas_snapshot_get_view (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);
  return &self->view;
}

void
atlas_snapshot_set_view (AtlasSnapshot   *self,
                         const AtlasView *view)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));
  g_return_if_fail (view != NULL);
  g_return_if_fail (view->width > 0 && view->height > 0);

  if (memcmp (&self->view, view, sizeof *view) == 0)
    return;

  self->view = *view;
  emit_changed (self, PROP_0);
}

AtlasSnapshotFlags
atlas_snapshot_get_flags (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), 0);
  return self->flags;
}

void
atlas_snapshot_set_flags (AtlasSnapshot      *self,
                          AtlasSnapshotFlags  flags)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));

  flags &= ATLAS_SNAPSHOT_SHOW_ALL;
  if (self->flags == flags)
    return;

  self->flags = flags;
  emit_changed (self, PROP_FLAGS);
}

/**
 * atlas_snapshot_get_title:
 *
 * Returns: (nullable): the title set, or %NULL for the default title
 */
const char *
atlas_snapshot_get_title (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);
  return self->title;
}

/**
 * atlas_snapshot_set_title:
 * @title: (nullable): the title, or %NULL (or "") for the default one
 */
void
atlas_snapshot_set_title (AtlasSnapshot *self,
                          const char    *title)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));

  if (title != NULL && *title == '\0')
    title = NULL;

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  emit_changed (self, PROP_TITLE);
}

gint32
atlas_snapshot_get_day (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), ATLAS_SNAPSHOT_NO_DAY);
  return self->day;
}

/**
 * atlas_snapshot_set_day:
 * @day: days since 1970-01-01, or %ATLAS_SNAPSHOT_NO_DAY
 *
 * Sets the as-of date: the date stamp, the default title and what the
 * overlays show (AtlasOverlayContext.day).
 */
void
atlas_snapshot_set_day (AtlasSnapshot *self,
                        gint32         day)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));

  if (self->day == day)
    return;

  self->day = day;
  emit_changed (self, PROP_DAY);
}

AtlasNames
atlas_snapshot_get_names (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), ATLAS_NAMES_BOTH);
  return self->names;
}

void
atlas_snapshot_set_names (AtlasSnapshot *self,
                          AtlasNames     names)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));
  g_return_if_fail (names <= ATLAS_NAMES_BOTH);

  if (self->names == names)
    return;

  self->names = names;
  emit_changed (self, PROP_NAMES);
}

AtlasUnits
atlas_snapshot_get_units (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), ATLAS_UNITS_METRIC);
  return self->units;
}

void
atlas_snapshot_set_units (AtlasSnapshot *self,
                          AtlasUnits     units)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));
  g_return_if_fail (units <= ATLAS_UNITS_IMPERIAL);

  if (self->units == units)
    return;

  self->units = units;
  emit_changed (self, PROP_UNITS);
}

/**
 * atlas_snapshot_add_source:
 * @source: a credit line for the data shown, e.g. the dataset's title
 *
 * Adds a data source that is printed with the attribution, whatever the
 * overlays report. Repeats are printed once.
 */
void
atlas_snapshot_add_source (AtlasSnapshot *self,
                           const char    *source)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));
  g_return_if_fail (source != NULL);

  for (guint i = 0; i < self->sources->len; i++)
    if (g_str_equal (g_ptr_array_index (self->sources, i), source))
      return;

  g_ptr_array_add (self->sources, g_strdup (source));
  emit_changed (self, PROP_0);
}

/**
 * atlas_snapshot_add_overlay:
 *
 * Adds @overlay to the picture, above every overlay of a smaller or equal
 * depth added before.
 */
void
atlas_snapshot_add_overlay (AtlasSnapshot *self,
                            AtlasOverlay  *overlay)
{
  guint i;

  g_return_if_fail (ATLAS_IS_SNAPSHOT (self));
  g_return_if_fail (overlay != NULL);

  /* Kept sorted by depth; equal depths keep the order they came in. */
  for (i = self->overlays->len; i > 0; i--)
    if (atlas_overlay_get_depth (g_ptr_array_index (self->overlays, i - 1)) <= atlas_overlay_get_depth (overlay))
      break;

  g_ptr_array_insert (self->overlays, i, atlas_overlay_ref (overlay));
  emit_changed (self, PROP_0);
}

gboolean
atlas_snapshot_remove_overlay (AtlasSnapshot *self,
                               AtlasOverlay  *overlay)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (overlay != NULL, FALSE);

  if (!g_ptr_array_remove (self->overlays, overlay))
    return FALSE;

  emit_changed (self, PROP_0);
  return TRUE;
}

guint
atlas_snapshot_get_n_overlays (AtlasSnapshot *self)
{
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), 0);
  return self->overlays->len;
}

/* Titles --------------------------------------------------------------- */

/* Whether (x, y) lies inside the rings of @path (even-odd). */
static gboolean
path_contains (const AtlasPath *path,
               double           x,
               double           y)
{
  gboolean inside = FALSE;

  for (guint p = 0; p < path->n_parts; p++)
    {
      const double *bbox = &path->bboxes[4 * p];
      guint first = path->offsets[p], last = path->offsets[p + 1];

      if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3])
        continue;

      for (guint i = first, j = last - 1; i < last; j = i++)
        {
          double xi = path->xy[2 * i], yi = path->xy[2 * i + 1];
          double xj = path->xy[2 * j], yj = path->xy[2 * j + 1];

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}

/* A name for what the view shows: Kosovo when it is in the middle of the
 * picture (it is what the maps are about, even when the centre falls just
 * outside it), else the country at the centre, else the coordinates of the
 * centre. */
static char *
dup_view_name (AtlasSnapshot *self)
{
  AtlasBasemap *basemap = atlas_painter_get_basemap (self->painter);
  AtlasPlaceNames *names = atlas_place_names_get_default (basemap);
  GPtrArray *countries = atlas_basemap_get_countries (basemap);
  const AtlasShape *kosovo = atlas_basemap_lookup_country (basemap, "XKX");
  double lat, lon;

  if (kosovo != NULL && kosovo->name != NULL)
    {
      AtlasView middle = self->view;
      double bounds[4];

      middle.width /= 2;
      middle.height /= 2;
      atlas_view_get_bounds (&middle, 0, bounds);
      if (atlas_bounds_intersect (kosovo->bbox, bounds))
        return g_strdup (atlas_place_names_get_country (names, kosovo, self->names));
    }

  for (guint i = 0; i < countries->len; i++)
    {
      const AtlasShape *shape = g_ptr_array_index (countries, i);

      if (shape->name == NULL || !shape->closed)
        continue;
      if (self->view.x < shape->bbox[0] || self->view.x > shape->bbox[2] ||
          self->view.y < shape->bbox[1] || self->view.y > shape->bbox[3])
        continue;
      if (path_contains (atlas_shape_get_path (shape, G_MAXDOUBLE), self->view.x, self->view.y))
        return g_strdup (atlas_place_names_get_country (names, shape, self->names));
    }

  lat = atlas_mercator_lat_from_y (self->view.y);
  lon = atlas_mercator_lon_from_x (self->view.x);
  return g_strdup_printf ("%.2f° %s, %.2f° %s",
                          fabs (lat),
                          /* Translators: the hemispheres in coordinates like "42.60° N, 20.90° E" */
                          lat >= 0 ? C_("latitude", "N") : C_("latitude", "S"),
                          fabs (lon),
                          lon >= 0 ? C_("longitude", "E") : C_("longitude", "W"));
}

static char *
dup_date_text (gint32 day)
{
  if (day == ATLAS_SNAPSHOT_NO_DAY || day == ATLAS_DAY_MAX)
    return NULL;

  return atlas_day_format (day);
}

/**
 * atlas_snapshot_dup_display_title:
 *
 * Returns: (transfer full): the title as printed: the one set, or the
 *   default made of the view and the date
 */
char *
atlas_snapshot_dup_display_title (AtlasSnapshot *self)
{
  g_autofree char *view_name = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);

  view_name = dup_view_name (self);
  date = dup_date_text (self->day);
  if (date == NULL)
    return g_steal_pointer (&view_name);

  /* Translators: the default title of an exported map: the place it
   * shows and the date, e.g. "Kosovo, 12 June 1999" */
  return g_strdup_printf (_("%s, %s"), view_name, date);
}

/**
 * atlas_snapshot_dup_date_stamp:
 *
 * Returns: (transfer full) (nullable): the as-of stamp, or %NULL when the
 *   snapshot has no day
 */
char *
atlas_snapshot_dup_date_stamp (AtlasSnapshot *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);

  if ((date = dup_date_text (self->day)) == NULL)
    return NULL;

  /* Translators: the date stamp of an exported map */
  return g_strdup_printf (_("As of %s"), date);
}

/* Text and panels -------------------------------------------------------- */

PangoLayout *
atlas_snapshot_create_layout (cairo_t     *cr,
                              double       size_px,
                              PangoWeight  weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("sans-serif");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted, like the painter's labels: a 4K export must lay text out
   * exactly as the 1080p one does, only sharper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);

  return layout;
}

void
atlas_snapshot_fill_panel (cairo_t            *cr,
                           const AtlasPalette *palette,
                           double              x,
                           double              y,
                           double              width,
                           double              height)
{
  double r = 4.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  atlas_snapshot_set_source (cr, &palette->panel);
  cairo_fill (cr);
}

/* Legend ----------------------------------------------------------------- */

static void
fill_context (AtlasSnapshot       *self,
              AtlasOverlayContext *context,
              AtlasSnapshotTarget  target,
              double               device_scale,
              AtlasLabelSet       *labels,
              GCancellable        *cancellable)
{
  context->view = &self->view;
  context->painter = self->painter;
  context->day = self->day;
  context->names = self->names;
  context->units = self->units;
  context->device_scale = device_scale;
  context->target = target;
  context->labels = labels;
  context->cancellable = cancellable;
}

static gboolean
any_place_in_view (AtlasSnapshot *self,
                   gboolean       capital)
{
  const AtlasBasemapPlace *places;
  guint n_places;
  double bounds[4];

  places = atlas_basemap_get_places (atlas_painter_get_basemap (self->painter), &n_places);
  atlas_view_get_bounds (&self->view, 0, bounds);
  for (guint i = 0; i < n_places; i++)
    if (places[i].capital == capital &&
        places[i].x >= bounds[0] && places[i].x <= bounds[2] &&
        places[i].y >= bounds[1] && places[i].y <= bounds[3])
      return TRUE;

  return FALSE;
}

/* The base map's share of the legend: only what the view shows. */
static void
add_base_legend (AtlasSnapshot *self,
                 AtlasLegend   *legend)
{
  AtlasBasemap *basemap = atlas_painter_get_basemap (self->painter);
  const AtlasPalette *palette = atlas_painter_get_palette (self->painter);
  const AtlasShape *kosovo = atlas_basemap_lookup_country (basemap, "XKX");
  GPtrArray *borders = atlas_basemap_get_borders (basemap);
  double bounds[4];

  atlas_view_get_bounds (&self->view, 0, bounds);

  if (kosovo != NULL && atlas_bounds_intersect (kosovo->bbox, bounds))
    atlas_legend_add_fill (legend, _("Kosovo"), &palette->kosovo, &palette->kosovo_border);

  for (guint i = 0; i < borders->len; i++)
    {
      const AtlasShape *border = g_ptr_array_index (borders, i);

      if (atlas_bounds_intersect (border->bbox, bounds))
        {
          atlas_legend_add_line (legend, _("International border"), &palette->border, 1.5, FALSE);
          break;
        }
    }

  if (self->view.zoom >= 4.5 && any_place_in_view (self, TRUE))
    atlas_legend_add_point (legend, _("Capital"), &palette->place_dot, 4.0);
  if (any_place_in_view (self, FALSE))
    atlas_legend_add_point (legend, _("Town"), &palette->place_dot, 3.0);
}

static AtlasLegend *
collect_legend (AtlasSnapshot             *self,
                const AtlasOverlayContext *context)
{
  AtlasLegend *legend = atlas_legend_new ();

  add_base_legend (self, legend);
  for (guint i = 0; i < self->sources->len; i++)
    atlas_legend_add_source (legend, g_ptr_array_index (self->sources, i));
  for (guint i = 0; i < self->overlays->len; i++)
    atlas_overlay_collect_legend (g_ptr_array_index (self->overlays, i), legend, context);

  return legend;
}

/**
 * atlas_snapshot_collect_legend:
 *
 * Returns: (transfer full): the legend entries and sources of the picture
 *   as it would be drawn for @target at scale 1
 */
AtlasLegend *
atlas_snapshot_collect_legend (AtlasSnapshot       *self,
                               AtlasSnapshotTarget  target)
{
  AtlasOverlayContext context;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), NULL);

  fill_context (self, &context, target, 1.0, NULL, NULL);
  return collect_legend (self, &context);
}

/* Furniture -------------------------------------------------------------- */

typedef struct
{
  double x, y, width, height;
} Box;

typedef struct
{
  PangoLayout *title;         /* NULL when not shown */
  PangoLayout *stamp;         /* NULL when not shown */
  PangoLayout *credits;
  Box          heading;       /* title and stamp */
  Box          arrow;
  Box          scale_bar;
  Box          legend;
  Box          credits_box;
  double       legend_max_height;
} Furniture;

static void
furniture_clear (Furniture *furniture)
{
  g_clear_object (&furniture->title);
  g_clear_object (&furniture->stamp);
  g_clear_object (&furniture->credits);
}

static gboolean
box_is_empty (const Box *box)
{
  return box->width <= 0 || box->height <= 0;
}

static char *
dup_credits_text (AtlasLegend *legend)
{
  g_autoptr(GString) text = g_string_new (atlas_painter_get_attribution ());

  for (guint i = 0; i < atlas_legend_get_n_sources (legend); i++)
    {
      if (i == 0)
        /* Translators: before the list of the data sources of an exported map */
        g_string_append_printf (text, "\n%s", _("Data: "));
      else
        g_string_append (text, "; ");
      g_string_append (text, atlas_legend_get_source (legend, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Places every piece of furniture; nothing is drawn yet, so the labels
 * can be kept out of the boxes first. */
static void
layout_furniture (AtlasSnapshot *self,
                  cairo_t       *cr,
                  AtlasLegend   *legend,
                  Furniture     *f)
{
  double w = self->view.width, h = self->view.height;
  double heading_max_w, credits_max_w, bottom, left_w, legend_w, legend_h;
  g_autofree char *credits = NULL;
  PangoRectangle rect;

  memset (f, 0, sizeof *f);

  if (self->flags & ATLAS_SNAPSHOT_SHOW_NORTH_ARROW)
    f->arrow = (Box) { w - MARGIN - 30, MARGIN, 30, 46 };

  /* Title and date stamp, top left, clear of the north arrow. */
  heading_max_w = MIN (w - 2 * MARGIN - (box_is_empty (&f->arrow) ? 0 : f->arrow.width + MARGIN), 560)
                  - 2 * PANEL_PADDING;
  if (heading_max_w > 40)
    {
      double text_w = 0, text_h = 0;

      if (self->flags & ATLAS_SNAPSHOT_SHOW_TITLE)
        {
          g_autofree char *title = atlas_snapshot_dup_display_title (self);

          f->title = atlas_snapshot_create_layout (cr, 20, PANGO_WEIGHT_BOLD);
          pango_layout_set_text (f->title, title, -1);
          pango_layout_set_width (f->title, (int) (heading_max_w * PANGO_SCALE));
          pango_layout_set_wrap (f->title, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (f->title, -2);
          pango_layout_set_ellipsize (f->title, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_extents (f->title, NULL, &rect);
          text_w = MAX (text_w, rect.width);
          text_h += rect.height;
        }

      if (self->flags & ATLAS_SNAPSHOT_SHOW_DATE)
        {
          g_autofree char *stamp = atlas_snapshot_dup_date_stamp (self);

          if (stamp != NULL)
            {
              f->stamp = atlas_snapshot_create_layout (cr, 14, PANGO_WEIGHT_NORMAL);
              pango_layout_set_text (f->stamp, stamp, -1);
              pango_layout_set_width (f->stamp, (int) (heading_max_w * PANGO_SCALE));
              pango_layout_set_ellipsize (f->stamp, PANGO_ELLIPSIZE_END);
              pango_layout_get_pixel_extents (f->stamp, NULL, &rect);
              text_w = MAX (text_w, rect.width);
              text_h += rect.height + (f->title != NULL ? 2 : 0);
            }
        }

      if (text_h > 0)
        f->heading = (Box) { MARGIN, MARGIN, ceil (text_w) + 2 * PANEL_PADDING, ceil (text_h) + 2 * PANEL_PADDING };
    }

  /* The scale bar is at most 120 pixels and a label long. */
  if (self->flags & ATLAS_SNAPSHOT_SHOW_SCALE_BAR)
    f->scale_bar = (Box) { MARGIN, h - MARGIN - 38, 132, 38 };

  /* Credits, bottom right: always, however little room there is. */
  left_w = box_is_empty (&f->scale_bar) ? 0 : f->scale_bar.width + MARGIN;
  credits_max_w = MAX (MIN (w - 2 * MARGIN - left_w, MAX (w * 0.6, 420)), 120) - 2 * 6;
  credits = dup_credits_text (legend);
  f->credits = atlas_snapshot_create_layout (cr, 11, PANGO_WEIGHT_NORMAL);
  pango_layout_set_text (f->credits, credits, -1);
  pango_layout_set_width (f->credits, (int) (credits_max_w * PANGO_SCALE));
  pango_layout_set_wrap (f->credits, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (f->credits, -3);
  pango_layout_set_ellipsize (f->credits, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_extents (f->credits, NULL, &rect);
  f->credits_box.width = ceil (rect.width) + 2 * 6;
  f->credits_box.height = ceil (rect.height) + 2 * 4;
  f->credits_box.x = w - MARGIN - f->credits_box.width;
  f->credits_box.y = h - MARGIN - f->credits_box.height;

  /* The legend stands on the scale bar, below the heading. */
  if (!(self->flags & ATLAS_SNAPSHOT_SHOW_LEGEND) || atlas_legend_get_n_entries (legend) == 0)
    return;

  bottom = box_is_empty (&f->scale_bar) ? h - MARGIN : f->scale_bar.y - 6;
  f->legend_max_height = bottom - (box_is_empty (&f->heading) ? MARGIN : f->heading.y + f->heading.height + MARGIN);
  atlas_legend_measure (legend, cr, f->legend_max_height, &legend_w, &legend_h);
  if (MARGIN + legend_w + MARGIN > f->credits_box.x)
    {
      /* Side by side with the credits there is no room: stand on them. */
      bottom = MIN (bottom, f->credits_box.y - 6);
      f->legend_max_height = bottom - (box_is_empty (&f->heading) ? MARGIN : f->heading.y + f->heading.height + MARGIN);
      atlas_legend_measure (legend, cr, f->legend_max_height, &legend_w, &legend_h);
    }
  if (legend_h > 0)
    f->legend = (Box) { MARGIN, bottom - legend_h, legend_w, legend_h };
}

static void
reserve_box (AtlasLabelSet *labels,
             const Box     *box)
{
  if (!box_is_empty (box))
    atlas_label_set_try_add (labels, box->x, box->y, box->width, box->height);
}

static void
draw_north_arrow (cairo_t            *cr,
                  const AtlasPalette *palette,
                  const Box          *box)
{
  g_autoptr(PangoLayout) layout = atlas_snapshot_create_layout (cr, 12, PANGO_WEIGHT_BOLD);
  double cx = box->x + box->width / 2.0;
  double top = box->y + 20, bottom = box->y + box->height - 6;
  PangoRectangle ink;

  atlas_snapshot_fill_panel (cr, palette, box->x, box->y, box->width, box->height);

  /* Translators: the letter on the north arrow of an exported map */
  pango_layout_set_text (layout, C_("north arrow", "N"), -1);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  atlas_snapshot_set_source (cr, &palette->ink);
  cairo_move_to (cr, cx - ink.x - ink.width / 2.0, box->y + 4 - ink.y);
  pango_cairo_show_layout (cr, layout);

  /* A split arrowhead: the west half filled, the east half outlined. */
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx - 7, bottom);
  cairo_line_to (cr, cx, bottom - 6);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx + 7, bottom);
  cairo_line_to (cr, cx, bottom - 6);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 1.2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_furniture (AtlasSnapshot   *self,
                cairo_t         *cr,
                AtlasLegend     *legend,
                const Furniture *f)
{
  const AtlasPalette *palette = atlas_painter_get_palette (self->painter);
  PangoRectangle rect;

  cairo_save (cr);
  cairo_new_path (cr);

  if (!box_is_empty (&f->heading))
    {
      double y = f->heading.y + PANEL_PADDING;

      atlas_snapshot_fill_panel (cr, palette, f->heading.x, f->heading.y, f->heading.width, f->heading.height);
      atlas_snapshot_set_source (cr, &palette->ink);
      if (f->title != NULL)
        {
          pango_layout_get_pixel_extents (f->title, NULL, &rect);
          cairo_move_to (cr, f->heading.x + PANEL_PADDING - rect.x, y - rect.y);
          pango_cairo_show_layout (cr, f->title);
          y += rect.height + 2;
        }
      if (f->stamp != NULL)
        {
          pango_layout_get_pixel_extents (f->stamp, NULL, &rect);
          cairo_move_to (cr, f->heading.x + PANEL_PADDING - rect.x, y - rect.y);
          pango_cairo_show_layout (cr, f->stamp);
        }
    }

  if (!box_is_empty (&f->legend))
    atlas_legend_draw (legend, cr, self->painter, f->legend.x, f->legend.y, f->legend_max_height);

  if (!box_is_empty (&f->scale_bar))
    atlas_painter_draw_scale_bar (self->painter, cr, &self->view, self->units,
                                  f->scale_bar.x + 6, f->scale_bar.y + f->scale_bar.height - 6);

  if (!box_is_empty (&f->arrow))
    draw_north_arrow (cr, palette, &f->arrow);

  atlas_snapshot_fill_panel (cr, palette, f->credits_box.x, f->credits_box.y,
                             f->credits_box.width, f->credits_box.height);
  pango_layout_get_pixel_extents (f->credits, NULL, &rect);
  atlas_snapshot_set_source (cr, &palette->ink);
  cairo_move_to (cr, f->credits_box.x + 6 - rect.x, f->credits_box.y + 4 - rect.y);
  pango_cairo_show_layout (cr, f->credits);

  cairo_restore (cr);
}

/* Drawing ---------------------------------------------------------------- */

typedef struct
{
  AtlasSnapshotProgressFunc  func;
  gpointer                   data;
} Progress;

static void
report (const Progress *progress,
        double          fraction)
{
  if (progress->func != NULL)
    progress->func (CLAMP (fraction, 0.0, 1.0), progress->data);
}

static gboolean
check_cairo (cairo_t  *cr,
             GError  **error)
{
  cairo_status_t status = cairo_status (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (cairo_get_target (cr));
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, ATLAS_SNAPSHOT_ERROR, ATLAS_SNAPSHOT_ERROR_DRAWING,
               _("Could not draw the map: %s"), cairo_status_to_string (status));
  return FALSE;
}

/**
 * atlas_snapshot_draw:
 * @cr: a context whose user space is the view's logical pixels; scale it
 *   for a larger output
 * @target: whether @cr ends up as pixels or as vectors
 * @cancellable: (nullable): stops the drawing between stages
 * @progress: (nullable): called between stages, in this thread
 *
 * Draws the whole picture: base map, overlays, labels and furniture.
 *
 * Returns: %FALSE if cancelled or if cairo failed
 */
gboolean
atlas_snapshot_draw (AtlasSnapshot              *self,
                     cairo_t                    *cr,
                     AtlasSnapshotTarget         target,
                     GCancellable               *cancellable,
                     AtlasSnapshotProgressFunc   progress_func,
                     gpointer                    progress_data,
                     GError                    **error)
{
  g_autoptr(AtlasLabelSet) labels = NULL;
  g_autoptr(AtlasLegend) legend = NULL;
  Progress progress = { progress_func, progress_data };
  AtlasOverlayContext context;
  Furniture furniture;
  double sx = 1.0, sy = 0.0;
  guint n_overlays;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cairo_user_to_device_distance (cr, &sx, &sy);
  labels = atlas_label_set_new ();
  fill_context (self, &context, target, hypot (sx, sy), labels, cancellable);
  n_overlays = self->overlays->len;

  report (&progress, 0.0);
  legend = collect_legend (self, &context);
  layout_furniture (self, cr, legend, &furniture);

  /* Labels stay clear of the furniture drawn over them at the end. */
  reserve_box (labels, &furniture.heading);
  reserve_box (labels, &furniture.arrow);
  reserve_box (labels, &furniture.legend);
  reserve_box (labels, &furniture.scale_bar);
  reserve_box (labels, &furniture.credits_box);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->view.width, self->view.height);
  cairo_clip (cr);

  atlas_painter_draw_base (self->painter, cr, &self->view);
  report (&progress, 0.3);

  for (guint i = 0; i < n_overlays && !g_cancellable_is_cancelled (cancellable); i++)
    {
      atlas_overlay_draw (g_ptr_array_index (self->overlays, i), cr, &context);
      report (&progress, 0.3 + 0.4 * (i + 1) / n_overlays);
    }

  for (guint i = 0; i < n_overlays && !g_cancellable_is_cancelled (cancellable); i++)
    atlas_overlay_draw_labels (g_ptr_array_index (self->overlays, i), cr, &context);
  report (&progress, 0.8);

  if (!g_cancellable_is_cancelled (cancellable))
    {
      atlas_painter_draw_labels_full (self->painter, cr, &self->view, NULL, self->names, labels);
      report (&progress, 0.9);
      draw_furniture (self, cr, legend, &furniture);
    }

  cairo_restore (cr);
  furniture_clear (&furniture);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!check_cairo (cr, error))
    return FALSE;

  report (&progress, 1.0);
  return TRUE;
}
