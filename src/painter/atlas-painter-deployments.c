/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-painter-deployments"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "atlas-deployment.h"
#include "atlas-painter-deployments.h"
#include "atlas-snapshot-private.h"

/* 50 000 troops (all of KFOR in 1999) make a circle of 45 px radius at
 * zoom 9, 1 000 troops one of 6 px; symbols grow and shrink a little with
 * the zoom so that they neither swamp Kosovo from afar nor vanish close
 * up. */
#define RADIUS_PER_SQRT_TROOP  0.2
#define MIN_RADIUS             3.0
#define DIAMOND_RADIUS         7.0
#define SOLID_ALPHA            0.35
#define PALE_ALPHA             0.12
#define LABEL_GAP              4.0
#define SAME_PLACE             1e-8     /* Mercator units: about 0.4 m */

typedef struct
{
  guint       position;
  double      x;              /* unit Web Mercator */
  double      y;
  gint32      troops_min;     /* -1 when unknown */
  gint32      troops_max;
  gboolean    committed;
  gboolean    alliance;       /* nation "NATO": KFOR as a whole */
  const char *nation;         /* owned by the dataset */
  const char *unit;
  char       *troops_text;    /* "7,000", "1,400–1,600" */
} Entry;

typedef struct
{
  guint first;                /* index into entries */
  guint n_entries;
} Group;

struct _AtlasDeploymentSet
{
  gatomicrefcount  ref_count;
  AtlasDataset    *dataset;
  gint32           day;
  GArray          *entries;    /* Entry, grouped by place, largest first */
  GArray          *groups;     /* Group, largest first */
  GArray          *positions;  /* guint, list order */
  guint            n_unplaced;
};

G_DEFINE_BOXED_TYPE (AtlasDeploymentSet, atlas_deployment_set,
                     atlas_deployment_set_ref, atlas_deployment_set_unref)

#define HEX(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

typedef struct
{
  AtlasRgba national;
  AtlasRgba alliance;
} DeploymentColors;

static const DeploymentColors light_colors = {
  .national = HEX (0x1c6e6a),
  .alliance = HEX (0x3d3b94),
};

static const DeploymentColors dark_colors = {
  .national = HEX (0x5ccabf),
  .alliance = HEX (0x9d9af0),
};

/* Places --------------------------------------------------------------- */

/* The area-weighted centroid of a geometry's polygons, or the
 * length-weighted middle of its lines, in unit Mercator. */
static gboolean
geometry_centroid (const AtlasGeometry *geometry,
                   double              *cx,
                   double              *cy)
{
  gboolean polygons = geometry->type == ATLAS_GEOMETRY_POLYGON ||
                      geometry->type == ATLAS_GEOMETRY_MULTI_POLYGON;
  double sum_w = 0, sum_x = 0, sum_y = 0;

  for (guint part = 0; part < geometry->n_parts; part++)
    {
      guint first_ring = atlas_geometry_part_first_ring (geometry, part);
      guint n_rings = atlas_geometry_part_n_rings (geometry, part);

      for (guint ring = first_ring; ring < first_ring + n_rings; ring++)
        {
          guint first = atlas_geometry_ring_first_position (geometry, ring);
          guint n = atlas_geometry_ring_n_positions (geometry, ring);
          double ring_w = 0, ring_x = 0, ring_y = 0;
          double px = 0, py = 0, x0 = 0, y0 = 0;

          for (guint i = 0; i < n; i++)
            {
              double x, y, w;

              atlas_lonlat_to_unit_mercator (geometry->coords[2 * (first + i)],
                                             geometry->coords[2 * (first + i) + 1], &x, &y);
              /* Relative to the ring's first position, against the
               * cancellation of large nearly equal products. */
              if (i == 0)
                {
                  x0 = x;
                  y0 = y;
                }
              x -= x0;
              y -= y0;
              if (i > 0)
                {
                  /* Twice the signed area of the triangle with the origin
                   * for polygons; the segment's length for lines. */
                  w = polygons ? px * y - x * py : hypot (x - px, y - py);
                  ring_w += w;
                  ring_x += (px + x) * w;
                  ring_y += (py + y) * w;
                }
              px = x;
              py = y;
            }

          if (polygons)
            {
              /* The format does not check winding: count the exterior
               * ring as positive and holes as negative, however wound. */
              double sign = (ring_w >= 0 ? 1.0 : -1.0) * (ring == first_ring ? 1.0 : -1.0);

              ring_w *= sign;
              ring_x *= sign;
              ring_y *= sign;
            }
          sum_w += ring_w;
          sum_x += ring_x + (polygons ? 3 : 2) * x0 * ring_w;
          sum_y += ring_y + (polygons ? 3 : 2) * y0 * ring_w;
        }
    }

  if (sum_w <= 0)
    return FALSE;

  /* Polygons: Σ (xᵢ + xᵢ₊₁)·crossᵢ / (3 Σ crossᵢ); lines: Σ (xᵢ + xᵢ₊₁)/2·lengthᵢ / Σ lengthᵢ. */
  *cx = sum_x / (polygons ? 3 * sum_w : 2 * sum_w);
  *cy = sum_y / (polygons ? 3 * sum_w : 2 * sum_w);
  return TRUE;
}

