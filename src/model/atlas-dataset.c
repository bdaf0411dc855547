/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-dataset"

#include "config.h"

#include <stdlib.h>

#include "atlas-dataset-private.h"
#include "atlas-diagnostic.h"
#include "atlas-feature-list.h"
#include "atlas-feature-private.h"
#include "atlas-loader.h"

struct _AtlasDataset
{
  GObject           parent_instance;

  AtlasStore       *store;
  AtlasFeatureList *lists[ATLAS_N_KINDS];
  GListModel       *diagnostics;
  guint             n_errors;
  guint             n_warnings;
};

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-dataset-error-quark, atlas_dataset_error)

static void
atlas_dataset_dispose (GObject *object)
{
  AtlasDataset *self = (AtlasDataset *) object;

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    g_clear_object (&self->lists[k]);
  g_clear_object (&self->diagnostics);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->dispose (object);
}

static void
atlas_dataset_finalize (GObject *object)
{
  AtlasDataset *self = (AtlasDataset *) object;

  g_clear_pointer (&self->store, atlas_store_unref);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->finalize (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_dataset_dispose;
  object_class->finalize = atlas_dataset_finalize;
}

static void
atlas_dataset_init (AtlasDataset *self)
{
}

AtlasDataset *
atlas_dataset_new_for_store (AtlasStore *store,
                             GListModel *diagnostics,
                             guint       n_errors,
                             guint       n_warnings)
{
  AtlasDataset *self;

  g_return_val_if_fail (store != NULL && store->finished, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (diagnostics), NULL);

  self = g_object_new (ATLAS_TYPE_DATASET, NULL);
  self->store = atlas_store_ref (store);
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    self->lists[k] = atlas_feature_list_new (store, k);
  self->diagnostics = g_object_ref (diagnostics);
  self->n_errors = n_errors;
  self->n_warnings = n_warnings;
  return self;
}

AtlasDataset *
atlas_dataset_new (void)
{
  g_autoptr(AtlasStore) store = atlas_store_new ();
  g_autoptr(GListStore) diagnostics = g_list_store_new (ATLAS_TYPE_DIAGNOSTIC);

  atlas_store_finish (store);
  return atlas_dataset_new_for_store (store, G_LIST_MODEL (diagnostics), 0, 0);
}

AtlasDataset *
atlas_dataset_new_from_bytes (GBytes      *bytes,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  atlas_loader_add_bytes (loader, bytes, name);
  return atlas_loader_load (loader, NULL, error);
}

AtlasDataset *
atlas_dataset_new_from_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  atlas_loader_add_file (loader, file, NULL);
  return atlas_loader_load (loader, cancellable, error);
}

GListModel *
atlas_dataset_get_features (AtlasDataset     *self,
                            AtlasFeatureKind  kind)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < ATLAS_N_KINDS, NULL);

  return G_LIST_MODEL (self->lists[kind]);
}

guint
atlas_dataset_get_n_features (AtlasDataset     *self,
                              AtlasFeatureKind  kind)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);
  g_return_val_if_fail ((guint) kind < ATLAS_N_KINDS, 0);

  return atlas_store_get_n_records (self->store, kind);
}

AtlasFeature *
atlas_dataset_get_feature (AtlasDataset     *self,
                           AtlasFeatureKind  kind,
                           guint             position)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < ATLAS_N_KINDS, NULL);

  return g_list_model_get_item (G_LIST_MODEL (self->lists[kind]), position);
}

gboolean
atlas_dataset_find (AtlasDataset     *self,
                    const char       *id,
                    AtlasFeatureKind *kind,
                    guint            *position)
{
  AtlasFeatureKind k;
  guint p;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!atlas_store_lookup (self->store, id, &k, &p))
    return FALSE;
  if (kind)
    *kind = k;
  if (position)
    *position = p;
  return TRUE;
}

AtlasFeature *
atlas_dataset_lookup (AtlasDataset *self,
                      const char   *id)
{
  AtlasFeatureKind kind;
  guint position;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!atlas_dataset_find (self, id, &kind, &position))
    return NULL;
  return atlas_dataset_get_feature (self, kind, position);
}

