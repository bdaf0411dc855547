/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-export-size.h"

G_DEFINE_QUARK (atlas-export-error-quark, atlas_export_error)

static const struct {
  const char *extension;
  const char *mime_type;
  const char *label;
} formats[ATLAS_EXPORT_N_FORMATS] = {
  [ATLAS_EXPORT_FORMAT_PNG] = { "png", "image/png", N_("PNG Image") },
  [ATLAS_EXPORT_FORMAT_SVG] = { "svg", "image/svg+xml", N_("SVG Drawing") },
  [ATLAS_EXPORT_FORMAT_PDF] = { "pdf", "application/pdf", N_("PDF Document") },
};

/* Paper sizes in millimetres, portrait. */
#define A4_W_MM 210.0
#define A4_H_MM 297.0
#define LETTER_W_MM 215.9
#define LETTER_H_MM 279.4

/* The screen size whose picture is drawn at scale 1 when no view says
 * otherwise (the command line): larger pictures are that one, sharper. */
#define REFERENCE_WIDTH 1920.0
#define REFERENCE_HEIGHT 1080.0

/**
 * atlas_export_format_from_name:
 * @filename: a file name or path; only its extension counts, in any case
 *
 * Returns: %TRUE and the format, or %FALSE with
 *   %ATLAS_EXPORT_ERROR_UNSUPPORTED_FORMAT
 */
gboolean
atlas_export_format_from_name (const char         *filename,
                               AtlasExportFormat  *format,
                               GError            **error)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
    for (guint i = 0; i < ATLAS_EXPORT_N_FORMATS; i++)
      if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
        {
          *format = (AtlasExportFormat) i;
          return TRUE;
        }

  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_UNSUPPORTED_FORMAT,
               /* Translators: %s is a file name */
               _("Cannot tell the format of “%s”: its name must end in .png, .svg or .pdf"),
               filename);
  return FALSE;
}

