/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-computed-zone.h"
#include "atlas-model-types.h"

G_BEGIN_DECLS

/*
 * AtlasZoneRules: the GEOS side of zone computation, for AtlasZoneSet. It
 * turns a zone's rule (docs/data-format.md) or explicit geometry into
 * polygons or lines in Kosovo's metric projection: boundaries from the base
 * map's borders (or, for zones, from GEOS), bands by buffering them and
 * cutting the result to the chosen side. Boundary lines, band sides and
 * zones used as areas are cached.
 *
 * Like every GEOS object it is for one thread at a time: the zone set
 * serialises all calls with a lock.
 */

typedef struct _AtlasBasemap AtlasBasemap;
typedef struct _AtlasDataset AtlasDataset;
typedef struct _AtlasZoneRules AtlasZoneRules;

/* What the rules need to know about the zones of the dataset, as the zone
 * set sees them for one computation (date, session widths). */
typedef struct
{
  /* Whether @zone_id is a zone; then its rule (NULL: explicit geometry)
   * and its position in the dataset's list. */
  gboolean (*lookup)     (gpointer              data,
                          const char           *zone_id,
                          const AtlasZoneRule **rule,
                          guint                *position);
  /* A band's width in km, and whether it is a session's exploration. */
  double   (*width)      (gpointer              data,
                          const char           *zone_id,
                          gboolean             *exploration);
  /* Appends to @key everything the zone's geometry depends on. */
  void     (*append_key) (gpointer              data,
                          const char           *zone_id,
                          GString              *key);
  gpointer   data;
} AtlasZoneResolver;

AtlasZoneRules    *atlas_zone_rules_new     (AtlasBasemap                *basemap,
                                             AtlasDataset                *dataset);
void               atlas_zone_rules_free    (AtlasZoneRules              *rules);
/* Computes @zone_id; @info gives what the rules cannot know (title,
 * status, colour), they fill in width, exploration and spine. */
AtlasComputedZone *atlas_zone_rules_compute (AtlasZoneRules              *rules,
                                             const AtlasZoneResolver     *resolver,
                                             const char                  *zone_id,
                                             const AtlasComputedZoneInfo *info,
                                             GError                     **error);

G_END_DECLS
