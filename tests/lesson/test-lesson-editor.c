/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-lesson-editor.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson-scene-list.h"
#include "lesson-test-ui.h"

#include "../atlas-test-init.h"

/* The lesson editor: scenes added from "the map", edited, reordered and
 * deleted; saved and opened; a malformed file refused with a clear error;
 * unsaved changes asked about and kept in a recovery copy. Needs a
 * display (Xvfb). */

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  return lesson_test_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !atlas_lesson_editor_get_modified (data) && atlas_lesson_editor_get_file (data) != NULL;
}

/* "The map": each capture a new place and day. */
static AtlasLessonScene *
on_capture_scene (AtlasLessonEditor *editor,
                  guint             *count)
{
  AtlasLessonScene *scene = atlas_lesson_scene_new ();
  g_autofree char *title = g_strdup_printf ("Captured %u", *count);
  AtlasDate date = { 1999 + *count, 6, 12, ATLAS_DATE_PRECISION_DAY, 0 };

  atlas_lesson_scene_set_title (scene, title);
  atlas_lesson_scene_set_date (scene, &date);
  atlas_lesson_scene_set_center (scene, 42.0 + *count * 0.1, 21.0, 8 + *count);
  (*count)++;
  return scene;
}

static const char *
title_at (AtlasLessonEditor *editor,
          guint              index)
{
  return atlas_lesson_scene_get_title (atlas_lesson_get_scene (atlas_lesson_editor_get_lesson (editor), index));
}

