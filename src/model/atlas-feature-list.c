/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature-list"

#include "config.h"

#include "atlas-deployment.h"
#include "atlas-event.h"
#include "atlas-feature-list.h"
#include "atlas-feature-private.h"
#include "atlas-place.h"
#include "atlas-zone.h"

struct _AtlasFeatureList
{
  GObject           parent_instance;

  AtlasStore       *store;
  AtlasFeatureKind  kind;
  guint             n_items;
  /* Created items by position; allocated on first access. Slots are
   * filled with compare-and-exchange, so two threads asking for the same
   * item at once still end up sharing one object. */
  gpointer         *items;
};

static void atlas_feature_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasFeatureList, atlas_feature_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_feature_list_model_init))

static GType
atlas_feature_list_get_item_type (GListModel *model)
{
  AtlasFeatureList *self = ATLAS_FEATURE_LIST (model);

  switch (self->kind)
    {
    case ATLAS_KIND_EVENT: return ATLAS_TYPE_EVENT;
    case ATLAS_KIND_ZONE: return ATLAS_TYPE_ZONE;
    case ATLAS_KIND_DEPLOYMENT: return ATLAS_TYPE_DEPLOYMENT;
    case ATLAS_KIND_PLACE: return ATLAS_TYPE_PLACE;
    default: return ATLAS_TYPE_FEATURE;
    }
}

static guint
atlas_feature_list_get_n_items (GListModel *model)
{
  return ATLAS_FEATURE_LIST (model)->n_items;
}

static gpointer
atlas_feature_list_get_item (GListModel *model,
                             guint       position)
{
  AtlasFeatureList *self = ATLAS_FEATURE_LIST (model);
  gpointer *items;
  AtlasFeature *item;

  if (position >= self->n_items)
    return NULL;

  items = g_atomic_pointer_get (&self->items);
  if (items == NULL)
    {
      gpointer *fresh = g_new0 (gpointer, self->n_items);

      if (g_atomic_pointer_compare_and_exchange (&self->items, NULL, fresh))
        items = fresh;
      else
        {
          g_free (fresh);
          items = g_atomic_pointer_get (&self->items);
        }
    }

  item = g_atomic_pointer_get (&items[position]);
  if (item == NULL)
    {
      AtlasFeature *fresh = atlas_feature_new_for_store (self->store, self->kind, position);

      if (g_atomic_pointer_compare_and_exchange (&items[position], NULL, fresh))
        item = fresh;
      else
        {
          g_object_unref (fresh);
          item = g_atomic_pointer_get (&items[position]);
        }
    }

  return g_object_ref (item);
}

static void
atlas_feature_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_feature_list_get_item_type;
  iface->get_n_items = atlas_feature_list_get_n_items;
  iface->get_item = atlas_feature_list_get_item;
}

static void
atlas_feature_list_finalize (GObject *object)
{
  AtlasFeatureList *self = (AtlasFeatureList *) object;

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->n_items; i++)
        g_clear_object ((AtlasFeature **) &self->items[i]);
      g_free (self->items);
    }
  g_clear_pointer (&self->store, atlas_store_unref);

  G_OBJECT_CLASS (atlas_feature_list_parent_class)->finalize (object);
}

static void
atlas_feature_list_class_init (AtlasFeatureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_feature_list_finalize;
}

static void
atlas_feature_list_init (AtlasFeatureList *self)
{
}

AtlasFeatureList *
atlas_feature_list_new (AtlasStore       *store,
                        AtlasFeatureKind  kind)
{
  AtlasFeatureList *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (store->finished, NULL);

  self = g_object_new (ATLAS_TYPE_FEATURE_LIST, NULL);
  self->store = atlas_store_ref (store);
  self->kind = kind;
  self->n_items = atlas_store_get_n_records (store, kind);
  return self;
}
