/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-place-names"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-place-names.h"

/* A dataset place names the base-map place of the same name up to this far
 * away, or else the nearest one up to MATCH_NEAR_KM away. */
#define MATCH_NAMED_KM 20.0
#define MATCH_NEAR_KM   3.0
#define KM_PER_DEGREE 111.32

#define KOSOVO_ISO2 "XK"
#define KOSOVO_ISO3 "XKX"

/* The forms of one name; any may be NULL. */
typedef struct
{
  const char *sq;
  const char *sr_cyrl;
  const char *sr_latn;
  const char *en;
} Forms;

/*
 * Kosovo's towns as the base map spells them (GeoNames: some Albanian, some
 * Serbian), with the Albanian, Serbian (Cyrillic) and English forms. The
 * Serbian Latin form is the transliteration of the Cyrillic one. English
 * is given where it differs from the base map's spelling. A dataset with
 * names for the same place overrides these.
 */
static const struct
{
  const char *basemap;
  Forms       forms;
} kosovo_towns[] = {
  { "Pristina",         { "Prishtinë",       "Приштина",           NULL, "Pristina" } },
  { "Prizren",          { "Prizren",         "Призрен",            NULL, NULL } },
  { "Mitrovicë",        { "Mitrovicë",       "Косовска Митровица", NULL, "Mitrovica" } },
  { "Gjakovë",          { "Gjakovë",         "Ђаковица",           NULL, "Gjakova" } },
  { "Ferizaj",          { "Ferizaj",         "Урошевац",           NULL, NULL } },
  { "Gjilan",           { "Gjilan",          "Гњилане",            NULL, NULL } },
  { "Peć",              { "Pejë",            "Пећ",                NULL, "Peja" } },
  { "Suva Reka",        { "Suharekë",        "Сува Река",          NULL, NULL } },
  { "Glogovac",         { "Gllogoc",         "Глоговац",           NULL, NULL } },
  { "Deçan",            { "Deçan",           "Дечани",             NULL, NULL } },
  { "Vitina",           { "Viti",            "Витина",             NULL, NULL } },
  { "Istok",            { "Istog",           "Исток",              NULL, NULL } },
  { "Dragash",          { "Dragash",         "Драгаш",             NULL, NULL } },
  { "Podujeva",         { "Podujevë",        "Подујево",           NULL, "Podujevo" } },
  { "Shtime",           { "Shtime",          "Штимље",             NULL, NULL } },
  { "Vushtrri",         { "Vushtrri",        "Вучитрн",            NULL, NULL } },
  { "Orahovac",         { "Rahovec",         "Ораховац",           NULL, NULL } },
  { "Leposaviq",        { "Leposaviq",       "Лепосавић",          NULL, "Leposavić" } },
  { "Zvečan",           { "Zveçan",          "Звечан",             NULL, NULL } },
  { "Kosovo Polje",     { "Fushë Kosovë",    "Косово Поље",        NULL, NULL } },
  { "Zubin Potok",      { "Zubin Potok",     "Зубин Поток",        NULL, NULL } },
  { "Obiliq",           { "Obiliq",          "Обилић",             NULL, NULL } },
  { "Kačanik",          { "Kaçanik",         "Качаник",            NULL, NULL } },
  { "Hani i Elezit",    { "Hani i Elezit",   "Ђенерал Јанковић",   NULL, NULL } },
  { "Kamenica",         { "Kamenicë",        "Каменица",           NULL, NULL } },
  { "Lipljan",          { "Lipjan",          "Липљан",             NULL, NULL } },
  { "Klina",            { "Klinë",           "Клина",              NULL, NULL } },
  { "Štrpce",           { "Shtërpcë",        "Штрпце",             NULL, NULL } },
  { "Novo Brdo",        { "Novobërdë",       "Ново Брдо",          NULL, NULL } },
  { "Mamuša",           { "Mamushë",         "Мамуша",             NULL, NULL } },
  { "Srbica",           { "Skënderaj",       "Србица",             NULL, NULL } },
  { "Ranilug",          { "Ranillug",        "Ранилуг",            NULL, NULL } },
  { "Klokot",           { "Kllokot",         "Клокот",             NULL, NULL } },
  { "Mališevo",         { "Malishevë",       "Малишево",           NULL, NULL } },
  { "Junik",            { "Junik",           "Јуник",              NULL, NULL } },
  { "Strellc i Epërm",  { "Strellc i Epërm", "Горњи Стреоц",       NULL, NULL } },
  { "Strellc i Ulët",   { "Strellc i Ulët",  "Доњи Стреоц",        NULL, NULL } },
  { "Isniq",            { "Isniq",           "Истинић",            NULL, NULL } },
  { "Irzniq",           { "Irzniq",          "Рзнић",              NULL, NULL } },
  { "Gllogjan",         { "Gllogjan",        "Глођане",            NULL, NULL } },
  { "Partesh",          { "Partesh",         "Партеш",             NULL, NULL } },
  { "Leshan",           { "Leshan",          "Лешане",             NULL, NULL } },
  { "Papraqan",         { "Papraqan",        "Папраћане",          NULL, NULL } },
  { "Lloqan",           { "Lloqan",          "Лоћане",             NULL, NULL } },
};

