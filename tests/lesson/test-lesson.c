/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-handout.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson-snapshot.h"
#include "atlas-lesson-writer.h"
#include "atlas-loader.h"

/* Lessons without a display: the format (reading, writing, errors), the
 * model, the bundled lesson, framing a scene and the handout. */

static AtlasBasemap *basemap;

static AtlasDataset *
load_bundled_dataset (void)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/dataset/kosovo-1999-2010.geojson", 0, &error);
  g_assert_no_error (error);
  atlas_loader_add_bytes (loader, bytes, "bundled");
  dataset = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static AtlasDate
date (const char *text)
{
  AtlasDate d;

  g_assert_true (atlas_date_parse (text, -1, &d));
  return d;
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Equal bytes, or a failure showing both texts. */
static void
assert_same_text (GBytes *expected,
                  GBytes *actual)
{
  g_autofree char *one = bytes_to_string (expected);
  g_autofree char *two = bytes_to_string (actual);

  g_assert_cmpuint (g_bytes_get_size (expected), ==, g_bytes_get_size (actual));
  g_assert_cmpstr (one, ==, two);
}

/* A lesson using every part of the format, with text that needs escaping. */
static AtlasLesson *
build_full_lesson (void)
{
  AtlasLesson *lesson = atlas_lesson_new ();
  g_autoptr(AtlasLessonScene) a = atlas_lesson_scene_new ();
  g_autoptr(AtlasLessonScene) b = atlas_lesson_scene_new ();
  g_autoptr(AtlasLessonSource) with_all = NULL;
  g_autoptr(AtlasLessonSource) print = NULL;
  AtlasDate d1 = date ("1999-06-12"), d2 = date ("1999-06-20"), d3 = date ("2001~");
  const char *fit[] = { "zone-gsz", "dep-mnb-east", NULL };
  const char *zones[] = { NULL };
  const char *highlights[] = { "ev-kfor-entry", "zone-asz", NULL };

  atlas_lesson_set_title (lesson, "Kosovo \"1999\" — a test\\lesson");
  atlas_lesson_set_description (lesson, "Line one.\nLine two,\ttabbed; Prishtinë, Приштина.");

  atlas_lesson_scene_set_title (a, "Entry");
  atlas_lesson_scene_set_date (a, &d1);
  atlas_lesson_scene_set_until (a, &d2);
  atlas_lesson_scene_set_play_seconds (a, 9);
  atlas_lesson_scene_set_center (a, 42.123456789, 20.987654321, 8.456);
  atlas_lesson_scene_set_layers (a, ATLAS_LESSON_LAYER_ZONES | ATLAS_LESSON_LAYER_LABELS);
  atlas_lesson_scene_set_zones (a, zones);
  atlas_lesson_scene_set_highlights (a, highlights);
  atlas_lesson_scene_set_caption (a, "First “paragraph”.\n\nSecond, with a control \x01 character.");
  with_all = atlas_lesson_source_new ("A title", "A publisher", &d1, "https://example.org/a?b=c&d=\"e\"");
  print = atlas_lesson_source_new ("Print only", "Someone", NULL, NULL);
  atlas_lesson_scene_add_source (a, with_all);
  atlas_lesson_scene_add_source (a, print);

  atlas_lesson_scene_set_title (b, "Fit");
  atlas_lesson_scene_set_date (b, &d3);
  atlas_lesson_scene_set_fit (b, fit);

  atlas_lesson_append_scene (lesson, a);
  atlas_lesson_append_scene (lesson, b);
  return lesson;
}

/* Format ------------------------------------------------------------------- */

static void
test_round_trip_bytes (void)
{
  g_autoptr(AtlasLesson) lesson = build_full_lesson ();
  g_autoptr(AtlasLesson) again = NULL;
  g_autoptr(GBytes) first = atlas_lesson_to_bytes (lesson);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  AtlasLessonScene *a, *b;
  double lat, lon, zoom;

  again = atlas_lesson_read (g_bytes_get_data (first, NULL), g_bytes_get_size (first), "first", &error);
  g_assert_no_error (error);
  second = atlas_lesson_to_bytes (again);
  assert_same_text (first, second);

  /* What was read is what was built (within the written precision). */
  g_assert_cmpstr (atlas_lesson_get_title (again), ==, atlas_lesson_get_title (lesson));
  g_assert_cmpstr (atlas_lesson_get_description (again), ==, atlas_lesson_get_description (lesson));
  g_assert_cmpuint (atlas_lesson_get_n_scenes (again), ==, 2);
  a = atlas_lesson_get_scene (again, 0);
  b = atlas_lesson_get_scene (again, 1);
  g_assert_cmpstr (atlas_lesson_scene_get_caption (a), ==, atlas_lesson_scene_get_caption (atlas_lesson_get_scene (lesson, 0)));
  g_assert_true (atlas_lesson_scene_is_range (a));
  g_assert_cmpint (atlas_lesson_scene_get_first_day (a), ==, atlas_day_from_ymd (1999, 6, 12));
  g_assert_cmpint (atlas_lesson_scene_get_last_day (a), ==, atlas_day_from_ymd (1999, 6, 20));
  g_assert_cmpuint (atlas_lesson_scene_get_play_seconds (a), ==, 9);
  atlas_lesson_scene_get_center (a, &lat, &lon, &zoom);
  g_assert_cmpfloat_with_epsilon (lat, 42.123457, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 20.987654, 1e-9);
  g_assert_cmpfloat_with_epsilon (zoom, 8.46, 1e-9);
  g_assert_cmpuint (atlas_lesson_scene_get_layers (a), ==, ATLAS_LESSON_LAYER_ZONES | ATLAS_LESSON_LAYER_LABELS);
  g_assert_nonnull (atlas_lesson_scene_get_zones (a));
  g_assert_null (atlas_lesson_scene_get_zones (a)[0]);
  g_assert_false (atlas_lesson_scene_shows_zone (a, "zone-gsz"));
  g_assert_cmpstr (atlas_lesson_scene_get_highlights (a)[1], ==, "zone-asz");
  g_assert_cmpuint (atlas_lesson_scene_get_n_sources (a), ==, 2);
  g_assert_cmpstr (atlas_lesson_scene_get_source (a, 0)->url, ==, "https://example.org/a?b=c&d=\"e\"");
  g_assert_null (atlas_lesson_scene_get_source (a, 1)->url);
  g_assert_false (atlas_date_is_set (&atlas_lesson_scene_get_source (a, 1)->date));

  g_assert_cmpint (atlas_lesson_scene_get_view_mode (b), ==, ATLAS_LESSON_VIEW_FIT);
  g_assert_cmpstr (atlas_lesson_scene_get_fit (b)[1], ==, "dep-mnb-east");
  g_assert_null (atlas_lesson_scene_get_zones (b));
  g_assert_true (atlas_lesson_scene_shows_zone (b, "zone-gsz"));
  g_assert_false (atlas_lesson_scene_is_range (b));
  g_assert_cmpint (atlas_lesson_get_scene (again, 1) == b, ==, TRUE);
  g_assert_cmpint (atlas_lesson_scene_get_date (b)->qualifiers, ==, ATLAS_DATE_APPROXIMATE);
}

/* The acceptance test: saved, reopened and saved again, byte for byte. */
static void
test_round_trip_files (void)
{
  g_autoptr(AtlasLesson) lesson = build_full_lesson ();
  g_autoptr(AtlasLesson) reopened = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lesson-XXXXXX", NULL);
  g_autofree char *path1 = g_build_filename (dir, "one.lesson.json", NULL);
  g_autofree char *path2 = g_build_filename (dir, "two.lesson.json", NULL);
  g_autoptr(GFile) file1 = g_file_new_for_path (path1);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  g_autoptr(GError) error = NULL;
  gsize len1, len2;

  g_assert_true (atlas_lesson_save (lesson, file1, NULL, &error));
  g_assert_no_error (error);
  reopened = atlas_lesson_load (file1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_lesson_save (reopened, file2, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path1, &text1, &len1, NULL));
  g_assert_true (g_file_get_contents (path2, &text2, &len2, NULL));
  g_assert_cmpuint (len1, ==, len2);
  g_assert_cmpint (memcmp (text1, text2, len1), ==, 0);

  /* Saving over an existing file replaces it and leaves nothing beside. */
  g_assert_true (atlas_lesson_save (reopened, file1, NULL, &error));
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  g_unlink (path1);
  g_unlink (path2);
  g_rmdir (dir);
}

/* The bundled lesson is written exactly as the writer writes it, so that
 * opening and saving it in the app changes nothing. */
static void
test_bundled_is_canonical (void)
{
  g_autoptr(GBytes) original = g_resources_lookup_data (RESOURCE_PREFIX ATLAS_LESSON_BUNDLED_RESOURCE, 0, NULL);
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (original);
  lesson = atlas_lesson_load_resource (ATLAS_LESSON_BUNDLED_RESOURCE, &error);
  g_assert_no_error (error);
  written = atlas_lesson_to_bytes (lesson);
  assert_same_text (original, written);
}

/* The example of the "Lessons" section of docs/data-format.md (its first
 * block marked "json lesson") is a valid lesson, written canonically, and
 * its ids are in the bundled dataset. */
static void
test_doc_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "data-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autoptr(AtlasDataset) dataset = load_bundled_dataset ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;
  g_autofree char *rewritten = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &doc, NULL, NULL));
  start = strstr (doc, "\n## Lessons\n");
  g_assert_nonnull (start);
  start = strstr (start, "```json lesson\n");
  g_assert_nonnull (start);
  start += strlen ("```json lesson\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  lesson = atlas_lesson_read (example, strlen (example), "data-format.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 2);
  g_assert_true (atlas_lesson_scene_is_range (atlas_lesson_get_scene (lesson, 1)));
  problems = atlas_lesson_check_ids (lesson, dataset);
  g_assert_cmpuint (problems->len, ==, 0);

  written = atlas_lesson_to_bytes (lesson);
  rewritten = bytes_to_string (written);
  g_assert_cmpstr (rewritten, ==, example);
}

