/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-lesson-editor-private.h"
#include "atlas-lesson-recovery.h"
#include "atlas-presenter.h"

/*
 * The window, its scenes and the recovery copy. Opening and saving, and the
 * question before unsaved changes are lost, are in
 * atlas-lesson-editor-files.c (see atlas-lesson-editor-private.h).
 */

/* The recovery copy is written this long after the last change. */
#define AUTOSAVE_SECONDS 2

G_DEFINE_FINAL_TYPE (AtlasLessonEditor, atlas_lesson_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LESSON,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CAPTURE_SCENE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
atlas_lesson_editor_toast (AtlasLessonEditor *self,
                           const char        *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

void
atlas_lesson_editor_show_error (AtlasLessonEditor *self,
                                const char        *heading,
                                const GError      *error)
{
  AdwMessageDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recovery ------------------------------------------------------------------ */

void
atlas_lesson_editor_delete_recovery (AtlasLessonEditor *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->recovery_cancellable != NULL)
    g_cancellable_cancel (self->recovery_cancellable);
  g_clear_object (&self->recovery_cancellable);

  atlas_lesson_recovery_delete (self->recovery);
}

static void
on_recovery_written (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtlasLessonEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_lesson_recovery_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot keep a recovery copy of the lesson: %s", error->message);
      return;
    }

  /* Saved or discarded while the copy was being written: not wanted. */
  if (!self->modified && self->recovery != NULL)
    atlas_lesson_recovery_delete (self->recovery);
}

static gboolean
autosave (gpointer user_data)
{
  AtlasLessonEditor *self = user_data;

  self->autosave_id = 0;
  if (self->recovery_cancellable != NULL)
    g_cancellable_cancel (self->recovery_cancellable);
  g_clear_object (&self->recovery_cancellable);
  self->recovery_cancellable = g_cancellable_new ();
  atlas_lesson_recovery_write_async (self->recovery, self->lesson, self->file, self->recovery_cancellable,
                                     on_recovery_written, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
on_recovery_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AtlasLessonEditor) self = user_data;
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autofree char *text = NULL;

  lesson = atlas_lesson_recovery_read_finish (result, &self->recovered_file, NULL);
  if (lesson == NULL || self->cancellable == NULL)
    return;

  self->recovered = g_steal_pointer (&lesson);
  text = g_strdup_printf (_("Unsaved changes to the lesson “%s” were kept from an earlier session."),
                          *atlas_lesson_get_title (self->recovered) != '\0'
                            ? atlas_lesson_get_title (self->recovered) : _("Untitled"));
  gtk_label_set_text (self->recovery_label, text);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_bar), TRUE);
}

static void
restore_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);
  g_autoptr(AtlasLesson) lesson = g_steal_pointer (&self->recovered);
  g_autoptr(GFile) file = g_steal_pointer (&self->recovered_file);

  gtk_widget_set_visible (GTK_WIDGET (self->recovery_bar), FALSE);
  if (lesson == NULL)
    return;

  /* Restored, it is this session's unsaved work: copied here from now on. */
  atlas_lesson_recovery_delete (self->recovered_copy);
  atlas_lesson_editor_load_lesson (self, lesson, file, TRUE);
  autosave (self);
}

static void
discard_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->recovery_bar), FALSE);
  g_clear_object (&self->recovered);
  g_clear_object (&self->recovered_file);
  if (self->recovered_copy != NULL)
    atlas_lesson_recovery_delete (self->recovered_copy);
}

/* The lesson ------------------------------------------------------------- */

