/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-painter.h"
#include "atlas-painter-deployments.h"
#include "atlas-place-names.h"

#include "../atlas-test-language.h"

/* Place names in every mode, from the real base map, the built-in table of
 * Kosovo's towns, datasets and the translations. No display needed. */

static AtlasBasemap *basemap;

/* What the loader wants of every place besides its names. */
#define PLACE_PROPERTIES "\"certainty\":\"certain\"," \
  "\"sources\":[{\"title\":\"Test\",\"publisher\":\"Test\",\"date\":\"2000\"}],"

static guint
find_place (const char *name,
            const char *country)
{
  const AtlasBasemapPlace *places;
  guint n_places;

  places = atlas_basemap_get_places (basemap, &n_places);
  for (guint i = 0; i < n_places; i++)
    if (g_str_equal (places[i].name, name) && g_str_equal (places[i].country, country))
      return i;

  g_error ("no base-map place %s in %s", name, country);
  return G_MAXUINT;
}

static void
assert_modes (AtlasPlaceNames *names,
              guint            index,
              const char      *sq,
              const char      *sr,
              const char      *en,
              const char      *both)
{
  g_assert_cmpstr (atlas_place_names_get_place (names, index, ATLAS_NAMES_SQ), ==, sq);
  g_assert_cmpstr (atlas_place_names_get_place (names, index, ATLAS_NAMES_SR), ==, sr);
  g_assert_cmpstr (atlas_place_names_get_place (names, index, ATLAS_NAMES_EN), ==, en);
  g_assert_cmpstr (atlas_place_names_get_place (names, index, ATLAS_NAMES_BOTH), ==, both);
}

static AtlasDataset *
dataset_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_new_from_bytes (bytes, "test.geojson", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* Every mode, both alphabets, for towns of the built-in table. */
static void
test_modes (void)
{
  g_autoptr(AtlasPlaceNames) latin = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_LATIN);
  g_autoptr(AtlasPlaceNames) cyrillic = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_CYRILLIC);
  guint pristina = find_place ("Pristina", "XK");
  guint glogovac = find_place ("Glogovac", "XK");
  guint decan = find_place ("Deçan", "XK");
  guint prizren = find_place ("Prizren", "XK");
  guint hani = find_place ("Hani i Elezit", "XK");

  g_assert_true (atlas_place_names_get_basemap (latin) == basemap);
  g_assert_cmpint (atlas_place_names_get_script (cyrillic), ==, ATLAS_SCRIPT_CYRILLIC);

  assert_modes (latin, pristina, "Prishtinë", "Priština", "Pristina", "Prishtinë / Priština");
  assert_modes (cyrillic, pristina, "Prishtinë", "Приштина", "Pristina", "Prishtinë / Приштина");
  /* GeoNames spells some towns the Serbian way, some the Albanian way. */
  assert_modes (latin, glogovac, "Gllogoc", "Glogovac", "Glogovac", "Gllogoc / Glogovac");
  assert_modes (latin, decan, "Deçan", "Dečani", "Deçan", "Deçan / Dečani");
  assert_modes (cyrillic, decan, "Deçan", "Дечани", "Deçan", "Deçan / Дечани");
  /* The same in both languages: printed once. */
  assert_modes (latin, prizren, "Prizren", "Prizren", "Prizren", "Prizren");
  assert_modes (cyrillic, prizren, "Prizren", "Призрен", "Prizren", "Prizren / Призрен");
  assert_modes (latin, hani, "Hani i Elezit", "Đeneral Janković", "Hani i Elezit",
                "Hani i Elezit / Đeneral Janković");
  g_assert_cmpuint (atlas_place_names_get_n_matched (latin), ==, 0);
}

/* Places outside Kosovo are not contested: their names never change with
 * the mode. (Capitals are translated, but there is no catalogue here.) */
static gboolean
is_serbo_croatian_country (const char *country)
{
  return g_str_equal (country, "RS") || g_str_equal (country, "BA") || g_str_equal (country, "ME") ||
         g_str_equal (country, "HR") || g_str_equal (country, "MK");
}

