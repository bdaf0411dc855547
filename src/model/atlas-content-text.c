/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-content-text"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-content-text.h"

/**
 * atlas_content_text_translate:
 * @context: %ATLAS_CONTENT_DATASET or %ATLAS_CONTENT_LESSON
 * @text: (nullable): text as a dataset or lesson file has it
 *
 * Text read from a file is kept as written (so files are saved and
 * exported unchanged) and translated only to be shown. The bundled
 * dataset's and lesson's text is in the app's catalogue; any other text,
 * and text a language has no translation for, comes back unchanged.
 *
 * Returns: (nullable): the text to show; it lives as long as @text or as
 *   the process (a catalogue's strings are never freed)
 */
const char *
atlas_content_text_translate (const char *context,
                              const char *text)
{
  g_return_val_if_fail (context != NULL, text);

  /* gettext ("") is the catalogue's header. */
  if (text == NULL || *text == '\0')
    return text;

  return g_dpgettext2 (GETTEXT_PACKAGE, context, text);
}