/* The national capitals of the base map, in its English spelling; their
 * names follow the language of the user interface. Pristina is above. */
static const char * const capitals[] = {
  NC_("place", "Athens"),
  NC_("place", "Belgrade"),
  NC_("place", "Bratislava"),
  NC_("place", "Bucharest"),
  NC_("place", "Budapest"),
  NC_("place", "Chisinau"),
  NC_("place", "Ljubljana"),
  NC_("place", "Podgorica"),
  NC_("place", "Rome"),
  NC_("place", "San Marino"),
  NC_("place", "Sarajevo"),
  NC_("place", "Skopje"),
  NC_("place", "Sofia"),
  NC_("place", "Tirana"),
  NC_("place", "Vatican City"),
  NC_("place", "Vienna"),
  NC_("place", "Zagreb"),
};

/* The countries of the base map (countries.geojson), for the translators;
 * Kosovo's name follows the place-name mode instead. */
static const char * const countries[] G_GNUC_UNUSED = {
  NC_("country", "Albania"),
  NC_("country", "Austria"),
  NC_("country", "Bosnia and Herzegovina"),
  NC_("country", "Bulgaria"),
  NC_("country", "Croatia"),
  NC_("country", "Czechia"),
  NC_("country", "Germany"),
  NC_("country", "Greece"),
  NC_("country", "Hungary"),
  NC_("country", "Italy"),
  NC_("country", "Malta"),
  NC_("country", "Moldova"),
  NC_("country", "Montenegro"),
  NC_("country", "North Macedonia"),
  NC_("country", "Romania"),
  NC_("country", "San Marino"),
  NC_("country", "Serbia"),
  NC_("country", "Slovakia"),
  NC_("country", "Slovenia"),
  NC_("country", "Türkiye"),
  NC_("country", "Ukraine"),
  NC_("country", "Vatican City"),
};

static const Forms kosovo_forms = { "Kosova", "Косово", NULL, "Kosovo" };

struct _AtlasPlaceNames
{
  GObject       parent_instance;

  AtlasBasemap *basemap;       /* NULL for the default names, owned by it */
  const AtlasBasemapPlace *places;
  guint         n_places;
  AtlasScript   script;
  guint         n_matched;

  /* ATLAS_N_NAMES labels per base-map place; all NULL for a place that
   * keeps its base-map name. */
  char        **labels;
  char         *kosovo[ATLAS_N_NAMES];
};

G_DEFINE_FINAL_TYPE (AtlasPlaceNames, atlas_place_names, G_TYPE_OBJECT)

