/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A check of JSON text that yajl and json-glib do not make. A "\uXXXX"
 * escape of a UTF-16 surrogate stands for a character only as the first
 * half (U+D800–U+DBFF) of a pair whose second half (U+DC00–U+DFFF) follows
 * at once. Alone, yajl decodes it into "?" or, before any other "\u"
 * escape, into an unrelated character; json-glib into bytes that are not
 * UTF-8 (and json-glib 1.6 leaks memory on it). The readers refuse it.
 */

/* The offset of the first surrogate escape in @text (JSON as written, a
 * string's contents or a whole document) that is not half of a pair, or
 * -1 when there is none. */
gssize atlas_json_find_unpaired_surrogate (const char *text,
                                           gsize       length);

/* The offset of the opening quote of the JSON string in @text whose
 * closing quote is at @close. */
gsize  atlas_json_string_start            (const char *text,
                                           gsize       close);

G_END_DECLS
