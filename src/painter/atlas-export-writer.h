/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-export-size.h"
#include "atlas-snapshot.h"

G_BEGIN_DECLS

/*
 * Writing snapshots: PNG through a cairo image surface, SVG and PDF through
 * cairo's vector surfaces, each drawn afresh for the size asked (see
 * atlas_export_fit_view()).
 *
 * Files are written safely: into a temporary file beside the target, which
 * is renamed over the target only once complete. Any failure (no space, no
 * permission, cancelled) leaves an existing file as it was and reports a
 * G_IO_ERROR whose message names the file.
 *
 * All functions draw a copy of @snapshot: change it freely afterwards.
 */

cairo_surface_t *atlas_export_render_image       (AtlasSnapshot              *snapshot,
                                                  const AtlasExportSize      *size,
                                                  GCancellable               *cancellable,
                                                  GError                    **error);
void             atlas_export_render_image_async (AtlasSnapshot              *snapshot,
                                                  const AtlasExportSize      *size,
                                                  GCancellable               *cancellable,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
cairo_surface_t *atlas_export_render_image_finish (GAsyncResult              *result,
                                                  GError                    **error);

gboolean         atlas_export_write              (AtlasSnapshot              *snapshot,
                                                  AtlasExportFormat           format,
                                                  const AtlasExportSize      *size,
                                                  GFile                      *file,
                                                  GCancellable               *cancellable,
                                                  AtlasSnapshotProgressFunc   progress,
                                                  gpointer                    progress_data,
                                                  GError                    **error);
void             atlas_export_write_async        (AtlasSnapshot              *snapshot,
                                                  AtlasExportFormat           format,
                                                  const AtlasExportSize      *size,
                                                  GFile                      *file,
                                                  GCancellable               *cancellable,
                                                  AtlasSnapshotProgressFunc   progress,
                                                  gpointer                    progress_data,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
gboolean         atlas_export_write_finish       (GAsyncResult               *result,
                                                  GError                    **error);

G_END_DECLS