/* Serbian transliteration ----------------------------------------------- */

static const char *
latin_for_cyrillic (gunichar c)
{
  /* А to я in the order of Unicode, then the Serbian letters outside it. */
  static const char * const basic[32] = {
    "a", "b", "v", "g", "d", "e", "ž", "z", "i", NULL, "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "h", "c", "č", "š", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  if (c >= 0x0430 && c <= 0x044f)
    return basic[c - 0x0430];
  switch (c)
    {
    case 0x0452: return "đ";
    case 0x0458: return "j";
    case 0x0459: return "lj";
    case 0x045a: return "nj";
    case 0x045b: return "ć";
    case 0x045f: return "dž";
    default: return NULL;
    }
}

/**
 * atlas_serbian_to_latin:
 *
 * Transliterates Serbian Cyrillic into Serbian Latin, which is one to one
 * but for Љ, Њ and Џ (two Latin letters each). Other characters are kept.
 *
 * Returns: (transfer full): the Latin text
 */
char *
atlas_serbian_to_latin (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower = g_unichar_tolower (c);
      const char *latin = latin_for_cyrillic (lower);

      if (latin == NULL)
        {
          g_string_append_unichar (out, c);
        }
      else if (lower == c)
        {
          g_string_append (out, latin);
        }
      else
        {
          /* Capital: "Lj" in a word, "LJ" in a word written in capitals. */
          const char *next = g_utf8_next_char (p);
          gboolean all_caps = *next != '\0' && g_unichar_isupper (g_utf8_get_char (next));
          g_autofree char *upper = g_utf8_strup (latin, -1);
          const char *second = g_utf8_next_char (upper);

          if (all_caps || *second == '\0')
            g_string_append (out, upper);
          else
            {
              g_string_append_len (out, upper, second - upper);
              g_string_append (out, latin + (second - upper));
            }
        }
    }

  return g_string_free (out, FALSE);
}

/* The Cyrillic letter for one or two Serbian Latin letters at @p, lower
 * case; sets @len to the bytes read. NULL for a letter outside the
 * alphabet (q, w, x, y, ä, …). */
static const char *
cyrillic_for_latin (const char *p,
                    gsize      *len)
{
  static const struct { const char *latin; const char *cyrillic; } letters[] = {
    /* Digraphs first. */
    { "lj", "љ" }, { "nj", "њ" }, { "dž", "џ" },
    { "a", "а" }, { "b", "б" }, { "c", "ц" }, { "č", "ч" }, { "ć", "ћ" }, { "d", "д" },
    { "đ", "ђ" }, { "e", "е" }, { "f", "ф" }, { "g", "г" }, { "h", "х" }, { "i", "и" },
    { "j", "ј" }, { "k", "к" }, { "l", "л" }, { "m", "м" }, { "n", "н" }, { "o", "о" },
    { "p", "п" }, { "r", "р" }, { "s", "с" }, { "š", "ш" }, { "t", "т" }, { "u", "у" },
    { "v", "в" }, { "z", "з" }, { "ž", "ж" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      gsize n = strlen (letters[i].latin);

      if (strncmp (p, letters[i].latin, n) == 0)
        {
          *len = n;
          return letters[i].cyrillic;
        }
    }
  return NULL;
}

/**
 * atlas_serbian_to_cyrillic:
 *
 * Transliterates Serbian Latin into Cyrillic ("Banja Luka" → "Бања Лука"),
 * reading lj, nj and dž as one letter each. Other characters than letters
 * are kept.
 *
 * Returns: (transfer full) (nullable): the Cyrillic text, or %NULL when
 *   @text has a letter that is not in the Serbian Latin alphabet (a name
 *   that is not Serbo-Croatian)
 */
char *
atlas_serbian_to_cyrillic (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *lower = NULL;
  const char *p, *q;

  g_return_val_if_fail (text != NULL, NULL);

  /* Walk the text and its lower-case copy together: Serbian Latin letters
   * keep their length in bytes when lowered. */
  lower = g_utf8_strdown (text, -1);
  if (strlen (lower) != strlen (text))
    return NULL;

  out = g_string_sized_new (strlen (text) * 2);
  for (p = text, q = lower; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *cyrillic;
      gsize len;

      if (!g_unichar_isalpha (c))
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          q += next - p;
          p = next;
          continue;
        }

      cyrillic = cyrillic_for_latin (q, &len);
      if (cyrillic == NULL)
        return NULL;

      if (g_unichar_isupper (c))
        {
          g_autofree char *upper = g_utf8_strup (cyrillic, -1);
          g_string_append (out, upper);
        }
      else
        {
          g_string_append (out, cyrillic);
        }
      p += len;
      q += len;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_CYRILLIC)
      return TRUE;
  return FALSE;
}

