/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The bundled dataset (data/dataset/kosovo-1999-2010.geojson), loaded
 * through the real loader: it must load cleanly, every feature must say
 * where it comes from and how sure it is, and a dozen facts are pinned
 * against shared/briefs/kosovo-facts.md so that an edit of the file that
 * changes them fails here.
 */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <string.h>

#include "atlas-dataset.h"
#include "atlas-deployment.h"
#include "atlas-diagnostic.h"
#include "atlas-loader.h"
#include "atlas-place.h"
#include "atlas-zone.h"

#define BUNDLED_FILE "kosovo-1999-2010.geojson"

/* Loaded once: every test reads the same immutable dataset. */
static AtlasDataset *bundled;
static GListModel *bundled_diagnostics;

static char *
bundled_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "dataset", BUNDLED_FILE, NULL);
}

static void
load_bundled (void)
{
  g_autoptr(AtlasLoader) loader = atlas_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  atlas_loader_add_file (loader, file, BUNDLED_FILE);
  bundled = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundled);
  bundled_diagnostics = g_object_ref (atlas_loader_get_diagnostics (loader));
}

static gint32
day (int y,
     int m,
     int d)
{
  return atlas_day_from_ymd (y, m, d);
}

/* The feature @id, which must exist and be of @kind. */
static AtlasFeature *
get_feature (const char       *id,
             AtlasFeatureKind  kind)
{
  AtlasFeature *feature = atlas_dataset_lookup (bundled, id);

  if (feature == NULL)
    g_error ("feature “%s” is missing from the bundled dataset", id);
  g_assert_cmpint (atlas_feature_get_kind (feature), ==, kind);
  return feature;
}

