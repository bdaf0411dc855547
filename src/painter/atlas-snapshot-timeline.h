/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-painter-deployments.h"
#include "atlas-painter-events.h"
#include "atlas-snapshot-overlay.h"

G_BEGIN_DECLS

/*
 * The timeline's layers in a snapshot: overlays that draw an event set and
 * a deployment set (both immutable, chosen for one day) with the painter's
 * styles, and add legend entries for the kinds of symbol in the view.
 */
AtlasOverlay *atlas_events_overlay_new      (AtlasEventSet      *set);
AtlasOverlay *atlas_deployments_overlay_new (AtlasDeploymentSet *set);

G_END_DECLS
