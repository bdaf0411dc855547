/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-date.h"
#include "atlas-date-input.h"

#include "../atlas-test-language.h"

/* The timeline's date entry (src/ui/atlas-date-input.c, no display
 * needed): what the app prints in each of its languages can be typed
 * back, and so can the forms Serbian and Albanian users write. The English
 * basics are in tests/ui/test-timeline.c. */

static gint32
ymd (int y,
     int m,
     int d)
{
  return atlas_day_from_ymd (y, m, d);
}

static void
assert_parses (const char *text,
               gint32      expected)
{
  g_autofree char *message = NULL;
  gint32 day = 0;

  if (!atlas_date_input_parse (text, &day, &message))
    g_error ("“%s” was refused: %s", text, message);
  g_assert_null (message);
  if (day != expected)
    {
      int y, m, d;

      atlas_day_to_ymd (day, &y, &m, &d);
      g_error ("“%s” gave %04d-%02d-%02d", text, y, m, d);
    }
}

static void
assert_refused (const char *text)
{
  g_autofree char *message = NULL;
  gint32 day = 0;

  if (atlas_date_input_parse (text, &day, &message))
    g_error ("“%s” was taken", text);
  g_assert_nonnull (message);
}

/* Finding 2 in docs/reliability.md: "1 December 900" was shown, but the
 * written-out forms wanted four digits. */
static void
test_short_years (void)
{
  assert_parses ("1 December 900", ymd (900, 12, 1));
  assert_parses ("December 1, 900", ymd (900, 12, 1));
  assert_parses ("31 Dec 99", ymd (99, 12, 31));
  assert_parses ("1 January 1", ymd (1, 1, 1));
  assert_parses ("December 900", ymd (900, 12, 1));
  assert_parses ("December 0900", ymd (900, 12, 1));
  assert_parses ("31 December 9999", ymd (9999, 12, 31));

  /* A month and a day is not a year. */
  assert_refused ("June 12");
  assert_refused ("1 January 0");
  assert_refused ("1 January 10000");
  assert_refused ("1 January -5");
}