static void
assert_date (const AtlasDate *date,
             const char      *expected)
{
  g_autofree char *text = atlas_date_to_string (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_event (const char *id,
              const char *start,
              const char *end)
{
  g_autoptr(AtlasFeature) event = get_feature (id, ATLAS_KIND_EVENT);

  assert_date (atlas_feature_get_start (event), start);
  if (end != NULL)
    assert_date (atlas_feature_get_end (event), end);
  else
    g_assert_false (atlas_date_is_set (atlas_feature_get_end (event)));
}

/* KFOR's total strength as modelled: the one "KFOR (total)" deployment of
 * nation NATO active on @d. */
static AtlasDeployment *
kfor_total_on (gint32 d)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  AtlasDeployment *found = NULL;

  atlas_dataset_query_active (bundled, ATLAS_KIND_DEPLOYMENT, d, positions);
  for (guint i = 0; i < positions->len; i++)
    {
      g_autoptr(AtlasFeature) feature =
        atlas_dataset_get_feature (bundled, ATLAS_KIND_DEPLOYMENT,
                                   g_array_index (positions, guint, i));
      AtlasDeployment *deployment = ATLAS_DEPLOYMENT (feature);

      if (g_strcmp0 (atlas_deployment_get_nation (deployment), "NATO") != 0 ||
          g_strcmp0 (atlas_deployment_get_unit (deployment), "KFOR (total)") != 0)
        continue;
      g_assert_null (found);
      found = g_object_ref (deployment);
    }

  g_assert_nonnull (found);
  return found;
}

static void
assert_troops (AtlasDeployment *deployment,
               int              expected_min,
               int              expected_max)
{
  int min = -1;
  int max = -1;

  g_assert_true (atlas_deployment_get_troops (deployment, &min, &max));
  g_assert_cmpint (min, ==, expected_min);
  g_assert_cmpint (max, ==, expected_max);
}

/* @feature is active from @first to @last inclusive and not on the days
 * either side; @last may be ATLAS_DAY_MAX for an open end. */
static void
assert_active_days (AtlasFeature *feature,
                    gint32        first,
                    gint32        last)
{
  g_assert_cmpint (atlas_feature_get_start_day (feature), ==, first);
  g_assert_false (atlas_feature_is_active_at (feature, first - 1));
  g_assert_true (atlas_feature_is_active_at (feature, first));
  if (last == ATLAS_DAY_MAX)
    {
      g_assert_true (atlas_feature_is_open_ended (feature));
      return;
    }
  g_assert_true (atlas_feature_is_active_at (feature, last));
  g_assert_false (atlas_feature_is_active_at (feature, last + 1));
}

static gboolean
rule_has_area (const AtlasZoneRule *rule,
               const char          *code)
{
  for (guint i = 0; i < rule->n_with; i++)
    if (g_strcmp0 (rule->with[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* Lists the load's diagnostics of @severity and returns how many there
 * were; the listing ends up in the test log when the count is not 0. */
static guint
count_diagnostics (AtlasSeverity severity)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (bundled_diagnostics); i++)
    {
      g_autoptr(AtlasDiagnostic) diagnostic = g_list_model_get_item (bundled_diagnostics, i);
      g_autofree char *line = NULL;

      if (atlas_diagnostic_get_severity (diagnostic) != severity)
        continue;
      line = atlas_diagnostic_to_string (diagnostic);
      g_test_message ("%s", line);
      n++;
    }
  return n;
}

static void
test_loads_without_errors (void)
{
  g_assert_cmpuint (count_diagnostics (ATLAS_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (atlas_dataset_get_n_errors (bundled), ==, 0);

  /* Nothing was skipped: the file holds this many features of each kind. */
  g_assert_cmpuint (atlas_dataset_get_n_features (bundled, ATLAS_KIND_EVENT), >=, 40);
  g_assert_cmpuint (atlas_dataset_get_n_features (bundled, ATLAS_KIND_ZONE), >=, 5);
  g_assert_cmpuint (atlas_dataset_get_n_features (bundled, ATLAS_KIND_DEPLOYMENT), >=, 20);
  g_assert_cmpuint (atlas_dataset_get_n_features (bundled, ATLAS_KIND_PLACE), >=, 10);
}

static void
test_loads_without_warnings (void)
{
  g_assert_cmpuint (count_diagnostics (ATLAS_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (atlas_dataset_get_n_warnings (bundled), ==, 0);
}

static void
test_every_feature_sourced (void)
{
  for (guint kind = 0; kind < ATLAS_N_KINDS; kind++)
    {
      guint n = atlas_dataset_get_n_features (bundled, kind);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AtlasFeature) feature = atlas_dataset_get_feature (bundled, kind, i);
          AtlasCertainty certainty = atlas_feature_get_certainty (feature);
          guint n_sources = atlas_feature_get_n_sources (feature);

          if (n_sources == 0)
            g_error ("“%s” has no source", atlas_feature_get_id (feature));
          for (guint j = 0; j < n_sources; j++)
            {
              const AtlasSource *source = atlas_feature_get_source (feature, j);

              g_assert_nonnull (source->title);
              g_assert_cmpstr (source->title, !=, "");
              g_assert_nonnull (source->publisher);
              g_assert_cmpstr (source->publisher, !=, "");
            }
          g_assert_true (certainty == ATLAS_CERTAINTY_CERTAIN ||
                         certainty == ATLAS_CERTAINTY_PROBABLE ||
                         certainty == ATLAS_CERTAINTY_UNCERTAIN);
          g_assert_nonnull (atlas_feature_get_title (feature));
        }
    }
}

static void
test_every_deployment_has_troops (void)
{
  guint n = atlas_dataset_get_n_features (bundled, ATLAS_KIND_DEPLOYMENT);
  guint n_counted = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasFeature) feature =
        atlas_dataset_get_feature (bundled, ATLAS_KIND_DEPLOYMENT, i);
      AtlasDeployment *deployment = ATLAS_DEPLOYMENT (feature);
      g_autofree char *troops = atlas_deployment_format_troops (deployment);
      int min = -1;
      int max = -1;

      /* A number, a range or an explicit "unknown": never nothing. */
      g_assert_nonnull (troops);
      g_assert_cmpstr (troops, !=, "");
      if (atlas_deployment_get_troops (deployment, &min, &max))
        {
          g_assert_cmpint (min, >=, 0);
          g_assert_cmpint (min, <=, max);
          n_counted++;
        }

      /* Rows of KFOR's strength table are figures, never "unknown". */
      if (g_strcmp0 (atlas_deployment_get_unit (deployment), "KFOR (total)") == 0)
        {
          g_assert_cmpstr (atlas_deployment_get_nation (deployment), ==, "NATO");
          g_assert_true (atlas_deployment_get_troops (deployment, &min, &max));
        }

      /* Deployments always state their end. */
      g_assert_true (atlas_date_is_set (atlas_feature_get_end (feature)) ||
                     atlas_feature_is_open_ended (feature));
    }

  g_assert_cmpuint (n_counted, >=, 20);
}

static void
test_time_span (void)
{
  gint32 first = 0;
  gint32 last = 0;

  g_assert_true (atlas_dataset_get_time_range (bundled, &first, &last));
  g_assert_cmpint (first, ==, day (1999, 3, 24));
  g_assert_cmpint (last, >=, day (2010, 10, 29));
}

/* Dates of the brief's key events: id, start, end (NULL: none given). */
static const struct {
  const char *id;
  const char *start;
  const char *end;
} key_dates[] = {
  { "ev-allied-force", "1999-03-24", "1999-06-10" },
  { "ev-mta-signed", "1999-06-09", NULL },
  { "ev-mta-in-force", "1999-06-10", NULL },
  { "ev-unscr-1244", "1999-06-10", NULL },
  { "ev-kfor-entry", "1999-06-12", NULL },
  { "ev-withdrawal-complete", "1999-06-20", NULL },
  { "ev-asz-reduced", "2001-12-27", NULL },
  { "ev-gsz-lifted", "2001-08-17", NULL },
  { "ev-nato-ministers-2007", "2007-12-07", NULL },
  { "ev-independence", "2008-02-17", NULL },
  { "ev-gates-visit", "2008-10-07", NULL },
  { "ev-ksf-stood-up", "2009-01-21", NULL },
  { "ev-icj-opinion", "2010-07-22", NULL },
  { "ev-gate-2", "2010-10-29", NULL },
};

static void
test_key_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_dates); i++)
    assert_event (key_dates[i].id, key_dates[i].start, key_dates[i].end);
}

