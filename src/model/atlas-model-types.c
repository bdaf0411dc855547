/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-model-types"

#include "config.h"

#include "atlas-model-types.h"

G_DEFINE_ENUM_TYPE (AtlasFeatureKind, atlas_feature_kind,
  G_DEFINE_ENUM_VALUE (ATLAS_KIND_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (ATLAS_KIND_ZONE, "zone"),
  G_DEFINE_ENUM_VALUE (ATLAS_KIND_DEPLOYMENT, "deployment"),
  G_DEFINE_ENUM_VALUE (ATLAS_KIND_PLACE, "place"))

G_DEFINE_ENUM_TYPE (AtlasCertainty, atlas_certainty,
  G_DEFINE_ENUM_VALUE (ATLAS_CERTAINTY_CERTAIN, "certain"),
  G_DEFINE_ENUM_VALUE (ATLAS_CERTAINTY_PROBABLE, "probable"),
  G_DEFINE_ENUM_VALUE (ATLAS_CERTAINTY_UNCERTAIN, "uncertain"))

G_DEFINE_ENUM_TYPE (AtlasZoneStatus, atlas_zone_status,
  G_DEFINE_ENUM_VALUE (ATLAS_ZONE_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (ATLAS_ZONE_STATUS_IN_FORCE, "in-force"))

G_DEFINE_ENUM_TYPE (AtlasDeploymentStrength, atlas_deployment_strength,
  G_DEFINE_ENUM_VALUE (ATLAS_STRENGTH_PRESENT, "present"),
  G_DEFINE_ENUM_VALUE (ATLAS_STRENGTH_COMMITTED, "committed"))

G_DEFINE_ENUM_TYPE (AtlasSeverity, atlas_severity,
  G_DEFINE_ENUM_VALUE (ATLAS_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (ATLAS_SEVERITY_ERROR, "error"))

const char *
atlas_feature_kind_to_string (AtlasFeatureKind kind)
{
  static const char * const names[] = { "event", "zone", "deployment", "place" };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);

  return names[kind];
}

const char *
atlas_certainty_to_string (AtlasCertainty certainty)
{
  static const char * const names[] = { "certain", "probable", "uncertain" };

  g_return_val_if_fail ((guint) certainty < G_N_ELEMENTS (names), NULL);

  return names[certainty];
}
