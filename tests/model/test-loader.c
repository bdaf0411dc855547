/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "atlas-dataset.h"
#include "atlas-deployment.h"
#include "atlas-diagnostic.h"
#include "atlas-event.h"
#include "atlas-loader.h"
#include "atlas-place.h"
#include "atlas-test-generator.h"
#include "atlas-zone.h"

static AtlasDataset *
load_text (const char *text,
           const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_new_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static char *
diagnostic_text (GListModel *diagnostics,
                 guint       i)
{
  g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

  return atlas_diagnostic_to_string (diagnostic);
}

/* The example of docs/data-format.md: the last ```json block. */
static char *
load_doc_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "data-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *start;
  const char *end;

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  start = g_strrstr (doc, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_doc_example (void)
{
  g_autofree char *text = load_doc_example ();
  g_autoptr(AtlasDataset) dataset = load_text (text, "example.geojson");
  g_autoptr(AtlasFeature) asz = NULL;
  g_autoptr(AtlasFeature) deployment = NULL;
  g_autoptr(AtlasFeature) place = NULL;
  g_autoptr(AtlasFeature) mta = NULL;
  const AtlasZoneRule *rule;
  int min, max;
  double lon, lat;

  /* The documentation's example is valid, without even a warning. */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_diagnostics (dataset)), ==, 0);
  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_EVENT), ==, 2);
  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_ZONE), ==, 3);
  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_DEPLOYMENT), ==, 2);
  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_PLACE), ==, 1);

  asz = atlas_dataset_lookup (dataset, "asz");
  g_assert_true (ATLAS_IS_ZONE (asz));
  g_assert_true (atlas_feature_is_open_ended (asz));
  g_assert_cmpint (atlas_feature_get_end_day (asz), ==, ATLAS_DAY_MAX);
  g_assert_cmpint (atlas_feature_get_certainty (asz), ==, ATLAS_CERTAINTY_PROBABLE);
  rule = atlas_zone_get_rule (ATLAS_ZONE (asz));
  g_assert_nonnull (rule);
  g_assert_cmpint (rule->type, ==, ATLAS_ZONE_RULE_BAND);
  g_assert_cmpstr (rule->area, ==, "XKX");
  g_assert_cmpuint (rule->n_with, ==, 3);
  g_assert_cmpstr (rule->with[2], ==, "MKD");
  g_assert_null (rule->with[3]);
  g_assert_cmpint (rule->side, ==, ATLAS_BAND_SIDE_WITH);
  g_assert_cmpuint (rule->n_widths, ==, 2);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, atlas_day_from_ymd (1999, 6, 9)), ==, 0.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, atlas_day_from_ymd (1999, 6, 10)), ==, 25.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, atlas_day_from_ymd (2001, 12, 26)), ==, 25.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, atlas_day_from_ymd (2001, 12, 27)), ==, 10.0);
  g_assert_cmpuint (atlas_feature_get_n_sources (asz), ==, 1);
  g_assert_cmpstr (atlas_feature_get_source (asz, 0)->publisher, ==, "BBC News");
  g_assert_cmpint (atlas_feature_get_source (asz, 0)->date.day, ==, 27);

  deployment = atlas_dataset_lookup (dataset, "dep-usa-2008");
  g_assert_true (ATLAS_IS_DEPLOYMENT (deployment));
  g_assert_true (atlas_deployment_get_troops (ATLAS_DEPLOYMENT (deployment), &min, &max));
  g_assert_cmpint (min, ==, 1400);
  g_assert_cmpint (max, ==, 1600);
  g_assert_cmpstr (atlas_deployment_get_zone_id (ATLAS_DEPLOYMENT (deployment)), ==, "mnb-east");
  g_assert_cmpstr (atlas_deployment_get_nation (ATLAS_DEPLOYMENT (deployment)), ==, "USA");
  g_assert_cmpint (atlas_deployment_get_strength (ATLAS_DEPLOYMENT (deployment)), ==, ATLAS_STRENGTH_PRESENT);
  g_assert_false (atlas_feature_get_point (deployment, NULL, NULL));
  {
    g_autofree char *dates = atlas_feature_format_dates (deployment);
    g_autofree char *troops = atlas_deployment_format_troops (ATLAS_DEPLOYMENT (deployment));

    g_assert_cmpstr (dates, ==, "October 2008");
    g_assert_cmpstr (troops, ==, "1400–1600");
  }

  place = atlas_dataset_lookup (dataset, "place-pristina");
  g_assert_true (ATLAS_IS_PLACE (place));
  g_assert_cmpstr (atlas_place_get_name (ATLAS_PLACE (place), "sr"), ==, "Приштина");
  g_assert_cmpstr (atlas_place_get_name (ATLAS_PLACE (place), "sr-Latn"), ==, "Priština");
  g_assert_null (atlas_place_get_name (ATLAS_PLACE (place), "de"));
  g_assert_cmpint (atlas_place_get_rank (ATLAS_PLACE (place)), ==, 1);
  g_assert_cmpint (atlas_feature_get_start_day (place), ==, ATLAS_DAY_MIN);
  g_assert_true (atlas_feature_is_active_at (place, 0));
  g_assert_true (atlas_feature_get_point (place, &lon, &lat));
  g_assert_cmpfloat (lon, ==, 21.1622);
  g_assert_cmpfloat (lat, ==, 42.6633);

  mta = atlas_dataset_lookup (dataset, "ev-mta-1999");
  g_assert_true (ATLAS_IS_EVENT (mta));
  g_assert_cmpstr (atlas_feature_get_category (mta), ==, "agreement");
  g_assert_cmpstr (atlas_feature_get_description (mta), ==, "Signed at Kumanovo; in effect from 10 June.");
  g_assert_false (atlas_feature_get_point (mta, NULL, NULL));
}

