/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-computed-zone.h"

G_BEGIN_DECLS

/*
 * AtlasZoneSet: the zones of a dataset, computed from the base map for a
 * date. A zone's geometry is explicit, or follows from its rule
 * (docs/data-format.md): a boundary line, or a band of some width along it,
 * the width possibly changing with the date. Results are cached by zone and
 * width, so moving along the timeline only computes what changes.
 *
 * Computations run in GTask worker threads (all GEOS work serialised by one
 * lock, GEOS geometries being single-threaded); results come back on the
 * main context of whoever asked, and "zone-computed" is emitted there.
 *
 * For exploring ("what would 10 km cover?") a band's width can be
 * overridden for the session; historical computations (export) ignore
 * such overrides.
 *
 * Only forward declarations of the base map and the dataset here: users of
 * the zones (layer, painter, export) need neither header.
 */

typedef struct _AtlasBasemap AtlasBasemap;
typedef struct _AtlasDataset AtlasDataset;

/**
 * AtlasZoneComputeFlags:
 * @ATLAS_ZONE_COMPUTE_DEFAULT: use the session's width overrides
 * @ATLAS_ZONE_COMPUTE_HISTORICAL: ignore them: widths as in the dataset
 */
typedef enum
{
  ATLAS_ZONE_COMPUTE_DEFAULT    = 0,
  ATLAS_ZONE_COMPUTE_HISTORICAL = 1 << 0,
} AtlasZoneComputeFlags;

/* Widths a band may be given (data format: 0 < width ≤ 1000). */
#define ATLAS_ZONE_MIN_WIDTH_KM 0.1
#define ATLAS_ZONE_MAX_WIDTH_KM 1000.0

#define ATLAS_TYPE_ZONE_SET (atlas_zone_set_get_type ())

G_DECLARE_FINAL_TYPE (AtlasZoneSet, atlas_zone_set, ATLAS, ZONE_SET, GObject)

AtlasZoneSet      *atlas_zone_set_new                (AtlasBasemap           *basemap,
                                                      AtlasDataset           *dataset);
AtlasBasemap      *atlas_zone_set_get_basemap        (AtlasZoneSet           *self);
AtlasDataset      *atlas_zone_set_get_dataset        (AtlasZoneSet           *self);

/* (transfer container) The ids of the zones active on @day, in the
 * dataset's order (strings owned by the dataset). */
GPtrArray         *atlas_zone_set_list_active        (AtlasZoneSet           *self,
                                                      gint32                  day);
gboolean           atlas_zone_set_has_zone           (AtlasZoneSet           *self,
                                                      const char             *zone_id);
/* Zones are coloured by their place in the dataset. */
guint              atlas_zone_set_get_color_index    (AtlasZoneSet           *self,
                                                      const char             *zone_id);

/* Widths: for bands only (otherwise NAN / FALSE / no-ops). */
gboolean           atlas_zone_set_is_band            (AtlasZoneSet           *self,
                                                      const char             *zone_id);
double             atlas_zone_set_get_width_km       (AtlasZoneSet           *self,
                                                      const char             *zone_id,
                                                      gint32                  day,
                                                      AtlasZoneComputeFlags   flags);
void               atlas_zone_set_set_width_override (AtlasZoneSet           *self,
                                                      const char             *zone_id,
                                                      double                  width_km);
void               atlas_zone_set_reset_width        (AtlasZoneSet           *self,
                                                      const char             *zone_id);
gboolean           atlas_zone_set_has_width_override (AtlasZoneSet           *self,
                                                      const char             *zone_id);

/* (transfer full) (nullable) The cached result for the zone as it is on
 * @day, or NULL if it has not been computed yet. */
AtlasComputedZone *atlas_zone_set_lookup             (AtlasZoneSet           *self,
                                                      const char             *zone_id,
                                                      gint32                  day,
                                                      AtlasZoneComputeFlags   flags);
void               atlas_zone_set_compute_async      (AtlasZoneSet           *self,
                                                      const char             *zone_id,
                                                      gint32                  day,
                                                      AtlasZoneComputeFlags   flags,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
AtlasComputedZone *atlas_zone_set_compute_finish     (AtlasZoneSet           *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
/* Blocks: for the command line, export and tests, never the UI thread. */
AtlasComputedZone *atlas_zone_set_compute            (AtlasZoneSet           *self,
                                                      const char             *zone_id,
                                                      gint32                  day,
                                                      AtlasZoneComputeFlags   flags,
                                                      GError                **error);

G_END_DECLS
