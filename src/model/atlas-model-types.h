/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-date.h"

G_BEGIN_DECLS

/* Forward declarations, so the model headers need not include each other. */
typedef struct _AtlasDataset     AtlasDataset;
typedef struct _AtlasDiagnostic  AtlasDiagnostic;
typedef struct _AtlasFeature     AtlasFeature;
typedef struct _AtlasEvent       AtlasEvent;
typedef struct _AtlasZone        AtlasZone;
typedef struct _AtlasDeployment  AtlasDeployment;
typedef struct _AtlasPlace       AtlasPlace;
typedef struct _AtlasLoader      AtlasLoader;
typedef struct _AtlasTimeIndex   AtlasTimeIndex;

/* The "kind" property of a feature; also the index of its list. */
typedef enum {
  ATLAS_KIND_EVENT,
  ATLAS_KIND_ZONE,
  ATLAS_KIND_DEPLOYMENT,
  ATLAS_KIND_PLACE,
} AtlasFeatureKind;

#define ATLAS_N_KINDS 4

/* "certainty": how sure the dataset is about the feature as a whole. */
typedef enum {
  ATLAS_CERTAINTY_CERTAIN,
  ATLAS_CERTAINTY_PROBABLE,
  ATLAS_CERTAINTY_UNCERTAIN,
} AtlasCertainty;

/* A zone's "status". */
typedef enum {
  ATLAS_ZONE_STATUS_PROPOSED,
  ATLAS_ZONE_STATUS_IN_FORCE,
} AtlasZoneStatus;

/* A deployment's "strength": on the ground, or only pledged. */
typedef enum {
  ATLAS_STRENGTH_PRESENT,
  ATLAS_STRENGTH_COMMITTED,
} AtlasDeploymentStrength;

typedef enum {
  ATLAS_ZONE_RULE_BOUNDARY,   /* the shared boundary line itself */
  ATLAS_ZONE_RULE_BAND,       /* the area within some km of it */
} AtlasZoneRuleType;

/* Which side of the shared boundary a band lies on. */
typedef enum {
  ATLAS_BAND_SIDE_AREA,
  ATLAS_BAND_SIDE_WITH,
  ATLAS_BAND_SIDE_BOTH,
} AtlasBandSide;

typedef enum {
  ATLAS_SEVERITY_WARNING,     /* the feature still loads */
  ATLAS_SEVERITY_ERROR,       /* the feature (or file) was not loaded */
} AtlasSeverity;

#define ATLAS_TYPE_FEATURE_KIND (atlas_feature_kind_get_type ())
#define ATLAS_TYPE_CERTAINTY (atlas_certainty_get_type ())
#define ATLAS_TYPE_ZONE_STATUS (atlas_zone_status_get_type ())
#define ATLAS_TYPE_DEPLOYMENT_STRENGTH (atlas_deployment_strength_get_type ())
#define ATLAS_TYPE_SEVERITY (atlas_severity_get_type ())

GType atlas_feature_kind_get_type (void) G_GNUC_CONST;
GType atlas_certainty_get_type (void) G_GNUC_CONST;
GType atlas_zone_status_get_type (void) G_GNUC_CONST;
GType atlas_deployment_strength_get_type (void) G_GNUC_CONST;
GType atlas_severity_get_type (void) G_GNUC_CONST;

/* The dataset spellings: "event", "probable", "in-force", … */
const char *atlas_feature_kind_to_string (AtlasFeatureKind kind);
const char *atlas_certainty_to_string (AtlasCertainty certainty);

/*
 * AtlasSource: one element of a feature's "sources". Strings belong to the
 * dataset; @url is NULL for print sources, @date unset when not given.
 */
typedef struct {
  const char *title;
  const char *publisher;
  const char *url;
  AtlasDate   date;
} AtlasSource;

/* One step of a band's width schedule. */
typedef struct {
  AtlasDate date;       /* "from"; unset for a constant "width_km" */
  gint32    from_day;   /* first day of @date, ATLAS_DAY_MIN when unset */
  double    width_km;
} AtlasBandWidth;

/*
 * AtlasZoneRule: how the geo module computes a zone without geometry.
 * @area and the @with areas are base-map codes (three capital letters) or
 * ids of other zones of the same dataset (atlas_dataset_lookup() tells
 * which; the loader has checked that referenced zones exist and that rules
 * do not refer to themselves). For a band, @widths has at least one entry,
 * sorted by from_day; a constant "width_km" is a single entry with
 * from_day = ATLAS_DAY_MIN. Use atlas_zone_rule_get_width_km() to read the
 * width in force on a day.
 */
typedef struct {
  AtlasZoneRuleType     type;
  const char           *area;
  const char * const   *with;        /* NULL-terminated */
  guint                 n_with;
  AtlasBandSide         side;        /* bands only */
  const AtlasBandWidth *widths;      /* bands only */
  guint                 n_widths;
} AtlasZoneRule;

/* A place name in one language; @lang is a BCP 47 tag ("sq", "sr-Latn"). */
typedef struct {
  const char *lang;
  const char *name;
} AtlasPlaceName;

/*
 * AtlasFeatureArrays: the hot data of one kind of feature as parallel
 * arrays of n_items entries, in list order (sorted by start day, then id;
 * index i is position i of the kind's GListModel). For drawing many
 * features without creating objects. lon/lat/x/y are NaN when the feature
 * has no Point geometry; x/y are unit Web Mercator (see atlas-geometry.h).
 * category is an index into atlas_dataset_get_categories(), 0 meaning none.
 */
typedef struct {
  guint          n_items;
  const gint32  *start_day;
  const gint32  *end_day;     /* exclusive; ATLAS_DAY_MAX if open-ended */
  const double  *lon;
  const double  *lat;
  const double  *x;
  const double  *y;
  const guint8  *certainty;   /* AtlasCertainty */
  const guint16 *category;
} AtlasFeatureArrays;

G_END_DECLS