const AtlasFeatureArrays *
atlas_dataset_get_arrays (AtlasDataset     *self,
                          AtlasFeatureKind  kind)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < ATLAS_N_KINDS, NULL);

  return &self->store->arrays[kind];
}

gboolean
atlas_dataset_get_geometry (AtlasDataset     *self,
                            AtlasFeatureKind  kind,
                            guint             position,
                            AtlasGeometry    *geometry)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);
  g_return_val_if_fail ((guint) kind < ATLAS_N_KINDS, FALSE);
  g_return_val_if_fail (position < atlas_store_get_n_records (self->store, kind), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  return atlas_store_get_geometry (self->store, atlas_store_get_record (self->store, kind, position),
                                   geometry);
}

const char * const *
atlas_dataset_get_categories (AtlasDataset *self,
                              guint        *n_categories)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  if (n_categories)
    *n_categories = self->store->categories->len;
  return (const char * const *) self->store->categories->pdata;
}

AtlasTimeIndex *
atlas_dataset_get_time_index (AtlasDataset     *self,
                              AtlasFeatureKind  kind)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail ((guint) kind < ATLAS_N_KINDS, NULL);

  return self->store->time_index[kind];
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return pa < pb ? -1 : pa > pb;
}

static void
sort_from (GArray *positions,
           guint   first)
{
  if (positions->len - first < 2)
    return;
  qsort (&g_array_index (positions, guint, first), positions->len - first, sizeof (guint),
         compare_positions);
}

void
atlas_dataset_query_active (AtlasDataset     *self,
                            AtlasFeatureKind  kind,
                            gint32            day,
                            GArray           *positions)
{
  /* Active on @day is meeting [day, day + 1); nothing ends after the last
   * day there is. */
  if (day < G_MAXINT32)
    atlas_dataset_query_overlapping (self, kind, day, day + 1, positions);
}

void
atlas_dataset_query_overlapping (AtlasDataset     *self,
                                 AtlasFeatureKind  kind,
                                 gint32            from,
                                 gint32            to,
                                 GArray           *positions)
{
  guint first;

  g_return_if_fail (ATLAS_IS_DATASET (self));
  g_return_if_fail ((guint) kind < ATLAS_N_KINDS);
  g_return_if_fail (positions != NULL);

  first = positions->len;
  atlas_time_index_query_overlapping (self->store->time_index[kind], from, to, positions);
  sort_from (positions, first);
}

const gint32 *
atlas_dataset_get_change_points (AtlasDataset *self,
                                 guint        *n_points)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  if (n_points)
    *n_points = self->store->n_change_points;
  return self->store->change_points;
}

/* The number of change points <= @day. */
static guint
count_up_to (AtlasDataset *self,
             gint32        day)
{
  const gint32 *points = self->store->change_points;
  guint lo = 0;
  guint hi = self->store->n_change_points;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid] <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
atlas_dataset_next_change (AtlasDataset *self,
                           gint32        day,
                           gint32       *next)
{
  guint i;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);

  i = count_up_to (self, day);
  if (i >= self->store->n_change_points)
    return FALSE;
  if (next)
    *next = self->store->change_points[i];
  return TRUE;
}

gboolean
atlas_dataset_previous_change (AtlasDataset *self,
                               gint32        day,
                               gint32       *previous)
{
  guint i;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);

  if (day == G_MININT32)
    return FALSE;
  i = count_up_to (self, day - 1);
  if (i == 0)
    return FALSE;
  if (previous)
    *previous = self->store->change_points[i - 1];
  return TRUE;
}

gboolean
atlas_dataset_get_time_range (AtlasDataset *self,
                              gint32       *first_day,
                              gint32       *last_day)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);

  if (self->store->n_change_points == 0)
    return FALSE;
  if (first_day)
    *first_day = self->store->change_points[0];
  if (last_day)
    *last_day = self->store->change_points[self->store->n_change_points - 1];
  return TRUE;
}

GListModel *
atlas_dataset_get_diagnostics (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->diagnostics;
}

guint
atlas_dataset_get_n_errors (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  return self->n_errors;
}

guint
atlas_dataset_get_n_warnings (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  return self->n_warnings;
}
