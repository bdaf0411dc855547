/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-zone-rules"

#include "config.h"

#include <math.h>

#include "atlas-basemap-areas.h"
#include "atlas-dataset.h"
#include "atlas-zone-rules.h"

/* Zones referring to zones referring to zones…: deeper than this is a loop
 * (the loader refuses loops already; this only keeps us safe). */
#define MAX_DEPTH 16
/* Metric geometries kept between computations (GEOS memory). */
#define MAX_METRICS 32
/* Boundary lines and band sides kept between computations. */
#define MAX_PARTS 32
/* Lines of an area's boundary closer than this to another area count as
 * shared with it, in metres: areas computed from the base map share its
 * vertices, so only rounding has to be absorbed. */
#define SHARED_BOUNDARY_TOLERANCE 1.0

/* A zone's geometry in the metric projection, with what it was made of. */
typedef struct
{
  GEOSGeometry *geometry;
  GEOSGeometry *spine;           /* a band's boundary line, or NULL */
  double        width_km;        /* NAN unless a band */
  gboolean      exploration;     /* the width is a session override */
} Metric;

struct _AtlasZoneRules
{
  AtlasDataset       *dataset;
  AtlasGeos          *geos;
  AtlasBasemapAreas  *areas;
  GHashTable         *metrics;        /* key → Metric */
  GHashTable         *parts;          /* key → GEOSGeometry: boundaries, sides */
};

static void
metric_free (AtlasGeos *geos,
             Metric    *metric)
{
  atlas_geos_clear (geos, &metric->geometry);
  atlas_geos_clear (geos, &metric->spine);
  g_free (metric);
}

static void
clear_caches (AtlasZoneRules *self,
              gboolean        only_if_full)
{
  GHashTableIter iter;
  gpointer value;

  if (!only_if_full || g_hash_table_size (self->metrics) > MAX_METRICS)
    {
      g_hash_table_iter_init (&iter, self->metrics);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          metric_free (self->geos, value);
          g_hash_table_iter_remove (&iter);
        }
    }

  if (!only_if_full || g_hash_table_size (self->parts) > MAX_PARTS)
    {
      g_hash_table_iter_init (&iter, self->parts);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GEOSGeometry *geometry = value;

          atlas_geos_clear (self->geos, &geometry);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static const Metric *get_metric (AtlasZoneRules           *self,
                                 const AtlasZoneResolver  *resolver,
                                 const char               *zone_id,
                                 guint                     depth,
                                 GError                  **error);

/* An area of a rule: a zone of the dataset (which must be polygons) or a
 * country of the base map. Appends to @key what the area depends on. */
static const GEOSGeometry *
resolve_area (AtlasZoneRules           *self,
              const AtlasZoneResolver  *resolver,
              const char               *ref,
              guint                     depth,
              GString                  *key,
              gboolean                 *is_country,
              GError                  **error)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (self->geos);
  const Metric *metric;
  int type;

  if (!resolver->lookup (resolver->data, ref, NULL, NULL))
    {
      *is_country = TRUE;
      g_string_append_printf (key, "|%s", ref);
      return atlas_basemap_areas_get_country (self->areas, self->geos, ref, error);
    }

  *is_country = FALSE;
  metric = get_metric (self, resolver, ref, depth + 1, error);
  if (metric == NULL)
    return NULL;

  type = GEOSGeomTypeId_r (h, metric->geometry);
  if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_NOT_POLYGONAL,
                   "Zone “%s” is a line; a rule can only use areas", ref);
      return NULL;
    }

  g_string_append_c (key, '|');
  resolver->append_key (resolver->data, ref, key);
  return metric->geometry;
}

/* The part of @area's boundary within a metre of @with, for areas that the
 * base map's borders do not describe (zones). */
static GEOSGeometry *
shared_boundary (AtlasZoneRules      *self,
                 const GEOSGeometry  *area,
                 const GEOSGeometry  *with,
                 GError             **error)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (self->geos);
  GEOSGeometry *boundary = NULL, *clipped = NULL, *near = NULL, *common = NULL, *result = NULL;
  double x0, y0, x1, y1;

  if (!GEOSGeom_getExtent_r (h, area, &x0, &y0, &x1, &y1))
    return atlas_geos_fail (self->geos, "Cannot measure an area", error);

  /* Only the part of @with around @area matters; buffering a whole
   * country would be slow. */
  clipped = GEOSClipByRect_r (h, with, x0 - 100, y0 - 100, x1 + 100, y1 + 100);
  boundary = GEOSBoundary_r (h, area);
  near = clipped != NULL ? GEOSBuffer_r (h, clipped, SHARED_BOUNDARY_TOLERANCE, 2) : NULL;
  common = boundary != NULL && near != NULL ? GEOSIntersection_r (h, boundary, near) : NULL;
  if (common == NULL)
    atlas_geos_fail (self->geos, "Cannot find a shared boundary", error);
  else
    result = atlas_geos_linear (self->geos, common, error);

  atlas_geos_clear (self->geos, &boundary);
  atlas_geos_clear (self->geos, &clipped);
  atlas_geos_clear (self->geos, &near);
  atlas_geos_clear (self->geos, &common);
  return result;
}

