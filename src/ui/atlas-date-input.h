/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dates as people type them into the timeline: ISO ("1999-06-12",
 * "1999-06", "1999") or written out ("12 June 1999", "June 12, 1999",
 * "June 1999", "Jun 1999"), with English month names and those of the
 * current locale, in any letter case. A date of month or year precision
 * means its first day.
 */
gboolean atlas_date_input_parse (const char  *text,
                                 gint32      *day,
                                 char       **error_message);

G_END_DECLS