typedef struct
{
  const char *text;
  int         code;
  const char *message;     /* the whole message, after "bad.lesson.json" */
} Malformed;

#define HEAD "{\"type\": \"KosovoAtlasLesson\", \"version\": 1, \"title\": \"T\", \"scenes\": ["
#define SCENE(extra) "{\"title\": \"S\", \"date\": \"1999-06-12\", \"view\": {\"center\": [20.9, 42.6], \"zoom\": 8}" extra "}"

static const Malformed malformed[] = {
  { "", ATLAS_LESSON_ERROR_SYNTAX, ": the file is empty" },
  { "{\n  \"type\": \"KosovoAtlasLesson\",\n  \"version\": 1,,\n}", ATLAS_LESSON_ERROR_SYNTAX, ":3:16: " },
  { "[1, 2]", ATLAS_LESSON_ERROR_INVALID, ": not a lesson: the file holds an array, not an object" },
  { "{\"type\": \"FeatureCollection\"}", ATLAS_LESSON_ERROR_INVALID, ": type: not a lesson" },
  { "{\"type\": \"KosovoAtlasLesson\", \"version\": 2}", ATLAS_LESSON_ERROR_VERSION, ": version: the lesson is in version 2" },
  { "{\"type\": \"KosovoAtlasLesson\", \"version\": 1}", ATLAS_LESSON_ERROR_INVALID, ": title: missing" },
  { "{\"type\": \"KosovoAtlasLesson\", \"version\": 1, \"title\": \"T\", \"scenes\": {}}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes: must be an array of scenes, not an object" },
  { "{\"type\": \"KosovoAtlasLesson\", \"version\": 1, \"title\": \"T\", \"scenes\": [], \"autor\": \"x\"}",
    ATLAS_LESSON_ERROR_INVALID, ": autor: unknown member" },
  { "{\"type\": \"KosovoAtlasLesson\",\n \"version\": 1,\n \"title\": \"T\",\n \"title\": \"U\", \"scenes\": []}",
    ATLAS_LESSON_ERROR_SYNTAX, ":4:" },
  { HEAD SCENE ("") ", {\"date\": \"1999\"}]}", ATLAS_LESSON_ERROR_INVALID, ": scenes[1]: title: missing" },
  { HEAD SCENE ("") ", " SCENE (", \"zones\": [\"zone gsz\"]") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[1] (“S”): zones[0]: “zone gsz” is not a feature id" },
  { HEAD "{\"title\": \"Bad date\", \"date\": \"1999-06-31\", \"view\": {\"fit\": [\"a\"]}}]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“Bad date”): date: “1999-06-31” is not a date" },
  { HEAD "{\"title\": \"Z\", \"date\": \"1999\", \"view\": {\"center\": [20.9, 42.6], \"zoom\": 25}}]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“Z”): view.zoom: 25 is out of range (1 to 18)" },
  { HEAD "{\"title\": \"C\", \"date\": \"1999\", \"view\": {\"center\": [42.6], \"zoom\": 8}}]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“C”): view.center: must be [longitude, latitude]" },
  { HEAD "{\"title\": \"V\", \"date\": \"1999\", \"view\": {\"fit\": [\"a\"], \"zoom\": 8}}]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“V”): view: give either “fit” or “center” and “zoom”, not both" },
  { HEAD "{\"title\": \"N\", \"date\": \"1999\"}]}", ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“N”): view: missing" },
  { HEAD SCENE (", \"until\": \"1999-06-01\"") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): until: must be later than “date”" },
  { HEAD SCENE (", \"play_seconds\": 5") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): play_seconds: only a scene with “until” plays" },
  { HEAD SCENE (", \"layers\": [\"zones\", \"rivers\"]") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): layers[1]: “rivers” is not a layer (zones, deployments, events, labels)" },
  { HEAD SCENE (", \"sources\": [{\"title\": \"x\", \"publisher\": \"y\", \"url\": \"ftp://a\"}]") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): sources[0].url: must start with http:// or https://" },
  { HEAD SCENE (", \"sources\": [{\"title\": \"x\"}]") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): sources[0].publisher: missing" },
  { HEAD SCENE (", \"caption\": 12") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): caption: must be a string, not a number" },
  { HEAD SCENE (", \"highlight\": \"ev-1\"") "]}",
    ATLAS_LESSON_ERROR_INVALID, ": scenes[0] (“S”): highlight: must be an array of strings, not a string" },
  { "{\"a\": \"\xc3\x28\"}", ATLAS_LESSON_ERROR_ENCODING, ":1:8: not valid UTF-8" },
  /* A lone surrogate escape is refused where it is written, before parsing. */
  { HEAD SCENE (", \"sources\": [{\"title\": \"x\\ud800y\", \"publisher\": \"p\"}]") "]}",
    ATLAS_LESSON_ERROR_ENCODING, ":1:176: not valid UTF-8" },
};

/* Each malformed file is refused with the file's name and the place. */
static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasLesson) lesson = NULL;
      g_autofree char *expected = g_strconcat ("bad.lesson.json", malformed[i].message, NULL);

      lesson = atlas_lesson_read (malformed[i].text, strlen (malformed[i].text), "bad.lesson.json", &error);
      g_assert_null (lesson);
      g_assert_error (error, ATLAS_LESSON_ERROR, malformed[i].code);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, expected);
    }
}