/* (transfer none) The boundary a rule follows, merged into as few lines as
 * possible. Countries' borders come from the base map, where they are
 * exactly the countries' shared edges. */
static const GEOSGeometry *
rule_boundary (AtlasZoneRules      *self,
               const AtlasZoneRule *rule,
               const GEOSGeometry  *area,
               GPtrArray           *with,
               gboolean             all_countries,
               const char          *areas_key,
               GError             **error)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (self->geos);
  g_autofree char *key = g_strconcat ("B", areas_key, NULL);
  GEOSGeometry *lines = NULL, *merged;
  double length = 0;

  if ((merged = g_hash_table_lookup (self->parts, key)) != NULL)
    return merged;

  if (all_countries)
    {
      g_autoptr(GPtrArray) borders = g_ptr_array_new ();

      for (guint i = 0; i < rule->n_with; i++)
        {
          const GEOSGeometry *border;
          g_autoptr(GError) local_error = NULL;

          border = atlas_basemap_areas_get_border (self->areas, self->geos, rule->area,
                                                   rule->with[i], &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (border != NULL)
            g_ptr_array_add (borders, (gpointer) border);
        }

      if (borders->len > 0)
        {
          lines = atlas_geos_union (self->geos, (const GEOSGeometry **) borders->pdata, borders->len, error);
          if (lines == NULL)
            return NULL;
        }
    }

  /* Zones, or countries the base map has no border feature for. */
  if (lines == NULL)
    {
      GEOSGeometry *others = atlas_geos_union (self->geos, (const GEOSGeometry **) with->pdata, with->len, error);

      if (others == NULL)
        return NULL;
      lines = shared_boundary (self, area, others, error);
      atlas_geos_clear (self->geos, &others);
      if (lines == NULL)
        return NULL;
    }

  merged = GEOSLineMerge_r (h, lines);
  atlas_geos_clear (self->geos, &lines);
  if (merged == NULL)
    return atlas_geos_fail (self->geos, "Cannot merge boundary lines", error);

  if (GEOSisEmpty_r (h, merged) || !GEOSLength_r (h, merged, &length) || length <= 0)
    {
      g_autofree char *with_list = g_strjoinv (", ", (char **) rule->with);

      atlas_geos_clear (self->geos, &merged);
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_NO_BOUNDARY,
                   "“%s” shares no boundary with %s", rule->area, with_list);
      return NULL;
    }

  g_hash_table_insert (self->parts, g_steal_pointer (&key), merged);
  return merged;
}

/* (transfer none) Where a band may lie: inside the area, the others, or
 * both. */
static const GEOSGeometry *
rule_side (AtlasZoneRules      *self,
           const AtlasZoneRule *rule,
           const GEOSGeometry  *area,
           GPtrArray           *with,
           const char          *areas_key,
           GError             **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GEOSGeometry *side;

  if (rule->side == ATLAS_BAND_SIDE_AREA)
    return area;

  key = g_strdup_printf ("S%d%s", rule->side, areas_key);
  if ((side = g_hash_table_lookup (self->parts, key)) != NULL)
    return side;

  all = g_ptr_array_new ();
  if (rule->side == ATLAS_BAND_SIDE_BOTH)
    g_ptr_array_add (all, (gpointer) area);
  for (guint i = 0; i < with->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (with, i));

  side = atlas_geos_union (self->geos, (const GEOSGeometry **) all->pdata, all->len, error);
  if (side == NULL)
    return NULL;

  g_hash_table_insert (self->parts, g_steal_pointer (&key), side);
  return side;
}

