/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-computed-zone.h"
#include "atlas-deployment.h"
#include "atlas-event-list.h"
#include "atlas-feature-details.h"
#include "atlas-lesson-editor.h"
#include "atlas-painter-events.h"
#include "atlas-painter-zones.h"
#include "atlas-presenter.h"
#include "atlas-zone-details.h"
#include "atlas-zone-set.h"

#include "../ui/ui-test-labels.h"
#include "../atlas-test-init.h"

/*
 * What the window shows of the data and the lessons goes through the
 * catalogue: the test binds the program's domain to a catalogue of its own
 * (tests/i18n/fake-sq.po, compiled by the build; FAKE_CATALOGUE names it)
 * that translates this test's dataset and lesson, and checks the widgets
 * and the painter show the translations, while the model keeps the text
 * as written. Under Xvfb; it skips without a display or without msgfmt.
 */

#define TIMEOUT_SECONDS 20

#define SOURCES "\"sources\": [{\"title\": \"Fake source\", \"publisher\": \"Tests\", \"date\": \"2000\"}]"

static const char dataset_json[] =
  "{\"type\": \"FeatureCollection\", \"features\": [\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.16, 42.66]},\n"
  " \"properties\": {\"kind\": \"event\", \"id\": \"fake-event\", \"title\": \"Fake event\",\n"
  "  \"description\": \"What the fake event was.\", \"category\": \"military\",\n"
  "  \"start\": \"2000-01-01\", \"certainty\": \"certain\", " SOURCES "}},\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [21.25, 42.37]},\n"
  " \"properties\": {\"kind\": \"deployment\", \"id\": \"fake-deployment\", \"title\": \"Fake contingent\",\n"
  "  \"nation\": \"DEU\", \"unit\": \"Fake unit\", \"hq\": \"Fake headquarters\", \"troops\": 3000,\n"
  "  \"start\": \"1999-06\", \"end\": \"2001-01\", \"certainty\": \"certain\", " SOURCES "}},\n"
  "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":\n"
  "   [[[20.8, 42.3], [21.2, 42.3], [21.2, 42.5], [20.8, 42.5], [20.8, 42.3]]]},\n"
  " \"properties\": {\"kind\": \"zone\", \"id\": \"fake-zone\", \"title\": \"Fake zone\", \"status\": \"in-force\",\n"
  "  \"start\": \"1999-06\", \"end\": \"2010-02\", \"certainty\": \"certain\", " SOURCES "}}\n"
  "]}\n";

static AtlasBasemap *basemap;
static AtlasDataset *dataset;
static char *catalogue_dir;

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the labels under @widget say @expected (a
 * list makes its rows once it is laid out); returns them. */
static char *
wait_for_text (GtkWidget  *widget,
               const char *expected)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, (gpointer) expected);
  char *text;

  while (strstr ((text = ui_test_labels_of (widget)), expected) == NULL)
    {
      g_free (text);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  return text;
}

static void
assert_has (const char *text,
            const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not in:\n%s", expected, text);
}

static void
assert_lacks (const char *text,
              const char *unexpected)
{
  if (strstr (text, unexpected) != NULL)
    g_error ("“%s” should not be in:\n%s", unexpected, text);
}

static AtlasFeature *
lookup (const char *id)
{
  AtlasFeature *feature = atlas_dataset_lookup (dataset, id);

  g_assert_nonnull (feature);
  return feature;
}

/* The model keeps the file's text; the display getters translate it. */
static void
test_getters (void)
{
  g_autoptr(AtlasFeature) event = lookup ("fake-event");
  g_autoptr(AtlasFeature) deployment = lookup ("fake-deployment");

  g_assert_cmpstr (atlas_feature_get_title (event), ==, "Fake event");
  g_assert_cmpstr (atlas_feature_get_display_title (event), ==, "Ngjarje prove");
  g_assert_cmpstr (atlas_deployment_get_unit (ATLAS_DEPLOYMENT (deployment)), ==, "Fake unit");
  g_assert_cmpstr (atlas_deployment_get_display_unit (ATLAS_DEPLOYMENT (deployment)), ==, "Njësi prove");
}