/* A NUL byte and a file nested too deeply are refused with a position; a
 * file that is too large before parsing. */
static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"a\":\n");
  g_autofree char *large = NULL;
  const char nul[] = "{\"a\": \"x\0y\"}";

  g_assert_null (atlas_lesson_read (nul, sizeof nul - 1, "nul", &error));
  g_assert_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "nul:1:9: a NUL byte");
  g_clear_error (&error);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (atlas_lesson_read (deep->str, deep->len, "deep", &error));
  g_assert_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "deep:2:16: nested deeper than 16 levels");
  g_clear_error (&error);

  large = g_malloc (ATLAS_LESSON_MAX_FILE_SIZE + 1);
  memset (large, ' ', ATLAS_LESSON_MAX_FILE_SIZE + 1);
  g_assert_null (atlas_lesson_read (large, ATLAS_LESSON_MAX_FILE_SIZE + 1, "large", &error));
  g_assert_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "large: "));
}

static void
test_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lesson-XXXXXX", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.lesson.json", NULL);
  g_autofree char *nowhere_path = g_build_filename (dir, "no", "such", "dir.lesson.json", NULL);
  g_autofree char *kept_path = g_build_filename (dir, "kept.lesson.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
  g_autoptr(GFile) kept = g_file_new_for_path (kept_path);
  g_autoptr(AtlasLesson) lesson = build_full_lesson ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_null (atlas_lesson_load (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, missing_path));
  g_clear_error (&error);

  g_assert_false (atlas_lesson_save (lesson, nowhere, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, nowhere_path));
  g_clear_error (&error);

  /* A save that does not complete leaves the old file as it was. */
  g_assert_true (g_file_set_contents (kept_path, "old", -1, NULL));
  g_cancellable_cancel (cancelled);
  g_assert_false (atlas_lesson_save (lesson, kept, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_unlink (kept_path);
  g_rmdir (dir);
}

/* Model ------------------------------------------------------------------- */

typedef struct
{
  guint changed;
  guint position, removed, added;
} Counts;

static void
on_changed (gpointer  object,
            Counts   *counts)
{
  counts->changed++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->position = position;
  counts->removed = removed;
  counts->added = added;
}

static void
test_model_editing (void)
{
  g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();
  AtlasLessonScene *scenes[3];
  Counts counts = { 0, };

  g_signal_connect (lesson, "changed", G_CALLBACK (on_changed), &counts);
  g_signal_connect (lesson, "items-changed", G_CALLBACK (on_items_changed), &counts);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Scene %u", i);

      scenes[i] = atlas_lesson_scene_new ();
      atlas_lesson_scene_set_title (scenes[i], title);
      atlas_lesson_append_scene (lesson, scenes[i]);
      g_object_unref (scenes[i]);
    }
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lesson)), ==, 3);

  /* Editing a scene is a change of the lesson; setting the same is not. */
  atlas_lesson_scene_set_caption (scenes[1], "Caption");
  g_assert_cmpuint (counts.changed, ==, 4);
  atlas_lesson_scene_set_caption (scenes[1], "Caption");
  atlas_lesson_scene_set_layers (scenes[1], ATLAS_LESSON_LAYERS_ALL);
  g_assert_cmpuint (counts.changed, ==, 4);

  /* Moving the first to the end: 1 2 0. */
  atlas_lesson_move_scene (lesson, 0, 2);
  g_assert_true (atlas_lesson_get_scene (lesson, 0) == scenes[1]);
  g_assert_true (atlas_lesson_get_scene (lesson, 2) == scenes[0]);
  g_assert_cmpuint (counts.position, ==, 0);
  g_assert_cmpuint (counts.removed, ==, 3);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpuint (counts.changed, ==, 5);

  /* A removed scene no longer changes the lesson. */
  g_object_ref (scenes[1]);
  atlas_lesson_remove_scene (lesson, 0);
  g_assert_cmpuint (counts.changed, ==, 6);
  g_assert_cmpuint (counts.position, ==, 0);
  g_assert_cmpuint (counts.removed, ==, 1);
  atlas_lesson_scene_set_caption (scenes[1], "Elsewhere");
  g_assert_cmpuint (counts.changed, ==, 6);
  g_object_unref (scenes[1]);
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 2);
}

