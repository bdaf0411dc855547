/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The bundled dataset and lesson in Albanian and Serbian: under each
 * language of po/LINGUAS, with the compiled catalogues of the build tree,
 * every text the app shows of them (titles, descriptions, units,
 * headquarters, the lesson's titles and captions) comes out translated
 * through the display getters, while the getters that writers use still
 * give the file's text. The packaging test po-coverage checks that the
 * catalogues have every string; this checks that the program looks them
 * up with the contexts tools/extract-content-strings gave them.
 */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "atlas-content-text.h"
#include "atlas-dataset.h"
#include "atlas-deployment.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson.h"
#include "atlas-loader.h"

#include "../atlas-test-language.h"

static AtlasDataset *bundled;
static AtlasLesson *lesson;

/* Text that is the same in a language: proper names and abbreviations.
 * Keep this short; every entry is a string a reader sees untranslated. */
static const char * const same_in_sq[] = {
  "Prizren",
  "Task Force Falcon",
  NULL,
};

/* Serbian Latin: what transliterates back to the English spelling. */
static const char * const same_in_sr[] = {
  "Lipljan",
  "Lipljan (2005)",
  "Mitrovica",
  "Peć",
  "Prizren",
  NULL,
};

typedef enum {
  SCRIPT_LATIN,
  SCRIPT_CYRILLIC,
} Script;

typedef struct
{
  const char         *language;
  Script              script;
  const char * const *same;
} Language;

static const Language languages[] = {
  { "sq",       SCRIPT_LATIN,    same_in_sq },
  { "sr",       SCRIPT_CYRILLIC, same_in_sr },
  { "sr@latin", SCRIPT_LATIN,    same_in_sr },
};

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x04ff)
        return TRUE;
    }
  return FALSE;
}

/* @shown is what the app shows for @raw, the file's text of @what. */
static void
assert_translated (const Language *language,
                   const char     *what,
                   const char     *raw,
                   const char     *shown)
{
  if (raw == NULL)
    {
      g_assert_null (shown);
      return;
    }
  g_assert_nonnull (shown);
  g_assert_true (g_utf8_validate (shown, -1, NULL));

  if (g_strcmp0 (raw, shown) == 0)
    {
      if (!g_strv_contains ((const char * const *) language->same, raw))
        g_error ("%s: %s is not translated: “%s”", language->language, what, raw);
      return;
    }

  if (language->script == SCRIPT_CYRILLIC && !has_cyrillic (shown))
    g_error ("%s: %s is not in Cyrillic: “%s”", language->language, what, shown);
  if (language->script == SCRIPT_LATIN && has_cyrillic (shown))
    g_error ("%s: %s has Cyrillic letters: “%s”", language->language, what, shown);
}

static void
check_features (const Language *language)
{
  for (AtlasFeatureKind kind = 0; kind < ATLAS_N_KINDS; kind++)
    {
      guint n = atlas_dataset_get_n_features (bundled, kind);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (bundled, kind, i);
          const char *id = atlas_feature_get_id (feature);
          g_autofree char *title = g_strdup_printf ("the title of %s", id);
          g_autofree char *description = g_strdup_printf ("the description of %s", id);

          /* A place is shown by its names, not its title. */
          if (kind != ATLAS_KIND_PLACE)
            assert_translated (language, title, atlas_feature_get_title (feature),
                               atlas_feature_get_display_title (feature));
          assert_translated (language, description, atlas_feature_get_description (feature),
                             atlas_feature_get_display_description (feature));

          if (kind == ATLAS_KIND_DEPLOYMENT)
            {
              AtlasDeployment *deployment = ATLAS_DEPLOYMENT (feature);
              g_autofree char *unit = g_strdup_printf ("the unit of %s", id);
              g_autofree char *hq = g_strdup_printf ("the headquarters of %s", id);

              assert_translated (language, unit, atlas_deployment_get_unit (deployment),
                                 atlas_deployment_get_display_unit (deployment));
              assert_translated (language, hq, atlas_deployment_get_hq (deployment),
                                 atlas_deployment_get_display_hq (deployment));
            }
        }
    }
}

