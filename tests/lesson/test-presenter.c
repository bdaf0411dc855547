/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-basemap.h"
#include "atlas-lesson-snapshot.h"
#include "atlas-loader.h"
#include "atlas-painter.h"
#include "atlas-presenter.h"
#include "atlas-zone-set.h"
#include "lesson-test-ui.h"

#include "../atlas-test-init.h"

/* Presenter mode driven by the keys of a clicker: after each key, the
 * scene, the date and the view. Needs a display (Xvfb). */

static AtlasBasemap *basemap;
static AtlasDataset *dataset;

static const char *fit_ids[] = { "dep-mnb-north", "dep-mnb-east", "dep-mnb-south", "dep-mnb-west", NULL };

static AtlasLessonScene *
new_scene (const char *title,
           const char *date_text,
           const char *until_text)
{
  AtlasLessonScene *scene = atlas_lesson_scene_new ();
  g_autofree char *caption = g_strdup_printf ("The caption of “%s”, long enough to wrap on a projector: "
                                              "the class reads it from the back of the room.", title);
  AtlasDate date;

  atlas_lesson_scene_set_title (scene, title);
  atlas_lesson_scene_set_caption (scene, caption);
  g_assert_true (atlas_date_parse (date_text, -1, &date));
  atlas_lesson_scene_set_date (scene, &date);
  if (until_text != NULL)
    {
      g_assert_true (atlas_date_parse (until_text, -1, &date));
      atlas_lesson_scene_set_until (scene, &date);
      atlas_lesson_scene_set_play_seconds (scene, 2);
    }
  return scene;
}

static AtlasLesson *
build_lesson (void)
{
  AtlasLesson *lesson = atlas_lesson_new ();
  g_autoptr(AtlasLessonScene) center = new_scene ("Centre", "1999-06-12", NULL);
  g_autoptr(AtlasLessonScene) fit = new_scene ("Fit", "2000-01-15", NULL);
  g_autoptr(AtlasLessonScene) range = new_scene ("Range", "2001-03-08", "2001-03-20");
  g_autoptr(AtlasLessonScene) month = new_scene ("Month", "2008-02", NULL);

  atlas_lesson_scene_set_center (center, 42.6, 20.9, 8.5);
  atlas_lesson_scene_set_fit (fit, fit_ids);
  atlas_lesson_scene_set_center (range, 42.3, 21.2, 9);
  atlas_lesson_scene_set_center (month, 42.8, 20.8, 8);
  atlas_lesson_append_scene (lesson, center);
  atlas_lesson_append_scene (lesson, fit);
  atlas_lesson_append_scene (lesson, range);
  atlas_lesson_append_scene (lesson, month);
  return lesson;
}

/* Main loop ----------------------------------------------------------------- */

static gboolean
is_later (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  wait_until (is_later, &end, "time to pass");
}

/* Keys ------------------------------------------------------------------------ */

/* What GTK does with a key press, short of a real event (GTK 4 makes none
 * for tests): find the shortcut bound to the key on the window and run its
 * action. */
static void
press_key (GtkWidget *window,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, window,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("No shortcut for the key %s", gdk_keyval_name (keyval));
}

/* Checks ---------------------------------------------------------------------- */

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  return lesson_test_find (widget, has_class, css_class);
}

