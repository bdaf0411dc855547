/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dates as people type them into the timeline: ISO ("1999-06-12",
 * "1999-06", "1999"), in digits with dots ("12.6.1999", "12. 6. 1999.")
 * or written out ("12 June 1999", "June 12, 1999", "June 1999", "Jun
 * 1999", "12. јун 1999.", "12. juna 1999.", "12 qershor 1999"), with month
 * names in English, Serbian (both scripts, nominative or genitive),
 * Albanian and the current locale, in any letter case, abbreviated to
 * three letters or more. Days and years may end with a dot, as in
 * Serbian. Written-out years have one to four digits ("1 December 900",
 * as the app shows it), but at least three after a month alone ("June
 * 12" is not the year 12). A date of month or year precision means its
 * first day.
 */
gboolean atlas_date_input_parse (const char  *text,
                                 gint32      *day,
                                 char       **error_message);

G_END_DECLS