/* Where to draw the deployment: its point, or the centroid of its zone
 * when the zone has an explicit geometry. */
static gboolean
locate (AtlasDataset    *dataset,
        AtlasDeployment *deployment,
        double          *x,
        double          *y)
{
  AtlasFeature *feature = ATLAS_FEATURE (deployment);
  const char *zone_id;
  AtlasFeatureKind kind;
  AtlasGeometry geometry;
  double lon, lat;
  guint position;

  if (atlas_feature_get_point (feature, &lon, &lat))
    {
      atlas_lonlat_to_unit_mercator (lon, lat, x, y);
      return TRUE;
    }

  zone_id = atlas_deployment_get_zone_id (deployment);
  if (zone_id == NULL ||
      !atlas_dataset_find (dataset, zone_id, &kind, &position) ||
      kind != ATLAS_KIND_ZONE)
    return FALSE;

  /* A zone computed from a rule has no geometry here: skip. */
  if (!atlas_dataset_get_geometry (dataset, ATLAS_KIND_ZONE, position, &geometry))
    return FALSE;

  return geometry_centroid (&geometry, x, y);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  /* By place, then largest first; unknown strengths last. */
  if (ea->x != eb->x)
    return ea->x < eb->x ? -1 : 1;
  if (ea->y != eb->y)
    return ea->y < eb->y ? -1 : 1;
  if (ea->troops_max != eb->troops_max)
    return ea->troops_max > eb->troops_max ? -1 : 1;
  return (ea->position > eb->position) - (ea->position < eb->position);
}

static gint32
group_max_troops (const AtlasDeploymentSet *set,
                  const Group              *group)
{
  /* Entries of a group are sorted largest first. */
  return g_array_index (set->entries, Entry, group->first).troops_max;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const AtlasDeploymentSet *set = user_data;
  gint32 ta = group_max_troops (set, a), tb = group_max_troops (set, b);

  return (ta < tb) - (ta > tb);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return (ua > ub) - (ua < ub);
}

/**
 * atlas_deployment_set_new:
 * @day: the date, a day number
 *
 * Chooses the deployments active on @day (start <= @day < end) and where
 * to draw them.
 *
 * Returns: (transfer full): the deployments to draw
 */