static void
test_uncertain_date_is_marked (void)
{
  /* The brief: 5 April 2005 in one source, 2004 in others. */
  g_autoptr(AtlasFeature) event = get_feature ("ev-joint-enterprise", ATLAS_KIND_EVENT);
  const AtlasDate *start = atlas_feature_get_start (event);

  g_assert_true (start->qualifiers & ATLAS_DATE_UNCERTAIN);
  g_assert_cmpint (atlas_feature_get_certainty (event), !=, ATLAS_CERTAINTY_CERTAIN);
}

static void
test_air_safety_zone (void)
{
  g_autoptr(AtlasFeature) feature = get_feature ("zone-asz", ATLAS_KIND_ZONE);
  const AtlasZoneRule *rule = atlas_zone_get_rule (ATLAS_ZONE (feature));

  g_assert_cmpint (atlas_zone_get_status (ATLAS_ZONE (feature)), ==, ATLAS_ZONE_STATUS_IN_FORCE);
  assert_date (atlas_feature_get_start (feature), "1999-06-10");
  g_assert_nonnull (rule);
  g_assert_cmpint (rule->type, ==, ATLAS_ZONE_RULE_BAND);
  g_assert_cmpstr (rule->area, ==, "XKX");
  g_assert_cmpint (rule->side, ==, ATLAS_BAND_SIDE_WITH);
  g_assert_true (rule_has_area (rule, "SRB"));
  g_assert_true (rule_has_area (rule, "MNE"));

  /* 25 km, then 10 km from 27 December 2001. */
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, day (1999, 6, 10)), ==, 25.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, day (2000, 1, 1)), ==, 25.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, day (2001, 12, 26)), ==, 25.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, day (2001, 12, 27)), ==, 10.0);
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, day (2002, 6, 1)), ==, 10.0);
  assert_active_days (feature, day (1999, 6, 10), ATLAS_DAY_MAX);
}

