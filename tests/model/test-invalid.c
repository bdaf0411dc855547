/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-dataset.h"
#include "atlas-diagnostic.h"
#include "atlas-loader.h"
#include "atlas-test-generator.h"

/* Loads one file as @name; returns its diagnostics, one line each. */
static GPtrArray *
load (GFile         *file,
      const char    *name,
      AtlasDataset **dataset,
      GError       **error)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *diagnostics;

  atlas_loader_add_file (loader, file, name);
  *dataset = atlas_loader_load (loader, NULL, error);

  diagnostics = atlas_loader_get_diagnostics (loader);
  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      g_ptr_array_add (lines, atlas_diagnostic_to_string (diagnostic));
    }
  return lines;
}

/* The number of different ids starting "ok-" in @text. */
static guint
count_ok_ids (const char *text)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *needle = "\"id\": \"ok-";

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *start = p + strlen ("\"id\": \"");
      const char *end = strchr (start, '"');

      g_hash_table_add (ids, g_strndup (start, end - start));
    }
  return g_hash_table_size (ids);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
n_features (AtlasDataset *dataset)
{
  guint n = 0;

  for (AtlasFeatureKind k = 0; k < ATLAS_N_KINDS; k++)
    n += atlas_dataset_get_n_features (dataset, k);
  return n;
}

/*
 * Every NAME.geojson under invalid/ gives exactly the lines of
 * NAME.expected. Features whose id starts with "ok-" are valid and must be
 * loaded (unless the file as a whole is refused); no other may be.
 */
static void
test_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "model", "invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  guint n_file_level = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".geojson"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 25);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".geojson"));
      g_autofree char *expected_path = g_strdup_printf ("%s/%s.expected", dir_path, stem);
      g_autofree char *expected_text = NULL;
      g_autofree char *contents = NULL;
      g_auto(GStrv) expected = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      const char *file_level = NULL;
      guint n_expected;

      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (expected_path, &expected_text, NULL, NULL));
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      expected = g_strsplit (expected_text, "\n", -1);
      n_expected = g_strv_length (expected) - 1;   /* after the last newline */
      g_assert_cmpstr (expected[n_expected], ==, "");
      /* Every case has something to say. */
      g_assert_cmpuint (n_expected, >, 0);

      lines = load (file, name, &dataset, &error);
      for (guint l = 0; l < MAX (lines->len, n_expected); l++)
        g_assert_cmpstr (l < lines->len ? g_ptr_array_index (lines, l) : NULL, ==,
                         l < n_expected ? expected[l] : NULL);

      /* A file-level problem shows as "FILE:LINE:COLUMN: …" and refuses the
       * whole file, with that same text as the error. */
      for (guint l = 0; l < lines->len; l++)
        {
          const char *line = g_ptr_array_index (lines, l);

          if (!strstr (line, ": features[") && !strstr (line, ": warning: "))
            file_level = line;
        }
      if (file_level != NULL)
        {
          n_file_level++;
          g_assert_null (dataset);
          g_assert_nonnull (error);
          g_assert_true (error->domain == ATLAS_DATASET_ERROR);
          g_assert_cmpstr (error->message, ==, file_level);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (dataset);
          g_assert_cmpuint (n_features (dataset), ==, count_ok_ids (contents));
        }
    }

  g_assert_cmpuint (n_file_level, >=, 10);
}

/* --- Hostile input, made at run time ----------------------------------- */

static void
assert_file_error (GString    *text,
                   const char *name,
                   int         code,
                   const char *expected)
{
  g_autoptr(GFile) file = atlas_test_write_file (name, text);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = load (file, name, &dataset, &error);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, code);
  g_assert_cmpuint (lines->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, expected);
}

#define PREFIX "{\"type\":\"FeatureCollection\",\"features\":["
#define OK_FEATURE "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"event\"," \
                   "\"id\":\"ok-1\",\"title\":\"Fine\",\"start\":\"1999\",\"certainty\":\"certain\"," \
                   "\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}]}}"

static void
test_deep_nesting (void)
{
  const gsize depth = 1000000;
  g_autoptr(GString) text = g_string_sized_new (2 * depth + 64);

  /* Inside a valid start: the limit is what stops it. */
  g_string_append (text, PREFIX);
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "]}");
  assert_file_error (text, "deep.geojson", ATLAS_DATASET_ERROR_TOO_DEEP,
                     "deep.geojson:1:71: arrays and objects are nested more than 32 deep");

  /* Objects in properties, and a bare array at the top. */
  g_string_assign (text, PREFIX "{\"type\":\"Feature\",\"properties\":");
  for (gsize i = 0; i < depth; i++)
    g_string_append (text, "{\"a\":");
  assert_file_error (text, "deep-objects.geojson", ATLAS_DATASET_ERROR_TOO_DEEP,
                     "deep-objects.geojson:1:217: arrays and objects are nested more than 32 deep");

  g_string_truncate (text, 0);
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  assert_file_error (text, "deep-root.geojson", ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                     "deep-root.geojson:1:1: the top level is an array, not a FeatureCollection object");
}

