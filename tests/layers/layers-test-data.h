/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Small synthetic datasets shared by the painter-level and the widget
 * tests of the event and deployment layers, written as GeoJSON and loaded
 * through the real loader.
 */

#include <math.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-diagnostic.h"
#include "atlas-feature.h"

/* The day every test looks at: 15 March 2000. */
#define TEST_YEAR  2000
#define TEST_MONTH 3
#define TEST_DAY   15

static inline gint32
test_day (int offset)
{
  return atlas_day_from_ymd (TEST_YEAR, TEST_MONTH, TEST_DAY) + offset;
}

/* "YYYY-MM-DD" of D + @offset, or ".." for G_MAXINT. */
static inline char *
test_iso (int offset)
{
  int y, m, d;

  if (offset == G_MAXINT)
    return g_strdup ("..");
  atlas_day_to_ymd (test_day (offset), &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static inline void
begin_feature (GString    *json,
               const char *kind,
               const char *id,
               double      lon,
               double      lat)
{
  if (json->str[json->len - 1] == '}')
    g_string_append (json, ",\n");

  g_string_append (json, "{\"type\":\"Feature\",\"geometry\":");
  if (isnan (lon))
    g_string_append (json, "null");
  else
    {
      char buf_lon[G_ASCII_DTOSTR_BUF_SIZE], buf_lat[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (json, "{\"type\":\"Point\",\"coordinates\":[%s,%s]}",
                              g_ascii_dtostr (buf_lon, sizeof buf_lon, lon),
                              g_ascii_dtostr (buf_lat, sizeof buf_lat, lat));
    }
  g_string_append_printf (json,
                          ",\"properties\":{\"kind\":\"%s\",\"id\":\"%s\",\"title\":\"%s\","
                          "\"certainty\":\"certain\","
                          "\"sources\":[{\"title\":\"Test\",\"publisher\":\"Tests\",\"date\":\"2000\"}]",
                          kind, id, id);
}

/* An event from D + @start to D + @end (exclusive; G_MAXINT for open,
 * G_MININT for none: a one-day event). NAN @lon for no geometry. */
static inline void
add_event (GString    *json,
           const char *id,
           const char *category,
           int         start,
           int         end,
           double      lon,
           double      lat)
{
  g_autofree char *start_iso = test_iso (start);

  begin_feature (json, "event", id, lon, lat);
  g_string_append_printf (json, ",\"start\":\"%s\"", start_iso);
  if (end != G_MININT)
    {
      g_autofree char *end_iso = test_iso (end);
      g_string_append_printf (json, ",\"end\":\"%s\"", end_iso);
    }
  if (category != NULL)
    g_string_append_printf (json, ",\"category\":\"%s\"", category);
  g_string_append (json, "}}");
}

/* A deployment; @troops is raw JSON ("5000", "\"unknown\"", "{…}"), @zone
 * an id when @lon is NAN. */
static inline void
add_deployment (GString    *json,
                const char *id,
                const char *nation,
                const char *troops,
                gboolean    committed,
                int         start,
                int         end,
                double      lon,
                double      lat,
                const char *zone)
{
  g_autofree char *start_iso = test_iso (start);
  g_autofree char *end_iso = test_iso (end);

  begin_feature (json, "deployment", id, lon, lat);
  g_string_append_printf (json,
                          ",\"nation\":\"%s\",\"unit\":\"Unit %s\",\"troops\":%s,"
                          "\"strength\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"",
                          nation, id, troops, committed ? "committed" : "present",
                          start_iso, end_iso);
  if (zone != NULL)
    g_string_append_printf (json, ",\"zone\":\"%s\"", zone);
  g_string_append (json, "}}");
}

static inline GString *
begin_collection (void)
{
  return g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[\n");
}

static inline AtlasDataset *
finish_collection (GString *json)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  g_string_append (json, "\n]}\n");
  bytes = g_string_free_to_bytes (json);
  dataset = atlas_dataset_new_from_bytes (bytes, "test.geojson", &error);
  g_assert_no_error (error);
  if (atlas_dataset_get_n_errors (dataset) > 0)
    {
      GListModel *diagnostics = atlas_dataset_get_diagnostics (dataset);

      for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
        {
          g_autoptr(AtlasDiagnostic) d = g_list_model_get_item (diagnostics, i);
          g_autofree char *text = atlas_diagnostic_to_string (d);

          g_test_message ("%s", text);
        }
    }
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);
  return dataset;
}

/*
 * Events around D (Pristina and a few km east):
 *   e-day        D only                       shown in every window
 *   e-ends-on-d  D-3 .. D (not D itself)      trailing ≥ 2, cumulative
 *   e-tomorrow   D+1                          never on D
 *   e-edge-6     D-6 only                     trailing ≥ 7
 *   e-edge-7     D-7 only                     trailing ≥ 8
 *   e-old-10     D-10 only                    trailing ≥ 11
 *   e-old-100    D-100 only                   cumulative
 *   e-long       D-400 .. open                always
 *   e-nowhere    D, no geometry               never on the map
 */
static inline AtlasDataset *
create_event_dataset (void)
{
  GString *json = begin_collection ();

  add_event (json, "e-day", "military", 0, G_MININT, 21.16, 42.66);
  add_event (json, "e-ends-on-d", "political", -3, 0, 21.26, 42.66);
  add_event (json, "e-tomorrow", "unrest", 1, G_MININT, 21.16, 42.56);
  add_event (json, "e-edge-6", "agreement", -6, G_MININT, 21.06, 42.66);
  add_event (json, "e-edge-7", "visit", -7, G_MININT, 21.16, 42.76);
  add_event (json, "e-old-10", NULL, -10, G_MININT, 21.36, 42.66);
  add_event (json, "e-old-100", "custom-category", -100, G_MININT, 20.96, 42.66);
  add_event (json, "e-long", "humanitarian", -400, G_MAXINT, 21.16, 42.46);
  add_event (json, "e-nowhere", "political", 0, G_MININT, NAN, NAN);

  return finish_collection (json);
}

/*
 * Deployments around D:
 *   d-big       USA 5000 present, D-10 .. D+10, at P
 *   d-small     USA  800 present, D-10 .. D+10, at P (same place)
 *   d-pledged   GBR 3000 committed, D-10 .. D+10, at Q
 *   d-range     NATO 4000–9000 present, D .. D+1, at R
 *   d-unknown   FRA unknown, D-10 .. D+10, at S
 *   d-ended     ITA 700, D-10 .. D (ends on D), at S
 *   d-in-box    DEU 1200 in zone z-box (a polygon), D-10 .. D+10
 *   d-in-rule   DEU 900 in zone z-rule (computed), D-10 .. D+10
 */
#define P_LON 20.40
#define P_LAT 42.60
#define Q_LON 21.50
#define Q_LAT 42.30
#define R_LON 21.50
#define R_LAT 42.95
#define S_LON 20.40
#define S_LAT 42.15
#define BOX_W 20.80
#define BOX_E 21.10
#define BOX_S 42.50
#define BOX_N 42.70

static inline AtlasDataset *
create_deployment_dataset (void)
{
  GString *json = begin_collection ();
  g_autofree char *from = test_iso (-10);
  g_autofree char *to = test_iso (10);
  char w[G_ASCII_DTOSTR_BUF_SIZE], e[G_ASCII_DTOSTR_BUF_SIZE];
  char s[G_ASCII_DTOSTR_BUF_SIZE], n[G_ASCII_DTOSTR_BUF_SIZE];

  add_deployment (json, "d-big", "USA", "5000", FALSE, -10, 10, P_LON, P_LAT, NULL);
  add_deployment (json, "d-small", "USA", "800", FALSE, -10, 10, P_LON, P_LAT, NULL);
  add_deployment (json, "d-pledged", "GBR", "3000", TRUE, -10, 10, Q_LON, Q_LAT, NULL);
  add_deployment (json, "d-range", "NATO", "{\"min\":4000,\"max\":9000}", FALSE, 0, 1, R_LON, R_LAT, NULL);
  add_deployment (json, "d-unknown", "FRA", "\"unknown\"", FALSE, -10, 10, S_LON, S_LAT, NULL);
  add_deployment (json, "d-ended", "ITA", "700", FALSE, -10, 0, S_LON, S_LAT, NULL);
  add_deployment (json, "d-in-box", "DEU", "1200", FALSE, -10, 10, NAN, NAN, "z-box");
  add_deployment (json, "d-in-rule", "DEU", "900", FALSE, -10, 10, NAN, NAN, "z-rule");

  g_ascii_dtostr (w, sizeof w, BOX_W);
  g_ascii_dtostr (e, sizeof e, BOX_E);
  g_ascii_dtostr (s, sizeof s, BOX_S);
  g_ascii_dtostr (n, sizeof n, BOX_N);
  g_string_append_printf (json,
                          ",\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                          "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]},"
                          "\"properties\":{\"kind\":\"zone\",\"id\":\"z-box\",\"title\":\"Box\","
                          "\"status\":\"in-force\",\"start\":\"%s\",\"end\":\"%s\",\"certainty\":\"certain\","
                          "\"sources\":[{\"title\":\"Test\",\"publisher\":\"Tests\",\"date\":\"2000\"}]}}",
                          w, s, e, s, e, n, w, n, w, s, from, to);
  g_string_append_printf (json,
                          ",\n{\"type\":\"Feature\",\"geometry\":null,"
                          "\"properties\":{\"kind\":\"zone\",\"id\":\"z-rule\",\"title\":\"Band\","
                          "\"status\":\"in-force\",\"start\":\"%s\",\"end\":\"%s\",\"certainty\":\"certain\","
                          "\"rule\":{\"type\":\"band\",\"area\":\"XKX\",\"with\":[\"SRB\"],\"side\":\"with\",\"width_km\":5},"
                          "\"sources\":[{\"title\":\"Test\",\"publisher\":\"Tests\",\"date\":\"2000\"}]}}",
                          from, to);

  return finish_collection (json);
}

static inline int
compare_id_pointers (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The ids of features of @kind at @positions, sorted, joined by spaces. */
static inline char *
ids_of (AtlasDataset     *dataset,
        AtlasFeatureKind  kind,
        const guint      *positions,
        guint             n_positions)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_positions; i++)
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (dataset, kind, positions[i]);

      g_ptr_array_add (ids, g_strdup (atlas_feature_get_id (feature)));
    }
  g_ptr_array_sort (ids, compare_id_pointers);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (" ", (char **) ids->pdata);
}

static inline guint
position_of (AtlasDataset *dataset,
             const char   *id)
{
  AtlasFeatureKind kind;
  guint position;

  g_assert_true (atlas_dataset_find (dataset, id, &kind, &position));
  return position;
}