static void
test_outside_kosovo (void)
{
  g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_LATIN);
  g_autoptr(AtlasPlaceNames) cyrillic = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_CYRILLIC);
  const AtlasBasemapPlace *places;
  guint n_places, n_checked = 0, n_kosovo_changed = 0, n_transliterated = 0;

  places = atlas_basemap_get_places (basemap, &n_places);
  for (guint i = 0; i < n_places; i++)
    {
      gboolean changed = FALSE;
      gboolean changed_in_cyrillic = FALSE;

      for (AtlasNames m = 0; m < ATLAS_N_NAMES; m++)
        {
          changed |= !g_str_equal (atlas_place_names_get_place (names, i, m), places[i].name);
          changed_in_cyrillic |= !g_str_equal (atlas_place_names_get_place (cyrillic, i, m), places[i].name);
        }

      if (g_str_equal (places[i].country, "XK"))
        n_kosovo_changed += changed ? 1 : 0;
      else
        {
          if (changed)
            g_error ("%s (%s) was renamed", places[i].name, places[i].country);
          /* In Cyrillic, only the neighbours' Latin names change. */
          if (changed_in_cyrillic && !is_serbo_croatian_country (places[i].country))
            g_error ("%s (%s) was renamed in Cyrillic", places[i].name, places[i].country);
          n_transliterated += changed_in_cyrillic ? 1 : 0;
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 1000);
  g_assert_cmpuint (n_transliterated, >, 20);
  /* Prilep in North Macedonia shares its name with a village in Kosovo. */
  g_assert_cmpstr (atlas_place_names_get_place (names, find_place ("Prilep", "MK"), ATLAS_NAMES_SR), ==, "Prilep");
  g_assert_cmpstr (atlas_place_names_get_place (cyrillic, find_place ("Prilep", "MK"), ATLAS_NAMES_SR), ==, "Прилеп");
  g_assert_cmpstr (atlas_place_names_get_place (cyrillic, find_place ("Banja Luka", "BA"), ATLAS_NAMES_BOTH), ==, "Бања Лука");
  g_assert_cmpstr (atlas_place_names_get_place (cyrillic, find_place ("Niš", "RS"), ATLAS_NAMES_SQ), ==, "Ниш");
  /* Most of Kosovo's towns have two names; villages may keep one. */
  g_assert_cmpuint (n_kosovo_changed, >=, 30);
}

static void
test_countries (void)
{
  g_autoptr(AtlasPlaceNames) latin = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_LATIN);
  g_autoptr(AtlasPlaceNames) cyrillic = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_CYRILLIC);
  const AtlasShape *kosovo = atlas_basemap_lookup_country (basemap, "XKX");
  const AtlasShape *serbia = atlas_basemap_lookup_country (basemap, "SRB");

  g_assert_nonnull (kosovo);
  g_assert_nonnull (serbia);
  g_assert_cmpstr (atlas_place_names_get_country (latin, kosovo, ATLAS_NAMES_SQ), ==, "Kosova");
  g_assert_cmpstr (atlas_place_names_get_country (latin, kosovo, ATLAS_NAMES_SR), ==, "Kosovo");
  g_assert_cmpstr (atlas_place_names_get_country (cyrillic, kosovo, ATLAS_NAMES_SR), ==, "Косово");
  g_assert_cmpstr (atlas_place_names_get_country (latin, kosovo, ATLAS_NAMES_EN), ==, "Kosovo");
  g_assert_cmpstr (atlas_place_names_get_country (latin, kosovo, ATLAS_NAMES_BOTH), ==, "Kosova / Kosovo");
  for (AtlasNames m = 0; m < ATLAS_N_NAMES; m++)
    g_assert_cmpstr (atlas_place_names_get_country (cyrillic, serbia, m), ==, "Serbia");
}