/* Lists are sorted by start day, then id, and arrays follow the lists. */
static void
test_lists (void)
{
  AtlasTestGeneratorOptions options = { 3000, 200, 200, 100, 5, TRUE };
  g_autoptr(GString) text = atlas_test_generate (&options);
  g_autoptr(AtlasDataset) dataset = load_text (text->str, "generated.geojson");
  GListModel *events = atlas_dataset_get_features (dataset, ATLAS_KIND_EVENT);
  const AtlasFeatureArrays *arrays = atlas_dataset_get_arrays (dataset, ATLAS_KIND_EVENT);
  const char * const *categories;
  guint n_categories;
  guint n_located = 0;

  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);
  g_assert_true (g_list_model_get_item_type (events) == ATLAS_TYPE_EVENT);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3000);
  g_assert_cmpuint (arrays->n_items, ==, 3000);
  g_assert_null (g_list_model_get_item (events, 3000));
  categories = atlas_dataset_get_categories (dataset, &n_categories);
  g_assert_null (categories[0]);
  g_assert_cmpuint (n_categories, ==, 8);

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(AtlasFeature) feature = g_list_model_get_item (events, i);
      g_autoptr(AtlasFeature) again = g_list_model_get_item (events, i);
      double lon, lat;

      /* The same object every time. */
      g_assert_true (feature == again);
      g_assert_cmpuint (atlas_feature_get_position (feature), ==, i);
      g_assert_cmpint (atlas_feature_get_start_day (feature), ==, arrays->start_day[i]);
      g_assert_cmpint (atlas_feature_get_end_day (feature), ==, arrays->end_day[i]);
      g_assert_cmpstr (atlas_feature_get_category (feature), ==, categories[arrays->category[i]]);
      if (i > 0)
        {
          g_autoptr(AtlasFeature) previous = g_list_model_get_item (events, i - 1);

          g_assert_cmpint (arrays->start_day[i - 1], <=, arrays->start_day[i]);
          if (arrays->start_day[i - 1] == arrays->start_day[i])
            g_assert_cmpint (strcmp (atlas_feature_get_id (previous), atlas_feature_get_id (feature)), <, 0);
        }

      if (atlas_feature_get_point (feature, &lon, &lat))
        {
          n_located++;
          g_assert_cmpfloat (arrays->lon[i], ==, lon);
          g_assert_cmpfloat (arrays->lat[i], ==, lat);
          g_assert_cmpfloat_with_epsilon (arrays->x[i], (lon + 180.0) / 360.0, 1e-12);
          g_assert_true (arrays->y[i] > 0.25 && arrays->y[i] < 0.5);
        }
      else
        {
          g_assert_true (isnan (arrays->lon[i]) && isnan (arrays->x[i]) && isnan (arrays->y[i]));
        }
    }
  /* Some events have no location, most have one. */
  g_assert_cmpuint (n_located, >, 2500);
  g_assert_cmpuint (n_located, <, 3000);

  /* Lookups find every kind, and give the list position. */
  {
    g_autoptr(AtlasFeature) zone = atlas_dataset_lookup (dataset, "zone-0000007");
    AtlasFeatureKind kind;
    guint position;

    g_assert_true (ATLAS_IS_ZONE (zone));
    g_assert_true (atlas_dataset_find (dataset, "zone-0000007", &kind, &position));
    g_assert_cmpint (kind, ==, ATLAS_KIND_ZONE);
    g_assert_cmpuint (position, ==, atlas_feature_get_position (zone));
    g_assert_null (atlas_dataset_lookup (dataset, "zone-9999999"));
  }
}