static void
test_huge_string (void)
{
  const gsize size = 100 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + 256);
  g_autofree char *expected = NULL;

  g_string_append (text, PREFIX OK_FEATURE ",\n{\"type\":\"Feature\",\"geometry\":null,"
                   "\"properties\":{\"kind\":\"event\",\"id\":\"big\",\"title\":\"");
  g_string_set_size (text, text->len + size);
  memset (text->str + text->len - size, 'a', size);
  g_string_append (text, "\"}}]}");

  expected = g_strdup_printf ("huge.geojson:2:83: a value of %" G_GSIZE_FORMAT " bytes is longer "
                              "than the limit of 1048576", size);
  assert_file_error (text, "huge.geojson", ATLAS_DATASET_ERROR_STRING_TOO_LONG, expected);
}

/* yajl lets through what is only shaped like UTF-8 and decodes a lone
 * surrogate escape into another character: each is a file-level error at
 * its byte or escape (finding 1 in docs/reliability.md), wherever the
 * string is, skipped values and member names included. */
static void
test_ill_formed_utf8 (void)
{
  const struct { const char *title; const char *expected; } titles[] = {
    { "\xc0\x80", "1:307: invalid UTF-8 in a string" },                  /* overlong NUL */
    { "ab\xc1\x9a", "1:309: invalid UTF-8 in a string" },                /* overlong "Z" */
    { "\xe0\x80\xaf", "1:307: invalid UTF-8 in a string" },              /* overlong "/" */
    { "x\xed\xa0\x80", "1:308: invalid UTF-8 in a string" },             /* the surrogate U+D800 */
    { "\xf4\x90\x80\x80", "1:307: invalid UTF-8 in a string" },          /* U+110000 */
    { "\xc3\xa9\\n\xed\xbf\xbf", "1:310: invalid UTF-8 in a string" }, /* after an escape */
    { "\\ud800", "1:307: invalid UTF-8 in a string: the escape \\ud800 is an unpaired surrogate" },
    { "\\ud800x", "1:307: invalid UTF-8 in a string: the escape \\ud800 is an unpaired surrogate" },
    { "\\ud800\\u0041", "1:307: invalid UTF-8 in a string: the escape \\ud800 is an unpaired surrogate" },
    { "\\uDBFF\\uDBFF", "1:307: invalid UTF-8 in a string: the escape \\uDBFF is an unpaired surrogate" },
    { "\xc3\xa9\\\\\\udc00", "1:310: invalid UTF-8 in a string: the escape \\udc00 is an unpaired surrogate" },
    { "\\\"\\ud83d\\ude00\\udded", "1:321: invalid UTF-8 in a string: the escape \\udded is an unpaired surrogate" },
  };
  const struct { const char *text; const char *expected; } elsewhere[] = {
    /* "type" was quoted in the message that refuses it. */
    { "{\"type\":\"\xc1\x9a\",\"features\":[]}", "1:10: invalid UTF-8 in a string" },
    { "{\"type\":\"FeatureCollection\",\"features\":[],\"\xed\xa0\x80\":1}", "1:44: invalid UTF-8 in a string" },
    { "{\"type\":\"FeatureCollection\",\"features\":[],\"x\":[\"\\udfff\"]}",
      "1:49: invalid UTF-8 in a string: the escape \\udfff is an unpaired surrogate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GString) text = g_string_new (PREFIX OK_FEATURE ",{\"type\":\"Feature\",\"geometry\":null,"
                                              "\"properties\":{\"kind\":\"event\",\"id\":\"x\",\"title\":\"");
      g_autofree char *expected = g_strconcat ("utf8.geojson:", titles[i].expected, NULL);

      g_test_message ("title %u", i);
      g_string_append (text, titles[i].title);
      g_string_append (text, "\"}}]}");
      assert_file_error (text, "utf8.geojson", ATLAS_DATASET_ERROR_SYNTAX, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (elsewhere); i++)
    {
      g_autoptr(GString) text = g_string_new (elsewhere[i].text);
      g_autofree char *expected = g_strconcat ("utf8.geojson:", elsewhere[i].expected, NULL);

      g_test_message ("elsewhere %u", i);
      assert_file_error (text, "utf8.geojson", ATLAS_DATASET_ERROR_SYNTAX, expected);
    }
}

/* Surrogate pairs and other escapes stay what they stand for. */
static void
test_escapes_kept (void)
{
  g_autoptr(GString) text = g_string_new (PREFIX "{\"type\":\"Feature\",\"geometry\":null,"
                                          "\"properties\":{\"kind\":\"event\",\"id\":\"ok-1\",\"title\":"
                                          "\"\\ud83d\\ude00 \\\\ud800 \\u00e9\xc3\xa9 \\\"\","
                                          "\"\\udbff\\udfff\":1,\"start\":\"1999\",\"certainty\":\"certain\","
                                          "\"sources\":[{\"title\":\"T\",\"publisher\":\"P\",\"date\":\"1999\"}]}}]}");
  g_autoptr(GFile) file = atlas_test_write_file ("escapes.geojson", text);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasFeature) feature = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = load (file, "escapes.geojson", &dataset, &error);

  g_assert_no_error (error);
  feature = atlas_dataset_get_feature (dataset, ATLAS_KIND_EVENT, 0);
  g_assert_cmpstr (atlas_feature_get_title (feature), ==, "\xf0\x9f\x98\x80 \\ud800 \xc3\xa9\xc3\xa9 \"");
}

/* Bigger than the limit: refused before anything is read. The file is
 * sparse, so it takes no disk space. */
static void
test_file_too_large (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "large.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  FILE *f;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), ATLAS_MAX_FILE_SIZE + 1), ==, 0);
  fclose (f);

  lines = load (file, "large.geojson", &dataset, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "large.geojson: the file has 1073741825 bytes, more than the limit of 1073741824");
}

/* Limits within one feature skip that feature only. */
static void
test_feature_limits (void)
{
  g_autoptr(GString) text = g_string_new (PREFIX OK_FEATURE ",\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_string_append (text, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
  for (guint i = 0; i <= ATLAS_MAX_POSITIONS; i++)
    g_string_append_printf (text, "%s[21.%u,42.5]", i ? "," : "", i % 1000);
  g_string_append (text, "]},\"properties\":{\"kind\":\"zone\",\"id\":\"long-line\"}},\n");

  g_string_append (text, "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"wide\"");
  for (guint i = 0; i < ATLAS_MAX_PROPERTY_NODES + 10; i++)
    g_string_append_printf (text, ",\"k%u\":%u", i, i);
  g_string_append (text, "}}]}");

  file = atlas_test_write_file ("limits.geojson", text);
  lines = load (file, "limits.geojson", &dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_features (dataset), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "limits.geojson: features[1] (id \"long-line\"): geometry.coordinates: "
                   "more than 1000000 positions");
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "limits.geojson: features[2] (id \"wide\"): "
                                                   "properties: too large to be read", g_str_equal, NULL));
}

