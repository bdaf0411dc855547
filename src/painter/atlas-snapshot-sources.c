/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-snapshot"

#include "config.h"

#include "atlas-feature.h"
#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-sources.h"

typedef struct
{
  const char *name;
  guint       count;
  guint       first_seen;
} Credit;

static int
compare_credits (gconstpointer a,
                 gconstpointer b)
{
  const Credit *ca = *(const Credit * const *) a;
  const Credit *cb = *(const Credit * const *) b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  return ca->first_seen < cb->first_seen ? -1 : ca->first_seen > cb->first_seen;
}

static void
count_feature (AtlasFeature *feature,
               GHashTable   *credits)
{
  for (guint i = 0; i < atlas_feature_get_n_sources (feature); i++)
    {
      const AtlasSource *source = atlas_feature_get_source (feature, i);
      const char *name = source->publisher != NULL ? source->publisher : source->title;
      Credit *credit;

      if (name == NULL)
        continue;

      if ((credit = g_hash_table_lookup (credits, name)) == NULL)
        {
          credit = g_new0 (Credit, 1);
          credit->name = name;
          credit->first_seen = g_hash_table_size (credits);
          g_hash_table_insert (credits, (gpointer) name, credit);
        }
      credit->count++;
    }
}

static void
add_sources (AtlasLegend               *legend,
             const AtlasOverlayContext *context,
             gpointer                   user_data)
{
  AtlasDataset *dataset = user_data;
  g_autoptr(GHashTable) credits = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer credit;

  for (guint kind = 0; kind < ATLAS_N_KINDS; kind++)
    {
      g_array_set_size (positions, 0);
      if (context->day == ATLAS_SNAPSHOT_NO_DAY)
        for (guint i = 0; i < atlas_dataset_get_n_features (dataset, kind); i++)
          g_array_append_val (positions, i);
      else
        atlas_dataset_query_active (dataset, kind, context->day, positions);

      for (guint i = 0; i < positions->len; i++)
        {
          g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (dataset, kind,
                                                                       g_array_index (positions, guint, i));
          count_feature (feature, credits);
        }
    }

  g_hash_table_iter_init (&iter, credits);
  while (g_hash_table_iter_next (&iter, NULL, &credit))
    g_ptr_array_add (sorted, credit);
  g_ptr_array_sort (sorted, compare_credits);
  for (guint i = 0; i < sorted->len; i++)
    atlas_legend_add_source (legend, ((Credit *) g_ptr_array_index (sorted, i))->name);
}

/**
 * atlas_dataset_sources_overlay_new:
 * @dataset: an immutable dataset
 *
 * Returns: (transfer full): an overlay for atlas_snapshot_add_overlay()
 */
AtlasOverlay *
atlas_dataset_sources_overlay_new (AtlasDataset *dataset)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  return atlas_overlay_new ("dataset-sources", 0, NULL, NULL, add_sources,
                            g_object_ref (dataset), g_object_unref);
}