static void
update_title (AtlasLessonEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const char *title = atlas_lesson_get_title (self->lesson);

  name = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("Not saved yet"));
  subtitle = self->modified ? g_strdup_printf ("• %s", name) : g_steal_pointer (&name);
  adw_window_title_set_title (self->window_title, *title != '\0' ? title : _("New Lesson"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (AtlasLessonEditor *self)
{
  guint n_scenes = atlas_lesson_get_n_scenes (self->lesson);
  guint index = 0;
  gboolean selected = atlas_lesson_scene_list_get_selected_index (self->scene_list, &index);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.present", self->dataset != NULL && n_scenes > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.export-handout", self->dataset != NULL && n_scenes > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.update-view", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.delete-scene", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.move-up", selected && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.move-down", selected && index + 1 < n_scenes);
}

void
atlas_lesson_editor_set_modified (AtlasLessonEditor *self,
                                  gboolean           modified)
{
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  update_title (self);
}

void
atlas_lesson_editor_set_file (AtlasLessonEditor *self,
                              GFile             *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  update_title (self);
}

static void
on_lesson_changed (AtlasLessonEditor *self)
{
  self->n_changes++;
  atlas_lesson_editor_set_modified (self, TRUE);
  update_actions (self);

  /* A recovery copy once the changes pause. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave, self);
}

/* Scenes --------------------------------------------------------------------- */

void
atlas_lesson_editor_select (AtlasLessonEditor *self,
                            guint              index)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));

  atlas_lesson_scene_list_select (self->scene_list, index);
}

static void
show_details (AtlasLessonEditor *self)
{
  AtlasLessonScene *selected = atlas_lesson_scene_list_get_selected (self->scene_list);

  update_actions (self);
  atlas_lesson_scene_editor_set_scene (self->scene_editor, selected);
  gtk_stack_set_visible_child_name (self->detail_stack, selected != NULL ? "scene" : "empty");
}

static void
on_selected (AtlasLessonEditor *self)
{
  /* The rows go while the window is disposed. */
  if (self->lesson != NULL)
    show_details (self);
}

static void
on_lesson_title_changed (AtlasLessonEditor *self)
{
  if (!self->updating)
    atlas_lesson_set_title (self->lesson, gtk_editable_get_text (GTK_EDITABLE (self->lesson_title_entry)));
}

/* Loads @lesson into the window, unmodified. */
void
atlas_lesson_editor_load_lesson (AtlasLessonEditor *self,
                                 AtlasLesson       *lesson,
                                 GFile             *file,
                                 gboolean           modified)
{
  if (self->lesson != NULL)
    g_signal_handlers_disconnect_by_func (self->lesson, on_lesson_changed, self);
  g_set_object (&self->lesson, lesson);
  g_signal_connect_object (lesson, "changed", G_CALLBACK (on_lesson_changed), self, G_CONNECT_SWAPPED);

  atlas_lesson_scene_list_set_lesson (self->scene_list, lesson);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->lesson_title_entry), atlas_lesson_get_title (lesson));
  self->updating = FALSE;

  atlas_lesson_editor_set_file (self, file);
  atlas_lesson_editor_set_modified (self, modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
  atlas_lesson_editor_select (self, 0);
  show_details (self);
}

/* Actions ------------------------------------------------------------------------ */

static AtlasLessonScene *
capture (AtlasLessonEditor *self)
{
  AtlasLessonScene *scene = NULL;

  g_signal_emit (self, signals[CAPTURE_SCENE], 0, &scene);
  if (scene == NULL)
    atlas_lesson_editor_toast (self, _("There is no map to take the scene from"));
  return scene;
}

static void
add_scene_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);
  g_autoptr(AtlasLessonScene) scene = capture (self);

  if (scene != NULL)
    atlas_lesson_editor_add_scene (self, scene);
}

static void
update_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);
  AtlasLessonScene *selected = atlas_lesson_scene_list_get_selected (self->scene_list);
  g_autoptr(AtlasLessonScene) scene = NULL;
  double lat, lon, zoom;

  if (selected == NULL || (scene = capture (self)) == NULL)
    return;

  /* The view only: title, date and caption stay as written. */
  atlas_lesson_scene_get_center (scene, &lat, &lon, &zoom);
  atlas_lesson_scene_set_center (selected, lat, lon, zoom);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);

  atlas_lesson_scene_list_move_selected (self->scene_list, g_str_equal (action_name, "lesson.move-up") ? -1 : 1);
}

static void
delete_scene_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);
  AdwToast *undo = atlas_lesson_scene_list_delete_selected (self->scene_list);

  if (undo != NULL)
    adw_toast_overlay_add_toast (self->toasts, undo);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_lesson_editor_present (ATLAS_LESSON_EDITOR (widget));
}

/* GObject -------------------------------------------------------------------------- */

