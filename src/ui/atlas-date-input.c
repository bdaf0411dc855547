/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-date-input"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-date.h"
#include "atlas-date-input.h"

/* Month names in every language the app is translated into, whatever the
 * locale: a Serbian user may run an English or a Cyrillic locale and type
 * Latin, and the locale's own names (below) cover only one of them. Each
 * list: English; Serbian in Cyrillic and in Latin script, nominative and
 * genitive ("март", "17. марта"); Albanian, indefinite and definite
 * ("mars", "marsi"), plus glibc's one abbreviation that is no prefix. */
static const char * const month_forms[12] = {
  "january јануар јануара januar januara janar janari",
  "february фебруар фебруара februar februara shkurt shkurti",
  "march март марта mart marta mars marsi",
  "april април априла aprila prill prilli",
  "may мај маја maj maja maji",
  "june јун јуна jun juna qershor qershori",
  "july јул јула jul jula korrik korriku",
  "august август августа avgust avgusta gusht gushti gsh",
  "september септембар септембра septembar septembra shtator shtatori",
  "october октобар октобра oktobar oktobra tetor tetori",
  "november новембар новембра novembar novembra nëntor nëntori",
  "december децембар децембра decembar decembra dhjetor dhjetori",
};

/* Names are compared case-folded, without accents ("nentor" for "nëntor",
 * as typed without the letter) and without an abbreviation's dot. */
static char *
fold_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  if (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Every known form of each month, folded: ours, then the locale's. */
static GPtrArray *
month_names (void)
{
  static const char * const patterns[] = { "%B", "%OB", "%b", "%Ob" };
  GPtrArray *months = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (int m = 0; m < 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, m + 1, 15, 0, 0, 0);
      g_auto(GStrv) ours = g_strsplit (month_forms[m], " ", -1);
      GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; ours[i] != NULL; i++)
        g_ptr_array_add (forms, fold_name (ours[i]));
      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        {
          g_autofree char *name = g_date_time_format (dt, patterns[i]);

          if (name != NULL && *name != '\0')
            g_ptr_array_add (forms, fold_name (name));
        }
      g_ptr_array_add (months, forms);
    }

  return months;
}

/* 1–12 for a month name: any form above, in any letter case, or the
 * first three letters or more of the forms of one month only ("Sept",
 * "дец.", "Nën"); 0 otherwise. */
static int
parse_month_name (const char *word)
{
  g_autofree char *folded = fold_name (word);
  g_autoptr(GPtrArray) months = NULL;
  int found = 0;

  if (*folded == '\0' || g_ascii_isdigit (*folded))
    return 0;

  months = month_names ();
  for (int m = 0; m < 12; m++)
    {
      GPtrArray *forms = g_ptr_array_index (months, m);

      for (guint i = 0; i < forms->len; i++)
        if (g_str_equal (folded, g_ptr_array_index (forms, i)))
          return m + 1;
    }

  if (g_utf8_strlen (folded, -1) < 3)
    return 0;

  for (int m = 0; m < 12; m++)
    {
      GPtrArray *forms = g_ptr_array_index (months, m);

      for (guint i = 0; i < forms->len; i++)
        if (g_str_has_prefix (g_ptr_array_index (forms, i), folded))
          {
            if (found != 0 && found != m + 1)
              return 0;
            found = m + 1;
          }
    }

  return found;
}

/* A number of @min_digits to @max_digits digits, with one dot after it
 * or none: "17." is how Serbian writes a day, "2004." a year. */
static gboolean
parse_number (const char *word,
              int         min_digits,
              int         max_digits,
              int        *value)
{
  gsize len = strlen (word);

  if (len > 0 && word[len - 1] == '.')
    len--;
  if ((int) len < min_digits || (int) len > max_digits)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (word[i]))
      return FALSE;

  *value = (int) strtol (word, NULL, 10);
  return TRUE;
}

/* "17.3.2004", "17. 3. 2004.": day, month and year in digits, each of
 * the first two followed by a dot. */
static gboolean
parse_dotted (const char *text,
              int        *year,
              int        *month,
              int        *day)
{
  const int max_digits[3] = { 2, 2, 4 };
  int *values[3] = { day, month, year };
  const char *p = text;

  for (int i = 0; i < 3; i++)
    {
      int digits = 0;

      *values[i] = 0;
      while (g_ascii_isdigit (*p) && digits <= max_digits[i])
        {
          *values[i] = *values[i] * 10 + (*p++ - '0');
          digits++;
        }
      if (digits == 0 || digits > max_digits[i])
        return FALSE;
      if (i < 2 && *p++ != '.')
        return FALSE;
      while (i < 2 && *p == ' ')
        p++;
    }

  if (*p == '.')
    p++;
  return *p == '\0';
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

  /* Years have one to four digits, as the app shows them ("1 December
   * 900"), except after a month alone: "June 12" is more likely a day
   * without its year than the year 12. */
  if (parse_dotted (stripped, &y, &m, &d))
    ;                                                            /* 12.6.1999 */
  else if (n == 2 && (m = parse_month_name (words[0])) && parse_number (words[1], 3, 4, &y))
    d = 1;                                                       /* June 1999 */
  else if (n == 3 && parse_number (words[0], 1, 2, &d) && (m = parse_month_name (words[1])) &&
           parse_number (words[2], 1, 4, &y))
    ;                                                            /* 12 June 1999, 12. јун 1999. */
  else if (n == 3 && (m = parse_month_name (words[0])) && parse_number (words[1], 1, 2, &d) &&
           parse_number (words[2], 1, 4, &y))
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
