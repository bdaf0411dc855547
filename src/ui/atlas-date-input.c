/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-date-input"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-date-input.h"

static const char * const english_months[12][2] = {
  { "january", "jan" }, { "february", "feb" }, { "march", "mar" }, { "april", "apr" },
  { "may", "may" }, { "june", "jun" }, { "july", "jul" }, { "august", "aug" },
  { "september", "sep" }, { "october", "oct" }, { "november", "nov" }, { "december", "dec" },
};

/* 1–12 for a month name in English or the locale, full or abbreviated
 * (with or without a trailing dot); 0 otherwise. */
static int
parse_month_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize len = strlen (folded);

  if (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';
  if (len == 0)
    return 0;

  for (int m = 0; m < 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, m + 1, 15, 0, 0, 0);
      g_autofree char *full = g_date_time_format (dt, "%B");
      g_autofree char *abbr = g_date_time_format (dt, "%b");
      g_autofree char *full_f = full ? g_utf8_casefold (full, -1) : NULL;
      g_autofree char *abbr_f = abbr ? g_utf8_casefold (abbr, -1) : NULL;

      if (g_str_equal (folded, english_months[m][0]) || g_str_equal (folded, english_months[m][1]) ||
          (full_f && g_str_equal (folded, full_f)) || (abbr_f && g_str_has_prefix (abbr_f, folded) &&
                                                       g_utf8_strlen (folded, -1) >= 3))
        return m + 1;
    }

  return 0;
}

static gboolean
parse_number (const char *word,
              int         min_digits,
              int         max_digits,
              int        *value)
{
  gsize len = strlen (word);
  char *end;

  if ((int) len < min_digits || (int) len > max_digits)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (word[i]))
      return FALSE;

  *value = (int) strtol (word, &end, 10);
  return *end == '\0';
}

gboolean
atlas_date_input_parse (const char  *text,
                        gint32      *day,
                        char       **error_message)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) words = NULL;
  AtlasDate iso;
  int d = 1, m = 0, y = 0;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));

  if (atlas_date_parse (stripped, -1, &iso))
    {
      *day = atlas_date_get_first_day (&iso);
      return TRUE;
    }

  /* Written out: split on spaces and commas. */
  g_strdelimit (stripped, ",", ' ');
  words = g_strsplit_set (stripped, " \t", -1);
  {
    guint j = 0;
    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          {
            g_free (words[i]);
            continue;
          }
        words[j++] = words[i];
      }
    words[j] = NULL;
    n = j;
  }

  if (n == 2 && (m = parse_month_name (words[0])) && parse_number (words[1], 4, 4, &y))
    d = 1;                                                       /* June 1999 */
  else if (n == 3 && parse_number (words[0], 1, 2, &d) && (m = parse_month_name (words[1])) &&
           parse_number (words[2], 4, 4, &y))
    ;                                                            /* 12 June 1999 */
  else if (n == 3 && (m = parse_month_name (words[0])) && parse_number (words[1], 1, 2, &d) &&
           parse_number (words[2], 4, 4, &y))
    ;                                                            /* June 12 1999 */
  else
    m = 0;

  if (m != 0 && y >= 1 && atlas_ymd_is_valid (y, m, d))
    {
      *day = atlas_day_from_ymd (y, m, d);
      return TRUE;
    }

  if (error_message != NULL)
    {
      if (m != 0 && y >= 1)
        *error_message = g_strdup_printf (_("“%s” is not a day of the calendar"), text);
      else
        /* Translators: %s is what the user typed */
        *error_message = g_strdup_printf (_("“%s” is not a date: type one like 1999-06-12 or June 1999"), text);
    }

  return FALSE;
}