static void
test_editor_scenes (void)
{
  AtlasLessonEditor *editor = atlas_lesson_editor_new ();
  AtlasLesson *lesson = atlas_lesson_editor_get_lesson (editor);
  guint count = 0;
  GtkTextView *caption;
  double lat, lon, zoom;

  g_signal_connect (editor, "capture-scene", G_CALLBACK (on_capture_scene), &count);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (atlas_lesson_editor_get_modified (editor));

  /* Added after the selected scene, and selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.add-scene", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.add-scene", NULL));
  atlas_lesson_editor_select (editor, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.add-scene", NULL));
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 3);
  g_assert_cmpstr (title_at (editor, 0), ==, "Captured 0");
  g_assert_cmpstr (title_at (editor, 1), ==, "Captured 2");
  g_assert_cmpstr (title_at (editor, 2), ==, "Captured 1");
  g_assert_true (atlas_lesson_editor_get_selected (editor) == atlas_lesson_get_scene (lesson, 1));
  g_assert_true (atlas_lesson_editor_get_modified (editor));

  /* The caption typed in the panel is the scene's. */
  caption = GTK_TEXT_VIEW (find_by_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (caption), "Typed in the editor.", -1);
  g_assert_cmpstr (atlas_lesson_scene_get_caption (atlas_lesson_get_scene (lesson, 1)), ==, "Typed in the editor.");

  /* Reordering keeps the scene selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.move-down", NULL));
  g_assert_cmpstr (title_at (editor, 2), ==, "Captured 2");
  g_assert_true (atlas_lesson_editor_get_selected (editor) == atlas_lesson_get_scene (lesson, 2));
  /* At the end it goes no further (the action is disabled). */
  gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.move-down", NULL);
  g_assert_cmpstr (title_at (editor, 2), ==, "Captured 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.move-up", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.move-up", NULL));
  g_assert_cmpstr (title_at (editor, 0), ==, "Captured 2");
  gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.move-up", NULL);
  g_assert_cmpstr (title_at (editor, 0), ==, "Captured 2");

  /* The map as it is now replaces the view, and only the view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.update-view", NULL));
  atlas_lesson_scene_get_center (atlas_lesson_get_scene (lesson, 0), &lat, &lon, &zoom);
  g_assert_cmpfloat_with_epsilon (zoom, 11, 1e-9);
  g_assert_cmpstr (title_at (editor, 0), ==, "Captured 2");
  g_assert_cmpstr (atlas_lesson_scene_get_caption (atlas_lesson_get_scene (lesson, 0)), ==, "Typed in the editor.");

  /* Deleting selects the neighbour. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.delete-scene", NULL));
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 2);
  g_assert_cmpstr (title_at (editor, 0), ==, "Captured 0");
  g_assert_true (atlas_lesson_editor_get_selected (editor) == atlas_lesson_get_scene (lesson, 0));

  /* Nothing to save the changes to in a test: throw them away. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (GTK_WINDOW (editor));
  wait_until (has_dialog, NULL, "the question about unsaved changes");
  adw_message_dialog_response (find_dialog (), "discard");
  wait_until (lesson_test_is_gone, &editor, "the editor to close");
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

typedef struct
{
  guint n_notified;
} ListLog;

static void
on_list_selected (AtlasLessonSceneList *list,
                  GParamSpec           *pspec,
                  ListLog              *log)
{
  log->n_notified++;
}

/* The scene list alone: rows that follow their scenes, insertion after
 * the selected scene, moves, and a deletion undone from its toast. */
static void
test_editor_scene_list (void)
{
  g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();
  GtkWidget *window = gtk_window_new ();
  AtlasLessonSceneList *list = ATLAS_LESSON_SCENE_LIST (atlas_lesson_scene_list_new ());
  g_autoptr(AdwToast) undo = NULL;
  ListLog log = { 0 };
  guint count = 0, index = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  atlas_lesson_scene_list_set_lesson (list, lesson);
  g_signal_connect (list, "notify::selected", G_CALLBACK (on_list_selected), &log);
  g_assert_null (atlas_lesson_scene_list_get_selected (list));
  g_assert_false (atlas_lesson_scene_list_get_selected_index (list, &index));
  g_assert_null (atlas_lesson_scene_list_delete_selected (list));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtlasLessonScene) scene = on_capture_scene (NULL, &count);

      atlas_lesson_scene_list_insert (list, scene);
      g_assert_true (atlas_lesson_scene_list_get_selected (list) == scene);
    }
  g_assert_cmpuint (log.n_notified, >=, 3);
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 3);
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 2)), ==, "Captured 2");

  /* A row shows its scene's title and dates, and follows them. */
  g_assert_nonnull (lesson_test_find (GTK_WIDGET (list), is_label, "Captured 1"));
  g_assert_nonnull (lesson_test_find (GTK_WIDGET (list), is_label, "12 June 2000"));
  atlas_lesson_scene_set_title (atlas_lesson_get_scene (lesson, 1), "Renamed");
  g_assert_nonnull (lesson_test_find (GTK_WIDGET (list), is_label, "Renamed"));
  g_assert_null (lesson_test_find (GTK_WIDGET (list), is_label, "Captured 1"));

  /* Inserted after the selected scene. */
  atlas_lesson_scene_list_select (list, 0);
  {
    g_autoptr(AtlasLessonScene) scene = on_capture_scene (NULL, &count);

    atlas_lesson_scene_list_insert (list, scene);
  }
  g_assert_true (atlas_lesson_scene_list_get_selected_index (list, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 1)), ==, "Captured 3");

  /* Moved, it stays selected; it goes no further than the ends. */
  atlas_lesson_scene_list_move_selected (list, -1);
  atlas_lesson_scene_list_move_selected (list, -1);
  g_assert_true (atlas_lesson_scene_list_get_selected_index (list, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 0)), ==, "Captured 3");
  atlas_lesson_scene_list_select (list, 3);
  atlas_lesson_scene_list_move_selected (list, 1);
  g_assert_true (atlas_lesson_scene_list_get_selected_index (list, &index));
  g_assert_cmpuint (index, ==, 3);

  /* Deleted: the neighbour selected, and the toast puts it back. */
  atlas_lesson_scene_list_select (list, 1);
  undo = atlas_lesson_scene_list_delete_selected (list);
  g_assert_nonnull (undo);
  g_assert_cmpstr (adw_toast_get_title (undo), ==, "Scene “Captured 0” deleted");
  g_assert_cmpstr (adw_toast_get_button_label (undo), ==, "_Undo");
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 3);
  g_assert_true (atlas_lesson_scene_list_get_selected (list) == atlas_lesson_get_scene (lesson, 1));
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 1)), ==, "Renamed");

  g_signal_emit_by_name (undo, "button-clicked");
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 4);
  g_assert_cmpstr (atlas_lesson_scene_get_title (atlas_lesson_get_scene (lesson, 1)), ==, "Captured 0");
  g_assert_true (atlas_lesson_scene_list_get_selected (list) == atlas_lesson_get_scene (lesson, 1));
  /* Undone once only. */
  g_signal_emit_by_name (undo, "button-clicked");
  g_assert_cmpuint (atlas_lesson_get_n_scenes (lesson), ==, 4);

  /* The last scene deleted: nothing left to select. */
  atlas_lesson_scene_list_select (list, 3);
  g_clear_object (&undo);
  undo = atlas_lesson_scene_list_delete_selected (list);
  g_assert_true (atlas_lesson_scene_list_get_selected (list) == atlas_lesson_get_scene (lesson, 2));

  gtk_window_destroy (GTK_WINDOW (window));
}

