/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-computed-zone.h"
#include "atlas-snapshot-overlay.h"

G_BEGIN_DECLS

/*
 * Zones in a snapshot: an overlay that draws computed zones (immutable, so
 * any thread may draw them) with the painter's zone styles, names them,
 * and adds a legend entry for each zone in the view. The zones are those
 * of one day: compute them for the snapshot's day (the command line uses
 * atlas_zone_set_compute() with ATLAS_ZONE_COMPUTE_HISTORICAL; the window
 * has them already).
 */
AtlasOverlay *atlas_zones_overlay_new (AtlasComputedZone * const *zones,
                                       guint                      n_zones);

G_END_DECLS