static void
test_ground_safety_zone (void)
{
  g_autoptr(AtlasFeature) feature = get_feature ("zone-gsz", ATLAS_KIND_ZONE);
  const AtlasZoneRule *rule = atlas_zone_get_rule (ATLAS_ZONE (feature));

  g_assert_nonnull (rule);
  g_assert_cmpint (rule->type, ==, ATLAS_ZONE_RULE_BAND);
  g_assert_cmpint (rule->side, ==, ATLAS_BAND_SIDE_WITH);
  g_assert_true (rule_has_area (rule, "SRB"));
  g_assert_true (rule_has_area (rule, "MNE"));
  g_assert_false (rule_has_area (rule, "ALB"));
  g_assert_false (rule_has_area (rule, "MKD"));
  g_assert_cmpfloat (atlas_zone_rule_get_width_km (rule, day (2000, 1, 1)), ==, 5.0);

  /* In force from the MTA's entry into force until the Merdare agreement
   * of 17 August 2001: there on 1 January 2000, gone on 1 June 2002. */
  assert_active_days (feature, day (1999, 6, 10), day (2001, 8, 16));
  g_assert_true (atlas_feature_is_active_at (feature, day (2000, 1, 1)));
  g_assert_false (atlas_feature_is_active_at (feature, day (2002, 6, 1)));
}

static void
test_proposed_zones (void)
{
  g_autoptr(AtlasFeature) green = get_feature ("zone-green-line-1999", ATLAS_KIND_ZONE);
  g_autoptr(AtlasFeature) band = get_feature ("zone-security-zone-mkd-1999", ATLAS_KIND_ZONE);
  const AtlasZoneRule *green_rule = atlas_zone_get_rule (ATLAS_ZONE (green));
  const AtlasZoneRule *band_rule = atlas_zone_get_rule (ATLAS_ZONE (band));

  g_assert_cmpint (atlas_zone_get_status (ATLAS_ZONE (green)), ==, ATLAS_ZONE_STATUS_PROPOSED);
  g_assert_cmpint (green_rule->type, ==, ATLAS_ZONE_RULE_BOUNDARY);
  g_assert_true (rule_has_area (green_rule, "SRB"));
  g_assert_true (rule_has_area (green_rule, "MNE"));

  /* 25 km wide in all, whichever side the chosen interpretation puts it. */
  g_assert_cmpint (atlas_zone_get_status (ATLAS_ZONE (band)), ==, ATLAS_ZONE_STATUS_PROPOSED);
  g_assert_cmpint (band_rule->type, ==, ATLAS_ZONE_RULE_BAND);
  g_assert_true (rule_has_area (band_rule, "MKD"));
  if (band_rule->side == ATLAS_BAND_SIDE_BOTH)
    g_assert_cmpfloat (2 * atlas_zone_rule_get_width_km (band_rule, day (1999, 6, 1)), ==, 25.0);
  else
    g_assert_cmpfloat (atlas_zone_rule_get_width_km (band_rule, day (1999, 6, 1)), ==, 25.0);

  /* Both come from the leaked plan of May 1999 and give way to the MTA. */
  assert_active_days (green, day (1999, 5, 1), day (1999, 6, 9));
  assert_active_days (band, day (1999, 5, 1), day (1999, 6, 9));
}

static void
test_strength (void)
{
  g_autoptr(AtlasDeployment) pledged = kfor_total_on (day (1999, 6, 1));
  g_autoptr(AtlasDeployment) september_1999 = kfor_total_on (day (1999, 9, 8));
  g_autoptr(AtlasDeployment) june_2008 = kfor_total_on (day (2008, 6, 30));
  g_autoptr(AtlasDeployment) january_2010 = kfor_total_on (day (2010, 1, 31));
  const char *description;

  /* 1 June 1999: 47,868 pledged by 30 nations, a commitment. */
  assert_troops (pledged, 47868, 47868);
  g_assert_cmpint (atlas_deployment_get_strength (pledged), ==, ATLAS_STRENGTH_COMMITTED);

  /* 8 September 1999: 49,000 in all, 41,000 of them in Kosovo. */
  assert_troops (september_1999, 49000, 49000);
  g_assert_cmpint (atlas_deployment_get_strength (september_1999), ==, ATLAS_STRENGTH_PRESENT);
  description = atlas_feature_get_description (ATLAS_FEATURE (september_1999));
  g_assert_nonnull (strstr (description, "41,000"));

  /* 30 June 2008: 15,413 (S/2008/600). */
  assert_troops (june_2008, 15413, 15413);

  /* End of January 2010: 10,000. */
  assert_troops (january_2010, 10000, 10000);
}