static const char geometry_json[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
  "  [[[20,42],[21,42],[21,43],[20,42]],[[20.2,42.2],[20.4,42.2],[20.4,42.4],[20.2,42.2]]],"
  "  [[[22,41],[23,41],[23,42],[22,41]]]]},"
  " \"properties\":{\"kind\":\"zone\",\"id\":\"multi\",\"title\":\"M\",\"status\":\"proposed\","
  " \"start\":\"1999\",\"end\":\"2000\",\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],"
  " \"certainty\":\"uncertain\"}},"
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":["
  "  [[20,42],[21,42.5,300]],[[19,41],[19.5,41.5],[20,41]]]},"
  " \"properties\":{\"kind\":\"zone\",\"id\":\"lines\",\"title\":\"L\",\"status\":\"in-force\","
  " \"start\":\"1999\",\"end\":\"..\",\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],"
  " \"certainty\":\"certain\"}}"
  "]}";

static void
assert_ring (const AtlasGeometry *geometry,
             guint                ring,
             guint                n_positions,
             double               first_lon,
             double               last_lat)
{
  guint first = atlas_geometry_ring_first_position (geometry, ring);

  g_assert_cmpuint (atlas_geometry_ring_n_positions (geometry, ring), ==, n_positions);
  g_assert_cmpfloat (geometry->coords[2 * first], ==, first_lon);
  g_assert_cmpfloat (geometry->coords[2 * (first + n_positions - 1) + 1], ==, last_lat);
}

static void
test_geometry (void)
{
  g_autoptr(AtlasDataset) dataset = load_text (geometry_json, "geometry.geojson");
  g_autoptr(AtlasFeature) multi = atlas_dataset_lookup (dataset, "multi");
  g_autoptr(AtlasFeature) lines = atlas_dataset_lookup (dataset, "lines");
  AtlasGeometry geometry;
  guint ring;

  g_assert_true (atlas_feature_get_geometry (multi, &geometry));
  g_assert_cmpint (geometry.type, ==, ATLAS_GEOMETRY_MULTI_POLYGON);
  g_assert_cmpuint (geometry.n_parts, ==, 2);
  g_assert_cmpuint (atlas_geometry_part_n_rings (&geometry, 0), ==, 2);
  g_assert_cmpuint (atlas_geometry_part_n_rings (&geometry, 1), ==, 1);
  ring = atlas_geometry_part_first_ring (&geometry, 0);
  assert_ring (&geometry, ring, 4, 20, 42);
  assert_ring (&geometry, ring + 1, 4, 20.2, 42.2);
  assert_ring (&geometry, atlas_geometry_part_first_ring (&geometry, 1), 4, 22, 41);
  g_assert_cmpint (atlas_zone_get_status (ATLAS_ZONE (multi)), ==, ATLAS_ZONE_STATUS_PROPOSED);
  g_assert_null (atlas_zone_get_rule (ATLAS_ZONE (multi)));

  /* Each line of a MultiLineString is a part of one ring; altitude is
   * dropped. */
  g_assert_true (atlas_dataset_get_geometry (dataset, ATLAS_KIND_ZONE,
                                             atlas_feature_get_position (lines), &geometry));
  g_assert_cmpint (geometry.type, ==, ATLAS_GEOMETRY_MULTI_LINE_STRING);
  g_assert_cmpuint (geometry.n_parts, ==, 2);
  g_assert_cmpuint (atlas_geometry_part_n_rings (&geometry, 0), ==, 1);
  assert_ring (&geometry, atlas_geometry_part_first_ring (&geometry, 0), 2, 20, 42.5);
  assert_ring (&geometry, atlas_geometry_part_first_ring (&geometry, 1), 3, 19, 41);
}

static const char merge_a[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"zone\",\"id\":\"z-a\",\"title\":\"Z\","
  " \"status\":\"in-force\",\"start\":\"1999-06\",\"end\":\"..\","
  " \"rule\":{\"type\":\"boundary\",\"area\":\"XKX\",\"with\":[\"SRB\"]},"
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\",\"id\":\"e-1\",\"title\":\"A\","
  " \"start\":\"2001-01-01\",\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],"
  " \"certainty\":\"certain\"}}]}";

static const char merge_b[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"deployment\",\"id\":\"d-b\","
  " \"title\":\"D\",\"nation\":\"FRA\",\"unit\":\"U\",\"troops\":\"unknown\",\"zone\":\"z-a\","
  " \"start\":\"1999-06\",\"end\":\"2000\","
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\",\"id\":\"e-1\",\"title\":\"B\","
  " \"start\":\"1999-01-01\",\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],"
  " \"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\",\"id\":\"e-2\",\"title\":\"C\","
  " \"start\":\"1999-01-01\",\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],"
  " \"certainty\":\"certain\"}}]}";

/* Two files make one dataset: references and duplicates across files. */
static void
test_merge (void)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GBytes) a = g_bytes_new_static (merge_a, sizeof merge_a - 1);
  g_autoptr(GBytes) b = g_bytes_new_static (merge_b, sizeof merge_b - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasFeature) first = NULL;
  g_autoptr(AtlasFeature) second = NULL;
  g_autoptr(AtlasFeature) deployment = NULL;
  g_autofree char *line = NULL;

  atlas_loader_add_bytes (loader, a, "a.geojson");
  atlas_loader_add_bytes (loader, b, "b.geojson");
  dataset = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_EVENT), ==, 2);
  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_ZONE), ==, 1);
  g_assert_cmpuint (atlas_dataset_get_n_features (dataset, ATLAS_KIND_DEPLOYMENT), ==, 1);

  /* The second "e-1" is refused; the first one stays. */
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 1);
  g_assert_cmpuint (atlas_loader_get_n_errors (loader), ==, 1);
  line = diagnostic_text (atlas_dataset_get_diagnostics (dataset), 0);
  g_assert_cmpstr (line, ==, "b.geojson: features[1] (id \"e-1\"): properties.id: "
                             "\"e-1\" is already the id of features[1] in a.geojson");
  g_clear_pointer (&line, g_free);
  line = diagnostic_text (atlas_loader_get_diagnostics (loader), 0);
  g_assert_true (g_str_has_prefix (line, "b.geojson: features[1]"));

  /* Sorted across files: e-2 (1999) before e-1 (2001, from a.geojson). */
  first = atlas_dataset_get_feature (dataset, ATLAS_KIND_EVENT, 0);
  second = atlas_dataset_get_feature (dataset, ATLAS_KIND_EVENT, 1);
  g_assert_cmpstr (atlas_feature_get_id (first), ==, "e-2");
  g_assert_cmpstr (atlas_feature_get_id (second), ==, "e-1");
  g_assert_cmpstr (atlas_feature_get_title (second), ==, "A");

  /* A deployment in b.geojson placed in a zone of a.geojson. */
  deployment = atlas_dataset_lookup (dataset, "d-b");
  g_assert_cmpstr (atlas_deployment_get_zone_id (ATLAS_DEPLOYMENT (deployment)), ==, "z-a");
  g_assert_false (atlas_deployment_get_troops (ATLAS_DEPLOYMENT (deployment), NULL, NULL));
}

