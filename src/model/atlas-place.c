/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-place"

#include "config.h"

#include <string.h>

#include "atlas-feature-private.h"
#include "atlas-place.h"

struct _AtlasPlace
{
  AtlasFeature parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasPlace, atlas_place, ATLAS_TYPE_FEATURE)

enum {
  PROP_0,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const AtlasPlaceRecord *
get_record (AtlasPlace *self)
{
  return (const AtlasPlaceRecord *) atlas_feature_get_record (ATLAS_FEATURE (self));
}

static void
atlas_place_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasPlace *self = ATLAS_PLACE (object);

  switch (prop_id)
    {
    case PROP_RANK:
      g_value_set_int (value, atlas_place_get_rank (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_place_class_init (AtlasPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_place_get_property;

  properties[PROP_RANK] =
    g_param_spec_int ("rank", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_place_init (AtlasPlace *self)
{
}

const AtlasPlaceName *
atlas_place_get_names (AtlasPlace *self,
                       guint      *n_names)
{
  const AtlasPlaceRecord *record;

  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);

  record = get_record (self);
  if (n_names)
    *n_names = record->n_names;
  return record->names;
}

const char *
atlas_place_get_name (AtlasPlace *self,
                      const char *lang)
{
  const AtlasPlaceRecord *record;

  g_return_val_if_fail (ATLAS_IS_PLACE (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  record = get_record (self);
  for (guint i = 0; i < record->n_names; i++)
    if (strcmp (record->names[i].lang, lang) == 0)
      return record->names[i].name;
  return NULL;
}

int
atlas_place_get_rank (AtlasPlace *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE (self), 0);

  return get_record (self)->rank;
}