/* A dataset's places name the base-map places they stand on, or those of
 * the same name nearby; nothing else. */
static void
test_dataset_match (void)
{
  /* Niš is at 43.32472 N, 21.90333 E in the base map. */
  g_autoptr(AtlasDataset) near = dataset_from_text (
    "{\"type\":\"FeatureCollection\",\"features\":["
    /* 1 km away, another name: matched by distance. */
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[21.9153,43.3247]},"
    " \"properties\":{\"kind\":\"place\"," PLACE_PROPERTIES "\"id\":\"p-nis\",\"title\":\"Naissus\","
    "   \"names\":{\"sq\":\"Nishi\",\"sr\":\"Ниш\",\"en\":\"Nish\"}}},"
    /* Only an English name, next to Leskovac: no rename. */
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[21.9460,42.9981]},"
    " \"properties\":{\"kind\":\"place\"," PLACE_PROPERTIES "\"id\":\"p-camp\",\"title\":\"Camp\",\"names\":{\"en\":\"Camp\"}}},"
    /* 12 km from Vranje, unrelated name: no rename. */
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[22.05,42.551]},"
    " \"properties\":{\"kind\":\"place\"," PLACE_PROPERTIES "\"id\":\"p-far\",\"title\":\"Far\",\"names\":{\"sq\":\"Larg\"}}},"
    /* 15 km from Novi Pazar, same Serbian Latin name: matched by name. */
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[20.5128,43.27]},"
    " \"properties\":{\"kind\":\"place\"," PLACE_PROPERTIES "\"id\":\"p-pazar\",\"title\":\"Pazar\","
    "   \"names\":{\"sq\":\"Pazari i Ri\",\"sr-Latn\":\"Novi Pazar\"}}}"
    "]}");
  g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, near, ATLAS_SCRIPT_LATIN);
  guint nis = find_place ("Niš", "RS");
  guint leskovac = find_place ("Leskovac", "RS");
  guint vranje = find_place ("Vranje", "RS");
  guint pazar = find_place ("Novi Pazar", "RS");

  assert_modes (names, nis, "Nishi", "Niš", "Nish", "Nishi / Niš");
  assert_modes (names, leskovac, "Leskovac", "Leskovac", "Leskovac", "Leskovac");
  assert_modes (names, vranje, "Vranje", "Vranje", "Vranje", "Vranje");
  /* No English name in the dataset: the base map's spelling. */
  assert_modes (names, pazar, "Pazari i Ri", "Novi Pazar", "Novi Pazar", "Pazari i Ri / Novi Pazar");
  g_assert_cmpuint (atlas_place_names_get_n_matched (names), ==, 2);
}

/* A dataset overrides the built-in table; the bundled one names Kosovo's
 * main towns the same way the table does. */
