/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-export-size.h"
#include "atlas-snapshot.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ATLAS, EXPORT_DIALOG, AdwWindow)

AtlasExportDialog *atlas_export_dialog_new            (GtkWindow         *parent,
                                                       AtlasSnapshot     *snapshot);
AtlasSnapshot     *atlas_export_dialog_get_snapshot   (AtlasExportDialog *self);

AtlasExportFormat  atlas_export_dialog_get_format     (AtlasExportDialog *self);
void               atlas_export_dialog_set_format     (AtlasExportDialog *self,
                                                       AtlasExportFormat  format);
AtlasExportPreset  atlas_export_dialog_get_preset     (AtlasExportDialog *self);
void               atlas_export_dialog_set_preset     (AtlasExportDialog *self,
                                                       AtlasExportPreset  preset);
void               atlas_export_dialog_get_size       (AtlasExportDialog *self,
                                                       AtlasExportSize   *size);

void               atlas_export_dialog_export_to_file (AtlasExportDialog *self,
                                                       GFile             *file);
void               atlas_export_dialog_copy_to_clipboard (AtlasExportDialog *self);

G_END_DECLS