const char *
atlas_export_format_get_extension (AtlasExportFormat format)
{
  g_return_val_if_fail (format < ATLAS_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
atlas_export_format_get_mime_type (AtlasExportFormat format)
{
  g_return_val_if_fail (format < ATLAS_EXPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

const char *
atlas_export_format_get_label (AtlasExportFormat format)
{
  g_return_val_if_fail (format < ATLAS_EXPORT_N_FORMATS, NULL);
  return _(formats[format].label);
}

const char *
atlas_export_preset_get_label (AtlasExportPreset preset)
{
  switch (preset)
    {
    case ATLAS_EXPORT_PRESET_CURRENT_VIEW:
      return _("Current View");
    case ATLAS_EXPORT_PRESET_FULL_HD:
      return _("Full HD (1920 × 1080)");
    case ATLAS_EXPORT_PRESET_UHD:
      return _("4K UHD (3840 × 2160)");
    case ATLAS_EXPORT_PRESET_A4_PORTRAIT:
      return _("A4 Portrait");
    case ATLAS_EXPORT_PRESET_A4_LANDSCAPE:
      return _("A4 Landscape");
    case ATLAS_EXPORT_PRESET_LETTER_PORTRAIT:
      return _("US Letter Portrait");
    case ATLAS_EXPORT_PRESET_LETTER_LANDSCAPE:
      return _("US Letter Landscape");
    case ATLAS_EXPORT_PRESET_CUSTOM:
      return _("Custom");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_page (AtlasExportSize *size,
          double           width_mm,
          double           height_mm,
          gboolean         landscape)
{
  double w = round (width_mm / 25.4 * ATLAS_EXPORT_PRINT_DPI);
  double h = round (height_mm / 25.4 * ATLAS_EXPORT_PRINT_DPI);

  size->width = (int) (landscape ? h : w);
  size->height = (int) (landscape ? w : h);
  size->dpi = ATLAS_EXPORT_PRINT_DPI;
}

/**
 * atlas_export_size_for_preset:
 * @current: (nullable): the view on screen, for
 *   %ATLAS_EXPORT_PRESET_CURRENT_VIEW
 *
 * Returns: %FALSE for %ATLAS_EXPORT_PRESET_CUSTOM, which has no size of
 *   its own (and for the current view when @current is %NULL)
 */
gboolean
atlas_export_size_for_preset (AtlasExportPreset  preset,
                              const AtlasView   *current,
                              AtlasExportSize   *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  switch (preset)
    {
    case ATLAS_EXPORT_PRESET_CURRENT_VIEW:
      if (current == NULL)
        return FALSE;
      *size = (AtlasExportSize) { (int) round (current->width), (int) round (current->height), 0 };
      return TRUE;
    case ATLAS_EXPORT_PRESET_FULL_HD:
      *size = (AtlasExportSize) { 1920, 1080, 0 };
      return TRUE;
    case ATLAS_EXPORT_PRESET_UHD:
      *size = (AtlasExportSize) { 3840, 2160, 0 };
      return TRUE;
    case ATLAS_EXPORT_PRESET_A4_PORTRAIT:
    case ATLAS_EXPORT_PRESET_A4_LANDSCAPE:
      set_page (size, A4_W_MM, A4_H_MM, preset == ATLAS_EXPORT_PRESET_A4_LANDSCAPE);
      return TRUE;
    case ATLAS_EXPORT_PRESET_LETTER_PORTRAIT:
    case ATLAS_EXPORT_PRESET_LETTER_LANDSCAPE:
      set_page (size, LETTER_W_MM, LETTER_H_MM, preset == ATLAS_EXPORT_PRESET_LETTER_LANDSCAPE);
      return TRUE;
    case ATLAS_EXPORT_PRESET_CUSTOM:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
atlas_export_size_validate (const AtlasExportSize  *size,
                            GError                **error)
{
  g_return_val_if_fail (size != NULL, FALSE);

  if (size->width < ATLAS_EXPORT_MIN_SIDE || size->height < ATLAS_EXPORT_MIN_SIDE ||
      size->width > ATLAS_EXPORT_MAX_SIDE || size->height > ATLAS_EXPORT_MAX_SIDE)
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_INVALID_SIZE,
                   _("The size %d × %d is out of range: each side must be %d to %d pixels"),
                   size->width, size->height, ATLAS_EXPORT_MIN_SIDE, ATLAS_EXPORT_MAX_SIDE);
      return FALSE;
    }

  if ((gint64) size->width * size->height > ATLAS_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_INVALID_SIZE,
                   _("The size %d × %d is too large: at most %d million pixels"),
                   size->width, size->height, ATLAS_EXPORT_MAX_PIXELS / (1000 * 1000));
      return FALSE;
    }

  if (size->dpi < 0 || size->dpi > 2400)
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_INVALID_SIZE,
                   _("The resolution %g dpi is out of range"), size->dpi);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_side (const char  *text,
            const char  *end,
            int         *side)
{
  guint64 value;
  char *stop;

  if (text == end || !g_ascii_isdigit (*text))
    return FALSE;

  value = g_ascii_strtoull (text, &stop, 10);
  if (stop != end || value > G_MAXINT)
    return FALSE;

  *side = (int) value;
  return TRUE;
}

/**
 * atlas_export_size_parse:
 * @text: "WIDTHxHEIGHT" in pixels ("1920x1080"), or a paper size: "a4",
 *   "a4-landscape", "letter", "letter-landscape"
 *
 * Returns: %TRUE and a valid size, or %FALSE with
 *   %ATLAS_EXPORT_ERROR_INVALID_SIZE
 */
gboolean
atlas_export_size_parse (const char       *text,
                         AtlasExportSize  *size,
                         GError          **error)
{
  static const struct { const char *name; AtlasExportPreset preset; } papers[] = {
    { "a4", ATLAS_EXPORT_PRESET_A4_PORTRAIT },
    { "a4-portrait", ATLAS_EXPORT_PRESET_A4_PORTRAIT },
    { "a4-landscape", ATLAS_EXPORT_PRESET_A4_LANDSCAPE },
    { "letter", ATLAS_EXPORT_PRESET_LETTER_PORTRAIT },
    { "letter-portrait", ATLAS_EXPORT_PRESET_LETTER_PORTRAIT },
    { "letter-landscape", ATLAS_EXPORT_PRESET_LETTER_LANDSCAPE },
  };
  AtlasExportSize parsed = { 0, 0, 0 };
  const char *x;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (size != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (text, papers[i].name) == 0)
      return atlas_export_size_for_preset (papers[i].preset, NULL, size);

  x = strpbrk (text, "xX");
  if (x == NULL ||
      !parse_side (text, x, &parsed.width) ||
      !parse_side (x + 1, x + 1 + strlen (x + 1), &parsed.height))
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_INVALID_SIZE,
                   _("Invalid size “%s”: use WIDTHxHEIGHT in pixels (e.g. 1920x1080), a4, a4-landscape, letter or letter-landscape"),
                   text);
      return FALSE;
    }

  if (!atlas_export_size_validate (&parsed, error))
    return FALSE;

  *size = parsed;
  return TRUE;
}

/**
 * atlas_export_size_get_page:
 * @width: (out): the width of a page of @format, in its surface's units
 *   (pixels for PNG and for SVG and PDF of a screen size, points for pages)
 * @height: (out): the height
 */
void
atlas_export_size_get_page (const AtlasExportSize *size,
                            AtlasExportFormat      format,
                            double                *width,
                            double                *height)
{
  g_return_if_fail (size != NULL);

  if (format == ATLAS_EXPORT_FORMAT_PNG || size->dpi <= 0)
    {
      *width = size->width;
      *height = size->height;
    }
  else
    {
      *width = size->width * 72.0 / size->dpi;
      *height = size->height * 72.0 / size->dpi;
    }
}

/**
 * atlas_export_size_get_default_scale:
 *
 * Device pixels per logical pixel for a picture of @size that comes from
 * no particular view: pages print a logical pixel at 1/96 inch; screen
 * sizes larger than 1920×1080 are drawn as that, scaled up, and smaller
 * ones at scale 1.
 */
double
atlas_export_size_get_default_scale (const AtlasExportSize *size)
{
  g_return_val_if_fail (size != NULL, 1.0);

  if (size->dpi > 0)
    return size->dpi / ATLAS_EXPORT_LOGICAL_DPI;

  return MAX (1.0, sqrt ((double) size->width * size->height / (REFERENCE_WIDTH * REFERENCE_HEIGHT)));
}

/**
 * atlas_export_fit_view:
 * @view: the view on screen
 * @fitted: (out caller-allocates): the view to draw at @size
 * @scale: (out): device pixels per logical pixel of @fitted
 *
 * The view with @view's centre whose logical size is @size divided by
 * @scale, zoomed so that all of @view's area is in it. A size of the same
 * shape as @view gives @view itself at the scale of the two sizes: the same
 * map area, only sharper. Screen sizes smaller than @view are not scaled
 * down, so text stays readable; they show the area at a smaller zoom.
 */
void
atlas_export_fit_view (const AtlasView       *view,
                       const AtlasExportSize *size,
                       AtlasView             *fitted,
                       double                *scale)
{
  double s;

  g_return_if_fail (view != NULL && view->width > 0 && view->height > 0);
  g_return_if_fail (size != NULL && size->width > 0 && size->height > 0);
  g_return_if_fail (fitted != NULL);
  g_return_if_fail (scale != NULL);

  if (size->dpi > 0)
    s = size->dpi / ATLAS_EXPORT_LOGICAL_DPI;
  else if (size->width * view->height == size->height * view->width)
    s = MAX (1.0, size->width / view->width);
  else
    s = MAX (1.0, sqrt ((double) size->width * size->height / (view->width * view->height)));

  *fitted = *view;
  fitted->width = size->width / s;
  fitted->height = size->height / s;
  fitted->zoom = view->zoom + log2 (MIN (fitted->width / view->width, fitted->height / view->height));
  *scale = s;
}
