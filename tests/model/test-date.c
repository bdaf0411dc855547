/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-zone.h"

/* Day numbers computed independently, with GDate's Julian days. */
static gint32
reference_day (int year,
               int month,
               int day)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1970);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return (gint32) g_date_get_julian (date) - (gint32) g_date_get_julian (epoch);
}

static const struct {
  const char *text;
  AtlasDatePrecision precision;
  int year, month, day;
  guint8 qualifiers;
  const char *first;      /* first day of the span */
  const char *after;      /* first day after it */
} valid_dates[] = {
  { "1999", ATLAS_DATE_PRECISION_YEAR, 1999, 0, 0, 0, "1999-01-01", "2000-01-01" },
  { "1999-06", ATLAS_DATE_PRECISION_MONTH, 1999, 6, 0, 0, "1999-06-01", "1999-07-01" },
  { "1999-12", ATLAS_DATE_PRECISION_MONTH, 1999, 12, 0, 0, "1999-12-01", "2000-01-01" },
  { "1999-02", ATLAS_DATE_PRECISION_MONTH, 1999, 2, 0, 0, "1999-02-01", "1999-03-01" },
  { "1999-06-12", ATLAS_DATE_PRECISION_DAY, 1999, 6, 12, 0, "1999-06-12", "1999-06-13" },
  { "1999-12-31", ATLAS_DATE_PRECISION_DAY, 1999, 12, 31, 0, "1999-12-31", "2000-01-01" },
  { "2008-02-29", ATLAS_DATE_PRECISION_DAY, 2008, 2, 29, 0, "2008-02-29", "2008-03-01" },
  { "2000-02-29", ATLAS_DATE_PRECISION_DAY, 2000, 2, 29, 0, "2000-02-29", "2000-03-01" },
  { "2001-08-17", ATLAS_DATE_PRECISION_DAY, 2001, 8, 17, 0, "2001-08-17", "2001-08-18" },
  { "1999-06~", ATLAS_DATE_PRECISION_MONTH, 1999, 6, 0, ATLAS_DATE_APPROXIMATE, "1999-06-01", "1999-07-01" },
  { "2005-04-05?", ATLAS_DATE_PRECISION_DAY, 2005, 4, 5, ATLAS_DATE_UNCERTAIN, "2005-04-05", "2005-04-06" },
  { "1999%", ATLAS_DATE_PRECISION_YEAR, 1999, 0, 0, ATLAS_DATE_APPROXIMATE | ATLAS_DATE_UNCERTAIN,
    "1999-01-01", "2000-01-01" },
  { "0001-01-01", ATLAS_DATE_PRECISION_DAY, 1, 1, 1, 0, "0001-01-01", "0001-01-02" },
  { "9999-12-31", ATLAS_DATE_PRECISION_DAY, 9999, 12, 31, 0, "9999-12-31", NULL },
  { "1969-12-31", ATLAS_DATE_PRECISION_DAY, 1969, 12, 31, 0, "1969-12-31", "1970-01-01" },
};

static const char * const invalid_dates[] = {
  "2007-02-29", "1900-02-29", "2100-02-29", "1999-13", "1999-00", "1999-06-31", "1999-04-31",
  "1999-01-32", "1999-01-00", "0000", "0000-01-01", "99", "999", "19999", "1999-6", "1999-06-1",
  "1999-6-12", "1999-06-12T10:00", "1999-06-12Z", " 1999", "1999 ", "", "~", "1999~~", "1999-06-12~?",
  "19990612", "1999/06/12", "-1999", "+1999", "1999-", "1999-06-", "abcd", "19a9", "1999-1a",
  "１９９９", "..", "1999-06-12\n",
};

static void
parse_iso (const char *text,
           int        *y,
           int        *m,
           int        *d)
{
  g_assert_cmpint (sscanf (text, "%d-%d-%d", y, m, d), ==, 3);
}

static void
test_parse_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_dates); i++)
    {
      AtlasDate date;
      g_autofree char *again = NULL;
      int y, m, d;

      g_test_message ("%s", valid_dates[i].text);
      g_assert_true (atlas_date_parse (valid_dates[i].text, -1, &date));
      g_assert_cmpint (date.precision, ==, valid_dates[i].precision);
      g_assert_cmpint (date.year, ==, valid_dates[i].year);
      g_assert_cmpint (date.month, ==, valid_dates[i].month);
      g_assert_cmpint (date.day, ==, valid_dates[i].day);
      g_assert_cmpint (date.qualifiers, ==, valid_dates[i].qualifiers);

      parse_iso (valid_dates[i].first, &y, &m, &d);
      g_assert_cmpint (atlas_date_get_first_day (&date), ==, reference_day (y, m, d));
      if (valid_dates[i].after != NULL)
        {
          parse_iso (valid_dates[i].after, &y, &m, &d);
          g_assert_cmpint (atlas_date_get_end_day (&date), ==, reference_day (y, m, d));
        }

      again = atlas_date_to_string (&date);
      g_assert_cmpstr (again, ==, valid_dates[i].text);
    }
}