/* Labels from forms ------------------------------------------------------- */

static char *
dup_serbian (const Forms *forms,
             AtlasScript  script)
{
  if (script == ATLAS_SCRIPT_CYRILLIC && forms->sr_cyrl != NULL)
    return g_strdup (forms->sr_cyrl);
  if (forms->sr_latn != NULL)
    return g_strdup (forms->sr_latn);
  if (forms->sr_cyrl != NULL)
    return atlas_serbian_to_latin (forms->sr_cyrl);
  return NULL;
}

/* The label for @mode; @fallback when the forms have nothing for it. */
static char *
dup_label (const Forms *forms,
           AtlasNames   mode,
           AtlasScript  script,
           const char  *fallback)
{
  g_autofree char *serbian = NULL;

  switch (mode)
    {
    case ATLAS_NAMES_SQ:
      return g_strdup (forms->sq != NULL ? forms->sq : fallback);

    case ATLAS_NAMES_SR:
      serbian = dup_serbian (forms, script);
      return serbian != NULL ? g_steal_pointer (&serbian) : g_strdup (fallback);

    case ATLAS_NAMES_EN:
      return g_strdup (forms->en != NULL ? forms->en : fallback);

    case ATLAS_NAMES_BOTH:
    default:
      serbian = dup_serbian (forms, script);
      if (forms->sq != NULL && serbian != NULL && !g_str_equal (forms->sq, serbian))
        /* Translators: a place's Albanian and Serbian names side by side
         * ("Prishtinë / Priština"); keep the Albanian one first */
        return g_strdup_printf (C_("place names", "%s / %s"), forms->sq, serbian);
      if (forms->sq != NULL)
        return g_strdup (forms->sq);
      if (serbian != NULL)
        return g_steal_pointer (&serbian);
      return g_strdup (forms->en != NULL ? forms->en : fallback);
    }
}

/* Points the forms into @names (AtlasPlaceName, BCP 47 tags). A bare "sr"
 * may be written in either alphabet; "sr-Cyrl" and "sr-Latn" say which. */
static void
forms_from_names (Forms                *forms,
                  const AtlasPlaceName *names,
                  guint                 n_names)
{
  const char *sr = NULL;

  memset (forms, 0, sizeof *forms);
  for (guint i = 0; i < n_names; i++)
    {
      const char *lang = names[i].lang;

      if (names[i].name == NULL || *names[i].name == '\0' || lang == NULL)
        continue;
      if (g_ascii_strcasecmp (lang, "sq") == 0)
        forms->sq = names[i].name;
      else if (g_ascii_strcasecmp (lang, "sr-Cyrl") == 0)
        forms->sr_cyrl = names[i].name;
      else if (g_ascii_strcasecmp (lang, "sr-Latn") == 0)
        forms->sr_latn = names[i].name;
      else if (g_ascii_strcasecmp (lang, "sr") == 0)
        sr = names[i].name;
      else if (g_ascii_strcasecmp (lang, "en") == 0)
        forms->en = names[i].name;
    }

  if (sr != NULL && has_cyrillic (sr) && forms->sr_cyrl == NULL)
    forms->sr_cyrl = sr;
  else if (sr != NULL && !has_cyrillic (sr) && forms->sr_latn == NULL)
    forms->sr_latn = sr;
}

