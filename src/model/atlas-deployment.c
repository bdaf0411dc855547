/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-deployment"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-content-text.h"
#include "atlas-deployment.h"
#include "atlas-feature-private.h"

struct _AtlasDeployment
{
  AtlasFeature parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasDeployment, atlas_deployment, ATLAS_TYPE_FEATURE)

enum {
  PROP_0,
  PROP_NATION,
  PROP_UNIT,
  PROP_HQ,
  PROP_ZONE_ID,
  PROP_STRENGTH,
  PROP_TROOPS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const AtlasDeploymentRecord *
get_record (AtlasDeployment *self)
{
  return (const AtlasDeploymentRecord *) atlas_feature_get_record (ATLAS_FEATURE (self));
}

static void
atlas_deployment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasDeployment *self = ATLAS_DEPLOYMENT (object);

  switch (prop_id)
    {
    case PROP_NATION:
      g_value_set_string (value, atlas_deployment_get_nation (self));
      break;
    case PROP_UNIT:
      g_value_set_string (value, atlas_deployment_get_unit (self));
      break;
    case PROP_HQ:
      g_value_set_string (value, atlas_deployment_get_hq (self));
      break;
    case PROP_ZONE_ID:
      g_value_set_string (value, atlas_deployment_get_zone_id (self));
      break;
    case PROP_STRENGTH:
      g_value_set_enum (value, atlas_deployment_get_strength (self));
      break;
    case PROP_TROOPS_LABEL:
      g_value_take_string (value, atlas_deployment_format_troops (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_deployment_class_init (AtlasDeploymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = atlas_deployment_get_property;

  properties[PROP_NATION] = g_param_spec_string ("nation", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_HQ] = g_param_spec_string ("hq", NULL, NULL, NULL, flags);
  properties[PROP_ZONE_ID] = g_param_spec_string ("zone-id", NULL, NULL, NULL, flags);
  properties[PROP_STRENGTH] =
    g_param_spec_enum ("strength", NULL, NULL, ATLAS_TYPE_DEPLOYMENT_STRENGTH, ATLAS_STRENGTH_PRESENT, flags);
  properties[PROP_TROOPS_LABEL] = g_param_spec_string ("troops-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_deployment_init (AtlasDeployment *self)
{
}

const char *
atlas_deployment_get_nation (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  return get_record (self)->nation;
}

const char *
atlas_deployment_get_unit (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  return get_record (self)->unit;
}

const char *
atlas_deployment_get_hq (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  return get_record (self)->hq;
}

const char *
atlas_deployment_get_display_unit (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  return atlas_content_text_translate (ATLAS_CONTENT_DATASET, get_record (self)->unit);
}

const char *
atlas_deployment_get_display_hq (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  return atlas_content_text_translate (ATLAS_CONTENT_DATASET, get_record (self)->hq);
}

const char *
atlas_deployment_get_zone_id (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  return get_record (self)->zone_id;
}

AtlasDeploymentStrength
atlas_deployment_get_strength (AtlasDeployment *self)
{
  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), ATLAS_STRENGTH_PRESENT);

  return get_record (self)->strength;
}

gboolean
atlas_deployment_get_troops (AtlasDeployment *self,
                             int             *min,
                             int             *max)
{
  const AtlasDeploymentRecord *record;

  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), FALSE);

  record = get_record (self);
  if (min)
    *min = record->troops_min;
  if (max)
    *max = record->troops_max;
  return record->troops_min >= 0;
}

char *
atlas_deployment_format_troops (AtlasDeployment *self)
{
  int min, max;

  g_return_val_if_fail (ATLAS_IS_DEPLOYMENT (self), NULL);

  if (!atlas_deployment_get_troops (self, &min, &max))
    /* Translators: a number of troops that no source gives */
    return g_strdup (C_("troops", "unknown"));
  if (min == max)
    return g_strdup_printf ("%'d", min);
  /* Translators: a range of troop numbers, e.g. "1,400–1,600" */
  return g_strdup_printf (C_("troops", "%'d–%'d"), min, max);
}
