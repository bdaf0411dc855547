/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-date.h"
#include "atlas-geometry.h"
#include "atlas-model-types.h"

G_BEGIN_DECLS

/*
 * AtlasFeature:
 * The base class of the four kinds of feature (AtlasEvent, AtlasZone,
 * AtlasDeployment, AtlasPlace). A feature object is a light view of one
 * entry of its dataset's compact storage: it keeps that storage alive, and
 * every string or struct it returns stays valid as long as the feature (or
 * the dataset) does. Features are immutable. Get them from the dataset's
 * lists; there is no public constructor.
 */
#define ATLAS_TYPE_FEATURE (atlas_feature_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasFeature, atlas_feature, ATLAS, FEATURE, GObject)

struct _AtlasFeatureClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

AtlasFeatureKind   atlas_feature_get_kind         (AtlasFeature  *self);
/* The position in its kind's list of the dataset. */
guint              atlas_feature_get_position     (AtlasFeature  *self);
const char        *atlas_feature_get_id           (AtlasFeature  *self);
/* The title and description as the file has them, for writers and
 * diagnostics. */
const char        *atlas_feature_get_title        (AtlasFeature  *self);
/* (nullable) */
const char        *atlas_feature_get_description  (AtlasFeature  *self);
/* The same to show, in the user's language where the catalogue has it
 * (see atlas-content-text.h). */
const char        *atlas_feature_get_display_title       (AtlasFeature  *self);
/* (nullable) */
const char        *atlas_feature_get_display_description (AtlasFeature  *self);
/* (nullable) */
const char        *atlas_feature_get_category     (AtlasFeature  *self);
AtlasCertainty     atlas_feature_get_certainty    (AtlasFeature  *self);

/* "start" and "end" as written; unset (atlas_date_is_set() is FALSE) when
 * absent, and an open end ("..") is unset with is_open_ended() TRUE. */
const AtlasDate   *atlas_feature_get_start        (AtlasFeature  *self);
const AtlasDate   *atlas_feature_get_end          (AtlasFeature  *self);
gboolean           atlas_feature_is_open_ended    (AtlasFeature  *self);
/* The interval [start_day, end_day) in day numbers (see atlas-date.h). */
gint32             atlas_feature_get_start_day    (AtlasFeature  *self);
gint32             atlas_feature_get_end_day      (AtlasFeature  *self);
gboolean           atlas_feature_is_active_at     (AtlasFeature  *self,
                                                   gint32         day);
/* For display: "10 June 1999 – 16 August 2001", "since 10 June 1999". */
char              *atlas_feature_format_dates     (AtlasFeature  *self);

guint              atlas_feature_get_n_sources    (AtlasFeature  *self);
const AtlasSource *atlas_feature_get_source       (AtlasFeature  *self,
                                                   guint          index);

/* Fills @geometry; FALSE when the feature has none ("geometry": null). */
gboolean           atlas_feature_get_geometry     (AtlasFeature  *self,
                                                   AtlasGeometry *geometry);
/* The location of a Point feature; FALSE for other geometries. */
gboolean           atlas_feature_get_point        (AtlasFeature  *self,
                                                   double        *lon,
                                                   double        *lat);

G_END_DECLS
