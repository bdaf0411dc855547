/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "atlas-geojson-export.h"
#include "geo-test-common.h"


/* Exports @date to a file and reads it back with json-glib. */
static JsonNode *
export_and_parse (AtlasZoneSet *zones,
                  const char   *date_text)
{
  g_autofree char *dir = g_dir_make_tmp ("geo-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "zones.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  AtlasDate date;

  g_assert_true (atlas_date_parse (date_text, -1, &date));
  g_assert_true (atlas_geojson_export (dataset, zones, &date, file, NULL, &error));
  g_assert_no_error (error);

  /* Replaced atomically: nothing else left beside the file. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "zones.geojson");
  g_assert_null (g_dir_read_name (listing));

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  g_unlink (path);
  g_rmdir (dir);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_feature (JsonNode   *root,
              const char *id)
{
  JsonArray *features = json_object_get_array_member (json_node_get_object (root), "features");

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = json_object_get_object_member (feature, "properties");

      if (g_str_equal (json_object_get_string_member (properties, "id"), id))
        return feature;
    }

  return NULL;
}

static JsonObject *
properties_of (JsonObject *feature)
{
  return json_object_get_object_member (feature, "properties");
}

/* Every position of a geometry is a WGS 84 longitude, latitude near
 * Kosovo; returns how many there are. */
static guint
check_positions (JsonNode *node)
{
  JsonArray *array = json_node_get_array (node);
  guint n = 0;

  if (json_array_get_length (array) == 2 &&
      JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)))
    {
      double lon = json_array_get_double_element (array, 0);
      double lat = json_array_get_double_element (array, 1);

      g_assert_cmpfloat (lon, >, 18);
      g_assert_cmpfloat (lon, <, 24);
      g_assert_cmpfloat (lat, >, 40);
      g_assert_cmpfloat (lat, <, 45);
      return 1;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    n += check_positions (json_array_get_element (array, i));
  return n;
}

static void
assert_zone_geometry (JsonObject *feature,
                      const char *type)
{
  JsonObject *geometry = json_object_get_object_member (feature, "geometry");

  g_assert_nonnull (geometry);
  g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, type);
  g_assert_cmpuint (check_positions (json_object_get_member (geometry, "coordinates")), >=, 4);
}

/* The acceptance dates, through the export. */
static void
test_dates (void)
{
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(JsonNode) in_2000 = export_and_parse (zones, "2000-01-01");
  g_autoptr(JsonNode) in_2002 = export_and_parse (zones, "2002-06-01");
  JsonObject *asz, *gsz;

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (in_2000), "type"), ==, "FeatureCollection");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (in_2000), "date"), ==, "2000-01-01");

  asz = find_feature (in_2000, "t-asz");
  gsz = find_feature (in_2000, "t-gsz");
  g_assert_nonnull (asz);
  g_assert_nonnull (gsz);
  g_assert_cmpfloat (json_object_get_double_member (properties_of (asz), "width_km"), ==, 25);
  g_assert_cmpfloat (json_object_get_double_member (properties_of (gsz), "width_km"), ==, 5);
  assert_zone_geometry (asz, "MultiPolygon");
  assert_zone_geometry (gsz, "MultiPolygon");

  asz = find_feature (in_2002, "t-asz");
  g_assert_nonnull (asz);
  g_assert_cmpfloat (json_object_get_double_member (properties_of (asz), "width_km"), ==, 10);
  g_assert_null (find_feature (in_2002, "t-gsz"));

  /* The narrower zone covers less. */
  g_assert_cmpfloat (json_object_get_double_member (properties_of (asz), "area_km2"), <,
                     json_object_get_double_member (properties_of (find_feature (in_2000, "t-asz")), "area_km2") / 2);
}

