/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature-range"

#include "config.h"

#include "atlas-feature-range.h"

struct _AtlasFeatureRange
{
  GObject           parent_instance;

  AtlasFeatureKind  kind;
  AtlasDataset     *dataset;
  gint32            from;
  gint32            to;
  GArray           *positions;   /* guint, positions in the dataset's list */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasFeatureRange, atlas_feature_range, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
atlas_feature_range_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_FEATURE;
}

static guint
atlas_feature_range_get_n_items (GListModel *model)
{
  return ATLAS_FEATURE_RANGE (model)->positions->len;
}

static gpointer
atlas_feature_range_get_item (GListModel *model,
                              guint       position)
{
  AtlasFeatureRange *self = ATLAS_FEATURE_RANGE (model);

  if (position >= self->positions->len || self->dataset == NULL)
    return NULL;

  return atlas_dataset_get_feature (self->dataset, self->kind,
                                    g_array_index (self->positions, guint, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_feature_range_get_item_type;
  iface->get_n_items = atlas_feature_range_get_n_items;
  iface->get_item = atlas_feature_range_get_item;
}

static void
refill (AtlasFeatureRange *self)
{
  guint removed = self->positions->len;

  g_array_set_size (self->positions, 0);
  if (self->dataset != NULL && self->from < self->to)
    atlas_dataset_query_overlapping (self->dataset, self->kind, self->from, self->to, self->positions);

  if (removed > 0 || self->positions->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->positions->len);
}

static void
atlas_feature_range_dispose (GObject *object)
{
  AtlasFeatureRange *self = (AtlasFeatureRange *)object;

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_feature_range_parent_class)->dispose (object);
}

static void
atlas_feature_range_finalize (GObject *object)
{
  AtlasFeatureRange *self = (AtlasFeatureRange *)object;

  g_array_unref (self->positions);

  G_OBJECT_CLASS (atlas_feature_range_parent_class)->finalize (object);
}

static void
atlas_feature_range_class_init (AtlasFeatureRangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_feature_range_dispose;
  object_class->finalize = atlas_feature_range_finalize;
}

static void
atlas_feature_range_init (AtlasFeatureRange *self)
{
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

AtlasFeatureRange *
atlas_feature_range_new (AtlasFeatureKind kind)
{
  AtlasFeatureRange *self = g_object_new (ATLAS_TYPE_FEATURE_RANGE, NULL);

  self->kind = kind;
  return self;
}

AtlasDataset *
atlas_feature_range_get_dataset (AtlasFeatureRange *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_RANGE (self), NULL);
  return self->dataset;
}

void
atlas_feature_range_set_dataset (AtlasFeatureRange *self,
                                 AtlasDataset      *dataset)
{
  g_return_if_fail (ATLAS_IS_FEATURE_RANGE (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (g_set_object (&self->dataset, dataset))
    refill (self);
}

/**
 * atlas_feature_range_set_span:
 *
 * Shows the features active on some day of [@from, @to).
 */
void
atlas_feature_range_set_span (AtlasFeatureRange *self,
                              gint32             from,
                              gint32             to)
{
  g_return_if_fail (ATLAS_IS_FEATURE_RANGE (self));

  if (self->from == from && self->to == to)
    return;

  self->from = from;
  self->to = to;
  refill (self);
}

gint32
atlas_feature_range_get_from (AtlasFeatureRange *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_RANGE (self), 0);
  return self->from;
}

gint32
atlas_feature_range_get_to (AtlasFeatureRange *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_RANGE (self), 0);
  return self->to;
}

/* The position in the dataset's list of the item at @position here. */
guint
atlas_feature_range_get_dataset_position (AtlasFeatureRange *self,
                                          guint              position)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_RANGE (self), G_MAXUINT);
  g_return_val_if_fail (position < self->positions->len, G_MAXUINT);

  return g_array_index (self->positions, guint, position);
}

/* Where the feature at @dataset_position of the dataset's list is here. */
gboolean
atlas_feature_range_find (AtlasFeatureRange *self,
                          guint              dataset_position,
                          guint             *position)
{
  guint lo = 0, hi;

  g_return_val_if_fail (ATLAS_IS_FEATURE_RANGE (self), FALSE);

  /* Positions are in list order, hence sorted. */
  hi = self->positions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (self->positions, guint, mid) < dataset_position)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < self->positions->len && g_array_index (self->positions, guint, lo) == dataset_position)
    {
      if (position != NULL)
        *position = lo;
      return TRUE;
    }

  return FALSE;
}

/**
 * atlas_feature_range_find_nearest:
 *
 * The item whose start is nearest to @day; between two equally near, the
 * one that has already started. G_MAXUINT when the range is empty.
 */
guint
atlas_feature_range_find_nearest (AtlasFeatureRange *self,
                                  gint32             day)
{
  const AtlasFeatureArrays *arrays;
  guint lo = 0, hi;

  g_return_val_if_fail (ATLAS_IS_FEATURE_RANGE (self), G_MAXUINT);

  if (self->dataset == NULL || self->positions->len == 0)
    return G_MAXUINT;

  /* Positions follow the list order, which is by start day. */
  arrays = atlas_dataset_get_arrays (self->dataset, self->kind);
  hi = self->positions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (arrays->start_day[g_array_index (self->positions, guint, mid)] <= day)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return 0;
  if (lo == self->positions->len)
    return lo - 1;

  {
    gint64 before = (gint64) day - arrays->start_day[g_array_index (self->positions, guint, lo - 1)];
    gint64 after = (gint64) arrays->start_day[g_array_index (self->positions, guint, lo)] - day;

    return after < before ? lo : lo - 1;
  }
}
