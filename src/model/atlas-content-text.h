/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gettext contexts of the bundled dataset's and lesson's text; see
 * tools/extract-content-strings, which lists that text for translators in
 * po/bundled-content.c. */
#define ATLAS_CONTENT_DATASET "dataset"
#define ATLAS_CONTENT_LESSON  "lesson"

const char *atlas_content_text_translate (const char *context,
                                          const char *text);

G_END_DECLS