static void
test_feature_details (void)
{
  g_autoptr(AtlasFeature) event = lookup ("fake-event");
  g_autoptr(AtlasFeature) deployment = lookup ("fake-deployment");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *details = atlas_feature_details_new ();
  g_autofree char *event_text = NULL;
  g_autofree char *deployment_text = NULL;

  gtk_window_set_child (GTK_WINDOW (window), details);
  gtk_window_present (GTK_WINDOW (window));

  g_object_set (details, "feature", event, NULL);
  event_text = ui_test_labels_of (GTK_WIDGET (details));
  assert_has (event_text, "Ngjarje prove\n");
  assert_has (event_text, "Çfarë qe ngjarja e provës.\n");
  /* The category as the legend names it. */
  assert_has (event_text, "Ushtarake (provë)");
  assert_lacks (event_text, "military");

  g_object_set (details, "feature", deployment, NULL);
  deployment_text = ui_test_labels_of (GTK_WIDGET (details));
  assert_has (deployment_text, "Kontingjent prove\n");
  assert_has (deployment_text, "DEU · Njësi prove");
  assert_has (deployment_text, "Shtab prove");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_event_list (void)
{
  g_autoptr(GListStore) events = g_list_store_new (ATLAS_TYPE_FEATURE);
  g_autoptr(AtlasFeature) event = lookup ("fake-event");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = atlas_event_list_new ();
  g_autofree char *text = NULL;

  g_list_store_append (events, event);
  atlas_event_list_set_model (ATLAS_EVENT_LIST (list), G_LIST_MODEL (events));
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 300);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));

  text = wait_for_text (list, "Ngjarje prove\n");
  assert_has (text, "· Ushtarake (provë)\n");
  assert_lacks (text, "Fake event");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Zones: the computed zone's title (map labels, legends) and the details. */
static void
test_zones (void)
{
  g_autoptr(AtlasZoneSet) zones = atlas_zone_set_new (basemap, dataset);
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window = gtk_window_new ();
  AtlasZoneDetails *details = ATLAS_ZONE_DETAILS (atlas_zone_details_new ());
  guint timeout;

  zone = atlas_zone_set_compute (zones, "fake-zone", atlas_day_from_ymd (2000, 1, 1),
                                 ATLAS_ZONE_COMPUTE_HISTORICAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_computed_zone_get_title (zone), ==, "Zonë prove");
  label = atlas_painter_dup_zone_label (zone, ATLAS_UNITS_METRIC);
  g_assert_cmpstr (label, ==, "Zonë prove");

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (details));
  gtk_window_present (GTK_WINDOW (window));
  atlas_zone_details_set_zone_set (details, zones);
  atlas_zone_details_set_date (details, atlas_day_from_ymd (2000, 1, 1));
  atlas_zone_details_set_zone_id (details, "fake-zone");
  timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, (gpointer) "the zone");
  while (atlas_zone_details_get_computed (details) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  text = ui_test_labels_of (GTK_WIDGET (details));
  assert_has (text, "Zonë prove\n");
  assert_lacks (text, "Fake zone");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_class (GtkWidget  *widget,
           const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_class (child, css_class))
      return TRUE;

  return FALSE;
}

static const char *
text_of_class (GtkWidget  *widget,
               const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return gtk_label_get_text (GTK_LABEL (child));
      if (has_class (child, css_class))
        return text_of_class (child, css_class);
    }

  g_error ("No label of class %s", css_class);
  return NULL;
}

/* The presenter shows the lesson's text translated, and quotes a source's
 * title with the language's quotation marks. */