static gboolean
atlas_lesson_editor_close_request (GtkWindow *window)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (window);

  if (self->modified)
    {
      atlas_lesson_editor_confirm (self, THEN_CLOSE, NULL);
      return TRUE;
    }

  /* Saved or discarded: no copy to recover. */
  atlas_lesson_editor_delete_recovery (self);
  return GTK_WINDOW_CLASS (atlas_lesson_editor_parent_class)->close_request (window);
}

static void
atlas_lesson_editor_dispose (GObject *object)
{
  AtlasLessonEditor *self = (AtlasLessonEditor *)object;

  /* Never destroyed with changes unsaved but through a crash, in which
   * case the recovery copy stays; a pending write is kept too. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->recovery_cancellable);
  if (self->lesson != NULL)
    g_signal_handlers_disconnect_by_func (self->lesson, on_lesson_changed, self);
  g_clear_object (&self->lesson);
  g_clear_object (&self->file);
  g_clear_object (&self->then_file);
  g_clear_object (&self->basemap);
  g_clear_object (&self->dataset);
  g_clear_object (&self->painter);
  g_clear_object (&self->zone_set);
  g_clear_object (&self->recovery);
  g_clear_object (&self->recovered_copy);
  g_clear_object (&self->recovered);
  g_clear_object (&self->recovered_file);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_LESSON_EDITOR);

  G_OBJECT_CLASS (atlas_lesson_editor_parent_class)->dispose (object);
}

static void
atlas_lesson_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_editor_class_init (AtlasLessonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_lesson_editor_dispose;
  object_class->get_property = atlas_lesson_editor_get_property;
  window_class->close_request = atlas_lesson_editor_close_request;

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL,
                         ATLAS_TYPE_LESSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasLessonEditor::capture-scene:
   *
   * Asks for a new scene of what the main window shows now (view, date,
   * layers); the first handler to return one wins.
   *
   * Returns: (transfer full) (nullable): the scene
   */
  signals[CAPTURE_SCENE] =
    g_signal_new ("capture-scene",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  ATLAS_TYPE_LESSON_SCENE, 0);

  g_type_ensure (ATLAS_TYPE_LESSON_SCENE_EDITOR);
  g_type_ensure (ATLAS_TYPE_LESSON_SCENE_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-lesson-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, lesson_title_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, scene_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonEditor, scene_editor);

  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, atlas_lesson_editor_file_action);
  gtk_widget_class_install_action (widget_class, "lesson.open", NULL, atlas_lesson_editor_file_action);
  gtk_widget_class_install_action (widget_class, "lesson.open-bundled", NULL, atlas_lesson_editor_file_action);
  gtk_widget_class_install_action (widget_class, "lesson.save", NULL, atlas_lesson_editor_file_action);
  gtk_widget_class_install_action (widget_class, "lesson.save-as", NULL, atlas_lesson_editor_file_action);
  gtk_widget_class_install_action (widget_class, "lesson.export-handout", NULL, atlas_lesson_editor_export_handout_action);
  gtk_widget_class_install_action (widget_class, "lesson.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "lesson.add-scene", NULL, add_scene_action);
  gtk_widget_class_install_action (widget_class, "lesson.update-view", NULL, update_view_action);
  gtk_widget_class_install_action (widget_class, "lesson.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "lesson.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "lesson.delete-scene", NULL, delete_scene_action);
  gtk_widget_class_install_action (widget_class, "lesson.restore-recovery", NULL, restore_recovery_action);
  gtk_widget_class_install_action (widget_class, "lesson.discard-recovery", NULL, discard_recovery_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "lesson.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "lesson.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "lesson.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "lesson.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "lesson.add-scene", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "lesson.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "lesson.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
atlas_lesson_editor_init (AtlasLessonEditor *self)
{
  g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->recovery = atlas_lesson_recovery_new_copy ();
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_bar), FALSE);

  g_signal_connect_object (self->scene_list, "notify::selected", G_CALLBACK (on_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson_title_entry, "changed", G_CALLBACK (on_lesson_title_changed), self,
                           G_CONNECT_SWAPPED);
  atlas_lesson_editor_load_lesson (self, lesson, NULL, FALSE);

  /* Work an earlier session did not save, offered back. */
  self->recovered_copy = atlas_lesson_recovery_find (self->recovery);
  if (self->recovered_copy != NULL)
    atlas_lesson_recovery_read_async (self->recovered_copy, self->cancellable, on_recovery_loaded,
                                      g_object_ref (self));
}

/* Public ----------------------------------------------------------------------------- */

AtlasLessonEditor *
atlas_lesson_editor_new (void)
{
  return g_object_new (ATLAS_TYPE_LESSON_EDITOR, NULL);
}

AtlasLesson *
atlas_lesson_editor_get_lesson (AtlasLessonEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_EDITOR (self), NULL);
  return self->lesson;
}