static void
test_dataset_overrides (void)
{
  g_autoptr(AtlasDataset) renamed = dataset_from_text (
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[21.1622,42.6633]},"
    " \"properties\":{\"kind\":\"place\"," PLACE_PROPERTIES "\"id\":\"p\",\"title\":\"P\","
    "   \"names\":{\"sq\":\"Prishtina\",\"sr-Latn\":\"Prishtina (sr)\",\"en\":\"Prishtina (en)\"}}}"
    "]}");
  g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, renamed, ATLAS_SCRIPT_CYRILLIC);
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasPlaceNames) from_bundled = NULL;
  g_autoptr(AtlasPlaceNames) table = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_LATIN);
  const AtlasBasemapPlace *places;
  guint n_places;
  guint pristina = find_place ("Pristina", "XK");

  /* Only a Latin Serbian name: no Cyrillic made up from it. */
  assert_modes (names, pristina, "Prishtina", "Prishtina (sr)", "Prishtina (en)", "Prishtina / Prishtina (sr)");

  bundled = g_resources_lookup_data (RESOURCE_PREFIX "/dataset/kosovo-1999-2010.geojson", 0, &error);
  g_assert_no_error (error);
  dataset = atlas_dataset_new_from_bytes (bundled, "bundled", &error);
  g_assert_no_error (error);
  from_bundled = atlas_place_names_new (basemap, dataset, ATLAS_SCRIPT_LATIN);

  /* Its ten towns with two names, Camp Bondsteel (English only) left out. */
  g_assert_cmpuint (atlas_place_names_get_n_matched (from_bundled), ==, 10);
  assert_modes (from_bundled, find_place ("Peć", "XK"), "Pejë", "Peć", "Peja", "Pejë / Peć");
  assert_modes (from_bundled, find_place ("Mitrovicë", "XK"), "Mitrovicë", "Kosovska Mitrovica", "Mitrovica",
                "Mitrovicë / Kosovska Mitrovica");

  places = atlas_basemap_get_places (basemap, &n_places);
  for (guint i = 0; i < n_places; i++)
    for (AtlasNames m = 0; m < ATLAS_N_NAMES; m++)
      if (!g_str_equal (atlas_place_names_get_place (from_bundled, i, m), atlas_place_names_get_place (table, i, m)))
        g_error ("%s in mode %d: %s from the dataset, %s from the table", places[i].name, m,
                 atlas_place_names_get_place (from_bundled, i, m), atlas_place_names_get_place (table, i, m));
}

static void
test_choose (void)
{
  static const AtlasPlaceName full[] = {
    { "sq", "Mitrovicë" }, { "sr", "Косовска Митровица" }, { "sr-Latn", "Kosovska Mitrovica" }, { "en", "Mitrovica" },
  };
  static const AtlasPlaceName cyrillic_only[] = { { "sr", "Гњилане" }, { "sq", "Gjilan" } };
  static const AtlasPlaceName latin_sr[] = { { "sr", "Gnjilane" } };
  static const AtlasPlaceName english_only[] = { { "en", "Camp Bondsteel" } };
  static const AtlasPlaceName other[] = { { "tr", "Mamuşa" }, { "sq", "" } };
  char *s;

#define CHECK(names, mode, script, want) \
  s = atlas_names_choose (names, G_N_ELEMENTS (names), mode, script); \
  g_assert_cmpstr (s, ==, want); \
  g_free (s);

  CHECK (full, ATLAS_NAMES_SR, ATLAS_SCRIPT_LATIN, "Kosovska Mitrovica");
  CHECK (full, ATLAS_NAMES_SR, ATLAS_SCRIPT_CYRILLIC, "Косовска Митровица");
  CHECK (full, ATLAS_NAMES_BOTH, ATLAS_SCRIPT_LATIN, "Mitrovicë / Kosovska Mitrovica");
  CHECK (full, ATLAS_NAMES_EN, ATLAS_SCRIPT_CYRILLIC, "Mitrovica");
  /* Latin made from Cyrillic when the dataset has no Latin form. */
  CHECK (cyrillic_only, ATLAS_NAMES_SR, ATLAS_SCRIPT_LATIN, "Gnjilane");
  CHECK (cyrillic_only, ATLAS_NAMES_BOTH, ATLAS_SCRIPT_LATIN, "Gjilan / Gnjilane");
  /* No English name: the first one. */
  CHECK (cyrillic_only, ATLAS_NAMES_EN, ATLAS_SCRIPT_LATIN, "Гњилане");
  /* A bare "sr" in Latin letters is Latin. */
  CHECK (latin_sr, ATLAS_NAMES_SR, ATLAS_SCRIPT_CYRILLIC, "Gnjilane");
  CHECK (latin_sr, ATLAS_NAMES_SQ, ATLAS_SCRIPT_LATIN, "Gnjilane");
  CHECK (english_only, ATLAS_NAMES_BOTH, ATLAS_SCRIPT_LATIN, "Camp Bondsteel");
  CHECK (english_only, ATLAS_NAMES_SQ, ATLAS_SCRIPT_LATIN, "Camp Bondsteel");
  /* Empty names do not count. */
  CHECK (other, ATLAS_NAMES_SQ, ATLAS_SCRIPT_LATIN, "Mamuşa");
#undef CHECK

  g_assert_null (atlas_names_choose (NULL, 0, ATLAS_NAMES_BOTH, ATLAS_SCRIPT_LATIN));
}

