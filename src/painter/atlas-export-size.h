/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * Formats and sizes of exported snapshots, and how a view is fitted to
 * them. An export shows the same map area as the view it comes from,
 * scaled, not re-cropped: a 3840×2160 export of a 1920×1080 view is that
 * view drawn at scale 2. When the shapes differ, the centre stays and the
 * zoom is chosen so that the whole original area is shown.
 */

#define ATLAS_EXPORT_ERROR (atlas_export_error_quark ())

/**
 * AtlasExportError:
 * @ATLAS_EXPORT_ERROR_INVALID_SIZE: the size cannot be parsed or is out of
 *   range (see %ATLAS_EXPORT_MAX_SIDE)
 * @ATLAS_EXPORT_ERROR_UNSUPPORTED_FORMAT: a file extension names no format
 *   we write
 *
 * Failures to write a file are reported in the G_IO_ERROR domain, with a
 * message that names the file.
 */
typedef enum
{
  ATLAS_EXPORT_ERROR_INVALID_SIZE,
  ATLAS_EXPORT_ERROR_UNSUPPORTED_FORMAT,
} AtlasExportError;

typedef enum
{
  ATLAS_EXPORT_FORMAT_PNG,
  ATLAS_EXPORT_FORMAT_SVG,
  ATLAS_EXPORT_FORMAT_PDF,
} AtlasExportFormat;

#define ATLAS_EXPORT_N_FORMATS 3

typedef enum
{
  ATLAS_EXPORT_PRESET_CURRENT_VIEW,
  ATLAS_EXPORT_PRESET_FULL_HD,            /* 1920×1080 */
  ATLAS_EXPORT_PRESET_UHD,                /* 3840×2160 */
  ATLAS_EXPORT_PRESET_A4_PORTRAIT,        /* at 300 dpi */
  ATLAS_EXPORT_PRESET_A4_LANDSCAPE,
  ATLAS_EXPORT_PRESET_LETTER_PORTRAIT,
  ATLAS_EXPORT_PRESET_LETTER_LANDSCAPE,
  ATLAS_EXPORT_PRESET_CUSTOM,
} AtlasExportPreset;

#define ATLAS_EXPORT_N_PRESETS 8

/*
 * AtlasExportSize:
 * @width: pixels of the picture (for a page: pixels at @dpi)
 * @height: the same, vertically
 * @dpi: 0 for a screen-sized picture; for a printed page, its resolution
 *
 * Screen sizes become PNGs of width×height pixels and SVGs and PDFs of
 * width×height pixels (points, in a PDF). Pages become PNGs of that many
 * pixels and SVGs and PDFs of the paper's physical size. On a page, one
 * logical pixel of the view is 1/96 inch, so text prints at a readable size.
 */
typedef struct
{
  int    width;
  int    height;
  double dpi;
} AtlasExportSize;

#define ATLAS_EXPORT_MIN_SIDE 16
#define ATLAS_EXPORT_MAX_SIDE 16384
#define ATLAS_EXPORT_MAX_PIXELS (16384 * 8192)
#define ATLAS_EXPORT_PRINT_DPI 300.0
/* The resolution at which a logical pixel of a view has its nominal size. */
#define ATLAS_EXPORT_LOGICAL_DPI 96.0

GQuark            atlas_export_error_quark             (void);

gboolean          atlas_export_format_from_name        (const char            *filename,
                                                        AtlasExportFormat     *format,
                                                        GError               **error);
const char       *atlas_export_format_get_extension    (AtlasExportFormat      format);
const char       *atlas_export_format_get_mime_type    (AtlasExportFormat      format);
const char       *atlas_export_format_get_label        (AtlasExportFormat      format);

const char       *atlas_export_preset_get_label        (AtlasExportPreset      preset);
gboolean          atlas_export_size_for_preset         (AtlasExportPreset      preset,
                                                        const AtlasView       *current,
                                                        AtlasExportSize       *size);
gboolean          atlas_export_size_parse              (const char            *text,
                                                        AtlasExportSize       *size,
                                                        GError               **error);
gboolean          atlas_export_size_validate           (const AtlasExportSize *size,
                                                        GError               **error);
void              atlas_export_size_get_page           (const AtlasExportSize *size,
                                                        AtlasExportFormat      format,
                                                        double                *width,
                                                        double                *height);

double            atlas_export_size_get_default_scale  (const AtlasExportSize *size);
void              atlas_export_fit_view                (const AtlasView       *view,
                                                        const AtlasExportSize *size,
                                                        AtlasView             *fitted,
                                                        double                *scale);

G_END_DECLS
