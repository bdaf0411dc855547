/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-date.h"
#include "atlas-zone-set.h"

G_BEGIN_DECLS

/*
 * The features of a dataset active on a date as one RFC 7946 GeoJSON
 * FeatureCollection in WGS 84: zones with their computed geometry (rules
 * evaluated for the date, with the widths of the dataset, never a session's
 * explorations) and their area and length, then events, deployments and
 * places, each with the properties of docs/data-format.md. Needs no
 * display. Coordinates are written with 6 decimals (about 0.1 m).
 *
 * Zone properties added by the computation:
 *   "width_km"     a band's width on the date
 *   "area_km2"     area (0 for lines)
 *   "length_km"    a band's boundary, a line's length, a polygon's perimeter
 *   "computed_from" the rule, as in the dataset
 *   "computation_error" when the zone could not be computed ("geometry"
 *                  is then null); the export itself still succeeds
 * The collection has a foreign member "date" with the date exported.
 */

/* @zones: (nullable): the dataset's zone set; NULL to make one on the
 * bundled base map. */
GBytes   *atlas_geojson_export_bytes (AtlasDataset      *dataset,
                                      AtlasZoneSet      *zones,
                                      const AtlasDate   *date,
                                      GCancellable      *cancellable,
                                      GError           **error);
/* Writes atomically: @file is replaced only once everything is written. */
gboolean  atlas_geojson_export       (AtlasDataset      *dataset,
                                      AtlasZoneSet      *zones,
                                      const AtlasDate   *date,
                                      GFile             *file,
                                      GCancellable      *cancellable,
                                      GError           **error);

G_END_DECLS