static AtlasLesson *
two_scene_lesson (void)
{
  g_autoptr(GError) error = NULL;
  AtlasLesson *lesson = atlas_lesson_load_resource (ATLAS_LESSON_BUNDLED_RESOURCE, &error);

  g_assert_no_error (error);
  while (atlas_lesson_get_n_scenes (lesson) > 2)
    atlas_lesson_remove_scene (lesson, 2);
  return lesson;
}

static gboolean
has_two_scenes (gpointer data)
{
  return atlas_lesson_get_n_scenes (atlas_lesson_editor_get_lesson (data)) == 2;
}

static void
test_editor_save_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("editor-XXXXXX", NULL);
  g_autofree char *path1 = g_build_filename (dir, "one.lesson.json", NULL);
  g_autofree char *path2 = g_build_filename (dir, "two.lesson.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.lesson.json", NULL);
  g_autoptr(GFile) file1 = g_file_new_for_path (path1);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(AtlasLesson) lesson = two_scene_lesson ();
  AtlasLessonEditor *editor = atlas_lesson_editor_new ();
  AtlasLessonEditor *reopened = atlas_lesson_editor_new ();
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  /* Saved from the editor, opened in another and saved again: the same
   * bytes. */
  for (guint i = 0; i < atlas_lesson_get_n_scenes (lesson); i++)
    {
      g_autoptr(AtlasLessonScene) copy = atlas_lesson_scene_copy (atlas_lesson_get_scene (lesson, i));

      atlas_lesson_editor_add_scene (editor, copy);
    }
  atlas_lesson_set_title (atlas_lesson_editor_get_lesson (editor), atlas_lesson_get_title (lesson));
  atlas_lesson_editor_save_as (editor, file1);
  wait_until (is_saved, editor, "the lesson to be saved");

  atlas_lesson_editor_open (reopened, file1);
  wait_until (has_two_scenes, reopened, "the lesson to open");
  g_assert_false (atlas_lesson_editor_get_modified (reopened));
  g_assert_true (g_file_equal (atlas_lesson_editor_get_file (reopened), file1));
  /* A change undone: the same lesson, but something to save. */
  {
    AtlasLesson *shown = atlas_lesson_editor_get_lesson (reopened);
    g_autofree char *title = g_strdup (atlas_lesson_get_title (shown));

    atlas_lesson_set_title (shown, "Something else");
    atlas_lesson_set_title (shown, title);
    g_assert_true (atlas_lesson_editor_get_modified (reopened));
  }
  atlas_lesson_editor_save_as (reopened, file2);
  wait_until (is_saved, reopened, "the lesson to be saved again");
  g_assert_true (g_file_equal (atlas_lesson_editor_get_file (reopened), file2));

  g_assert_true (g_file_get_contents (path1, &text1, NULL, NULL));
  g_assert_true (g_file_get_contents (path2, &text2, NULL, NULL));
  g_assert_cmpstr (text1, ==, text2);

  /* A malformed file: an error naming the file and the place, and the
   * lesson shown stays. */
  g_assert_true (g_file_set_contents (bad_path, "{ \"type\": \"KosovoAtlasLesson\", \"version\": 1, \"title\": \"B\",\n"
                                      "  \"scenes\": [ { \"title\": \"S\", \"date\": \"1999\", \"view\": { \"zoom\": 8 } } ] }",
                                      -1, NULL));
  atlas_lesson_editor_open (reopened, bad);
  wait_until (has_dialog, NULL, "the error");
  dialog = find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, bad_path));
  g_assert_nonnull (strstr (body, "scenes[0] (“S”): view: needs “center” and “zoom”, or “fit”"));
  adw_message_dialog_response (dialog, "close");
  g_assert_true (g_file_equal (atlas_lesson_editor_get_file (reopened), file2));
  g_assert_cmpuint (atlas_lesson_get_n_scenes (atlas_lesson_editor_get_lesson (reopened)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (reopened));
  g_unlink (path1);
  g_unlink (path2);
  g_unlink (bad_path);
  g_rmdir (dir);
}

static guint
count_recovery_copies (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), PACKAGE_NAME, "recovery", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".lesson.json"))
      n++;

  return n;
}

