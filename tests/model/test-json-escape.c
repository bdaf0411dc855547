/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <string.h>

#include "atlas-json-escape.h"
#include "atlas-lesson.h"
#include "atlas-lesson-reader.h"

/* Surrogate escapes as JSON text holds them (findings 1 and 11 in
 * docs/reliability.md): the search itself, then the lesson reader, which
 * must refuse them before json-glib parses the text. The dataset loader's
 * cases are in test-invalid.c. */

static void
test_find (void)
{
  const struct { const char *text; gssize expected; } cases[] = {
    { "", -1 },
    { "plain text", -1 },
    { "\\ud83d\\ude00", -1 },                 /* a pair */
    { "\\uD83D\\uDE00 and \\udbff\\udfff", -1 },
    { "\\\\ud800", -1 },                       /* a backslash, then text */
    { "\\\\\\\\ud800", -1 },
    { "\\u00e9\\n\\\"\\/", -1 },
    { "\\ud800", 0 },
    { "ab\\ud800", 2 },
    { "\\ud800x", 0 },
    { "\\ud800\\ud800", 0 },                   /* finding 11 */
    { "\\ud800\\u0000", 0 },
    { "\\udded\\u0000", 0 },
    { "\\udc00", 0 },                          /* a second half first */
    { "\\ude00\\ud83d", 0 },
    { "\\ud83d\\ude00\\ud83d", 12 },
    { "\\\\\\ud800", 2 },
    { "\\ud83d\\u0041", 0 },
    { "\\ud83", -1 },                          /* not an escape: yajl refuses it */
    { "\"a\": \"\\u0041\", \"b\": \"\\ud800\"", 21 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (atlas_json_find_unpaired_surrogate (cases[i].text, strlen (cases[i].text)), ==,
                       cases[i].expected);
    }

  /* The length is respected: a pair cut in two is two halves. */
  g_assert_cmpint (atlas_json_find_unpaired_surrogate ("\\ud83d\\ude00", 6), ==, 0);
  g_assert_cmpint (atlas_json_find_unpaired_surrogate ("x\\ud83d\\ude00", 1), ==, -1);
}

static void
test_string_start (void)
{
  const char *text = "{\"a\":\"x\\\"y\",\"b\":\"\\\\\",\"c\":\"\"}";

  g_assert_cmpuint (atlas_json_string_start (text, 3), ==, 1);     /* "a" */
  g_assert_cmpuint (atlas_json_string_start (text, 10), ==, 5);    /* "x\"y" */
  g_assert_cmpuint (atlas_json_string_start (text, 14), ==, 12);   /* "b" */
  g_assert_cmpuint (atlas_json_string_start (text, 19), ==, 16);   /* "\\" */
  g_assert_cmpuint (atlas_json_string_start (text, 23), ==, 21);   /* "c" */
  g_assert_cmpuint (atlas_json_string_start (text, 26), ==, 25);   /* "" */
}

#define LESSON_BEFORE "{\n  \"type\": \"KosovoAtlasLesson\",\n  \"version\": 1,\n  \"title\": \"One scene\",\n" \
                      "  \"scenes\": [ { \"title\": \"Pristina\", \"date\": \"1999-06-12\",\n" \
                      "    \"view\": { \"center\": [21.16, 42.66], \"zoom\": 9 },\n    \"caption\": \""
#define LESSON_AFTER "\" } ]\n}\n"

/* A one-scene lesson whose caption is @caption as written. */
static AtlasLesson *
read_caption (const char  *caption,
              GError     **error)
{
  g_autofree char *text = g_strconcat (LESSON_BEFORE, caption, LESSON_AFTER, NULL);

  g_test_message ("%s", caption);
  return atlas_lesson_read (text, strlen (text), "escape.lesson.json", error);
}

static void
test_lesson (void)
{
  const struct { const char *caption; const char *expected; } bad[] = {
    { "\\ud800\\ud800", "escape.lesson.json:7:17: not valid UTF-8" },
    { "\\ud800\\u0000", "escape.lesson.json:7:17: not valid UTF-8" },
    { "A \\udded\\u0000", "escape.lesson.json:7:19: not valid UTF-8" },
    { "\\ud83d\\ude00 \\ud800", "escape.lesson.json:7:30: not valid UTF-8" },
    { "\\udc00", "escape.lesson.json:7:17: not valid UTF-8" },
  };
  const struct { const char *caption; const char *expected; } good[] = {
    { "\\ud83d\\ude00", "\xf0\x9f\x98\x80" },
    { "\\\\ud800", "\\ud800" },
    { "\\u00e9 \\\"", "\xc3\xa9 \"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasLesson) lesson = read_caption (bad[i].caption, &error);

      g_assert_null (lesson);
      g_assert_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_ENCODING);
      g_assert_cmpstr (error->message, ==, bad[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasLesson) lesson = read_caption (good[i].caption, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (atlas_lesson_scene_get_caption (atlas_lesson_get_scene (lesson, 0)), ==,
                       good[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/json-escape/find", test_find);
  g_test_add_func ("/model/json-escape/string-start", test_string_start);
  g_test_add_func ("/model/json-escape/lesson", test_lesson);

  return g_test_run ();
}