GFile *
atlas_lesson_editor_get_file (AtlasLessonEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_EDITOR (self), NULL);
  return self->file;
}

gboolean
atlas_lesson_editor_get_modified (AtlasLessonEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_EDITOR (self), FALSE);
  return self->modified;
}

/**
 * atlas_lesson_editor_set_data:
 *
 * The base map and the dataset to present the lesson and draw its handout
 * with; call it again when the dataset changes.
 */
void
atlas_lesson_editor_set_data (AtlasLessonEditor *self,
                              AtlasBasemap      *basemap,
                              AtlasDataset      *dataset)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));
  g_return_if_fail (ATLAS_IS_BASEMAP (basemap));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  if (self->basemap == basemap && self->dataset == dataset)
    return;

  g_set_object (&self->basemap, basemap);
  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->painter);
  g_clear_object (&self->zone_set);
  self->painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  self->zone_set = atlas_zone_set_new (basemap, dataset);
  update_actions (self);
  atlas_lesson_scene_editor_set_dataset (self->scene_editor, dataset);
}

void
atlas_lesson_editor_add_scene (AtlasLessonEditor *self,
                               AtlasLessonScene  *scene)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (scene));

  atlas_lesson_scene_list_insert (self->scene_list, scene);
}

AtlasLessonScene *
atlas_lesson_editor_get_selected (AtlasLessonEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_EDITOR (self), NULL);
  return atlas_lesson_scene_list_get_selected (self->scene_list);
}

void
atlas_lesson_editor_present (AtlasLessonEditor *self)
{
  AtlasPresenter *presenter;
  GtkWindow *parent;
  guint index = 0;

  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));

  if (self->dataset == NULL || atlas_lesson_get_n_scenes (self->lesson) == 0)
    return;

  atlas_lesson_scene_list_get_selected_index (self->scene_list, &index);

  presenter = atlas_presenter_new (self->basemap, self->dataset, self->lesson);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gtk_window_set_transient_for (GTK_WINDOW (presenter), parent != NULL ? parent : GTK_WINDOW (self));
  gtk_window_set_application (GTK_WINDOW (presenter), gtk_window_get_application (GTK_WINDOW (self)));
  atlas_presenter_start (presenter, index);
}

GFile *
atlas_lesson_editor_get_recovery_file (AtlasLessonEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_EDITOR (self), NULL);
  return g_object_ref (self->recovery);
}

AtlasLessonScene *
atlas_lesson_scene_new_from_map (ShumateSimpleMap   *map,
                                 gint32              day,
                                 AtlasLessonLayers   layers,
                                 const char * const *zones)
{
  ShumateViewport *viewport;
  AtlasLessonScene *scene;
  g_autofree char *title = NULL;
  AtlasDate date = { 0, };
  int y, m, d;

  g_return_val_if_fail (SHUMATE_IS_SIMPLE_MAP (map), NULL);

  viewport = shumate_simple_map_get_viewport (map);
  scene = atlas_lesson_scene_new ();
  atlas_lesson_scene_set_center_for_size (scene,
                                          shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                          shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                          shumate_viewport_get_zoom_level (viewport),
                                          MAX (gtk_widget_get_width (GTK_WIDGET (map)), 1),
                                          MAX (gtk_widget_get_height (GTK_WIDGET (map)), 1));

  atlas_day_to_ymd (day, &y, &m, &d);
  date.year = y;
  date.month = m;
  date.day = d;
  date.precision = ATLAS_DATE_PRECISION_DAY;
  atlas_lesson_scene_set_date (scene, &date);
  atlas_lesson_scene_set_layers (scene, layers);
  atlas_lesson_scene_set_zones (scene, zones);

  title = atlas_day_format (day);
  atlas_lesson_scene_set_title (scene, title);
  return scene;
}