/**
 * atlas_names_choose:
 * @names: a place's names, as in AtlasPlace
 *
 * The label of a place with these names in @mode, for lists, details and
 * anything else that names a dataset place. A mode the names have nothing
 * for falls back on the English name, then on the first name given.
 *
 * Returns: (transfer full) (nullable): the label, %NULL without names
 */
char *
atlas_names_choose (const AtlasPlaceName *names,
                    guint                 n_names,
                    AtlasNames            mode,
                    AtlasScript           script)
{
  const char *fallback = NULL;
  Forms forms;

  g_return_val_if_fail (names != NULL || n_names == 0, NULL);
  g_return_val_if_fail (mode < ATLAS_N_NAMES, NULL);

  forms_from_names (&forms, names, n_names);
  fallback = forms.en;
  for (guint i = 0; i < n_names && fallback == NULL; i++)
    if (names[i].name != NULL && *names[i].name != '\0')
      fallback = names[i].name;
  if (fallback == NULL)
    return NULL;

  return dup_label (&forms, mode, script, fallback);
}

/**
 * atlas_place_dup_label:
 *
 * The label of a dataset place in @mode (see atlas_names_choose()); its
 * title when it has no names.
 *
 * Returns: (transfer full) (nullable): the label
 */
char *
atlas_place_dup_label (AtlasPlace  *place,
                       AtlasNames   mode,
                       AtlasScript  script)
{
  const AtlasPlaceName *names;
  guint n_names = 0;
  char *label;

  g_return_val_if_fail (ATLAS_IS_PLACE (place), NULL);

  names = atlas_place_get_names (place, &n_names);
  label = atlas_names_choose (names, n_names, mode, script);
  if (label == NULL)
    label = g_strdup (atlas_feature_get_display_title (ATLAS_FEATURE (place)));
  return label;
}

/* Locale ------------------------------------------------------------------ */

/**
 * atlas_script_for_languages:
 * @languages: language names in order of preference, as from
 *   g_get_language_names()
 *
 * Cyrillic when the preferred language is Serbian without a Latin
 * modifier ("sr", "sr_RS.UTF-8", not "sr@latin" or "sr_RS@latin").
 */
AtlasScript
atlas_script_for_languages (const char * const *languages)
{
  const char *first;

  g_return_val_if_fail (languages != NULL, ATLAS_SCRIPT_LATIN);

  first = languages[0];
  if (first == NULL)
    return ATLAS_SCRIPT_LATIN;
  if (strncmp (first, "sr", 2) != 0 || g_ascii_isalpha (first[2]))
    return ATLAS_SCRIPT_LATIN;
  if (strstr (first, "@latin") != NULL || strstr (first, "Latn") != NULL)
    return ATLAS_SCRIPT_LATIN;
  return ATLAS_SCRIPT_CYRILLIC;
}

/**
 * atlas_script_for_locale:
 *
 * The alphabet for Serbian names in the language of the user interface
 * (the LANGUAGE, LC_ALL, LC_MESSAGES and LANG variables).
 */
AtlasScript
atlas_script_for_locale (void)
{
  return atlas_script_for_languages (g_get_language_names ());
}

/* The object -------------------------------------------------------------- */

static void
atlas_place_names_finalize (GObject *object)
{
  AtlasPlaceNames *self = (AtlasPlaceNames *)object;

  if (self->labels != NULL)
    for (gsize i = 0; i < (gsize) self->n_places * ATLAS_N_NAMES; i++)
      g_free (self->labels[i]);
  g_free (self->labels);
  for (guint m = 0; m < ATLAS_N_NAMES; m++)
    g_free (self->kosovo[m]);

  G_OBJECT_CLASS (atlas_place_names_parent_class)->finalize (object);
}

