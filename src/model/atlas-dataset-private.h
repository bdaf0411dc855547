/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to the model: how the loader makes a dataset. */

#include "atlas-dataset.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* @store must be finished. */
AtlasDataset *atlas_dataset_new_for_store (AtlasStore *store,
                                           GListModel *diagnostics,
                                           guint       n_errors,
                                           guint       n_warnings);

G_END_DECLS