static void
test_brigades_and_places (void)
{
  g_autoptr(AtlasFeature) east = get_feature ("dep-mnb-east", ATLAS_KIND_DEPLOYMENT);
  g_autoptr(AtlasFeature) south = get_feature ("dep-mnb-south", ATLAS_KIND_DEPLOYMENT);
  g_autoptr(AtlasFeature) pristina = get_feature ("place-pristina", ATLAS_KIND_PLACE);
  g_autoptr(AtlasFeature) bondsteel = get_feature ("place-camp-bondsteel", ATLAS_KIND_PLACE);
  double lon = 0;
  double lat = 0;
  double camp_lon = 0;
  double camp_lat = 0;

  /* MNB East: US-led, headquarters at Camp Bondsteel (42.36567 N, 21.2483 E). */
  g_assert_cmpstr (atlas_deployment_get_nation (ATLAS_DEPLOYMENT (east)), ==, "USA");
  g_assert_cmpstr (atlas_deployment_get_hq (ATLAS_DEPLOYMENT (east)), ==, "Camp Bondsteel");
  g_assert_true (atlas_feature_get_point (east, &lon, &lat));
  g_assert_true (atlas_feature_get_point (bondsteel, &camp_lon, &camp_lat));
  g_assert_cmpfloat_with_epsilon (lon, 21.2483, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 42.36567, 1e-9);
  g_assert_cmpfloat_with_epsilon (camp_lon, lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (camp_lat, lat, 1e-9);

  /* MNB South: German-led, until the merger of 12 November 2002. */
  g_assert_cmpstr (atlas_deployment_get_nation (ATLAS_DEPLOYMENT (south)), ==, "DEU");
  assert_date (atlas_feature_get_end (south), "2002-11-12");

  /* Pristina's names in Albanian, Serbian (both scripts) and English. */
  g_assert_cmpstr (atlas_place_get_name (ATLAS_PLACE (pristina), "sq"), ==, "Prishtinë");
  g_assert_cmpstr (atlas_place_get_name (ATLAS_PLACE (pristina), "sr"), ==, "Приштина");
  g_assert_cmpstr (atlas_place_get_name (ATLAS_PLACE (pristina), "sr-Latn"), ==, "Priština");
  g_assert_cmpstr (atlas_place_get_name (ATLAS_PLACE (pristina), "en"), ==, "Pristina");
  g_assert_true (atlas_feature_get_point (pristina, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, 21.1622, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 42.6633, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  load_bundled ();

  g_test_add_func ("/dataset/bundled/no-errors", test_loads_without_errors);
  g_test_add_func ("/dataset/bundled/every-feature-sourced", test_every_feature_sourced);
  g_test_add_func ("/dataset/bundled/deployment-troops", test_every_deployment_has_troops);
  g_test_add_func ("/dataset/bundled/time-span", test_time_span);
  g_test_add_func ("/dataset/facts/key-dates", test_key_dates);
  g_test_add_func ("/dataset/facts/uncertain-date", test_uncertain_date_is_marked);
  g_test_add_func ("/dataset/facts/air-safety-zone", test_air_safety_zone);
  g_test_add_func ("/dataset/facts/ground-safety-zone", test_ground_safety_zone);
  g_test_add_func ("/dataset/facts/proposed-zones", test_proposed_zones);
  g_test_add_func ("/dataset/facts/strength", test_strength);
  g_test_add_func ("/dataset/facts/brigades-and-places", test_brigades_and_places);
  /* Last, so that a warning (which does not stop the file from loading)
   * cannot keep the checks above from running. */
  g_test_add_func ("/dataset/validate/no-warnings", test_loads_without_warnings);

  status = g_test_run ();

  g_clear_object (&bundled_diagnostics);
  g_clear_object (&bundled);
  return status;
}