static void
atlas_place_names_dispose (GObject *object)
{
  AtlasPlaceNames *self = (AtlasPlaceNames *)object;

  /* The labels stay: they point nowhere into the base map. */
  g_clear_object (&self->basemap);

  G_OBJECT_CLASS (atlas_place_names_parent_class)->dispose (object);
}

static void
atlas_place_names_class_init (AtlasPlaceNamesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_place_names_dispose;
  object_class->finalize = atlas_place_names_finalize;
}

static void
atlas_place_names_init (AtlasPlaceNames *self)
{
}

static void
set_labels (AtlasPlaceNames *self,
            guint            index,
            const Forms     *forms)
{
  const char *fallback = self->places[index].name;

  for (guint m = 0; m < ATLAS_N_NAMES; m++)
    {
      char **slot = &self->labels[(gsize) index * ATLAS_N_NAMES + m];

      g_free (*slot);
      *slot = dup_label (forms, m, self->script, fallback);
    }
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

static gboolean
names_include (const AtlasPlaceName *names,
               guint                 n_names,
               const char           *title,
               const char           *name)
{
  if (same_name (title, name))
    return TRUE;
  for (guint i = 0; i < n_names; i++)
    if (same_name (names[i].name, name))
      return TRUE;
  return FALSE;
}

static int
compare_by_lon (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const AtlasBasemapPlace *places = user_data;
  double la = places[*(const guint *) a].lon;
  double lb = places[*(const guint *) b].lon;

  return (la > lb) - (la < lb);
}

/* The base-map place a dataset place at (lon, lat) names, or -1. Distances
 * are on a local flat approximation, good to a few metres at these ranges. */
static int
find_match (AtlasPlaceNames      *self,
            const guint          *by_lon,
            double                lon,
            double                lat,
            const AtlasPlaceName *names,
            guint                 n_names,
            const char           *title,
            double               *score)
{
  double coslat = cos (lat * G_PI / 180.0);
  double window = MATCH_NAMED_KM / (KM_PER_DEGREE * MAX (coslat, 0.01));
  guint lo = 0, hi = self->n_places;
  int best = -1;

  *score = G_MAXDOUBLE;

  /* The first place at or east of lon - window. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->places[by_lon[mid]].lon < lon - window)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint k = lo; k < self->n_places && self->places[by_lon[k]].lon <= lon + window; k++)
    {
      const AtlasBasemapPlace *place = &self->places[by_lon[k]];
      double dx = (place->lon - lon) * coslat * KM_PER_DEGREE;
      double dy = (place->lat - lat) * KM_PER_DEGREE;
      double km = sqrt (dx * dx + dy * dy);
      double s;

      /* A place of the same name beats any place that is only near. */
      if (km <= MATCH_NAMED_KM && names_include (names, n_names, title, place->name))
        s = km - 2 * MATCH_NAMED_KM;
      else if (km <= MATCH_NEAR_KM)
        s = km;
      else
        continue;

      if (s < *score)
        {
          *score = s;
          best = (int) by_lon[k];
        }
    }

  return best;
}

/* Gives the base-map places the names of the dataset's places. Only places
 * with an Albanian or a Serbian name count: a camp named in English only
 * must not rename the village next to it. */