static const char *
text_of (AtlasPresenter *presenter,
         const char     *css_class)
{
  GtkWidget *label = find_by_class (GTK_WIDGET (presenter), css_class);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_settled (gpointer data)
{
  AtlasPresenter *presenter = data;
  AtlasLessonScene *scene = atlas_lesson_get_scene (atlas_presenter_get_lesson (presenter),
                                                    atlas_presenter_get_scene_index (presenter));

  return !atlas_presenter_is_animating (presenter) &&
         atlas_presenter_get_day (presenter) == atlas_lesson_scene_get_last_day (scene);
}

/* Where libshumate puts a place on the map widget. */
static void
place_on_map (AtlasPresenter *presenter,
              double          lat,
              double          lon,
              double         *x,
              double         *y)
{
  ShumateSimpleMap *map = atlas_presenter_get_map (presenter);

  shumate_viewport_location_to_widget_coords (shumate_simple_map_get_viewport (map),
                                              GTK_WIDGET (shumate_simple_map_get_map (map)), lat, lon, x, y);
}

static void
check_view (AtlasPresenter   *presenter,
            AtlasLessonScene *scene)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (atlas_presenter_get_map (presenter));
  double frame[4];

  atlas_presenter_get_frame (presenter, frame);

  if (atlas_lesson_scene_get_view_mode (scene) == ATLAS_LESSON_VIEW_CENTER)
    {
      double lat, lon, zoom, x, y;

      /* The scene's centre in the middle of the free part of the map, at
       * the zoom that shows there what the zoom shows on 1920×1080. */
      atlas_lesson_scene_get_center (scene, &lat, &lon, &zoom);
      place_on_map (presenter, lat, lon, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, frame[0] + frame[2] / 2, 1.5);
      g_assert_cmpfloat_with_epsilon (y, frame[1] + frame[3] / 2, 1.5);
      g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport),
                                      zoom + log2 (MIN (frame[2] / 1920, frame[3] / 1080)), 0.01);
    }
  else
    {
      double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      /* Every feature inside the frame, and filling it one way. */
      for (guint i = 0; fit_ids[i] != NULL; i++)
        {
          g_autoptr(AtlasFeature) feature = atlas_dataset_lookup (dataset, fit_ids[i]);
          double lat, lon, x, y;

          g_assert_true (atlas_feature_get_point (feature, &lon, &lat));
          place_on_map (presenter, lat, lon, &x, &y);
          g_assert_cmpfloat (x, >=, frame[0] - 1);
          g_assert_cmpfloat (x, <=, frame[0] + frame[2] + 1);
          g_assert_cmpfloat (y, >=, frame[1] - 1);
          g_assert_cmpfloat (y, <=, frame[1] + frame[3] + 1);
          min_x = MIN (min_x, x);
          max_x = MAX (max_x, x);
          min_y = MIN (min_y, y);
          max_y = MAX (max_y, y);
        }
      g_assert_true (max_x - min_x >= 0.95 * (frame[2] - 2 * ATLAS_LESSON_FIT_MARGIN) ||
                     max_y - min_y >= 0.95 * (frame[3] - 2 * ATLAS_LESSON_FIT_MARGIN));
    }
}

/* After a key: the scene at once; once settled, its date, view and texts. */
static void
check_scene (AtlasPresenter *presenter,
             guint           index)
{
  AtlasLesson *lesson = atlas_presenter_get_lesson (presenter);
  AtlasLessonScene *scene = atlas_lesson_get_scene (lesson, index);
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, atlas_lesson_get_n_scenes (lesson));
  g_autofree char *stamp = NULL;

  g_assert_cmpuint (atlas_presenter_get_scene_index (presenter), ==, index);
  g_assert_cmpstr (text_of (presenter, "presenter-counter"), ==, counter);
  g_assert_cmpstr (text_of (presenter, "presenter-title"), ==, atlas_lesson_scene_get_title (scene));
  g_assert_cmpstr (text_of (presenter, "presenter-caption"), ==, atlas_lesson_scene_get_caption (scene));

  wait_until (is_settled, presenter, "the scene to settle");
  g_assert_cmpint (atlas_presenter_get_day (presenter), ==, atlas_lesson_scene_get_last_day (scene));
  stamp = atlas_lesson_scene_is_range (scene)
    ? atlas_day_format (atlas_lesson_scene_get_last_day (scene))
    : atlas_date_format (atlas_lesson_scene_get_date (scene));
  g_assert_cmpstr (text_of (presenter, "presenter-date"), ==, stamp);
  check_view (presenter, scene);
}

/* Text read from the back of a room: the caption at least 28 px high. */
static void
check_caption_size (AtlasPresenter *presenter)
{
  GtkWidget *caption = find_by_class (GTK_WIDGET (presenter), "presenter-caption");
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (caption));
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  int dpi = 0;

  if (!pango_font_description_get_size_is_absolute (font))
    {
      g_object_get (gtk_widget_get_settings (caption), "gtk-xft-dpi", &dpi, NULL);
      size *= (dpi > 0 ? dpi / 1024.0 : 96.0) / 72.0;
    }
  g_test_message ("caption text: %.1f px", size);
  g_assert_cmpfloat (size, >=, 28.0);
}

typedef struct
{
  GArray *days;
} DayLog;

static void
on_day (AtlasPresenter *presenter,
        GParamSpec     *pspec,
        DayLog         *log)
{
  gint32 day = atlas_presenter_get_day (presenter);

  g_array_append_val (log->days, day);
}