/* How Serbian and Albanian users write dates, in any locale. */
static void
test_serbian_albanian (void)
{
  const struct { const char *text; int y, m, d; } good[] = {
    /* Serbian Cyrillic: a dot after the day and the year; nominative or
     * genitive. */
    { "17. март 2004.", 2004, 3, 17 }, { "17. марта 2004.", 2004, 3, 17 },
    { "17 март 2004", 2004, 3, 17 }, { "1. јануара 1999.", 1999, 1, 1 },
    { "Март 2004.", 2004, 3, 1 }, { "децембар 1999", 1999, 12, 1 },
    { "24. дец. 1999.", 1999, 12, 24 }, { "24. ДЕЦЕМБРА 1999.", 1999, 12, 24 },
    { "12. јун 1999.", 1999, 6, 12 }, { "12. јул 1999.", 1999, 7, 12 },
    { "1. маја 1999.", 1999, 5, 1 }, { "1. авг. 1999.", 1999, 8, 1 },
    /* Serbian Latin. */
    { "17. mart 2004.", 2004, 3, 17 }, { "17. marta 2004.", 2004, 3, 17 },
    { "10. jun 1999.", 1999, 6, 10 }, { "10. juna 1999.", 1999, 6, 10 },
    { "20. avgusta 1999.", 1999, 8, 20 }, { "septembar 2001", 2001, 9, 1 },
    /* Albanian, with or without the ë; definite forms. */
    { "17 mars 2004", 2004, 3, 17 }, { "17 shkurt 2008", 2008, 2, 17 },
    { "12 qershor 1999", 1999, 6, 12 }, { "1 nëntor 1999", 1999, 11, 1 },
    { "1 nentor 1999", 1999, 11, 1 }, { "Nën 1999", 1999, 11, 1 },
    { "gsh 1999", 1999, 8, 1 }, { "Gusht 1999", 1999, 8, 1 }, { "12 qershori 1999", 1999, 6, 12 },
    { "1 dhjetor 1999", 1999, 12, 1 }, { "shtator 2001", 2001, 9, 1 },
    /* Digits with dots. */
    { "17.3.2004", 2004, 3, 17 }, { "17.03.2004.", 2004, 3, 17 }, { "17. 3. 2004.", 2004, 3, 17 },
    { "1.12.900", 900, 12, 1 },
  };
  const char *bad[] = {
    "17.3", "17.3.", "17..3.2004", "17.3.20045", "3.17.2004", "17-3-2004.", "ma 2004", "ju 1999",
    "17. мар 2004..", "31. јун 1999.", "17 marsit x 2004", "17.3 2004",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    assert_parses (good[i].text, ymd (good[i].y, good[i].m, good[i].d));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_refused (bad[i]);
}

/* The app in @language and @locale (both must exist, or nothing is
 * checked): every day it prints, and every month, parses back to the
 * same day. */
static void
assert_round_trip (const char *language)
{
  const int years[] = { 1, 9, 99, 900, 999, 1000, 1999, 2004, 9999 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    for (int m = 1; m <= 12; m++)
      {
        int last = m == 2 ? 28 : 30;
        g_autofree char *first = atlas_day_format (ymd (years[i], m, 1));
        g_autofree char *end = atlas_day_format (ymd (years[i], m, last));
        g_autofree char *month = NULL;
        g_autofree char *iso = g_strdup_printf ("%04d-%02d", years[i], m);
        AtlasDate date;

        g_test_message ("%s: %s, %s", language, first, end);
        assert_parses (first, ymd (years[i], m, 1));
        assert_parses (end, ymd (years[i], m, last));

        /* Month precision, as in the feature details. */
        g_assert_true (atlas_date_parse (iso, -1, &date));
        month = atlas_date_format (&date);
        if (years[i] >= 100)
          assert_parses (month, ymd (years[i], m, 1));
      }
}

static void
test_printed (void)
{
  const struct { const char *language; const char *locales[3]; const char *march; } cases[] = {
    { "sr", { "sr_RS.UTF-8", "sr_RS.utf8", "sr_RS" }, "17 март 2004" },
    { "sr@latin", { "sr_RS.UTF-8@latin", "sr_RS@latin", NULL }, "17 mart 2004" },
    { "sq", { "sq_AL.UTF-8", "sq_AL.utf8", NULL }, "17 mars 2004" },
    { "en", { "C.UTF-8", NULL, NULL }, "17 March 2004" },
  };
  const char *localedir = g_getenv ("ATLAS_TEST_LOCALEDIR");
  guint n_checked = 0;

  if (localedir == NULL)
    {
      g_test_skip ("ATLAS_TEST_LOCALEDIR is not set");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean found = FALSE;

      for (guint l = 0; !found && l < G_N_ELEMENTS (cases[i].locales) && cases[i].locales[l] != NULL; l++)
        found = atlas_test_use_language (cases[i].language, cases[i].locales[l]);
      if (!found)
        {
          g_test_message ("no locale for %s here", cases[i].language);
          continue;
        }

      {
        g_autofree char *march = atlas_day_format (ymd (2004, 3, 17));

        /* What the users of this language read, and type. */
        g_assert_cmpstr (march, ==, cases[i].march);
      }
      assert_round_trip (cases[i].language);
      n_checked++;
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  if (n_checked < G_N_ELEMENTS (cases))
    g_test_incomplete ("some of the sr_RS, sr_RS@latin and sq_AL locales are missing");
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/date-input/short-years", test_short_years);
  g_test_add_func ("/ui/date-input/serbian-albanian", test_serbian_albanian);
  g_test_add_func ("/ui/date-input/printed", test_printed);

  return g_test_run ();
}