static void
match_dataset (AtlasPlaceNames *self,
               AtlasDataset    *dataset)
{
  guint n = atlas_dataset_get_n_features (dataset, ATLAS_KIND_PLACE);
  const AtlasFeatureArrays *arrays = atlas_dataset_get_arrays (dataset, ATLAS_KIND_PLACE);
  g_autofree guint *by_lon = NULL;
  g_autofree double *scores = NULL;
  g_autofree gboolean *matched = NULL;

  if (n == 0 || self->n_places == 0)
    return;

  by_lon = g_new (guint, self->n_places);
  for (guint i = 0; i < self->n_places; i++)
    by_lon[i] = i;
  g_qsort_with_data (by_lon, self->n_places, sizeof (guint), compare_by_lon, (gpointer) self->places);

  scores = g_new (double, self->n_places);
  matched = g_new0 (gboolean, self->n_places);
  for (guint i = 0; i < self->n_places; i++)
    scores[i] = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasFeature) feature = NULL;
      const AtlasPlaceName *names;
      guint n_names = 0;
      Forms forms;
      double score;
      int index;

      if (isnan (arrays->lon[i]) || isnan (arrays->lat[i]))
        continue;

      feature = atlas_dataset_get_feature (dataset, ATLAS_KIND_PLACE, i);
      names = atlas_place_get_names (ATLAS_PLACE (feature), &n_names);
      forms_from_names (&forms, names, n_names);
      if (forms.sq == NULL && forms.sr_cyrl == NULL && forms.sr_latn == NULL)
        continue;

      index = find_match (self, by_lon, arrays->lon[i], arrays->lat[i], names, n_names,
                          atlas_feature_get_title (feature), &score);
      if (index < 0 || score >= scores[index])
        continue;

      /* English falls back on the base map's spelling, as for the table. */
      scores[index] = score;
      matched[index] = TRUE;
      set_labels (self, index, &forms);
    }

  for (guint i = 0; i < self->n_places; i++)
    self->n_matched += matched[i] ? 1 : 0;
}

static const Forms *
lookup_town (const AtlasBasemapPlace *place)
{
  if (!g_str_equal (place->country, KOSOVO_ISO2))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kosovo_towns); i++)
    if (g_str_equal (kosovo_towns[i].basemap, place->name))
      return &kosovo_towns[i].forms;
  return NULL;
}

/* Whether the names of @country's places are Serbo-Croatian (or
 * Macedonian) written in Latin letters, which a Serbian reader in Cyrillic
 * reads transliterated: "Banja Luka" is "Бања Лука" there. */
static gboolean
transliterated_in_cyrillic (const char *country)
{
  static const char * const countries[] = { "BA", "HR", "ME", "MK", "RS" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (countries[i], country))
      return TRUE;
  return FALSE;
}

static const char *
lookup_capital (const AtlasBasemapPlace *place)
{
  if (!place->capital)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (capitals); i++)
    if (g_str_equal (capitals[i], place->name))
      return g_dpgettext2 (GETTEXT_PACKAGE, "place", capitals[i]);
  return NULL;
}

/**
 * atlas_place_names_new:
 * @basemap: the base map whose places are named
 * @dataset: (nullable): a dataset whose places name base-map places
 * @script: the alphabet of Serbian names, usually atlas_script_for_locale()
 *
 * Works out the label of every base-map place in every mode. Capitals are
 * translated now, into the language of the user interface; in Cyrillic,
 * the Latin names of the places of Serbia and its Serbo-Croatian- and
 * Macedonian-speaking neighbours are transliterated.
 *
 * Returns: (transfer full): the names
 */
