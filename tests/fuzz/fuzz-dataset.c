/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "atlas-fuzz-dataset"

#include "config.h"

#include "atlas-dataset.h"
#include "atlas-diagnostic.h"
#include "fuzz-target.h"

/*
 * Bytes as a dataset file: atlas_dataset_new_from_bytes(), the path every
 * opened, dropped or validated file takes. Besides the sanitizers, the
 * oracle is the loader's contract: a result or a GError of our domain with
 * a message, never both; diagnostics that print; a dataset whose every
 * feature, geometry and time query stays inside its own arrays.
 */

/* Text that a label can show: valid UTF-8 (which rules out overlong
 * forms, surrogates and code points past U+10FFFF, as the loader must). */
static gboolean
is_text (const char *text)
{
  return g_utf8_validate (text, -1, NULL);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init_glib ();
  return 0;
}

static void
check_diagnostics (AtlasDataset *dataset)
{
  GListModel *diagnostics = atlas_dataset_get_diagnostics (dataset);
  guint n = g_list_model_get_n_items (diagnostics);

  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset) + atlas_dataset_get_n_warnings (dataset), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);
      g_autofree char *line = atlas_diagnostic_to_string (diagnostic);

      g_assert_nonnull (line);
      g_assert_true (is_text (line));
      g_assert_true (g_str_has_prefix (line, "fuzz"));
    }
}

static void
check_geometry (const AtlasGeometry *geometry)
{
  for (guint p = 0; p < geometry->n_parts; p++)
    {
      guint first_ring = atlas_geometry_part_first_ring (geometry, p);
      guint n_rings = atlas_geometry_part_n_rings (geometry, p);

      for (guint r = first_ring; r < first_ring + n_rings; r++)
        {
          guint first = atlas_geometry_ring_first_position (geometry, r);
          guint n = atlas_geometry_ring_n_positions (geometry, r);

          g_assert_cmpuint (n, >, 0);
          for (guint i = first; i < first + n; i++)
            {
              double lon = geometry->coords[2 * i];
              double lat = geometry->coords[2 * i + 1];

              g_assert_true (lon >= -180.0 && lon <= 180.0);
              g_assert_true (lat >= -90.0 && lat <= 90.0);
            }
        }
    }
}

static void
check_kind (AtlasDataset     *dataset,
            AtlasFeatureKind  kind)
{
  guint n = atlas_dataset_get_n_features (dataset, kind);
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_features (dataset, kind)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (dataset, kind, i);
      g_autofree char *dates = atlas_feature_format_dates (feature);
      AtlasGeometry geometry;
      AtlasFeatureKind found_kind;
      guint found_position;

      g_assert_cmpint (atlas_feature_get_kind (feature), ==, kind);
      g_assert_true (is_text (atlas_feature_get_id (feature)));
      g_assert_true (is_text (atlas_feature_get_title (feature)));
      g_assert_true (atlas_feature_get_description (feature) == NULL ||
                     is_text (atlas_feature_get_description (feature)));
      g_assert_true (atlas_feature_get_category (feature) == NULL ||
                     is_text (atlas_feature_get_category (feature)));
      g_assert_true (is_text (dates));
      g_assert_cmpuint (atlas_feature_get_position (feature), ==, i);
      g_assert_true (atlas_feature_get_start_day (feature) < atlas_feature_get_end_day (feature));
      g_assert_nonnull (dates);
      g_assert_cmpuint (atlas_feature_get_n_sources (feature), >, 0);

      /* Ids are unique in the dataset and find their feature back. */
      g_assert_true (atlas_dataset_find (dataset, atlas_feature_get_id (feature),
                                         &found_kind, &found_position));
      g_assert_cmpint (found_kind, ==, kind);
      g_assert_cmpuint (found_position, ==, i);

      if (atlas_dataset_get_geometry (dataset, kind, i, &geometry))
        check_geometry (&geometry);

      /* Whatever day it starts on, the time index must find it there. */
      if (atlas_feature_get_start_day (feature) != ATLAS_DAY_MIN)
        {
          gint32 day = atlas_feature_get_start_day (feature);
          gboolean seen = FALSE;

          g_array_set_size (active, 0);
          atlas_dataset_query_active (dataset, kind, day, active);
          for (guint j = 0; j < active->len; j++)
            {
              guint position = g_array_index (active, guint, j);

              g_assert_cmpuint (position, <, n);
              seen |= position == i;
            }
          g_assert_true (seen);
        }
    }
}

static void
check_dataset (AtlasDataset *dataset)
{
  const gint32 *points;
  guint n_points;
  gint32 first, last, next;

  check_diagnostics (dataset);

  for (guint kind = 0; kind < ATLAS_N_KINDS; kind++)
    check_kind (dataset, kind);

  points = atlas_dataset_get_change_points (dataset, &n_points);
  for (guint i = 1; i < n_points; i++)
    g_assert_cmpint (points[i - 1], <, points[i]);

  if (atlas_dataset_get_time_range (dataset, &first, &last))
    {
      g_assert_cmpint (first, <=, last);
      g_assert_false (atlas_dataset_previous_change (dataset, first, &next));
      g_assert_false (atlas_dataset_next_change (dataset, last, &next));
      if (first < last)
        {
          g_assert_true (atlas_dataset_next_change (dataset, first, &next));
          g_assert_cmpint (next, >, first);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = atlas_dataset_new_from_bytes (bytes, "fuzz.geojson", &error);

  if (dataset == NULL)
    {
      /* A file-level error: ours, with a message that names the file. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == ATLAS_DATASET_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.geojson"));
      g_assert_true (is_text (error->message));
      return 0;
    }

  g_assert_null (error);
  check_dataset (dataset);
  return 0;
}