static void
test_transliteration (void)
{
  static const char * const cases[][2] = {
    { "Приштина", "Priština" },
    { "Ђаковица", "Đakovica" },
    { "Гњилане", "Gnjilane" },
    { "Љубљана", "Ljubljana" },
    { "ЉУБЉАНА", "LJUBLJANA" },
    { "Џ", "Dž" },
    { "Џеп", "Džep" },
    { "ЏЕП", "DŽEP" },
    { "Ћуприја", "Ćuprija" },
    { "Косово Поље", "Kosovo Polje" },
    { "Peć (Пећ), 1999", "Peć (Peć), 1999" },
    { "", "" },
  };
  /* Latin to Cyrillic; NULL for names that are not Serbo-Croatian. */
  static const char * const to_cyrillic[][2] = {
    { "Banja Luka", "Бања Лука" },
    { "Niš", "Ниш" },
    { "Novi Sad", "Нови Сад" },
    { "Đakovica", "Ђаковица" },
    { "Džep", "Џеп" },
    { "DŽEP", "ЏЕП" },
    { "Ljubljana", "Љубљана" },
    { "LJUBLJANA", "ЉУБЉАНА" },
    { "Gnjilane", "Гњилане" },
    { "Čačak", "Чачак" },
    { "Herceg-Novi (1)", "Херцег-Нови (1)" },
    { "", "" },
    { "Washington", NULL },
    { "Wrocław", NULL },
    { "Istanbul İ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *latin = atlas_serbian_to_latin (cases[i][0]);
      g_assert_cmpstr (latin, ==, cases[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (to_cyrillic); i++)
    {
      g_autofree char *cyrillic = atlas_serbian_to_cyrillic (to_cyrillic[i][0]);
      g_autofree char *back = NULL;

      g_assert_cmpstr (cyrillic, ==, to_cyrillic[i][1]);
      if (cyrillic == NULL)
        continue;
      back = atlas_serbian_to_latin (cyrillic);
      g_assert_cmpstr (back, ==, to_cyrillic[i][0]);
    }
}

static void
test_script_for_languages (void)
{
  static const char * const sr[] = { "sr_RS.UTF-8", "sr_RS", "sr.UTF-8", "sr", "C", NULL };
  static const char * const sr_bare[] = { "sr", "C", NULL };
  static const char * const sr_latin[] = { "sr@latin", "sr", "C", NULL };
  static const char * const sr_rs_latin[] = { "sr_RS.UTF-8@latin", "sr_RS@latin", "sr@latin", "C", NULL };
  static const char * const sr_latn[] = { "sr-Latn", "C", NULL };
  static const char * const sq[] = { "sq_AL.UTF-8", "sq", "C", NULL };
  static const char * const srn[] = { "srn", "C", NULL };
  static const char * const english_then_sr[] = { "en", "sr", "C", NULL };
  static const char * const none[] = { NULL };

  g_assert_cmpint (atlas_script_for_languages (sr), ==, ATLAS_SCRIPT_CYRILLIC);
  g_assert_cmpint (atlas_script_for_languages (sr_bare), ==, ATLAS_SCRIPT_CYRILLIC);
  g_assert_cmpint (atlas_script_for_languages (sr_latin), ==, ATLAS_SCRIPT_LATIN);
  g_assert_cmpint (atlas_script_for_languages (sr_rs_latin), ==, ATLAS_SCRIPT_LATIN);
  g_assert_cmpint (atlas_script_for_languages (sr_latn), ==, ATLAS_SCRIPT_LATIN);
  g_assert_cmpint (atlas_script_for_languages (sq), ==, ATLAS_SCRIPT_LATIN);
  g_assert_cmpint (atlas_script_for_languages (srn), ==, ATLAS_SCRIPT_LATIN);
  g_assert_cmpint (atlas_script_for_languages (english_then_sr), ==, ATLAS_SCRIPT_LATIN);
  g_assert_cmpint (atlas_script_for_languages (none), ==, ATLAS_SCRIPT_LATIN);
}

/* The default names are made once per base map, whatever the thread. */
static gpointer
get_default_thread (gpointer data)
{
  return atlas_place_names_get_default (data);
}

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) own = atlas_basemap_new_from_resources (&error);
  GThread *threads[4];
  AtlasPlaceNames *names;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("names", get_default_thread, own);
  names = atlas_place_names_get_default (own);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (g_thread_join (threads[i]) == names);

  /* Held by the base map, not holding it. */
  g_assert_null (atlas_place_names_get_basemap (names));
  g_assert_cmpstr (atlas_place_names_get_place (names, 0, ATLAS_NAMES_SQ), !=, NULL);
  g_object_add_weak_pointer (G_OBJECT (names), (gpointer *) &names);
  g_clear_object (&own);
  g_assert_null (names);
}

/* Labels drawn in two modes differ around Pristina and nowhere far from
 * Kosovo. */
static cairo_surface_t *
draw_labels (AtlasPainter    *painter,
             const AtlasView *view,
             AtlasNames       mode)
{
  g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, NULL, ATLAS_SCRIPT_LATIN);
  g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (surface);

  atlas_painter_draw_labels_full (painter, cr, view, names, mode, labels);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (atlas_label_set_get_count (labels), >, 5);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x0,
                   int              y0,
                   int              x1,
                   int              y1)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (a)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (a)); x++)
      n += memcmp (da + y * stride + 4 * x, db + y * stride + 4 * x, 4) != 0;
  return n;
}