static void
test_properties (void)
{
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(JsonNode) root = export_and_parse (zones, "2000-01-01");
  JsonObject *asz = properties_of (find_feature (root, "t-asz"));
  JsonObject *rule = json_object_get_object_member (asz, "computed_from");
  JsonObject *source;
  JsonObject *event, *deployment, *place, *names, *box;

  g_assert_cmpstr (json_object_get_string_member (asz, "kind"), ==, "zone");
  g_assert_cmpstr (json_object_get_string_member (asz, "title"), ==, "Air Safety Zone (test)");
  g_assert_cmpstr (json_object_get_string_member (asz, "status"), ==, "in-force");
  g_assert_cmpstr (json_object_get_string_member (asz, "start"), ==, "1999-06-10");
  g_assert_cmpstr (json_object_get_string_member (asz, "end"), ==, "..");
  g_assert_cmpstr (json_object_get_string_member (asz, "certainty"), ==, "certain");
  g_assert_cmpstr (json_object_get_string_member (asz, "description"), ==,
                   "25 km into Serbia and Montenegro, 10 km from 27 December 2001.");
  g_assert_cmpfloat (json_object_get_double_member (asz, "area_km2"), >, 1000);
  g_assert_cmpfloat (json_object_get_double_member (asz, "length_km"), >, 100);

  source = json_array_get_object_element (json_object_get_array_member (asz, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "publisher"), ==, "NATO");
  g_assert_cmpstr (json_object_get_string_member (source, "date"), ==, "1999-06-09");
  g_assert_false (json_object_has_member (source, "url"));

  g_assert_cmpstr (json_object_get_string_member (rule, "type"), ==, "band");
  g_assert_cmpstr (json_object_get_string_member (rule, "side"), ==, "with");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rule, "widths")), ==, 2);

  /* An explicit geometry is passed through, with no rule. */
  box = find_feature (root, "t-box");
  assert_zone_geometry (box, "MultiPolygon");
  g_assert_false (json_object_has_member (properties_of (box), "computed_from"));

  /* Not active on the date: left out. */
  g_assert_null (find_feature (root, "t-green-line"));
  g_assert_null (find_feature (root, "t-boundary-srb"));
  g_assert_null (find_feature (root, "t-deployment-zone"));

  event = find_feature (root, "t-event-2000");
  g_assert_nonnull (event);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "geometry"), "type"), ==, "Point");
  g_assert_cmpstr (json_object_get_string_member (properties_of (event), "category"), ==, "other");

  deployment = properties_of (find_feature (root, "t-deployment"));
  g_assert_cmpstr (json_object_get_string_member (deployment, "nation"), ==, "USA");
  g_assert_cmpstr (json_object_get_string_member (deployment, "hq"), ==, "Camp Bondsteel");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (deployment, "troops"), "min"), ==, 6000);
  g_assert_cmpstr (json_object_get_string_member (deployment, "strength"), ==, "present");

  place = properties_of (find_feature (root, "t-pristina"));
  names = json_object_get_object_member (place, "names");
  g_assert_cmpstr (json_object_get_string_member (names, "sq"), ==, "Prishtinë");
  g_assert_cmpstr (json_object_get_string_member (names, "sr"), ==, "Приштина");
  g_assert_cmpint (json_object_get_int_member (place, "rank"), ==, 1);
}

/* The events of a day are exported that day only; the zone-located
 * deployment when it is active, with its zone. */
static void
test_other_dates (void)
{
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(JsonNode) root = export_and_parse (zones, "2002-06-01");
  JsonObject *deployment = find_feature (root, "t-deployment-zone");

  g_assert_null (find_feature (root, "t-event-2000"));
  g_assert_nonnull (deployment);
  g_assert_true (json_node_is_null (json_object_get_member (deployment, "geometry")));
  g_assert_cmpstr (json_object_get_string_member (properties_of (deployment), "zone"), ==, "t-box");
  g_assert_cmpstr (json_object_get_string_member (properties_of (deployment), "troops"), ==, "unknown");
  g_assert_cmpstr (json_object_get_string_member (properties_of (deployment), "strength"), ==, "committed");
}

/* A proposed line zone is a MultiLineString with a length and no width. */
static void
test_line_zone (void)
{
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(JsonNode) root = export_and_parse (zones, "1999-05-20");
  JsonObject *line = find_feature (root, "t-green-line");

  g_assert_nonnull (line);
  assert_zone_geometry (line, "MultiLineString");
  g_assert_cmpstr (json_object_get_string_member (properties_of (line), "status"), ==, "proposed");
  g_assert_false (json_object_has_member (properties_of (line), "width_km"));
  g_assert_cmpfloat (json_object_get_double_member (properties_of (line), "area_km2"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (properties_of (line), "length_km"), >, 300);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (properties_of (line), "computed_from"),
                                                  "type"), ==, "boundary");
  g_assert_null (find_feature (root, "t-asz"));
}

/* A session's exploration never reaches an export. */
static void
test_historical_widths (void)
{
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(JsonNode) root = NULL;

  atlas_zone_set_set_width_override (zones, "t-asz", 3);
  root = export_and_parse (zones, "2000-01-01");
  g_assert_cmpfloat (json_object_get_double_member (properties_of (find_feature (root, "t-asz")), "width_km"), ==, 25);
}

/* Without a zone set the export makes its own on the bundled base map. */
static void
test_own_zone_set (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AtlasDate date;

  g_assert_true (atlas_date_parse ("2002-06", -1, &date));
  bytes = atlas_geojson_export_bytes (dataset, NULL, &date, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (properties_of (find_feature (json_parser_get_root (parser), "t-asz")),
                                                    "width_km"), ==, 10);
  /* Six decimals at most. */
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0000001"));
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasDate date;

  g_assert_true (atlas_date_parse ("2000-01-01", -1, &date));
  g_cancellable_cancel (cancellable);
  bytes = atlas_geojson_export_bytes (dataset, zones, &date, cancellable, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  geo_test_init (&argc, &argv);

  g_test_add_func ("/geo/geojson-export/dates", test_dates);
  g_test_add_func ("/geo/geojson-export/properties", test_properties);
  g_test_add_func ("/geo/geojson-export/other-dates", test_other_dates);
  g_test_add_func ("/geo/geojson-export/line-zone", test_line_zone);
  g_test_add_func ("/geo/geojson-export/historical-widths", test_historical_widths);
  g_test_add_func ("/geo/geojson-export/own-zone-set", test_own_zone_set);
  g_test_add_func ("/geo/geojson-export/cancelled", test_cancelled);

  return geo_test_run ();
}