/* Bundled lesson ------------------------------------------------------------ */

static void
test_bundled_lesson (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled_dataset ();
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint32 previous = G_MININT32;
  guint n_highlighting = 0;

  lesson = atlas_lesson_load_resource (ATLAS_LESSON_BUNDLED_RESOURCE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), >=, 10);
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), <=, 15);

  problems = atlas_lesson_check_ids (lesson, dataset);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  for (guint i = 0; i < atlas_lesson_get_n_scenes (lesson); i++)
    {
      AtlasLessonScene *scene = atlas_lesson_get_scene (lesson, i);
      gint32 day = atlas_lesson_scene_get_first_day (scene);
      gint32 first, last;

      /* A story told in order, inside the data's time, every caption
       * resting on sources. */
      g_assert_cmpint (day, >=, previous);
      g_assert_true (atlas_dataset_get_time_range (dataset, &first, &last));
      g_assert_cmpint (day, >=, first);
      g_assert_cmpint (atlas_lesson_scene_get_last_day (scene), <=, last);
      g_assert_cmpuint (strlen (atlas_lesson_scene_get_caption (scene)), >, 100);
      g_assert_cmpuint (atlas_lesson_scene_get_n_sources (scene), >=, 1);
      if (atlas_lesson_scene_get_highlights (scene)[0] != NULL)
        n_highlighting++;
      previous = day;
    }
  g_assert_cmpuint (n_highlighting, >=, atlas_lesson_get_n_scenes (lesson) / 2);
}

