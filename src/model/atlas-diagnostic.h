/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-model-types.h"

G_BEGIN_DECLS

/*
 * AtlasDiagnostic:
 * One problem found while loading: an error (the file or feature was not
 * loaded) or a warning (it was). A loader puts them in a GListModel that a
 * UI can show; atlas_diagnostic_to_string() gives the one-line form that
 * `kosovo-atlas --validate` prints:
 *
 *   FILE:LINE:COLUMN: MESSAGE                       (syntax, file level)
 *   FILE: features[12] (id "gsz-1999"): PATH: MESSAGE   (a feature)
 *
 * with "warning: " before the message of a warning.
 */
#define ATLAS_TYPE_DIAGNOSTIC (atlas_diagnostic_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDiagnostic, atlas_diagnostic, ATLAS, DIAGNOSTIC, GObject)

/* @line/@column are 1-based, 0 when unknown; @feature_index is -1 for a
 * file-level problem; @feature_id and @path may be NULL. */
AtlasDiagnostic *atlas_diagnostic_new               (AtlasSeverity    severity,
                                                     const char      *file,
                                                     guint            line,
                                                     guint            column,
                                                     gint             feature_index,
                                                     const char      *feature_id,
                                                     const char      *path,
                                                     const char      *message);
AtlasSeverity    atlas_diagnostic_get_severity      (AtlasDiagnostic *self);
const char      *atlas_diagnostic_get_file          (AtlasDiagnostic *self);
guint            atlas_diagnostic_get_line          (AtlasDiagnostic *self);
guint            atlas_diagnostic_get_column        (AtlasDiagnostic *self);
gint             atlas_diagnostic_get_feature_index (AtlasDiagnostic *self);
const char      *atlas_diagnostic_get_feature_id    (AtlasDiagnostic *self);
/* The JSON path inside the feature ("properties.end"), or NULL. */
const char      *atlas_diagnostic_get_path          (AtlasDiagnostic *self);
const char      *atlas_diagnostic_get_message       (AtlasDiagnostic *self);
char            *atlas_diagnostic_to_string         (AtlasDiagnostic *self);

G_END_DECLS