AtlasPlaceNames *
atlas_place_names_new (AtlasBasemap *basemap,
                       AtlasDataset *dataset,
                       AtlasScript   script)
{
  AtlasPlaceNames *self;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_PLACE_NAMES, NULL);
  self->basemap = g_object_ref (basemap);
  self->script = script;
  self->places = atlas_basemap_get_places (basemap, &self->n_places);
  self->labels = g_new0 (char *, (gsize) self->n_places * ATLAS_N_NAMES);

  for (guint i = 0; i < self->n_places; i++)
    {
      const AtlasBasemapPlace *place = &self->places[i];
      const Forms *town = lookup_town (place);
      const char *capital = lookup_capital (place);

      if (town != NULL)
        {
          set_labels (self, i, town);
        }
      else if (capital != NULL && !g_str_equal (capital, place->name))
        {
          Forms translated = { capital, capital, capital, capital };
          set_labels (self, i, &translated);
        }
      else if (script == ATLAS_SCRIPT_CYRILLIC &&
               transliterated_in_cyrillic (place->country))
        {
          g_autofree char *cyrillic = atlas_serbian_to_cyrillic (place->name);

          if (cyrillic != NULL)
            {
              Forms transliterated = { cyrillic, cyrillic, cyrillic, cyrillic };
              set_labels (self, i, &transliterated);
            }
        }
    }

  if (dataset != NULL)
    match_dataset (self, dataset);

  for (guint m = 0; m < ATLAS_N_NAMES; m++)
    self->kosovo[m] = dup_label (&kosovo_forms, m, script, "Kosovo");

  return self;
}

/**
 * atlas_place_names_get_default:
 *
 * The names of @basemap's places without a dataset, in the alphabet of the
 * user interface; created on first use, from any thread, and kept with
 * the base map.
 *
 * Returns: (transfer none): the names
 */
AtlasPlaceNames *
atlas_place_names_get_default (AtlasBasemap *basemap)
{
  static GMutex lock;
  AtlasPlaceNames *names;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);

  g_mutex_lock (&lock);
  names = g_object_get_data (G_OBJECT (basemap), "atlas-place-names");
  if (names == NULL)
    {
      names = atlas_place_names_new (basemap, NULL, atlas_script_for_locale ());
      /* The base map owns these names: they must not own it back. */
      g_clear_object (&names->basemap);
      g_object_set_data_full (G_OBJECT (basemap), "atlas-place-names", names, g_object_unref);
    }
  g_mutex_unlock (&lock);

  return names;
}

/**
 * atlas_place_names_get_basemap:
 *
 * Returns: (transfer none) (nullable): the base map, %NULL for the default
 *   names of a base map (which hold no reference to it)
 */
AtlasBasemap *
atlas_place_names_get_basemap (AtlasPlaceNames *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_NAMES (self), NULL);
  return self->basemap;
}

AtlasScript
atlas_place_names_get_script (AtlasPlaceNames *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_NAMES (self), ATLAS_SCRIPT_LATIN);
  return self->script;
}

/**
 * atlas_place_names_get_place:
 * @index: the place's index in atlas_basemap_get_places()
 *
 * Returns: (transfer none): the label of the place in @mode
 */
const char *
atlas_place_names_get_place (AtlasPlaceNames *self,
                             guint            index,
                             AtlasNames       mode)
{
  const char *label;

  g_return_val_if_fail (ATLAS_IS_PLACE_NAMES (self), NULL);
  g_return_val_if_fail (index < self->n_places, NULL);
  g_return_val_if_fail (mode < ATLAS_N_NAMES, NULL);

  label = self->labels[(gsize) index * ATLAS_N_NAMES + mode];
  return label != NULL ? label : self->places[index].name;
}

/**
 * atlas_place_names_get_country:
 * @country: one of the base map's countries
 *
 * Returns: (transfer none) (nullable): the name of @country in the language
 *   of the user interface; for Kosovo, its name in @mode
 */
const char *
atlas_place_names_get_country (AtlasPlaceNames  *self,
                               const AtlasShape *country,
                               AtlasNames        mode)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_NAMES (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);
  g_return_val_if_fail (mode < ATLAS_N_NAMES, NULL);

  if (g_strcmp0 (country->code, KOSOVO_ISO3) == 0)
    return self->kosovo[mode];
  if (country->name == NULL)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, "country", country->name);
}

/**
 * atlas_place_names_get_n_matched:
 *
 * How many base-map places took their names from the dataset.
 */
guint
atlas_place_names_get_n_matched (AtlasPlaceNames *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_NAMES (self), 0);
  return self->n_matched;
}
