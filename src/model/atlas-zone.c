/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-zone"

#include "config.h"

#include "atlas-feature-private.h"
#include "atlas-zone.h"

struct _AtlasZone
{
  AtlasFeature parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasZone, atlas_zone, ATLAS_TYPE_FEATURE)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_HAS_RULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const AtlasZoneRecord *
get_record (AtlasZone *self)
{
  return (const AtlasZoneRecord *) atlas_feature_get_record (ATLAS_FEATURE (self));
}

static void
atlas_zone_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasZone *self = ATLAS_ZONE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, atlas_zone_get_status (self));
      break;
    case PROP_HAS_RULE:
      g_value_set_boolean (value, atlas_zone_get_rule (self) != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_zone_class_init (AtlasZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_zone_get_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ATLAS_TYPE_ZONE_STATUS, ATLAS_ZONE_STATUS_IN_FORCE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_RULE] =
    g_param_spec_boolean ("has-rule", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_zone_init (AtlasZone *self)
{
}

AtlasZoneStatus
atlas_zone_get_status (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), ATLAS_ZONE_STATUS_IN_FORCE);

  return get_record (self)->status;
}

const AtlasZoneRule *
atlas_zone_get_rule (AtlasZone *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE (self), NULL);

  return get_record (self)->rule;
}

double
atlas_zone_rule_get_width_km (const AtlasZoneRule *rule,
                              gint32               day)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (rule != NULL, 0.0);

  if (rule->type != ATLAS_ZONE_RULE_BAND || rule->n_widths == 0)
    return 0.0;

  /* The number of entries starting on or before @day. */
  hi = rule->n_widths;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rule->widths[mid].from_day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo == 0 ? 0.0 : rule->widths[lo - 1].width_km;
}
