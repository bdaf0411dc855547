/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#define G_LOG_DOMAIN "atlas-fuzz-date"

#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "fuzz-target.h"

/*
 * atlas_date_parse(), the strict ISO/EDTF parser of every date in a
 * dataset. The input is passed with its exact length and no terminating
 * NUL, so any read past it is an AddressSanitizer report. Oracles: a date
 * that parses prints back to exactly the same text, lies in the calendar,
 * and formats; a failure leaves the date cleared. "A/B" is also tried as
 * an interval when both halves parse.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init_glib ();
  return 0;
}

static gboolean
check_date (const char *text,
            gsize       length,
            AtlasDate  *date)
{
  g_autofree char *printed = NULL;
  g_autofree char *formatted = NULL;
  int year, month, day;
  gint32 first, end;

  if (!atlas_date_parse (text, length, date))
    {
      g_assert_false (atlas_date_is_set (date));
      return FALSE;
    }

  g_assert_true (atlas_date_is_set (date));
  g_assert_cmpint (date->year, >=, 1);
  g_assert_cmpint (date->year, <=, 9999);
  g_assert_true (atlas_ymd_is_valid (date->year, MAX (date->month, 1), MAX (date->day, 1)));

  /* Strict means canonical: the text is the only spelling of the date. */
  printed = atlas_date_to_string (date);
  g_assert_cmpuint (strlen (printed), ==, length);
  g_assert_true (memcmp (printed, text, length) == 0);

  first = atlas_date_get_first_day (date);
  end = atlas_date_get_end_day (date);
  g_assert_cmpint (first, <, end);
  atlas_day_to_ymd (first, &year, &month, &day);
  g_assert_cmpint (year, ==, date->year);
  g_assert_cmpint (month, ==, MAX (date->month, 1));
  g_assert_cmpint (day, ==, MAX (date->day, 1));
  atlas_day_to_ymd (end - 1, &year, &month, &day);
  g_assert_cmpint (year, ==, date->year);

  formatted = atlas_date_format (date);
  g_assert_true (formatted != NULL && *formatted != '\0');
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  const char *slash = memchr (text, '/', size);
  AtlasDate date, start, end;
  gboolean parsed;

  parsed = check_date (text, size, &date);

  /* The NUL-terminated form (-1) must agree whenever it is the same text. */
  if (memchr (text, '\0', size) == NULL)
    {
      g_autofree char *copy = g_strndup (text, size);
      AtlasDate again;

      g_assert_cmpint (atlas_date_parse (copy, -1, &again), ==, parsed);
      g_assert_true (atlas_date_equal (&date, &again));
    }

  if (slash != NULL &&
      check_date (text, slash - text, &start) &&
      check_date (slash + 1, size - (slash - text) - 1, &end))
    {
      g_autofree char *interval = NULL;

      if (atlas_date_get_first_day (&start) < atlas_date_get_first_day (&end))
        {
          interval = atlas_interval_format (&start, &end, FALSE);
          g_assert_true (interval != NULL && *interval != '\0');
        }
      g_clear_pointer (&interval, g_free);
      interval = atlas_interval_format (&start, NULL, TRUE);
      g_assert_nonnull (interval);
    }

  return 0;
}