static void
test_painter_follows_mode (void)
{
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  cairo_surface_t *sq, *sq_again, *sr, *both_default, *both;
  AtlasView view;
  double px, py;

  atlas_view_init (&view, 42.7, 21.9, 8, 900, 600);
  sq = draw_labels (painter, &view, ATLAS_NAMES_SQ);
  sq_again = draw_labels (painter, &view, ATLAS_NAMES_SQ);
  sr = draw_labels (painter, &view, ATLAS_NAMES_SR);
  both = draw_labels (painter, &view, ATLAS_NAMES_BOTH);

  /* The plain call draws both names, with the default names. */
  both_default = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 600);
  {
    g_autoptr(AtlasLabelSet) labels = atlas_label_set_new ();
    cairo_t *cr = cairo_create (both_default);
    atlas_painter_draw_labels (painter, cr, &view, labels);
    cairo_destroy (cr);
  }

  atlas_view_project (&view, atlas_mercator_x_from_lon (21.16688), atlas_mercator_y_from_lat (42.67272), &px, &py);
  g_assert_cmpuint (count_differences (sq, sq_again, 0, 0, 900, 600), ==, 0);
  /* Pristina's label is to the right of its dot, or to the left. */
  g_assert_cmpuint (count_differences (sq, sr, px - 120, py - 12, px + 120, py + 12), >, 50);
  /* Sofia (at 23.32 E) and everything east of 22.7 E stay the same. */
  atlas_view_project (&view, atlas_mercator_x_from_lon (22.7), 0, &px, &py);
  g_assert_cmpuint (count_differences (sq, sr, px, 0, 900, 600), ==, 0);
  g_assert_cmpuint (count_differences (both, both_default, 0, 0, 900, 600), ==, 0);

  cairo_surface_destroy (sq);
  cairo_surface_destroy (sq_again);
  cairo_surface_destroy (sr);
  cairo_surface_destroy (both);
  cairo_surface_destroy (both_default);
}

/* With the catalogues built in po/: country and capital names follow the
 * language of the user interface, Serbian names its alphabet. */
static gboolean
use_language (const char *language)
{
  return atlas_test_use_language (language, "C.UTF-8");
}