static void
test_presenter_keys (void)
{
  g_autoptr(AtlasLesson) lesson = build_lesson ();
  AtlasPresenter *presenter = atlas_presenter_new (basemap, dataset, lesson);
  DayLog log = { g_array_new (FALSE, FALSE, sizeof (gint32)) };
  gint32 first = atlas_day_from_ymd (2001, 3, 8), last = atlas_day_from_ymd (2001, 3, 20);
  guint distinct = 0;

  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  atlas_presenter_start (presenter, 0);
  check_scene (presenter, 0);
  check_caption_size (presenter);

  press_key (GTK_WIDGET (presenter), GDK_KEY_Right);
  check_scene (presenter, 1);

  /* The range plays through day by day, never backwards. */
  g_signal_connect (presenter, "notify::day", G_CALLBACK (on_day), &log);
  press_key (GTK_WIDGET (presenter), GDK_KEY_Page_Down);
  check_scene (presenter, 2);
  g_signal_handlers_disconnect_by_func (presenter, on_day, &log);
  for (guint i = 0; i < log.days->len; i++)
    {
      gint32 day = g_array_index (log.days, gint32, i);

      if (day >= first && day <= last)
        {
          distinct++;
          if (i > 0 && g_array_index (log.days, gint32, i - 1) >= first)
            g_assert_cmpint (day, >, g_array_index (log.days, gint32, i - 1));
        }
    }
  g_assert_cmpuint (distinct, >=, 6);

  press_key (GTK_WIDGET (presenter), GDK_KEY_space);
  check_scene (presenter, 3);

  /* Past the end, nothing moves. */
  press_key (GTK_WIDGET (presenter), GDK_KEY_Right);
  spin (100);
  g_assert_cmpuint (atlas_presenter_get_scene_index (presenter), ==, 3);
  g_assert_false (atlas_presenter_is_animating (presenter));

  press_key (GTK_WIDGET (presenter), GDK_KEY_Left);
  check_scene (presenter, 2);
  press_key (GTK_WIDGET (presenter), GDK_KEY_Page_Up);
  check_scene (presenter, 1);
  press_key (GTK_WIDGET (presenter), GDK_KEY_Home);
  check_scene (presenter, 0);
  press_key (GTK_WIDGET (presenter), GDK_KEY_End);
  check_scene (presenter, 3);

  /* Escape leaves presenter mode: the window goes. */
  press_key (GTK_WIDGET (presenter), GDK_KEY_Escape);
  wait_until (lesson_test_is_gone, &presenter, "the presenter to close");

  g_array_unref (log.days);
}

