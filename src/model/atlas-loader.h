/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/*
 * AtlasLoader:
 * Loads one or more dataset files (docs/data-format.md) into a new
 * AtlasDataset. Add the files, then call atlas_loader_load_async() (the
 * parsing runs in a worker thread) or atlas_loader_load(). A loader loads
 * once.
 *
 * A load never touches any existing dataset: a failed or cancelled load
 * just gives no new one. Problems in single features skip those features
 * and become diagnostics; a file-level problem (unreadable, not JSON, not
 * a FeatureCollection, over a limit) in any file fails the whole load with
 * an ATLAS_DATASET_ERROR whose message starts "FILE:LINE:COLUMN: ", after
 * the other files were still checked. Cancellation gives
 * G_IO_ERROR_CANCELLED.
 *
 * The diagnostics (AtlasDiagnostic) of all files, of a failed load too,
 * are in atlas_loader_get_diagnostics() once the load has finished.
 */
#define ATLAS_TYPE_LOADER (atlas_loader_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLoader, atlas_loader, ATLAS, LOADER, GObject)

AtlasLoader  *atlas_loader_new             (void);
/* @name is used in diagnostics; NULL means the file's parse name. */
void          atlas_loader_add_file        (AtlasLoader          *self,
                                            GFile                *file,
                                            const char           *name);
void          atlas_loader_add_bytes       (AtlasLoader          *self,
                                            GBytes               *bytes,
                                            const char           *name);
/* Loads in the calling thread. */
AtlasDataset *atlas_loader_load            (AtlasLoader          *self,
                                            GCancellable         *cancellable,
                                            GError              **error);
/* Loads in a worker thread. While it runs, "progress" (0 to 1) is updated
 * in the thread-default main context of the caller. */
void          atlas_loader_load_async      (AtlasLoader          *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
AtlasDataset *atlas_loader_load_finish     (AtlasLoader          *self,
                                            GAsyncResult         *result,
                                            GError              **error);
double        atlas_loader_get_progress    (AtlasLoader          *self);
/* (transfer none) A GListModel of AtlasDiagnostic; filled when the load
 * finishes. */
GListModel   *atlas_loader_get_diagnostics (AtlasLoader          *self);
guint         atlas_loader_get_n_errors    (AtlasLoader          *self);
guint         atlas_loader_get_n_warnings  (AtlasLoader          *self);

G_END_DECLS