static void
test_translated (void)
{
  const char *localedir = g_getenv ("ATLAS_TEST_LOCALEDIR");
  const AtlasShape *kosovo = atlas_basemap_lookup_country (basemap, "XKX");
  const AtlasShape *greece = atlas_basemap_lookup_country (basemap, "GRC");
  guint belgrade = find_place ("Belgrade", "RS");
  guint pristina = find_place ("Pristina", "XK");

  if (localedir == NULL)
    {
      g_test_skip ("ATLAS_TEST_LOCALEDIR is not set");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (!use_language ("sr"))
    {
      g_test_skip ("no C.UTF-8 locale");
      return;
    }
  {
    g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, NULL, atlas_script_for_locale ());

    g_assert_cmpint (atlas_place_names_get_script (names), ==, ATLAS_SCRIPT_CYRILLIC);
    g_assert_cmpstr (atlas_place_names_get_country (names, greece, ATLAS_NAMES_SQ), ==, "Грчка");
    g_assert_cmpstr (atlas_place_names_get_country (names, kosovo, ATLAS_NAMES_SR), ==, "Косово");
    g_assert_cmpstr (atlas_place_names_get_place (names, belgrade, ATLAS_NAMES_SQ), ==, "Београд");
    g_assert_cmpstr (atlas_place_names_get_place (names, pristina, ATLAS_NAMES_BOTH), ==, "Prishtinë / Приштина");
    /* Deployment labels name the alliance in the reader's letters. */
    g_assert_cmpstr (atlas_painter_get_nation_label ("NATO"), ==, "НАТО");
    g_assert_cmpstr (atlas_painter_get_nation_label ("FRA"), ==, "FRA");
  }

  use_language ("sr@latin");
  {
    g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, NULL, atlas_script_for_locale ());

    g_assert_cmpint (atlas_place_names_get_script (names), ==, ATLAS_SCRIPT_LATIN);
    g_assert_cmpstr (atlas_place_names_get_country (names, greece, ATLAS_NAMES_SQ), ==, "Grčka");
    g_assert_cmpstr (atlas_place_names_get_place (names, belgrade, ATLAS_NAMES_SR), ==, "Beograd");
    g_assert_cmpstr (atlas_place_names_get_place (names, pristina, ATLAS_NAMES_BOTH), ==, "Prishtinë / Priština");
  }

  use_language ("sq");
  {
    g_autoptr(AtlasPlaceNames) names = atlas_place_names_new (basemap, NULL, atlas_script_for_locale ());

    g_assert_cmpstr (atlas_place_names_get_country (names, greece, ATLAS_NAMES_SR), ==, "Greqia");
    g_assert_cmpstr (atlas_place_names_get_country (names, kosovo, ATLAS_NAMES_SQ), ==, "Kosova");
    g_assert_cmpstr (atlas_place_names_get_place (names, belgrade, ATLAS_NAMES_EN), ==, "Beograd");
  }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);

  g_test_add_func ("/i18n/place-names/modes", test_modes);
  g_test_add_func ("/i18n/place-names/outside-kosovo", test_outside_kosovo);
  g_test_add_func ("/i18n/place-names/countries", test_countries);
  g_test_add_func ("/i18n/place-names/dataset-match", test_dataset_match);
  g_test_add_func ("/i18n/place-names/dataset-overrides", test_dataset_overrides);
  g_test_add_func ("/i18n/place-names/choose", test_choose);
  g_test_add_func ("/i18n/place-names/transliteration", test_transliteration);
  g_test_add_func ("/i18n/place-names/script-for-languages", test_script_for_languages);
  g_test_add_func ("/i18n/place-names/default", test_default);
  g_test_add_func ("/i18n/painter/labels-follow-mode", test_painter_follows_mode);
  g_test_add_func ("/i18n/place-names/translated", test_translated);

  status = g_test_run ();
  g_clear_object (&basemap);
  return status;
}