static void
test_read_errors (void)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dataset.geojson");
  g_autoptr(GFile) directory = g_file_new_for_path (g_get_tmp_dir ());
  g_autofree char *fifo_path = g_build_filename (g_get_user_cache_dir (), "fifo.geojson", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autofree char *example = load_doc_example ();
  g_autoptr(GBytes) good = g_bytes_new (example, strlen (example));
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  GListModel *diagnostics;
  g_autofree char *line = NULL;

  atlas_loader_add_file (loader, missing, "missing.geojson");
  atlas_loader_add_bytes (loader, good, "good.geojson");
  atlas_loader_add_file (loader, directory, "directory");
  /* Nobody writes to it: opening or reading it would wait for ever. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  atlas_loader_add_file (loader, fifo, "fifo.geojson");
  dataset = atlas_loader_load (loader, NULL, &error);

  /* One unreadable file fails the load, and says which; the others were
   * still read (no diagnostics for the good one). */
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "missing.geojson: "));
  diagnostics = atlas_loader_get_diagnostics (loader);
  g_assert_cmpuint (g_list_model_get_n_items (diagnostics), ==, 3);
  line = diagnostic_text (diagnostics, 0);
  g_assert_cmpstr (line, ==, "missing.geojson: cannot be opened: No such file or directory");
  g_clear_pointer (&line, g_free);
  line = diagnostic_text (diagnostics, 1);
  g_assert_cmpstr (line, ==, "directory: a folder, not a file");
  g_clear_pointer (&line, g_free);
  line = diagnostic_text (diagnostics, 2);
  g_assert_cmpstr (line, ==, "fifo.geojson: not a regular file");
  g_assert_cmpuint (atlas_loader_get_n_errors (loader), ==, 3);
  g_unlink (fifo_path);
}