/* Framing ------------------------------------------------------------------- */

static void
test_frame_center (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled_dataset ();
  g_autoptr(AtlasLessonScene) scene = atlas_lesson_scene_new ();
  const double frame[4] = { 100, 50, 960, 540 };
  AtlasView view;
  double px, py;

  atlas_lesson_scene_set_center (scene, 42.6, 20.9, 9);

  /* On the reference screen, the zoom is the scene's. */
  g_assert_true (atlas_lesson_scene_frame_view (scene, dataset, NULL, FALSE, 1920, 1080, NULL, &view, NULL));
  g_assert_cmpfloat_with_epsilon (view.zoom, 9, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.x, atlas_mercator_x_from_lon (20.9), 1e-12);

  /* A frame half the size shows the same area one level further out,
   * centred in the frame. */
  g_assert_true (atlas_lesson_scene_frame_view (scene, dataset, NULL, FALSE, 1920, 1080, frame, &view, NULL));
  g_assert_cmpfloat_with_epsilon (view.zoom, 8, 1e-9);
  atlas_view_project (&view, atlas_mercator_x_from_lon (20.9), atlas_mercator_y_from_lat (42.6), &px, &py);
  g_assert_cmpfloat_with_epsilon (px, 100 + 480, 1e-6);
  g_assert_cmpfloat_with_epsilon (py, 50 + 270, 1e-6);
}