static void
test_presenter (void)
{
  g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();
  g_autoptr(AtlasLessonScene) scene = atlas_lesson_scene_new ();
  g_autoptr(AtlasLessonSource) source = NULL;
  AtlasDate date = { 0 };
  AtlasPresenter *presenter;

  g_assert_true (atlas_date_parse ("2000", -1, &date));
  source = atlas_lesson_source_new ("Fake source", "Tests", &date, NULL);
  atlas_lesson_set_title (lesson, "Fake lesson");
  atlas_lesson_scene_set_title (scene, "Fake scene");
  atlas_lesson_scene_set_caption (scene, "What the fake scene shows.");
  atlas_lesson_scene_add_source (scene, source);
  atlas_lesson_append_scene (lesson, scene);

  presenter = atlas_presenter_new (basemap, dataset, lesson);
  atlas_presenter_start (presenter, 0);

  g_assert_cmpstr (text_of_class (GTK_WIDGET (presenter), "presenter-title"), ==, "Skenë prove");
  g_assert_cmpstr (text_of_class (GTK_WIDGET (presenter), "presenter-caption"), ==, "Çfarë tregon skena e provës.");
  assert_has (text_of_class (GTK_WIDGET (presenter), "presenter-sources"), "Tests, «Fake source»");
  /* What the presenter shows, not what it was given, is translated. */
  g_assert_cmpstr (atlas_lesson_scene_get_title (scene), ==, "Fake scene");

  gtk_window_destroy (GTK_WINDOW (presenter));
}

/* Editing the bundled lesson starts from a copy in the user's language. */
static void
test_editor_bundled (void)
{
  AtlasLessonEditor *editor = atlas_lesson_editor_new ();
  AtlasLesson *lesson;

  atlas_lesson_editor_open_bundled (editor);
  lesson = atlas_lesson_editor_get_lesson (editor);
  g_assert_cmpstr (atlas_lesson_get_title (lesson), ==, "Kosova dhe KFOR-i (provë)");
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 0)), ==,
                   "Planifikohet një forcë më e madhe (provë)");
  /* Text the catalogue does not have stays as written. */
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 1)), ==,
                   atlas_lesson_scene_get_display_title (atlas_lesson_get_scene (lesson, 1)));

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The painter's own words: the category and the thousands of a cluster. */
static void
test_painter_words (void)
{
  g_autofree char *count = atlas_painter_format_event_count (23456);

  g_assert_cmpstr (atlas_painter_get_event_category_label ("military"), ==, "Ushtarake (provë)");
  g_assert_cmpstr (count, ==, "23 mijë");
}

/* Puts the compiled catalogue where gettext looks for Albanian. */
static gboolean
install_catalogue (void)
{
  const char *mo = g_getenv ("FAKE_CATALOGUE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;

  if (mo == NULL || *mo == '\0')
    return FALSE;

  catalogue_dir = g_dir_make_tmp ("atlas-fake-catalogue-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (catalogue_dir, "sq", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  from = g_file_new_for_path (mo);
  to = g_file_new_for_path (target);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("LANGUAGE", "sq", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, catalogue_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

static void
remove_catalogue (void)
{
  g_autofree char *target = g_build_filename (catalogue_dir, "sq", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *messages = g_path_get_dirname (target);
  g_autofree char *language = g_path_get_dirname (messages);

  g_unlink (target);
  g_rmdir (messages);
  g_rmdir (language);
  g_rmdir (catalogue_dir);
  g_clear_pointer (&catalogue_dir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  atlas_test_init_isolated (&argc, &argv);

  /* The locale is the test's: GTK must not set it from the environment. */
  gtk_disable_setlocale ();
  if (!install_catalogue ())
    {
      g_test_message ("FAKE_CATALOGUE is not set (no msgfmt?): skipping");
      return 77;
    }
  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      remove_catalogue ();
      return 77;
    }
  adw_init ();

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);
  bytes = g_bytes_new_static (dataset_json, strlen (dataset_json));
  dataset = atlas_dataset_new_from_bytes (bytes, "fake.geojson", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);

  g_test_add_func ("/i18n/display-text/getters", test_getters);
  g_test_add_func ("/i18n/display-text/feature-details", test_feature_details);
  g_test_add_func ("/i18n/display-text/event-list", test_event_list);
  g_test_add_func ("/i18n/display-text/zones", test_zones);
  g_test_add_func ("/i18n/display-text/presenter", test_presenter);
  g_test_add_func ("/i18n/display-text/editor-bundled", test_editor_bundled);
  g_test_add_func ("/i18n/display-text/painter", test_painter_words);

  status = g_test_run ();

  g_clear_object (&dataset);
  g_clear_object (&basemap);
  remove_catalogue ();
  return status;
}
