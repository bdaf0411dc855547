/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-date.h"

G_DEFINE_BOXED_TYPE (AtlasDate, atlas_date, atlas_date_copy, atlas_date_free)

/* Days from 0001-01-01 to 1970-01-01. */
#define DAYS_TO_EPOCH 719162

AtlasDate *
atlas_date_copy (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_memdup2 (date, sizeof *date);
}

void
atlas_date_free (AtlasDate *date)
{
  g_free (date);
}

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
atlas_days_in_month (int year,
                     int month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

gboolean
atlas_ymd_is_valid (int year,
                    int month,
                    int day)
{
  return year >= 1 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= (int) atlas_days_in_month (year, month);
}

/* Days from 0001-01-01 to the first of January of @year. */
static gint64
days_before_year (gint64 year)
{
  gint64 y = year - 1;

  return 365 * y + y / 4 - y / 100 + y / 400;
}

static int
days_before_month (int year,
                   int month)
{
  static const guint16 cumulative[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

  return cumulative[month - 1] + (month > 2 && is_leap_year (year) ? 1 : 0);
}

gint32
atlas_day_from_ymd (int year,
                    int month,
                    int day)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return (gint32) (days_before_year (year) + days_before_month (year, month) + day - 1 - DAYS_TO_EPOCH);
}

void
atlas_day_to_ymd (gint32  day,
                  int    *year,
                  int    *month,
                  int    *day_of_month)
{
  gint64 n = (gint64) day + DAYS_TO_EPOCH;   /* days since 0001-01-01 */
  gint64 y;
  int m;
  int rest;

  /* 146097 days per 400 years: the estimate is off by at most one year. */
  y = n * 400 / 146097 + 1;
  while (days_before_year (y) > n)
    y--;
  while (days_before_year (y + 1) <= n)
    y++;

  rest = (int) (n - days_before_year (y));
  for (m = 12; m > 1 && days_before_month ((int) y, m) > rest; m--)
    ;

  if (year)
    *year = (int) y;
  if (month)
    *month = m;
  if (day_of_month)
    *day_of_month = rest - days_before_month ((int) y, m) + 1;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
atlas_date_parse (const char *text,
                  gssize      length,
                  AtlasDate  *date)
{
  int year = 0, month = 0, day = 0;
  guint8 qualifiers = ATLAS_DATE_QUALIFIER_NONE;
  guint8 precision;
  gsize len;

  g_return_val_if_fail (date != NULL, FALSE);

  memset (date, 0, sizeof *date);
  if (text == NULL)
    return FALSE;
  len = length < 0 ? strlen (text) : (gsize) length;

  if (len > 0)
    {
      switch (text[len - 1])
        {
        case '~': qualifiers = ATLAS_DATE_APPROXIMATE; len--; break;
        case '?': qualifiers = ATLAS_DATE_UNCERTAIN; len--; break;
        case '%': qualifiers = ATLAS_DATE_APPROXIMATE | ATLAS_DATE_UNCERTAIN; len--; break;
        default: break;
        }
    }

  if (len == 4)
    precision = ATLAS_DATE_PRECISION_YEAR;
  else if (len == 7 && text[4] == '-')
    precision = ATLAS_DATE_PRECISION_MONTH;
  else if (len == 10 && text[4] == '-' && text[7] == '-')
    precision = ATLAS_DATE_PRECISION_DAY;
  else
    return FALSE;

  if (!parse_digits (text, 4, &year) || year < 1)
    return FALSE;
  if (precision >= ATLAS_DATE_PRECISION_MONTH &&
      (!parse_digits (text + 5, 2, &month) || month < 1 || month > 12))
    return FALSE;
  if (precision == ATLAS_DATE_PRECISION_DAY &&
      (!parse_digits (text + 8, 2, &day) || !atlas_ymd_is_valid (year, month, day)))
    return FALSE;

  date->year = (gint16) year;
  date->month = (guint8) month;
  date->day = (guint8) day;
  date->precision = precision;
  date->qualifiers = qualifiers;
  return TRUE;
}

gboolean
atlas_date_is_set (const AtlasDate *date)
{
  return date != NULL && date->precision != ATLAS_DATE_PRECISION_NONE;
}

gboolean
atlas_date_equal (const AtlasDate *a,
                  const AtlasDate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->precision == b->precision && a->qualifiers == b->qualifiers;
}

gint32
atlas_date_get_first_day (const AtlasDate *date)
{
  g_return_val_if_fail (atlas_date_is_set (date), 0);

  return atlas_day_from_ymd (date->year, MAX (date->month, 1), MAX (date->day, 1));
}

gint32
atlas_date_get_end_day (const AtlasDate *date)
{
  g_return_val_if_fail (atlas_date_is_set (date), 0);

  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      return atlas_day_from_ymd (date->year + 1, 1, 1);
    case ATLAS_DATE_PRECISION_MONTH:
      if (date->month == 12)
        return atlas_day_from_ymd (date->year + 1, 1, 1);
      return atlas_day_from_ymd (date->year, date->month + 1, 1);
    default:
      return atlas_date_get_first_day (date) + 1;
    }
}

static const char *
qualifier_suffix (guint8 qualifiers)
{
  switch (qualifiers)
    {
    case ATLAS_DATE_APPROXIMATE: return "~";
    case ATLAS_DATE_UNCERTAIN: return "?";
    case ATLAS_DATE_APPROXIMATE | ATLAS_DATE_UNCERTAIN: return "%";
    default: return "";
    }
}

char *
atlas_date_to_string (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d%s", date->year, qualifier_suffix (date->qualifiers));
    case ATLAS_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d%s", date->year, date->month, qualifier_suffix (date->qualifiers));
    case ATLAS_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d%s", date->year, date->month, date->day,
                              qualifier_suffix (date->qualifiers));
    default:
      return g_strdup ("");
    }
}