AtlasDeploymentSet *
atlas_deployment_set_new (AtlasDataset *dataset,
                          gint32        day)
{
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  AtlasDeploymentSet *set;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  set = g_new0 (AtlasDeploymentSet, 1);
  g_atomic_ref_count_init (&set->ref_count);
  set->dataset = g_object_ref (dataset);
  set->day = day;
  set->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  set->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  set->positions = g_array_new (FALSE, FALSE, sizeof (guint));

  atlas_dataset_query_active (dataset, ATLAS_KIND_DEPLOYMENT, day, active);

  for (guint i = 0; i < active->len; i++)
    {
      guint position = g_array_index (active, guint, i);
      g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (dataset, ATLAS_KIND_DEPLOYMENT, position);
      AtlasDeployment *deployment = ATLAS_DEPLOYMENT (feature);
      Entry entry = { .position = position };

      if (!locate (dataset, deployment, &entry.x, &entry.y))
        {
          set->n_unplaced++;
          continue;
        }

      if (!atlas_deployment_get_troops (deployment, &entry.troops_min, &entry.troops_max))
        entry.troops_min = entry.troops_max = -1;
      entry.committed = atlas_deployment_get_strength (deployment) == ATLAS_STRENGTH_COMMITTED;
      entry.nation = atlas_deployment_get_nation (deployment);
      entry.unit = atlas_deployment_get_display_unit (deployment);
      entry.alliance = g_strcmp0 (entry.nation, "NATO") == 0;
      entry.troops_text = atlas_deployment_format_troops (deployment);
      g_array_append_val (set->entries, entry);
      g_array_append_val (set->positions, position);
    }

  g_array_sort (set->entries, compare_entries);
  g_array_sort (set->positions, compare_guint);

  for (guint i = 0; i < set->entries->len;)
    {
      const Entry *first = &g_array_index (set->entries, Entry, i);
      Group group = { .first = i };

      for (; i < set->entries->len; i++)
        {
          const Entry *e = &g_array_index (set->entries, Entry, i);

          if (fabs (e->x - first->x) > SAME_PLACE || fabs (e->y - first->y) > SAME_PLACE)
            break;
        }
      group.n_entries = i - group.first;
      g_array_append_val (set->groups, group);
    }

  /* Large groups first, so that small ones are drawn (and clicked) on top. */
  g_array_sort_with_data (set->groups, compare_groups, set);

  return set;
}

AtlasDeploymentSet *
atlas_deployment_set_ref (AtlasDeploymentSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  g_atomic_ref_count_inc (&set->ref_count);
  return set;
}

void
atlas_deployment_set_unref (AtlasDeploymentSet *set)
{
  g_return_if_fail (set != NULL);

  if (!g_atomic_ref_count_dec (&set->ref_count))
    return;

  for (guint i = 0; i < set->entries->len; i++)
    g_free (g_array_index (set->entries, Entry, i).troops_text);
  g_object_unref (set->dataset);
  g_array_unref (set->entries);
  g_array_unref (set->groups);
  g_array_unref (set->positions);
  g_free (set);
}

/* (transfer none) */
AtlasDataset *
atlas_deployment_set_get_dataset (AtlasDeploymentSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  return set->dataset;
}

gint32
atlas_deployment_set_get_day (AtlasDeploymentSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->day;
}

/**
 * atlas_deployment_set_get_positions:
 * @n_positions: (out): the number of positions
 *
 * Returns: (transfer none) (array length=n_positions): the list positions
 *   (in the dataset's deployment list) of the deployments drawn, in list
 *   order
 */
const guint *
atlas_deployment_set_get_positions (AtlasDeploymentSet *set,
                                    guint              *n_positions)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (n_positions != NULL, NULL);

  *n_positions = set->positions->len;
  return (const guint *) (gpointer) set->positions->data;
}

/* Active deployments that have no place to be drawn at (their zone is
 * computed from a rule). */
guint
atlas_deployment_set_get_n_unplaced (AtlasDeploymentSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->n_unplaced;
}

/* The number of distinct places. */
guint
atlas_deployment_set_get_n_groups (AtlasDeploymentSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->groups->len;
}

/**
 * atlas_deployment_set_get_location:
 * @x: (out): unit Mercator x where the deployment is drawn
 * @y: (out): unit Mercator y
 *
 * Returns: %FALSE if the deployment at @position is not in the set
 */