static void
check_lesson (const Language *language)
{
  assert_translated (language, "the lesson's title", atlas_lesson_get_title (lesson),
                     atlas_lesson_get_display_title (lesson));
  assert_translated (language, "the lesson's description", atlas_lesson_get_description (lesson),
                     atlas_lesson_get_display_description (lesson));

  for (guint i = 0; i < atlas_lesson_get_n_scenes (lesson); i++)
    {
      AtlasLessonScene *scene = atlas_lesson_get_scene (lesson, i);
      g_autofree char *title = g_strdup_printf ("the title of scene %u", i + 1);
      g_autofree char *caption = g_strdup_printf ("the caption of scene %u", i + 1);

      assert_translated (language, title, atlas_lesson_scene_get_title (scene),
                         atlas_lesson_scene_get_display_title (scene));
      assert_translated (language, caption, atlas_lesson_scene_get_caption (scene),
                         atlas_lesson_scene_get_display_caption (scene));
    }
}

static void
test_language (gconstpointer data)
{
  const Language *language = data;
  const char *localedir = g_getenv ("ATLAS_TEST_LOCALEDIR");
  g_autoptr(AtlasFeature) gsz = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("ATLAS_TEST_LOCALEDIR is not set");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (!atlas_test_use_language (language->language, "C.UTF-8"))
    {
      g_test_skip ("no C.UTF-8 locale");
      return;
    }

  check_features (language);
  check_lesson (language);

  /* Writers and diagnostics keep the file's text. */
  gsz = atlas_dataset_lookup (bundled, "zone-gsz");
  g_assert_nonnull (gsz);
  g_assert_cmpstr (atlas_feature_get_title (gsz), ==, "Ground Safety Zone (GSZ)");
  g_assert_cmpstr (atlas_feature_get_display_title (gsz), !=, "Ground Safety Zone (GSZ)");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  textdomain (textdomain (NULL));
}

/* Without a catalogue for the language, everything shows as written. */
static void
test_untranslated (void)
{
  g_autoptr(AtlasFeature) gsz = atlas_dataset_lookup (bundled, "zone-gsz");

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  textdomain (textdomain (NULL));

  g_assert_cmpstr (atlas_feature_get_display_title (gsz), ==, atlas_feature_get_title (gsz));
  g_assert_cmpstr (atlas_lesson_get_display_title (lesson), ==, atlas_lesson_get_title (lesson));
  /* The catalogue's header is never shown for an empty text. */
  g_assert_cmpstr (atlas_content_text_translate (ATLAS_CONTENT_DATASET, ""), ==, "");
  g_assert_null (atlas_content_text_translate (ATLAS_CONTENT_DATASET, NULL));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  textdomain (textdomain (NULL));
}

static void
load_bundled (void)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dataset_path = g_test_build_filename (G_TEST_DIST, "..", "data", "dataset",
                                                         "kosovo-1999-2010.geojson", NULL);
  g_autofree char *lesson_path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons",
                                                        "kosovo-1999-2010.lesson.json", NULL);
  g_autoptr(GFile) dataset_file = g_file_new_for_path (dataset_path);
  g_autoptr(GFile) lesson_file = g_file_new_for_path (lesson_path);

  atlas_loader_add_file (loader, dataset_file, "kosovo-1999-2010.geojson");
  bundled = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);

  lesson = atlas_lesson_load (lesson_file, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  load_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dataset/translations/%s", languages[i].language);

      g_test_add_data_func (path, &languages[i], test_language);
    }
  g_test_add_func ("/dataset/translations/untranslated", test_untranslated);

  status = g_test_run ();
  g_clear_object (&bundled);
  g_clear_object (&lesson);
  return status;
}