static void
test_parse_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_dates); i++)
    {
      AtlasDate date = { 1999, 6, 12, ATLAS_DATE_PRECISION_DAY, 0 };

      g_test_message ("\"%s\"", invalid_dates[i]);
      g_assert_false (atlas_date_parse (invalid_dates[i], -1, &date));
      g_assert_false (atlas_date_is_set (&date));
    }

  /* A length shorter than the string only reads that much. */
  {
    AtlasDate date;

    g_assert_true (atlas_date_parse ("1999-06-12 trailing", 10, &date));
    g_assert_cmpint (date.day, ==, 12);
    g_assert_false (atlas_date_parse ("1999-06-12", 9, &date));
  }
}

static void
test_leap_years (void)
{
  static const struct { int year; gboolean leap; } years[] = {
    { 1996, TRUE }, { 1999, FALSE }, { 2000, TRUE }, { 2004, TRUE }, { 2007, FALSE },
    { 2008, TRUE }, { 1900, FALSE }, { 2100, FALSE }, { 2400, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_assert_cmpint (atlas_ymd_is_valid (years[i].year, 2, 29), ==, years[i].leap);
      g_assert_cmpuint (atlas_days_in_month (years[i].year, 2), ==, years[i].leap ? 29 : 28);
      g_assert_false (atlas_ymd_is_valid (years[i].year, 2, 30));
    }
}

/* Every day from 1 January 0001 to 31 December 9999 converts both ways,
 * consecutively, and agrees with GDate. */
static void
test_day_numbers (void)
{
  gint32 first = atlas_day_from_ymd (1, 1, 1);
  gint32 last = atlas_day_from_ymd (9999, 12, 31);
  int y = 1, m = 1, d = 1;

  g_assert_cmpint (atlas_day_from_ymd (1970, 1, 1), ==, 0);
  g_assert_cmpint (atlas_day_from_ymd (1969, 12, 31), ==, -1);
  g_assert_cmpint (atlas_day_from_ymd (2000, 3, 1), ==, 11017);
  g_assert_cmpint (first, ==, reference_day (1, 1, 1));
  g_assert_cmpint (last, ==, reference_day (9999, 12, 31));

  for (gint32 day = first; day <= last; day++)
    {
      int yy, mm, dd;

      atlas_day_to_ymd (day, &yy, &mm, &dd);
      if (yy != y || mm != m || dd != d)
        g_error ("day %d is %04d-%02d-%02d, expected %04d-%02d-%02d", day, yy, mm, dd, y, m, d);
      if (day % 997 == 0)
        g_assert_cmpint (day, ==, reference_day (y, m, d));

      if (++d > (int) atlas_days_in_month (y, m))
        {
          d = 1;
          if (++m > 12)
            {
              m = 1;
              y++;
            }
        }
    }
}

static void
test_format (void)
{
  static const struct { const char *text; const char *display; } cases[] = {
    { "1999-06-12", "12 June 1999" },
    { "1999-06", "June 1999" },
    { "1999", "1999" },
    { "1999-06~", "c. June 1999" },
    { "1999-06?", "June 1999?" },
    { "1999%", "c. 1999?" },
    { "2001-08-07", "7 August 2001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDate date;
      g_autofree char *display = NULL;

      g_assert_true (atlas_date_parse (cases[i].text, -1, &date));
      display = atlas_date_format (&date);
      g_assert_cmpstr (display, ==, cases[i].display);
    }

  {
    g_autofree char *day = atlas_day_format (atlas_day_from_ymd (2008, 2, 17));

    g_assert_cmpstr (day, ==, "17 February 2008");
  }
}

static void
test_interval_format (void)
{
  static const struct {
    const char *start;
    const char *end;        /* NULL: absent; "..": open */
    const char *display;
  } cases[] = {
    { "1999-06-10", "2001-08-17", "10 June 1999 – 16 August 2001" },
    { "1999-06-10", "..", "since 10 June 1999" },
    { "1999-06-12", NULL, "12 June 1999" },
    { "2008-10", "2008-11", "October 2008" },
    { "1999-06", "2001", "June 1999 – 2000" },
    { "2004-03-17", "2004-03-20", "17 March 2004 – 19 March 2004" },
    { "1999~", "2001-01", "c. 1999 – December 2000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDate start, end = { 0 };
      gboolean open = g_strcmp0 (cases[i].end, "..") == 0;
      g_autofree char *display = NULL;

      g_assert_true (atlas_date_parse (cases[i].start, -1, &start));
      if (cases[i].end != NULL && !open)
        g_assert_true (atlas_date_parse (cases[i].end, -1, &end));
      display = atlas_interval_format (&start, &end, open);
      g_assert_cmpstr (display, ==, cases[i].display);
    }
}

/* [start, end) on real features: the edges are where bugs live. */
static const char edges_json[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"zone\",\"id\":\"gsz\","
  " \"title\":\"GSZ\",\"status\":\"in-force\",\"start\":\"1999-06-10\",\"end\":\"2001-08-17\","
  " \"rule\":{\"type\":\"band\",\"area\":\"XKX\",\"with\":[\"SRB\"],\"side\":\"with\",\"width_km\":5},"
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\",\"id\":\"month\","
  " \"title\":\"A month\",\"start\":\"1999-06\","
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\",\"id\":\"year\","
  " \"title\":\"A year\",\"start\":\"2000~\","
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\",\"id\":\"day\","
  " \"title\":\"A day\",\"start\":\"2008-02-29\","
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}},"
  "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"zone\",\"id\":\"open\","
  " \"title\":\"Open\",\"status\":\"in-force\",\"start\":\"2001-12-27\",\"end\":\"..\","
  " \"rule\":{\"type\":\"boundary\",\"area\":\"XKX\",\"with\":[\"SRB\"]},"
  " \"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}],\"certainty\":\"certain\"}}"
  "]}";

static void
assert_active (AtlasDataset *dataset,
               const char   *id,
               int           y,
               int           m,
               int           d,
               gboolean      active)
{
  g_autoptr(AtlasFeature) feature = atlas_dataset_lookup (dataset, id);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  gint32 day = atlas_day_from_ymd (y, m, d);
  gboolean listed = FALSE;

  g_assert_nonnull (feature);
  g_assert_cmpint (atlas_feature_is_active_at (feature, day), ==, active);

  /* The time index agrees. */
  atlas_dataset_query_active (dataset, atlas_feature_get_kind (feature), day, positions);
  for (guint i = 0; i < positions->len; i++)
    listed |= g_array_index (positions, guint, i) == atlas_feature_get_position (feature);
  g_assert_cmpint (listed, ==, active);
}

static void
test_interval_edges (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (edges_json, sizeof edges_json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_new_from_bytes (bytes, "edges.geojson", &error);
  g_autoptr(AtlasFeature) gsz = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);

  /* A zone ending 2001-08-17 is not active on 2001-08-17. */
  assert_active (dataset, "gsz", 1999, 6, 9, FALSE);
  assert_active (dataset, "gsz", 1999, 6, 10, TRUE);
  assert_active (dataset, "gsz", 2001, 8, 16, TRUE);
  assert_active (dataset, "gsz", 2001, 8, 17, FALSE);

  /* "1999-06" alone is all of June. */
  assert_active (dataset, "month", 1999, 5, 31, FALSE);
  assert_active (dataset, "month", 1999, 6, 1, TRUE);
  assert_active (dataset, "month", 1999, 6, 30, TRUE);
  assert_active (dataset, "month", 1999, 7, 1, FALSE);

  assert_active (dataset, "year", 1999, 12, 31, FALSE);
  assert_active (dataset, "year", 2000, 1, 1, TRUE);
  assert_active (dataset, "year", 2000, 12, 31, TRUE);
  assert_active (dataset, "year", 2001, 1, 1, FALSE);

  assert_active (dataset, "day", 2008, 2, 28, FALSE);
  assert_active (dataset, "day", 2008, 2, 29, TRUE);
  assert_active (dataset, "day", 2008, 3, 1, FALSE);

  /* ".." is still in force at the end of time. */
  assert_active (dataset, "open", 2001, 12, 26, FALSE);
  assert_active (dataset, "open", 2001, 12, 27, TRUE);
  assert_active (dataset, "open", 9999, 12, 31, TRUE);

  gsz = atlas_dataset_lookup (dataset, "gsz");
  {
    g_autofree char *dates = atlas_feature_format_dates (gsz);

    g_assert_cmpstr (dates, ==, "10 June 1999 – 16 August 2001");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* English month names, whatever the machine's locale. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/date/parse-valid", test_parse_valid);
  g_test_add_func ("/model/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/model/date/leap-years", test_leap_years);
  g_test_add_func ("/model/date/day-numbers", test_day_numbers);
  g_test_add_func ("/model/date/format", test_format);
  g_test_add_func ("/model/date/interval-format", test_interval_format);
  g_test_add_func ("/model/date/interval-edges", test_interval_edges);

  return g_test_run ();
}