static void
test_empty_dataset (void)
{
  g_autoptr(AtlasDataset) dataset = atlas_dataset_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  for (AtlasFeatureKind k = 0; k < ATLAS_N_KINDS; k++)
    {
      g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_features (dataset, k)), ==, 0);
      g_assert_cmpuint (atlas_dataset_get_arrays (dataset, k)->n_items, ==, 0);
      atlas_dataset_query_active (dataset, k, 0, positions);
    }
  g_assert_cmpuint (positions->len, ==, 0);
  g_assert_false (atlas_dataset_next_change (dataset, 0, NULL));
  g_assert_false (atlas_dataset_previous_change (dataset, 0, NULL));
  g_assert_false (atlas_dataset_get_time_range (dataset, NULL, NULL));
  g_assert_nonnull (atlas_dataset_get_change_points (dataset, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (atlas_dataset_lookup (dataset, "anything"));
}

/* --- Asynchronous loading ---------------------------------------------- */

typedef struct {
  AtlasDataset *dataset;
  GError       *error;
  gboolean      done;
  GCancellable *cancellable;   /* cancelled at the first progress report */
  double        progress_at_cancel;
  double        last_progress;
  guint         n_progress;
} AsyncState;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;

  state->dataset = atlas_loader_load_finish (ATLAS_LOADER (source), result, &state->error);
  state->done = TRUE;
}

