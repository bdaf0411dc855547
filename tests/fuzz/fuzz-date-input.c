/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "atlas-fuzz-date-input"

#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-date-input.h"
#include "fuzz-target.h"

/*
 * atlas_date_input_parse(), the forgiving parser behind the timeline's
 * date entry ("12 June 1999", "Jun 1999", "1999-06", "17. марта 2004.",
 * "17.3.2004"). Entries hand it
 * valid UTF-8 without NULs, so other input is skipped. Oracles: a day that
 * parses is a calendar day whose written-out form parses back to it; a
 * failure always comes with a message.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gint32 day = 0;

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate ((const char *) data, size, NULL))
    return 0;

  text = g_strndup ((const char *) data, size);

  if (atlas_date_input_parse (text, &day, &message))
    {
      g_autofree char *written = atlas_day_format (day);
      g_autofree char *iso = NULL;
      gint32 again = -1;
      int year, month, day_of_month;

      g_assert_null (message);
      g_assert_cmpint (day, >=, atlas_day_from_ymd (1, 1, 1));
      g_assert_cmpint (day, <=, atlas_day_from_ymd (9999, 12, 31));

      /* What the timeline shows can be typed back, in both spellings. */
      atlas_day_to_ymd (day, &year, &month, &day_of_month);
      iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day_of_month);
      g_assert_true (atlas_date_input_parse (iso, &again, NULL));
      g_assert_cmpint (again, ==, day);

      again = -1;
      g_assert_true (atlas_date_input_parse (written, &again, NULL));
      g_assert_cmpint (again, ==, day);
    }
  else
    {
      g_assert_nonnull (message);
      g_assert_true (g_utf8_validate (message, -1, NULL));
    }

  return 0;
}