gboolean
atlas_deployment_set_get_location (AtlasDeploymentSet *set,
                                   guint               position,
                                   double             *x,
                                   double             *y)
{
  g_return_val_if_fail (set != NULL, FALSE);

  for (guint i = 0; i < set->entries->len; i++)
    {
      const Entry *e = &g_array_index (set->entries, Entry, i);

      if (e->position == position)
        {
          *x = e->x;
          *y = e->y;
          return TRUE;
        }
    }

  return FALSE;
}

/* Symbols -------------------------------------------------------------- */

/**
 * atlas_deployment_symbol_radius:
 *
 * Returns: the radius in logical pixels of the disc for @troops at @zoom
 */
double
atlas_deployment_symbol_radius (double troops,
                                double zoom)
{
  double scale = CLAMP (exp2 ((zoom - 9.0) * 0.5), 0.5, 1.4);

  return MAX (MIN_RADIUS, RADIUS_PER_SQRT_TROOP * sqrt (MAX (troops, 0)) * scale);
}

static const DeploymentColors *
colors_for (AtlasPainter *painter)
{
  return atlas_painter_get_theme (painter) == ATLAS_THEME_DARK ? &dark_colors : &light_colors;
}

static void
set_color (cairo_t         *cr,
           const AtlasRgba *color,
           double           alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

/* A disc with a solid or dashed rim. A @wash of the map's halo colour
 * under the fill keeps the symbol's own hue on any background (blue over
 * Kosovo's yellow would otherwise turn grey). */
static void
draw_disc (cairo_t         *cr,
           double           px,
           double           py,
           double           radius,
           const AtlasRgba *color,
           const AtlasRgba *wash,
           double           fill_alpha,
           gboolean         dashed)
{
  static const double dashes[] = { 4.0, 3.0 };

  cairo_new_path (cr);
  cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
  if (wash != NULL)
    {
      set_color (cr, wash, wash->a * SOLID_ALPHA);
      cairo_fill_preserve (cr);
    }
  if (fill_alpha > 0)
    {
      set_color (cr, color, fill_alpha);
      cairo_fill_preserve (cr);
    }
  cairo_set_dash (cr, dashes, dashed ? G_N_ELEMENTS (dashes) : 0, 0);
  set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.6);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_entry (cairo_t         *cr,
            const AtlasView *view,
            const Entry     *e,
            const AtlasRgba *color,
            const AtlasRgba *wash,
            double           px,
            double           py)
{
  double r_min = atlas_deployment_symbol_radius (e->troops_min, view->zoom);
  double r_max = atlas_deployment_symbol_radius (e->troops_max, view->zoom);

  if (e->committed)
    {
      /* Pledged: outlines only, dashed. */
      draw_disc (cr, px, py, r_max, color, NULL, 0, TRUE);
      if (e->troops_min < e->troops_max)
        draw_disc (cr, px, py, r_min, color, NULL, 0, TRUE);
      return;
    }

  if (e->troops_min < e->troops_max)
    {
      /* The range: pale up to the maximum, solid up to the minimum. */
      draw_disc (cr, px, py, r_max, color, NULL, PALE_ALPHA, TRUE);
      draw_disc (cr, px, py, r_min, color, wash, SOLID_ALPHA, FALSE);
    }
  else
    draw_disc (cr, px, py, r_max, color, wash, SOLID_ALPHA, FALSE);
}

static void
draw_diamond (cairo_t         *cr,
              double           px,
              double           py,
              const AtlasRgba *color,
              const AtlasRgba *halo,
              gboolean         hollow)
{
  double r = DIAMOND_RADIUS;

  cairo_new_path (cr);
  cairo_move_to (cr, px, py - r);
  cairo_line_to (cr, px + r, py);
  cairo_line_to (cr, px, py + r);
  cairo_line_to (cr, px - r, py);
  cairo_close_path (cr);

  /* A halo first, so that the diamond stands out of the discs and
   * event points around it. */
  set_color (cr, halo, 1.0);
  cairo_set_line_width (cr, 4.0);
  cairo_stroke_preserve (cr);
  set_color (cr, hollow ? halo : color, 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static gboolean
group_in_view (const AtlasDeploymentSet *set,
               const Group              *group,
               const AtlasView          *view,
               double                   *px,
               double                   *py,
               double                   *radius)
{
  const Entry *first = &g_array_index (set->entries, Entry, group->first);

  atlas_view_project (view, first->x, first->y, px, py);
  *radius = MAX (DIAMOND_RADIUS, atlas_deployment_symbol_radius (first->troops_max, view->zoom));

  return *px >= -*radius && *py >= -*radius &&
         *px <= view->width + *radius && *py <= view->height + *radius;
}

/**
 * atlas_painter_draw_deployments:
 * @info: (out) (optional): what was drawn; n_labels is left 0
 *
 * Draws the symbols of the deployments of @set in @view (see the top of
 * atlas-painter-deployments.h for what they mean).
 */
void
atlas_painter_draw_deployments (AtlasPainter            *painter,
                                cairo_t                 *cr,
                                const AtlasView         *view,
                                AtlasDeploymentSet      *set,
                                AtlasDeploymentDrawInfo *info)
{
  const DeploymentColors *colors;
  const AtlasPalette *palette;
  AtlasDeploymentDrawInfo drawn = { 0 };

  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (set != NULL);

  colors = colors_for (painter);
  palette = atlas_painter_get_palette (painter);

  cairo_save (cr);
  for (guint g = 0; g < set->groups->len; g++)
    {
      const Group *group = &g_array_index (set->groups, Group, g);
      const Entry *unknown = NULL;
      double px, py, radius;

      if (!group_in_view (set, group, view, &px, &py, &radius))
        continue;

      drawn.n_groups++;
      drawn.n_symbols += group->n_entries;

      for (guint i = group->first; i < group->first + group->n_entries; i++)
        {
          const Entry *e = &g_array_index (set->entries, Entry, i);

          if (e->troops_max < 0)
            {
              /* Present wins over committed for the group's one diamond. */
              if (unknown == NULL || (unknown->committed && !e->committed))
                unknown = e;
              continue;
            }
          draw_entry (cr, view, e, e->alliance ? &colors->alliance : &colors->national,
                      &palette->halo, px, py);
        }

      /* One diamond stands for every unit of unknown strength here; the
       * label lists them. */
      if (unknown != NULL)
        draw_diamond (cr, px, py, unknown->alliance ? &colors->alliance : &colors->national,
                      &palette->halo, unknown->committed);
    }
  cairo_restore (cr);

  if (info != NULL)
    *info = drawn;
}

/* Labels --------------------------------------------------------------- */

/**
 * atlas_painter_get_nation_label:
 * @nation: (nullable): a deployment's nation as the data writes it
 *
 * ISO 3166 codes ("FRA") read the same in every language; "NATO" is
 * translated (НАТО in Serbian Cyrillic).
 *
 * Returns: the text to show
 */
const char *
atlas_painter_get_nation_label (const char *nation)
{
  if (nation == NULL)
    return "";
  if (g_str_equal (nation, "NATO"))
    /* Translators: the alliance, as a deployment's nation on the map */
    return g_dpgettext2 (GETTEXT_PACKAGE, "nation", NC_("nation", "NATO"));
  return nation;
}

static char *
format_line (const Entry *e)
{
  const char *troops = e->troops_text;
  const char *nation = atlas_painter_get_nation_label (e->nation);

  if (e->troops_max < 0)
    /* Translators: a deployment on the map: nation code, unit */
    return g_strdup_printf (e->committed ? _("%s · %s (committed)") : _("%s · %s"),
                            nation, e->unit);
  if (e->committed)
    /* Translators: nation code · unit · troops pledged but not present */
    return g_strdup_printf (_("%s · %s · %s committed"), nation, e->unit, troops);
  /* Translators: nation code · unit · troops */
  return g_strdup_printf (_("%s · %s · %s"), nation, e->unit, troops);
}

static char *
format_group (const AtlasDeploymentSet *set,
              const Group              *group)
{
  GString *text = g_string_new (NULL);
  guint n_lines = group->n_entries;

  /* One line fewer when the last would be "+N more". */
  if (n_lines > ATLAS_DEPLOYMENT_MAX_LINES)
    n_lines = ATLAS_DEPLOYMENT_MAX_LINES - 1;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *line = format_line (&g_array_index (set->entries, Entry, group->first + i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (n_lines < group->n_entries)
    {
      guint more = group->n_entries - n_lines;

      g_string_append_c (text, '\n');
      /* Translators: more deployments at the same place than fit in the label */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", more), more);
    }

  return g_string_free (text, FALSE);
}

static PangoLayout *
create_label_layout (cairo_t *cr)
{
  PangoLayout *layout = atlas_snapshot_create_layout (cr, 11.5, PANGO_WEIGHT_NORMAL);

  pango_layout_set_spacing (layout, 1 * PANGO_SCALE);
  return layout;
}

/* Right of the symbol, then left, below and above. */
static gboolean
place_label (AtlasLabelSet *labels,
             double         px,
             double         py,
             double         radius,
             double         width,
             double         height,
             double        *x,
             double        *y)
{
  const double candidates[][2] = {
    { px + radius + LABEL_GAP, py - height / 2 },
    { px - radius - LABEL_GAP - width, py - height / 2 },
    { px - width / 2, py + radius + LABEL_GAP },
    { px - width / 2, py - radius - LABEL_GAP - height },
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (atlas_label_set_try_add (labels, candidates[i][0] - 2, candidates[i][1] - 1, width + 4, height + 2))
      {
        *x = candidates[i][0];
        *y = candidates[i][1];
        return TRUE;
      }

  return FALSE;
}

/**
 * atlas_painter_draw_deployment_labels:
 * @labels: boxes already taken; the labels drawn here are added
 * @info: (out) (optional): n_labels is set, the rest left alone
 *
 * Draws one label block per place: nation code, unit and troops of each
 * deployment there, largest first. A block that would overlap a box in
 * @labels is moved around its symbol, or left out.
 */
void
atlas_painter_draw_deployment_labels (AtlasPainter            *painter,
                                      cairo_t                 *cr,
                                      const AtlasView         *view,
                                      AtlasDeploymentSet      *set,
                                      AtlasLabelSet           *labels,
                                      AtlasDeploymentDrawInfo *info)
{
  const AtlasPalette *palette;
  g_autoptr(PangoLayout) layout = NULL;
  guint n_labels = 0;

  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (set != NULL);
  g_return_if_fail (labels != NULL);

  palette = atlas_painter_get_palette (painter);

  cairo_save (cr);
  /* Smaller groups were drawn last; label the largest first, as they
   * matter most when space runs out. */
  for (guint g = 0; g < set->groups->len; g++)
    {
      const Group *group = &g_array_index (set->groups, Group, g);
      g_autofree char *text = NULL;
      PangoRectangle logical;
      double px, py, radius, x, y;

      if (!group_in_view (set, group, view, &px, &py, &radius))
        continue;

      if (layout == NULL)
        layout = create_label_layout (cr);
      text = format_group (set, group);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);

      if (!place_label (labels, px, py, radius, logical.width, logical.height, &x, &y))
        continue;

      n_labels++;
      atlas_painter_show_text_with_halo (cr, layout, x - logical.x, y - logical.y,
                                         &palette->ink, &palette->halo, 3.0);
    }
  cairo_restore (cr);

  if (info != NULL)
    info->n_labels = n_labels;
}

/**
 * atlas_deployment_set_pick:
 * @x: widget x, logical pixels
 * @y: widget y
 * @position: (out): the list position of the deployment found
 *
 * Finds the deployment whose symbol is under (@x, @y); where symbols
 * nest, the smallest one containing the point.
 *
 * Returns: %TRUE if a deployment was found
 */
gboolean
atlas_deployment_set_pick (AtlasDeploymentSet *set,
                           const AtlasView    *view,
                           double              x,
                           double              y,
                           guint              *position)
{
  double best_radius = G_MAXDOUBLE;
  gboolean found = FALSE;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  for (guint i = 0; i < set->entries->len; i++)
    {
      const Entry *e = &g_array_index (set->entries, Entry, i);
      double px, py, radius;

      atlas_view_project (view, e->x, e->y, &px, &py);
      radius = e->troops_max < 0 ? DIAMOND_RADIUS + 1
                                 : atlas_deployment_symbol_radius (e->troops_max, view->zoom);

      if (hypot (px - x, py - y) <= radius && radius < best_radius)
        {
          best_radius = radius;
          *position = e->position;
          found = TRUE;
        }
    }

  return found;
}

/* Legends -------------------------------------------------------------- */

/**
 * atlas_deployment_set_get_symbols:
 * @view: (nullable): only deployments inside this view, or %NULL for all
 *
 * Returns: the kinds of symbol drawn, for a legend; a range counts as
 *   both %ATLAS_DEPLOYMENT_SYMBOL_RANGE and present or committed
 */
AtlasDeploymentSymbols
atlas_deployment_set_get_symbols (AtlasDeploymentSet *set,
                                  const AtlasView    *view)
{
  AtlasDeploymentSymbols symbols = 0;
  double bounds[4] = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  g_return_val_if_fail (set != NULL, 0);

  if (view != NULL)
    atlas_view_get_bounds (view, 0, bounds);

  for (guint i = 0; i < set->entries->len; i++)
    {
      const Entry *e = &g_array_index (set->entries, Entry, i);

      if (e->x < bounds[0] || e->x > bounds[2] || e->y < bounds[1] || e->y > bounds[3])
        continue;

      if (e->troops_max < 0)
        symbols |= ATLAS_DEPLOYMENT_SYMBOL_UNKNOWN;
      else
        {
          symbols |= e->committed ? ATLAS_DEPLOYMENT_SYMBOL_COMMITTED : ATLAS_DEPLOYMENT_SYMBOL_PRESENT;
          if (e->troops_min < e->troops_max)
            symbols |= ATLAS_DEPLOYMENT_SYMBOL_RANGE;
        }
      if (e->alliance)
        symbols |= ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE;
    }

  return symbols;
}

/**
 * atlas_painter_draw_deployment_swatch:
 * @symbol: one kind of symbol, optionally with
 *   %ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE for KFOR's colour
 *
 * Draws that symbol centred in the box, as on the map, for a legend.
 */
void
atlas_painter_draw_deployment_swatch (AtlasPainter           *painter,
                                      cairo_t                *cr,
                                      AtlasDeploymentSymbols  symbol,
                                      double                  x,
                                      double                  y,
                                      double                  width,
                                      double                  height)
{
  const DeploymentColors *colors;
  const AtlasRgba *halo, *color;
  double cx = x + width / 2, cy = y + height / 2;
  double r = MAX (MIN (width, height) / 2 - 1.5, 1.0);

  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (cr != NULL);

  colors = colors_for (painter);
  halo = &atlas_painter_get_palette (painter)->halo;
  color = symbol & ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE ? &colors->alliance : &colors->national;

  cairo_save (cr);
  if (symbol & ATLAS_DEPLOYMENT_SYMBOL_UNKNOWN)
    draw_diamond (cr, cx, cy, color, halo, FALSE);
  else if (symbol & ATLAS_DEPLOYMENT_SYMBOL_RANGE)
    {
      draw_disc (cr, cx, cy, r, color, NULL, PALE_ALPHA, TRUE);
      draw_disc (cr, cx, cy, r * 0.6, color, halo, SOLID_ALPHA, FALSE);
    }
  else if (symbol & ATLAS_DEPLOYMENT_SYMBOL_COMMITTED)
    draw_disc (cr, cx, cy, r, color, NULL, 0, TRUE);
  else
    draw_disc (cr, cx, cy, r, color, halo, SOLID_ALPHA, FALSE);
  cairo_restore (cr);
}
