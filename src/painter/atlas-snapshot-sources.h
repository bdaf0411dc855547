/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"
#include "atlas-snapshot-overlay.h"

G_BEGIN_DECLS

/*
 * An overlay that draws nothing and credits the sources of a dataset: the
 * publishers (or, without one, the titles) of the sources of every feature
 * in force on the snapshot's day, most cited first. It makes sure an export
 * credits its data even before, or without, the thematic overlays; those
 * may credit the same publishers again, which the legend prints once.
 */
AtlasOverlay *atlas_dataset_sources_overlay_new (AtlasDataset *dataset);

G_END_DECLS