/* Thousands of broken features: the list stops growing, the count not. */
static void
test_many_problems (void)
{
  g_autoptr(GString) text = g_string_new (PREFIX OK_FEATURE);
  g_autoptr(GFile) file = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();

  for (guint i = 0; i < 12000; i++)
    g_string_append (text, ",\n42");
  g_string_append (text, "]}");
  file = atlas_test_write_file ("many.geojson", text);

  atlas_loader_add_file (loader, file, "many.geojson");
  dataset = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_loader_get_n_errors (loader), ==, 12000);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_loader_get_diagnostics (loader)), ==, 10001);
  g_assert_cmpuint (n_features (dataset), ==, 1);
  {
    g_autoptr(AtlasDiagnostic) last = g_list_model_get_item (atlas_loader_get_diagnostics (loader), 10000);

    g_assert_cmpstr (atlas_diagnostic_get_message (last), ==, "2000 more problems are not listed");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/invalid/corpus", test_corpus);
  g_test_add_func ("/model/invalid/deep-nesting", test_deep_nesting);
  g_test_add_func ("/model/invalid/huge-string", test_huge_string);
  g_test_add_func ("/model/invalid/ill-formed-utf8", test_ill_formed_utf8);
  g_test_add_func ("/model/invalid/escapes-kept", test_escapes_kept);
  g_test_add_func ("/model/invalid/file-too-large", test_file_too_large);
  g_test_add_func ("/model/invalid/feature-limits", test_feature_limits);
  g_test_add_func ("/model/invalid/many-problems", test_many_problems);

  return g_test_run ();
}