/* The legend: the drawing area the template calls "legend". */
static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static int
legend_width (AtlasPresenter *presenter)
{
  GtkWidget *legend = lesson_test_find (GTK_WIDGET (presenter), has_id, "legend");
  int width = 0;

  g_assert_nonnull (legend);
  gtk_widget_measure (legend, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

static gboolean
has_legend (gpointer data)
{
  return legend_width (data) > 0;
}

typedef struct
{
  AtlasPresenter *presenter;
  const double   *bbox;          /* unit Mercator */
} ZoneInView;

/* Whether the zone is inside the frame, filling it one way. */
static gboolean
zone_is_framed (gpointer data)
{
  ZoneInView *check = data;
  double frame[4], x[2], y[2];

  atlas_presenter_get_frame (check->presenter, frame);
  for (guint i = 0; i < 2; i++)
    place_on_map (check->presenter, atlas_mercator_lat_from_y (check->bbox[1 + 2 * i]),
                  atlas_mercator_lon_from_x (check->bbox[2 * i]), &x[i], &y[i]);

  return x[0] >= frame[0] - 1 && x[1] <= frame[0] + frame[2] + 1 &&
         y[0] >= frame[1] - 1 && y[1] <= frame[1] + frame[3] + 1 &&
         (x[1] - x[0] >= 0.95 * (frame[2] - 2 * ATLAS_LESSON_FIT_MARGIN) ||
          y[1] - y[0] >= 0.95 * (frame[3] - 2 * ATLAS_LESSON_FIT_MARGIN));
}

/* A scene fitting a zone that is still to compute: the presenter computes
 * it, then goes there, and the zone fills the frame; the legend names it. */
static void
test_presenter_fit_zone (void)
{
  static const char *zone_ids[] = { "zone-gsz", NULL };
  g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();
  g_autoptr(AtlasLessonScene) scene = new_scene ("GSZ", "2000-01-15", NULL);
  g_autoptr(AtlasZoneSet) zone_set = atlas_zone_set_new (basemap, dataset);
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  AtlasPresenter *presenter;
  ZoneInView check;

  atlas_lesson_scene_set_fit (scene, zone_ids);
  atlas_lesson_append_scene (lesson, scene);
  zone = atlas_zone_set_compute (zone_set, "zone-gsz", atlas_lesson_scene_get_first_day (scene),
                                 ATLAS_ZONE_COMPUTE_HISTORICAL, &error);
  g_assert_no_error (error);

  presenter = atlas_presenter_new (basemap, dataset, lesson);
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  atlas_presenter_start (presenter, 0);
  check.presenter = presenter;
  check.bbox = atlas_computed_zone_get_bbox (zone);
  wait_until (zone_is_framed, &check, "the zone to be framed");
  wait_until (has_legend, presenter, "the legend");

  gtk_window_destroy (GTK_WINDOW (presenter));
  wait_until (lesson_test_is_gone, &presenter, "the presenter to go");
}

/* The card's texts, a lesson with no scene, and edits made while
 * presenting. */
static void
test_presenter_texts (void)
{
  g_autoptr(AtlasLesson) lesson = build_lesson ();
  g_autoptr(AtlasLesson) empty = atlas_lesson_new ();
  g_autoptr(AtlasLessonSource) source = NULL;
  g_autofree char *sources = NULL;
  AtlasLessonScene *scene = atlas_lesson_get_scene (lesson, 3);
  AtlasPresenter *presenter;
  AtlasDate date;

  g_assert_true (atlas_date_parse ("2008-02-17", -1, &date));
  source = atlas_lesson_source_new ("Declaration of independence", "Assembly of Kosovo", &date, "https://example.org/");
  atlas_lesson_scene_add_source (scene, source);
  atlas_lesson_scene_add_source (scene, source);

  presenter = atlas_presenter_new (basemap, dataset, lesson);
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  atlas_presenter_start (presenter, 3);
  check_scene (presenter, 3);

  /* Publisher and title, no address, then the map's credits. */
  sources = g_strdup_printf ("Sources: Assembly of Kosovo, “Declaration of independence”; "
                             "Assembly of Kosovo, “Declaration of independence” · %s",
                             atlas_painter_get_attribution ());
  g_assert_cmpstr (text_of (presenter, "presenter-sources"), ==, sources);

  /* Edits show at once. */
  atlas_lesson_scene_set_title (scene, "Retitled");
  g_assert_cmpstr (text_of (presenter, "presenter-title"), ==, "Retitled");
  atlas_lesson_scene_set_caption (scene, "");
  g_assert_false (gtk_widget_get_visible (find_by_class (GTK_WIDGET (presenter), "presenter-caption")));

  /* The scene shown goes: the presenter moves to the last one left. */
  atlas_lesson_remove_scene (lesson, 3);
  g_assert_cmpuint (atlas_presenter_get_scene_index (presenter), ==, 2);
  check_scene (presenter, 2);
  g_assert_cmpstr (text_of (presenter, "presenter-sources"), ==, atlas_painter_get_attribution ());

  gtk_window_destroy (GTK_WINDOW (presenter));
  wait_until (lesson_test_is_gone, &presenter, "the presenter to go");

  /* No scenes: the lesson's title and a word about it. */
  atlas_lesson_set_title (empty, "Nothing yet");
  presenter = atlas_presenter_new (basemap, dataset, empty);
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  atlas_presenter_start (presenter, 0);
  spin (100);
  g_assert_cmpstr (text_of (presenter, "presenter-counter"), ==, "0 / 0");
  g_assert_cmpstr (text_of (presenter, "presenter-title"), ==, "Nothing yet");
  g_assert_cmpstr (text_of (presenter, "presenter-caption"), ==, "This lesson has no scenes yet.");
  g_assert_cmpstr (text_of (presenter, "presenter-sources"), ==, "");
  g_assert_false (atlas_presenter_is_animating (presenter));

  gtk_window_destroy (GTK_WINDOW (presenter));
  wait_until (lesson_test_is_gone, &presenter, "the presenter to go");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasLoader) loader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  atlas_test_init_isolated (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }
  adw_init ();

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);
  loader = atlas_loader_new ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/dataset/kosovo-1999-2010.geojson", 0, &error);
  g_assert_no_error (error);
  atlas_loader_add_bytes (loader, bytes, "bundled");
  dataset = atlas_loader_load (loader, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/lesson-ui/presenter/keys", test_presenter_keys);
  g_test_add_func ("/lesson-ui/presenter/fit-zone", test_presenter_fit_zone);
  g_test_add_func ("/lesson-ui/presenter/texts", test_presenter_texts);

  status = g_test_run ();
  g_clear_object (&dataset);
  g_clear_object (&basemap);
  return status;
}