static gboolean
compute_rule (AtlasZoneRules           *self,
              const AtlasZoneResolver  *resolver,
              const AtlasZoneRule      *rule,
              Metric                   *metric,
              guint                     depth,
              GError                  **error)
{
  GEOSContextHandle_t h = atlas_geos_get_handle (self->geos);
  g_autoptr(GString) areas_key = g_string_new (NULL);
  g_autoptr(GPtrArray) with = g_ptr_array_new ();
  const GEOSGeometry *area, *line, *side;
  GEOSGeometry *buffer, *band;
  gboolean all_countries, is_country;

  area = resolve_area (self, resolver, rule->area, depth, areas_key, &all_countries, error);
  if (area == NULL)
    return FALSE;

  for (guint i = 0; i < rule->n_with; i++)
    {
      const GEOSGeometry *other;

      other = resolve_area (self, resolver, rule->with[i], depth, areas_key, &is_country, error);
      if (other == NULL)
        return FALSE;
      all_countries = all_countries && is_country;
      g_ptr_array_add (with, (gpointer) other);
    }

  line = rule_boundary (self, rule, area, with, all_countries, areas_key->str, error);
  if (line == NULL)
    return FALSE;

  if (rule->type == ATLAS_ZONE_RULE_BOUNDARY)
    {
      if ((metric->geometry = GEOSGeom_clone_r (h, line)) == NULL)
        atlas_geos_fail (self->geos, "Cannot copy a line", error);
      return metric->geometry != NULL;
    }

  side = rule_side (self, rule, area, with, areas_key->str, error);
  if (side == NULL)
    return FALSE;

  buffer = atlas_geos_buffer_lines (self->geos, line, metric->width_km * 1000.0, error);
  if (buffer == NULL)
    return FALSE;
  band = GEOSIntersection_r (h, buffer, side);
  atlas_geos_clear (self->geos, &buffer);
  if (band == NULL)
    {
      atlas_geos_fail (self->geos, "Cannot cut the band out of its side", error);
      return FALSE;
    }

  metric->geometry = atlas_geos_polygonal (self->geos, band, error);
  atlas_geos_clear (self->geos, &band);
  metric->spine = GEOSGeom_clone_r (h, line);
  return metric->geometry != NULL;
}

/* (transfer none) A zone's metric geometry, computed or from the cache. */
static const Metric *
get_metric (AtlasZoneRules           *self,
            const AtlasZoneResolver  *resolver,
            const char               *zone_id,
            guint                     depth,
            GError                  **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const AtlasZoneRule *rule = NULL;
  guint position = 0;
  Metric *metric;

  resolver->append_key (resolver->data, zone_id, key);
  if ((metric = g_hash_table_lookup (self->metrics, key->str)) != NULL)
    return metric;

  if (!resolver->lookup (resolver->data, zone_id, &rule, &position))
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_UNKNOWN_AREA,
                   "The dataset has no zone “%s”", zone_id);
      return NULL;
    }
  if (depth > MAX_DEPTH)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_CYCLE,
                   "Zone “%s” is part of a loop of zones referring to each other", zone_id);
      return NULL;
    }

  metric = g_new0 (Metric, 1);
  metric->width_km = resolver->width (resolver->data, zone_id, &metric->exploration);

  if (rule == NULL)
    {
      AtlasGeometry geometry;

      if (!atlas_dataset_get_geometry (self->dataset, ATLAS_KIND_ZONE, position, &geometry))
        g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_NO_GEOMETRY,
                     "Zone “%s” has neither a geometry nor a rule", zone_id);
      else
        metric->geometry = atlas_geos_from_geometry (self->geos, &geometry, atlas_projection_kosovo (), error);
    }
  else
    compute_rule (self, resolver, rule, metric, depth, error);

  if (metric->geometry == NULL)
    {
      g_prefix_error (error, "Zone “%s”: ", zone_id);
      metric_free (self->geos, metric);
      return NULL;
    }

  g_hash_table_insert (self->metrics, g_string_free (g_steal_pointer (&key), FALSE), metric);
  return metric;
}


/**
 * atlas_zone_rules_new:
 *
 * Rules computed on @basemap's countries and borders, for @dataset's zones
 * with explicit geometry.
 */
AtlasZoneRules *
atlas_zone_rules_new (AtlasBasemap *basemap,
                      AtlasDataset *dataset)
{
  AtlasZoneRules *self = g_new0 (AtlasZoneRules, 1);

  self->dataset = g_object_ref (dataset);
  self->geos = atlas_geos_new ();
  self->areas = atlas_basemap_areas_new (basemap, atlas_projection_kosovo ());
  self->metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
atlas_zone_rules_free (AtlasZoneRules *self)
{
  if (self == NULL)
    return;

  clear_caches (self, FALSE);
  g_hash_table_unref (self->metrics);
  g_hash_table_unref (self->parts);
  atlas_basemap_areas_free (self->areas, self->geos);
  atlas_geos_free (self->geos);
  g_object_unref (self->dataset);
  g_free (self);
}

AtlasComputedZone *
atlas_zone_rules_compute (AtlasZoneRules               *self,
                          const AtlasZoneResolver      *resolver,
                          const char                   *zone_id,
                          const AtlasComputedZoneInfo  *info,
                          GError                      **error)
{
  AtlasComputedZoneInfo full = *info;
  const Metric *metric;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (resolver != NULL, NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);

  /* Between computations only: during one, geometries found in the caches
   * are in use. */
  clear_caches (self, TRUE);

  metric = get_metric (self, resolver, zone_id, 0, error);
  if (metric == NULL)
    return NULL;

  full.width_km = metric->width_km;
  full.exploration = metric->exploration;
  full.spine = metric->spine;
  return atlas_computed_zone_new (self->geos, atlas_projection_kosovo (), metric->geometry, &full, error);
}