static void
on_progress (AtlasLoader *loader,
             GParamSpec  *pspec,
             AsyncState  *state)
{
  double progress = atlas_loader_get_progress (loader);

  /* Reported on the main thread, and never backwards. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (progress, >=, state->last_progress);
  state->last_progress = progress;
  state->n_progress++;

  if (state->cancellable != NULL && !g_cancellable_is_cancelled (state->cancellable))
    {
      state->progress_at_cancel = progress;
      g_cancellable_cancel (state->cancellable);
    }
}

static GFile *
write_generated (guint n_events)
{
  AtlasTestGeneratorOptions options = { n_events, 10, 10, 10, 11, FALSE };
  g_autoptr(GString) text = atlas_test_generate (&options);

  return atlas_test_write_file ("generated.geojson", text);
}

static void
run_async (AtlasLoader  *loader,
           AsyncState   *state)
{
  g_signal_connect (loader, "notify::progress", G_CALLBACK (on_progress), state);
  atlas_loader_load_async (loader, state->cancellable, on_loaded, state);
  while (!state->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async (void)
{
  g_autoptr(GFile) file = write_generated (50000);
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(AtlasDataset) sync = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  atlas_loader_add_file (loader, file, NULL);
  run_async (loader, &state);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.dataset);
  g_assert_cmpuint (state.n_progress, >, 5);
  g_assert_cmpfloat (atlas_loader_get_progress (loader), ==, 1.0);

  /* The same as a synchronous load. */
  sync = atlas_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  for (AtlasFeatureKind k = 0; k < ATLAS_N_KINDS; k++)
    {
      const AtlasFeatureArrays *a = atlas_dataset_get_arrays (sync, k);
      const AtlasFeatureArrays *b = atlas_dataset_get_arrays (state.dataset, k);

      g_assert_cmpuint (a->n_items, ==, b->n_items);
      g_assert_cmpmem (a->start_day, a->n_items * sizeof (gint32), b->start_day, b->n_items * sizeof (gint32));
    }
  g_assert_cmpuint (atlas_dataset_get_n_features (sync, ATLAS_KIND_EVENT), ==, 50000);
  g_clear_object (&state.dataset);
}

/* A load cancelled in the middle of a file gives no dataset, and the one
 * loaded before is exactly as it was. */
static void
test_cancel (void)
{
  g_autofree char *example = load_doc_example ();
  g_autoptr(AtlasDataset) previous = load_text (example, "example.geojson");
  g_autoptr(GFile) file = write_generated (300000);
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AtlasFeature) first_before = atlas_dataset_get_feature (previous, ATLAS_KIND_EVENT, 0);
  g_autoptr(AtlasFeature) first_after = NULL;
  g_autoptr(AtlasFeature) zone = NULL;
  GListModel *events = atlas_dataset_get_features (previous, ATLAS_KIND_EVENT);
  AsyncState state = { 0 };

  state.cancellable = cancellable;
  atlas_loader_add_file (loader, file, NULL);
  run_async (loader, &state);

  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.dataset);
  g_clear_error (&state.error);
  /* It was stopped part of the way through the file. */
  g_assert_cmpfloat (state.progress_at_cancel, >, 0.0);
  g_assert_cmpfloat (state.progress_at_cancel, <, 0.5);
  g_assert_cmpfloat (atlas_loader_get_progress (loader), <, 1.0);

  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  first_after = g_list_model_get_item (events, 0);
  g_assert_true (first_after == first_before);
  g_assert_cmpstr (atlas_feature_get_id (first_after), ==, "ev-mta-1999");
  g_assert_cmpuint (atlas_dataset_get_n_features (previous, ATLAS_KIND_ZONE), ==, 3);
  /* (transfer full): it keeps the whole dataset alive. */
  zone = atlas_dataset_lookup (previous, "asz");
  g_assert_nonnull (zone);
}

static void
test_cancel_before_start (void)
{
  g_autoptr(GFile) file = write_generated (100);
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };

  g_cancellable_cancel (cancellable);
  atlas_loader_add_file (loader, file, NULL);
  atlas_loader_load_async (loader, cancellable, on_loaded, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.dataset);
  g_clear_error (&state.error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/loader/doc-example", test_doc_example);
  g_test_add_func ("/model/loader/lists", test_lists);
  g_test_add_func ("/model/loader/geometry", test_geometry);
  g_test_add_func ("/model/loader/merge", test_merge);
  g_test_add_func ("/model/loader/read-errors", test_read_errors);
  g_test_add_func ("/model/loader/empty-dataset", test_empty_dataset);
  g_test_add_func ("/model/loader/async", test_async);
  g_test_add_func ("/model/loader/cancel", test_cancel);
  g_test_add_func ("/model/loader/cancel-before-start", test_cancel_before_start);

  return g_test_run ();
}
