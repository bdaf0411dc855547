/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-basemap-areas"

#include "config.h"

#include <string.h>

#include "atlas-basemap.h"
#include "atlas-basemap-areas.h"

struct _AtlasBasemapAreas
{
  AtlasBasemap    *basemap;
  AtlasProjection  projection;
  GHashTable      *geometries;   /* "XKX" or "XKX-SRB" → GEOSGeometry; NULL value: no border */
};

AtlasBasemapAreas *
atlas_basemap_areas_new (AtlasBasemap          *basemap,
                         const AtlasProjection *projection)
{
  AtlasBasemapAreas *areas;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (projection != NULL, NULL);

  areas = g_new0 (AtlasBasemapAreas, 1);
  areas->basemap = g_object_ref (basemap);
  areas->projection = *projection;
  areas->geometries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return areas;
}

void
atlas_basemap_areas_free (AtlasBasemapAreas *areas,
                          AtlasGeos         *geos)
{
  GHashTableIter iter;
  gpointer value;

  if (areas == NULL)
    return;

  g_hash_table_iter_init (&iter, areas->geometries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GEOSGeometry *geometry = value;
      atlas_geos_clear (geos, &geometry);
    }
  g_hash_table_unref (areas->geometries);
  g_object_unref (areas->basemap);
  g_free (areas);
}

gboolean
atlas_basemap_areas_has_country (AtlasBasemapAreas *areas,
                                 const char        *iso3)
{
  return atlas_basemap_lookup_country (areas->basemap, iso3) != NULL;
}

/* The shape's full-resolution parts, which is what its lonlat array holds. */
static const AtlasPath *
full_path (const AtlasShape *shape)
{
  return &shape->levels[ATLAS_BASEMAP_N_LEVELS - 1];
}

const GEOSGeometry *
atlas_basemap_areas_get_country (AtlasBasemapAreas  *areas,
                                 AtlasGeos          *geos,
                                 const char         *iso3,
                                 GError            **error)
{
  const AtlasShape *shape;
  GEOSGeometry *geometry;

  if (g_hash_table_lookup_extended (areas->geometries, iso3, NULL, (gpointer *) &geometry))
    return geometry;

  shape = atlas_basemap_lookup_country (areas->basemap, iso3);
  if (shape == NULL || !shape->closed)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_UNKNOWN_AREA,
                   "The base map has no country “%s”", iso3);
      return NULL;
    }

  geometry = atlas_geos_polygon_from_rings (geos, shape->lonlat, full_path (shape)->offsets,
                                            full_path (shape)->n_parts, &areas->projection, error);
  if (geometry == NULL)
    {
      g_prefix_error (error, "Country “%s”: ", iso3);
      return NULL;
    }

  g_hash_table_insert (areas->geometries, g_strdup (iso3), geometry);
  return geometry;
}

const GEOSGeometry *
atlas_basemap_areas_get_border (AtlasBasemapAreas  *areas,
                                AtlasGeos          *geos,
                                const char         *iso3_a,
                                const char         *iso3_b,
                                GError            **error)
{
  g_autofree char *key = NULL;
  const AtlasShape *shape;
  GEOSGeometry *geometry = NULL;

  /* One key for both orders. */
  key = strcmp (iso3_a, iso3_b) < 0
        ? g_strdup_printf ("%s-%s", iso3_a, iso3_b)
        : g_strdup_printf ("%s-%s", iso3_b, iso3_a);

  if (g_hash_table_lookup_extended (areas->geometries, key, NULL, (gpointer *) &geometry))
    return geometry;

  shape = atlas_basemap_lookup_border (areas->basemap, iso3_a, iso3_b);
  if (shape != NULL)
    {
      geometry = atlas_geos_lines_from_parts (geos, shape->lonlat, full_path (shape)->offsets,
                                              full_path (shape)->n_parts, &areas->projection, error);
      if (geometry == NULL)
        {
          g_prefix_error (error, "Border %s: ", key);
          return NULL;
        }
    }

  g_hash_table_insert (areas->geometries, g_steal_pointer (&key), geometry);
  return geometry;
}