static void
test_frame_fit (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled_dataset ();
  g_autoptr(AtlasZoneSet) zone_set = atlas_zone_set_new (basemap, dataset);
  g_autoptr(AtlasLessonScene) scene = atlas_lesson_scene_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  const char *points[] = { "dep-mnb-west", "dep-mnb-east", "dep-mnb-north", NULL };
  const char *zone[] = { "zone-gsz", NULL };
  const double frame[4] = { 0, 100, 1200, 600 };
  AtlasDate d = date ("1999-06-12");
  double span_x = 0, span_y = 0;
  AtlasView view;

  atlas_lesson_scene_set_date (scene, &d);
  atlas_lesson_scene_set_fit (scene, points);
  g_assert_true (atlas_lesson_scene_frame_view (scene, dataset, zone_set, FALSE, 1600, 900, frame, &view, missing));
  g_assert_cmpuint (missing->len, ==, 0);

  /* Every point is inside the frame, and they fill it in one direction. */
  for (guint i = 0; points[i] != NULL; i++)
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_lookup (dataset, points[i]);
      double lon, lat, px, py;

      g_assert_true (atlas_feature_get_point (feature, &lon, &lat));
      atlas_view_project (&view, atlas_mercator_x_from_lon (lon), atlas_mercator_y_from_lat (lat), &px, &py);
      g_assert_cmpfloat (px, >=, frame[0] + ATLAS_LESSON_FIT_MARGIN - 1e-6);
      g_assert_cmpfloat (px, <=, frame[0] + frame[2] - ATLAS_LESSON_FIT_MARGIN + 1e-6);
      g_assert_cmpfloat (py, >=, frame[1] + ATLAS_LESSON_FIT_MARGIN - 1e-6);
      g_assert_cmpfloat (py, <=, frame[1] + frame[3] - ATLAS_LESSON_FIT_MARGIN + 1e-6);
      span_x = MAX (span_x, px);
      span_y = MAX (span_y, py);
    }
  g_assert_true (fabs (span_x - (frame[0] + frame[2] - ATLAS_LESSON_FIT_MARGIN)) < 1e-6 ||
                 fabs (span_y - (frame[1] + frame[3] - ATLAS_LESSON_FIT_MARGIN)) < 1e-6);

  /* A computed zone is not there until computed: the UI asks for it. */
  atlas_lesson_scene_set_fit (scene, zone);
  g_assert_false (atlas_lesson_scene_frame_view (scene, dataset, zone_set, FALSE, 1600, 900, frame, &view, missing));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "zone-gsz");
  g_assert_true (atlas_lesson_scene_frame_view (scene, dataset, zone_set, TRUE, 1600, 900, frame, &view, NULL));
  /* The GSZ runs along Kosovo's north, east and west: a regional view. */
  g_assert_cmpfloat (view.zoom, >, 6.5);
  g_assert_cmpfloat (view.zoom, <, 9.5);
}

