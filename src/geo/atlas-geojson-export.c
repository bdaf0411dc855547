/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-geojson-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-deployment.h"
#include "atlas-geojson-export.h"
#include "atlas-replace-file.h"
#include "atlas-place.h"
#include "atlas-zone.h"

/* JSON is written by hand rather than through a DOM: the output is
 * streamed into one buffer, numbers get the precision they deserve (six
 * decimals of a degree, not seventeen digits) and features stay one per
 * line for readable diffs. */

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* A number with at most @decimals decimals and no trailing zeros. */
static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *end;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  g_string_append (out, buffer);
}

static void
append_member (GString    *out,
               const char *name)
{
  if (out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  append_string (out, name);
  g_string_append_c (out, ':');
}

static void
append_string_member (GString    *out,
                      const char *name,
                      const char *value)
{
  if (value == NULL)
    return;
  append_member (out, name);
  append_string (out, value);
}

static void
append_date_member (GString         *out,
                    const char      *name,
                    const AtlasDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL || !atlas_date_is_set (date))
    return;
  text = atlas_date_to_string (date);
  append_string_member (out, name, text);
}

/* Geometry ------------------------------------------------------------------ */

static void
append_ring (GString             *out,
             const AtlasGeometry *geometry,
             guint                ring)
{
  guint first = atlas_geometry_ring_first_position (geometry, ring);
  guint n = atlas_geometry_ring_n_positions (geometry, ring);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      append_number (out, geometry->coords[2 * (first + i)], 6);
      g_string_append_c (out, ',');
      append_number (out, geometry->coords[2 * (first + i) + 1], 6);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

/* The rings of part @part, as an array (a polygon, or a line's one ring). */
static void
append_part (GString             *out,
             const AtlasGeometry *geometry,
             guint                part,
             gboolean             as_array)
{
  guint first = atlas_geometry_part_first_ring (geometry, part);
  guint n = atlas_geometry_part_n_rings (geometry, part);

  if (as_array)
    g_string_append_c (out, '[');
  for (guint r = 0; r < n; r++)
    {
      if (r > 0)
        g_string_append_c (out, ',');
      append_ring (out, geometry, first + r);
    }
  if (as_array)
    g_string_append_c (out, ']');
}

static void
append_geometry (GString             *out,
                 const AtlasGeometry *geometry)
{
  gboolean multi = geometry->type == ATLAS_GEOMETRY_MULTI_POLYGON ||
                   geometry->type == ATLAS_GEOMETRY_MULTI_LINE_STRING;

  if (geometry->type == ATLAS_GEOMETRY_NONE)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append (out, "{\"type\":");
  append_string (out, atlas_geometry_type_to_string (geometry->type));
  g_string_append (out, ",\"coordinates\":");

  if (geometry->type == ATLAS_GEOMETRY_POINT)
    {
      guint i = atlas_geometry_ring_first_position (geometry, atlas_geometry_part_first_ring (geometry, 0));

      g_string_append_c (out, '[');
      append_number (out, geometry->coords[2 * i], 6);
      g_string_append_c (out, ',');
      append_number (out, geometry->coords[2 * i + 1], 6);
      g_string_append_c (out, ']');
    }
  else if (multi)
    {
      g_string_append_c (out, '[');
      for (guint p = 0; p < geometry->n_parts; p++)
        {
          if (p > 0)
            g_string_append_c (out, ',');
          append_part (out, geometry, p, geometry->type == ATLAS_GEOMETRY_MULTI_POLYGON);
        }
      g_string_append_c (out, ']');
    }
  else
    append_part (out, geometry, 0, geometry->type == ATLAS_GEOMETRY_POLYGON);

  g_string_append_c (out, '}');
}

/* Properties ------------------------------------------------------------------ */

static void
append_common (GString      *out,
               AtlasFeature *feature)
{
  guint n_sources = atlas_feature_get_n_sources (feature);

  append_string_member (out, "kind", atlas_feature_kind_to_string (atlas_feature_get_kind (feature)));
  append_string_member (out, "id", atlas_feature_get_id (feature));
  append_string_member (out, "title", atlas_feature_get_title (feature));
  append_string_member (out, "description", atlas_feature_get_description (feature));
  append_string_member (out, "category", atlas_feature_get_category (feature));
  append_string_member (out, "certainty", atlas_certainty_to_string (atlas_feature_get_certainty (feature)));
  append_date_member (out, "start", atlas_feature_get_start (feature));
  if (atlas_feature_is_open_ended (feature))
    append_string_member (out, "end", "..");
  else
    append_date_member (out, "end", atlas_feature_get_end (feature));

  append_member (out, "sources");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_sources; i++)
    {
      const AtlasSource *source = atlas_feature_get_source (feature, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      append_string_member (out, "title", source->title);
      append_string_member (out, "publisher", source->publisher);
      append_date_member (out, "date", &source->date);
      append_string_member (out, "url", source->url);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
append_rule (GString             *out,
             const AtlasZoneRule *rule)
{
  static const char * const sides[] = { "area", "with", "both" };

  append_member (out, "computed_from");
  g_string_append_c (out, '{');
  append_string_member (out, "type", rule->type == ATLAS_ZONE_RULE_BAND ? "band" : "boundary");
  append_string_member (out, "area", rule->area);
  append_member (out, "with");
  g_string_append_c (out, '[');
  for (guint i = 0; i < rule->n_with; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, rule->with[i]);
    }
  g_string_append_c (out, ']');

  if (rule->type == ATLAS_ZONE_RULE_BAND)
    {
      append_string_member (out, "side", sides[CLAMP ((int) rule->side, 0, 2)]);
      if (rule->n_widths == 1 && !atlas_date_is_set (&rule->widths[0].date))
        {
          append_member (out, "width_km");
          append_number (out, rule->widths[0].width_km, 6);
        }
      else
        {
          append_member (out, "widths");
          g_string_append_c (out, '[');
          for (guint i = 0; i < rule->n_widths; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              g_string_append_c (out, '{');
              append_date_member (out, "from", &rule->widths[i].date);
              append_member (out, "width_km");
              append_number (out, rule->widths[i].width_km, 6);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
    }

  g_string_append_c (out, '}');
}

static void
append_zone (GString      *out,
             AtlasZoneSet *zones,
             AtlasZone    *zone,
             gint32        day)
{
  AtlasFeature *feature = ATLAS_FEATURE (zone);
  const AtlasZoneRule *rule = atlas_zone_get_rule (zone);
  g_autoptr(AtlasComputedZone) computed = NULL;
  g_autoptr(GError) error = NULL;
  AtlasGeometry geometry = { 0 };

  computed = atlas_zone_set_compute (zones, atlas_feature_get_id (feature), day,
                                     ATLAS_ZONE_COMPUTE_HISTORICAL, &error);
  if (computed != NULL)
    atlas_computed_zone_get_lonlat (computed, &geometry);
  else
    g_warning ("Zone “%s” is exported without geometry: %s", atlas_feature_get_id (feature), error->message);

  g_string_append (out, "{\"type\":\"Feature\",\"geometry\":");
  append_geometry (out, &geometry);
  g_string_append (out, ",\"properties\":{");
  append_common (out, feature);
  append_string_member (out, "status",
                        atlas_zone_get_status (zone) == ATLAS_ZONE_STATUS_PROPOSED ? "proposed" : "in-force");

  if (computed != NULL)
    {
      if (!isnan (atlas_computed_zone_get_width_km (computed)))
        {
          append_member (out, "width_km");
          append_number (out, atlas_computed_zone_get_width_km (computed), 6);
        }
      append_member (out, "area_km2");
      append_number (out, atlas_computed_zone_get_area_km2 (computed), 3);
      append_member (out, "length_km");
      append_number (out, atlas_computed_zone_get_length_km (computed), 3);
    }
  else
    append_string_member (out, "computation_error", error->message);

  if (rule != NULL)
    append_rule (out, rule);

  g_string_append (out, "}}");
}

static void
append_deployment (GString         *out,
                   AtlasDeployment *deployment)
{
  int min, max;

  append_string_member (out, "nation", atlas_deployment_get_nation (deployment));
  append_string_member (out, "unit", atlas_deployment_get_unit (deployment));
  append_string_member (out, "hq", atlas_deployment_get_hq (deployment));
  append_string_member (out, "zone", atlas_deployment_get_zone_id (deployment));
  append_member (out, "troops");
  if (!atlas_deployment_get_troops (deployment, &min, &max))
    append_string (out, "unknown");
  else if (min == max)
    g_string_append_printf (out, "%d", min);
  else
    g_string_append_printf (out, "{\"min\":%d,\"max\":%d}", min, max);
  append_string_member (out, "strength",
                        atlas_deployment_get_strength (deployment) == ATLAS_STRENGTH_COMMITTED
                        ? "committed" : "present");
}

static void
append_place (GString    *out,
              AtlasPlace *place)
{
  const AtlasPlaceName *names;
  guint n_names;

  names = atlas_place_get_names (place, &n_names);
  append_member (out, "names");
  g_string_append_c (out, '{');
  for (guint i = 0; i < n_names; i++)
    append_string_member (out, names[i].lang, names[i].name);
  g_string_append_c (out, '}');
  if (atlas_place_get_rank (place) > 0)
    {
      append_member (out, "rank");
      g_string_append_printf (out, "%d", atlas_place_get_rank (place));
    }
}

static void
append_feature (GString      *out,
                AtlasFeature *feature)
{
  AtlasGeometry geometry = { 0 };

  if (!atlas_feature_get_geometry (feature, &geometry))
    geometry.type = ATLAS_GEOMETRY_NONE;

  g_string_append (out, "{\"type\":\"Feature\",\"geometry\":");
  append_geometry (out, &geometry);
  g_string_append (out, ",\"properties\":{");
  append_common (out, feature);
  if (ATLAS_IS_DEPLOYMENT (feature))
    append_deployment (out, ATLAS_DEPLOYMENT (feature));
  else if (ATLAS_IS_PLACE (feature))
    append_place (out, ATLAS_PLACE (feature));
  g_string_append (out, "}}");
}

/* Export ---------------------------------------------------------------------- */

/**
 * atlas_geojson_export_bytes:
 * @date: the date to export; its first day when it is a month or a year
 *
 * The features active on @date as GeoJSON (see the header).
 *
 * Returns: (transfer full): UTF-8 text, or %NULL with @error set
 */
GBytes *
atlas_geojson_export_bytes (AtlasDataset     *dataset,
                            AtlasZoneSet     *zones,
                            const AtlasDate  *date,
                            GCancellable     *cancellable,
                            GError          **error)
{
  static const AtlasFeatureKind kinds[] = {
    ATLAS_KIND_ZONE, ATLAS_KIND_EVENT, ATLAS_KIND_DEPLOYMENT, ATLAS_KIND_PLACE,
  };
  g_autoptr(AtlasZoneSet) own_zones = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *date_text = NULL;
  gboolean first = TRUE;
  gint32 day;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (!zones || ATLAS_IS_ZONE_SET (zones), NULL);
  g_return_val_if_fail (date != NULL && atlas_date_is_set (date), NULL);
  g_return_val_if_fail (!zones || atlas_zone_set_get_dataset (zones) == dataset, NULL);

  if (zones == NULL)
    {
      g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_resources (error);

      if (basemap == NULL)
        return NULL;
      zones = own_zones = atlas_zone_set_new (basemap, dataset);
    }

  day = atlas_date_get_first_day (date);
  date_text = atlas_date_to_string (date);
  out = g_string_sized_new (64 * 1024);
  g_string_append (out, "{\"type\":\"FeatureCollection\",\"date\":");
  append_string (out, date_text);
  g_string_append (out, ",\"features\":[");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

      atlas_dataset_query_active (dataset, kinds[k], day, positions);
      for (guint i = 0; i < positions->len; i++)
        {
          g_autoptr(AtlasFeature) feature = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;

          feature = atlas_dataset_get_feature (dataset, kinds[k], g_array_index (positions, guint, i));
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          if (kinds[k] == ATLAS_KIND_ZONE)
            append_zone (out, zones, ATLAS_ZONE (feature), day);
          else
            append_feature (out, feature);
        }
    }

  g_string_append (out, "\n]}\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * atlas_geojson_export:
 * @file: where to write; replaced atomically
 *
 * Writes atlas_geojson_export_bytes() to @file. Blocks: call it from the
 * command line or a worker thread.
 */
gboolean
atlas_geojson_export (AtlasDataset     *dataset,
                      AtlasZoneSet     *zones,
                      const AtlasDate  *date,
                      GFile            *file,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = atlas_geojson_export_bytes (dataset, zones, date, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  /* Not g_file_replace_contents(): on a full disk GIO renamed the partly
   * written file over the old one. */
  return atlas_replace_file_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      cancellable, error);
}