static gboolean
has_recovery_copy (gpointer data)
{
  g_autoptr(GFile) copy = atlas_lesson_editor_get_recovery_file (data);

  return g_file_query_exists (copy, NULL);
}

static gboolean
offers_recovery (gpointer data)
{
  GtkWidget *bar = find_by_type (data, GTK_TYPE_INFO_BAR);

  return gtk_widget_get_visible (bar) && gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

static void
test_editor_recovery (void)
{
  AtlasLessonEditor *crashed = atlas_lesson_editor_new ();
  AtlasLessonEditor *next = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(AtlasLesson) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.lesson.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint count = 0;

  /* Every change is copied aside after a pause. */
  g_signal_connect (crashed, "capture-scene", G_CALLBACK (on_capture_scene), &count);
  atlas_lesson_set_title (atlas_lesson_editor_get_lesson (crashed), "Unsaved work");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (crashed), "lesson.add-scene", NULL));
  wait_until (has_recovery_copy, crashed, "the recovery copy");
  copy = atlas_lesson_editor_get_recovery_file (crashed);
  kept = atlas_lesson_load (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_lesson_get_title (kept), ==, "Unsaved work");
  g_assert_cmpuint (atlas_lesson_get_n_scenes (kept), ==, 1);

  /* Gone without being closed, as in a crash: the copy stays, and the next
   * editor offers it back. */
  gtk_window_destroy (GTK_WINDOW (crashed));
  g_assert_true (g_file_query_exists (copy, NULL));
  next = atlas_lesson_editor_new ();
  wait_until (offers_recovery, next, "the offer to restore");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (next), "lesson.restore-recovery", NULL));
  g_assert_cmpstr (atlas_lesson_get_title (atlas_lesson_editor_get_lesson (next)), ==, "Unsaved work");
  g_assert_cmpuint (atlas_lesson_get_n_scenes (atlas_lesson_editor_get_lesson (next)), ==, 1);
  g_assert_true (atlas_lesson_editor_get_modified (next));
  g_assert_false (g_file_query_exists (copy, NULL));
  wait_until (has_recovery_copy, next, "the new editor's own copy");
  g_assert_cmpuint (count_recovery_copies (), ==, 1);

  /* Saved, there is nothing left to recover. */
  atlas_lesson_editor_save_as (next, file);
  wait_until (is_saved, next, "the lesson to be saved");
  g_assert_cmpuint (count_recovery_copies (), ==, 0);

  gtk_window_close (GTK_WINDOW (next));
  g_unlink (path);
  g_rmdir (dir);
}

/* Closing with unsaved changes asks; cancelling keeps the window, saving
 * saves and then closes. */
static void
test_editor_ask_on_close (void)
{
  AtlasLessonEditor *editor = atlas_lesson_editor_new ();
  g_autofree char *dir = g_dir_make_tmp ("close-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "closing.lesson.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasLesson) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  atlas_lesson_set_title (atlas_lesson_editor_get_lesson (editor), "First");
  atlas_lesson_editor_save_as (editor, file);
  wait_until (is_saved, editor, "a first save");
  atlas_lesson_set_title (atlas_lesson_editor_get_lesson (editor), "Changed after saving");
  g_assert_true (atlas_lesson_editor_get_modified (editor));

  gtk_window_close (GTK_WINDOW (editor));
  wait_until (has_dialog, NULL, "the question");
  adw_message_dialog_response (find_dialog (), "cancel");
  g_assert_nonnull (editor);
  g_assert_true (atlas_lesson_editor_get_modified (editor));

  gtk_window_close (GTK_WINDOW (editor));
  wait_until (has_dialog, NULL, "the question again");
  adw_message_dialog_response (find_dialog (), "save");
  wait_until (lesson_test_is_gone, &editor, "the editor to close after saving");

  saved = atlas_lesson_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_lesson_get_title (saved), ==, "Changed after saving");
  g_assert_cmpuint (count_recovery_copies (), ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_isolated (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/lesson-ui/editor/scenes", test_editor_scenes);
  g_test_add_func ("/lesson-ui/editor/scene-list", test_editor_scene_list);
  g_test_add_func ("/lesson-ui/editor/save-open", test_editor_save_open);
  g_test_add_func ("/lesson-ui/editor/recovery", test_editor_recovery);
  g_test_add_func ("/lesson-ui/editor/ask-on-close", test_editor_ask_on_close);

  return g_test_run ();
}