/* A highlighted point gets its ring in the highlight colour. */
static void
test_highlight_drawn (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled_dataset ();
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasFeature) feature = atlas_dataset_lookup (dataset, "ev-unrest-2004");
  const char *ids[] = { "ev-unrest-2004", NULL };
  g_autoptr(AtlasOverlay) overlay = atlas_highlight_overlay_new (dataset, ids, NULL, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  AtlasOverlayContext context = { 0, };
  AtlasView view;
  double lon, lat, px, py;
  const guint8 *data;
  guint32 pixel;
  int stride;

  g_assert_true (atlas_feature_get_point (feature, &lon, &lat));
  atlas_view_init (&view, lat, lon, 9, 400, 300);
  context.view = &view;
  context.painter = painter;
  context.device_scale = 1;
  atlas_overlay_draw (overlay, cr, &context);
  cairo_surface_flush (surface);

  /* On the ring (radius 15 around the centre), not inside it. */
  atlas_view_project (&view, atlas_mercator_x_from_lon (lon), atlas_mercator_y_from_lat (lat), &px, &py);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixel = *(const guint32 *) (data + (int) py * stride + 4 * (int) (px + 15));
  g_assert_cmpuint ((pixel >> 16) & 0xff, >, 180);    /* red */
  g_assert_cmpuint ((pixel >> 8) & 0xff, <, 60);      /* green */
  pixel = *(const guint32 *) (data + (int) py * stride + 4 * (int) px);
  g_assert_cmpuint (pixel >> 24, ==, 0);              /* transparent */

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Handout ------------------------------------------------------------------- */

static void
test_handout (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled_dataset ();
  g_autoptr(AtlasZoneSet) zone_set = atlas_zone_set_new (basemap, dataset);
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasLesson) lesson = build_full_lesson ();
  g_autoptr(AtlasLesson) empty = atlas_lesson_new ();
  g_autofree char *dir = g_dir_make_tmp ("handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *pdfinfo = g_getenv ("PDFINFO");
  gsize length;

  g_assert_true (atlas_handout_write (lesson, painter, dataset, zone_set, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 1000 && memcmp (contents, "%PDF", 4) == 0);

  if (pdfinfo != NULL && *pdfinfo != '\0')
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
      g_assert_nonnull (strstr (out, "\nPages:           2\n"));
    }

  /* Failures leave the file as it was. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancelled);
  g_assert_false (atlas_handout_write (lesson, painter, dataset, zone_set, file, cancelled, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (atlas_handout_write (empty, painter, dataset, zone_set, file, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_INVALID);
  g_free (contents);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);

  g_test_add_func ("/lesson/format/round-trip-bytes", test_round_trip_bytes);
  g_test_add_func ("/lesson/format/round-trip-files", test_round_trip_files);
  g_test_add_func ("/lesson/format/bundled-is-canonical", test_bundled_is_canonical);
  g_test_add_func ("/lesson/format/doc-example", test_doc_example);
  g_test_add_func ("/lesson/format/malformed", test_malformed);
  g_test_add_func ("/lesson/format/limits", test_limits);
  g_test_add_func ("/lesson/format/files", test_files);
  g_test_add_func ("/lesson/model/editing", test_model_editing);
  g_test_add_func ("/lesson/bundled/facts", test_bundled_lesson);
  g_test_add_func ("/lesson/frame/center", test_frame_center);
  g_test_add_func ("/lesson/frame/fit", test_frame_fit);
  g_test_add_func ("/lesson/highlight/drawn", test_highlight_drawn);
  g_test_add_func ("/lesson/handout/write", test_handout);

  status = g_test_run ();
  g_clear_object (&basemap);
  return status;
}
