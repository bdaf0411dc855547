/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature"

#include "config.h"

#include "atlas-content-text.h"
#include "atlas-deployment.h"
#include "atlas-event.h"
#include "atlas-feature-private.h"
#include "atlas-place.h"
#include "atlas-zone.h"

typedef struct
{
  AtlasStore       *store;
  AtlasFeatureKind  kind;
  guint             position;
} AtlasFeaturePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasFeature, atlas_feature, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_CERTAINTY,
  PROP_START_DAY,
  PROP_END_DAY,
  PROP_OPEN_ENDED,
  PROP_DATES_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const AtlasRecord *
get_record (AtlasFeature *self)
{
  AtlasFeaturePrivate *priv = atlas_feature_get_instance_private (self);

  return atlas_store_get_record (priv->store, priv->kind, priv->position);
}

static void
atlas_feature_finalize (GObject *object)
{
  AtlasFeature *self = (AtlasFeature *) object;
  AtlasFeaturePrivate *priv = atlas_feature_get_instance_private (self);

  g_clear_pointer (&priv->store, atlas_store_unref);

  G_OBJECT_CLASS (atlas_feature_parent_class)->finalize (object);
}

static void
atlas_feature_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasFeature *self = ATLAS_FEATURE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, atlas_feature_get_kind (self));
      break;
    case PROP_ID:
      g_value_set_string (value, atlas_feature_get_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, atlas_feature_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, atlas_feature_get_description (self));
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, atlas_feature_get_category (self));
      break;
    case PROP_CERTAINTY:
      g_value_set_enum (value, atlas_feature_get_certainty (self));
      break;
    case PROP_START_DAY:
      g_value_set_int (value, atlas_feature_get_start_day (self));
      break;
    case PROP_END_DAY:
      g_value_set_int (value, atlas_feature_get_end_day (self));
      break;
    case PROP_OPEN_ENDED:
      g_value_set_boolean (value, atlas_feature_is_open_ended (self));
      break;
    case PROP_DATES_LABEL:
      g_value_take_string (value, atlas_feature_format_dates (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_feature_class_init (AtlasFeatureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = atlas_feature_finalize;
  object_class->get_property = atlas_feature_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_FEATURE_KIND, ATLAS_KIND_EVENT, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_CERTAINTY] =
    g_param_spec_enum ("certainty", NULL, NULL, ATLAS_TYPE_CERTAINTY, ATLAS_CERTAINTY_CERTAIN, flags);
  properties[PROP_START_DAY] =
    g_param_spec_int ("start-day", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);
  properties[PROP_END_DAY] =
    g_param_spec_int ("end-day", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);
  properties[PROP_OPEN_ENDED] = g_param_spec_boolean ("open-ended", NULL, NULL, FALSE, flags);
  /* The localised interval, for list rows. */
  properties[PROP_DATES_LABEL] = g_param_spec_string ("dates-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_feature_init (AtlasFeature *self)
{
}

AtlasFeature *
atlas_feature_new_for_store (AtlasStore       *store,
                             AtlasFeatureKind  kind,
                             guint             position)
{
  AtlasFeature *self;
  AtlasFeaturePrivate *priv;
  GType type;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (position < atlas_store_get_n_records (store, kind), NULL);

  switch (kind)
    {
    case ATLAS_KIND_EVENT: type = ATLAS_TYPE_EVENT; break;
    case ATLAS_KIND_ZONE: type = ATLAS_TYPE_ZONE; break;
    case ATLAS_KIND_DEPLOYMENT: type = ATLAS_TYPE_DEPLOYMENT; break;
    case ATLAS_KIND_PLACE: type = ATLAS_TYPE_PLACE; break;
    default: g_return_val_if_reached (NULL);
    }

  self = g_object_new (type, NULL);
  priv = atlas_feature_get_instance_private (self);
  priv->store = atlas_store_ref (store);
  priv->kind = kind;
  priv->position = position;
  return self;
}

const AtlasRecord *
atlas_feature_get_record (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return get_record (self);
}

AtlasFeatureKind
atlas_feature_get_kind (AtlasFeature *self)
{
  AtlasFeaturePrivate *priv = atlas_feature_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), ATLAS_KIND_EVENT);

  return priv->kind;
}

guint
atlas_feature_get_position (AtlasFeature *self)
{
  AtlasFeaturePrivate *priv = atlas_feature_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), 0);

  return priv->position;
}

const char *
atlas_feature_get_id (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return get_record (self)->id;
}

const char *
atlas_feature_get_title (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return get_record (self)->title;
}

const char *
atlas_feature_get_description (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return get_record (self)->description;
}

const char *
atlas_feature_get_display_title (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return atlas_content_text_translate (ATLAS_CONTENT_DATASET, get_record (self)->title);
}

const char *
atlas_feature_get_display_description (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return atlas_content_text_translate (ATLAS_CONTENT_DATASET, get_record (self)->description);
}

const char *
atlas_feature_get_category (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return get_record (self)->category;
}

AtlasCertainty
atlas_feature_get_certainty (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), ATLAS_CERTAINTY_CERTAIN);

  return get_record (self)->certainty;
}

const AtlasDate *
atlas_feature_get_start (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return &get_record (self)->start;
}

const AtlasDate *
atlas_feature_get_end (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  return &get_record (self)->end;
}

gboolean
atlas_feature_is_open_ended (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), FALSE);

  return get_record (self)->open_ended;
}

gint32
atlas_feature_get_start_day (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), 0);

  return get_record (self)->start_day;
}

gint32
atlas_feature_get_end_day (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), 0);

  return get_record (self)->end_day;
}

gboolean
atlas_feature_is_active_at (AtlasFeature *self,
                            gint32        day)
{
  const AtlasRecord *record;

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), FALSE);

  record = get_record (self);
  return record->start_day <= day && day < record->end_day;
}

char *
atlas_feature_format_dates (AtlasFeature *self)
{
  const AtlasRecord *record;

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  record = get_record (self);
  return atlas_interval_format (&record->start, &record->end, record->open_ended);
}

guint
atlas_feature_get_n_sources (AtlasFeature *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE (self), 0);

  return get_record (self)->n_sources;
}

const AtlasSource *
atlas_feature_get_source (AtlasFeature *self,
                          guint         index)
{
  const AtlasRecord *record;

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), NULL);

  record = get_record (self);
  g_return_val_if_fail (index < record->n_sources, NULL);

  return &record->sources[index];
}

gboolean
atlas_feature_get_geometry (AtlasFeature  *self,
                            AtlasGeometry *geometry)
{
  AtlasFeaturePrivate *priv = atlas_feature_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  return atlas_store_get_geometry (priv->store, get_record (self), geometry);
}

gboolean
atlas_feature_get_point (AtlasFeature *self,
                         double       *lon,
                         double       *lat)
{
  AtlasGeometry geometry;
  guint position;

  g_return_val_if_fail (ATLAS_IS_FEATURE (self), FALSE);

  if (!atlas_feature_get_geometry (self, &geometry) || geometry.type != ATLAS_GEOMETRY_POINT)
    return FALSE;

  position = geometry.ring_start[atlas_geometry_part_first_ring (&geometry, 0)];
  if (lon)
    *lon = geometry.coords[2 * position];
  if (lat)
    *lat = geometry.coords[2 * position + 1];
  return TRUE;
}