static char *
format_plain (int year,
              int month,
              int day,
              AtlasDatePrecision precision)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, MAX (month, 1), MAX (day, 1), 0, 0, 0);
  const char *pattern;

  if (dt == NULL)
    return g_strdup_printf ("%04d", year);

  switch (precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      /* Translators: a full date, see g_date_time_format(); "%-d %B %Y" is "12 June 1999" */
      pattern = C_("date", "%-d %B %Y");
      break;
    case ATLAS_DATE_PRECISION_MONTH:
      /* Translators: a month and year, see g_date_time_format(); %OB is the
       * month name in the nominative case: "June 1999" */
      pattern = C_("date", "%OB %Y");
      break;
    default:
      /* Translators: a year alone, see g_date_time_format() */
      pattern = C_("date", "%Y");
      break;
    }

  return g_date_time_format (dt, pattern);
}

static char *
add_qualifiers (char   *text,
                guint8  qualifiers)
{
  char *result;

  switch (qualifiers)
    {
    case ATLAS_DATE_APPROXIMATE:
      /* Translators: an approximate date, %s is e.g. "June 1999" */
      result = g_strdup_printf (C_("date", "c. %s"), text);
      break;
    case ATLAS_DATE_UNCERTAIN:
      /* Translators: an uncertain date, %s is e.g. "June 1999" */
      result = g_strdup_printf (C_("date", "%s?"), text);
      break;
    case ATLAS_DATE_APPROXIMATE | ATLAS_DATE_UNCERTAIN:
      /* Translators: a date both approximate and uncertain, %s is e.g. "June 1999" */
      result = g_strdup_printf (C_("date", "c. %s?"), text);
      break;
    default:
      return text;
    }
  g_free (text);
  return result;
}

char *
atlas_date_format (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!atlas_date_is_set (date))
    return g_strdup ("");

  return add_qualifiers (format_plain (date->year, date->month, date->day, date->precision),
                         date->qualifiers);
}

char *
atlas_day_format (gint32 day)
{
  int y, m, d;

  if (day == ATLAS_DAY_MIN || day == ATLAS_DAY_MAX)
    return g_strdup ("");

  atlas_day_to_ymd (day, &y, &m, &d);
  return format_plain (y, m, d, ATLAS_DATE_PRECISION_DAY);
}

/* The last date, at @end's precision, that lies before @end. */
static AtlasDate
last_inside (const AtlasDate *end)
{
  AtlasDate last = *end;
  int y, m, d;

  switch (end->precision)
    {
    case ATLAS_DATE_PRECISION_YEAR:
      last.year = end->year - 1;
      break;
    case ATLAS_DATE_PRECISION_MONTH:
      last.month = end->month == 1 ? 12 : end->month - 1;
      last.year = end->month == 1 ? end->year - 1 : end->year;
      break;
    default:
      atlas_day_to_ymd (atlas_date_get_first_day (end) - 1, &y, &m, &d);
      last.year = (gint16) y;
      last.month = (guint8) m;
      last.day = (guint8) d;
      break;
    }
  return last;
}

char *
atlas_interval_format (const AtlasDate *start,
                       const AtlasDate *end,
                       gboolean         open_ended)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  AtlasDate last;

  g_return_val_if_fail (start != NULL, NULL);

  if (!atlas_date_is_set (start))
    return g_strdup ("");

  first = atlas_date_format (start);
  if (open_ended)
    /* Translators: an interval still running, %s is its start date */
    return g_strdup_printf (C_("interval", "since %s"), first);
  if (!atlas_date_is_set (end) || end->year < 2 ||
      atlas_date_get_first_day (end) <= atlas_date_get_first_day (start))
    return g_steal_pointer (&first);

  last = last_inside (end);
  second = atlas_date_format (&last);
  if (g_strcmp0 (first, second) == 0)
    return g_steal_pointer (&first);

  /* Translators: an interval from a first to a last date, both inclusive */
  return g_strdup_printf (C_("interval", "%s – %s"), first, second);
}
