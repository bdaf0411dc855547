/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-handout.h"
#include "atlas-label-layer.h"
#include "atlas-lesson-editor.h"
#include "atlas-lesson-scene-editor.h"
#include "atlas-lesson-scene-list.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson-recovery.h"
#include "atlas-lesson-writer.h"
#include "atlas-painter.h"
#include "atlas-presenter.h"
#include "atlas-zone-set.h"

/* The recovery copy is written this long after the last change. */
#define AUTOSAVE_SECONDS 2

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  THEN_NOTHING,
  THEN_CLOSE,
  THEN_NEW,
  THEN_OPEN_FILE,
  THEN_CHOOSE_FILE,
  THEN_OPEN_BUNDLED,
} Then;

struct _AtlasLessonEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkInfoBar        *recovery_bar;
  GtkLabel          *recovery_label;
  AdwToastOverlay   *toasts;
  GtkEntry          *lesson_title_entry;
  AtlasLessonSceneList *scene_list;
  GtkStack          *detail_stack;
  AtlasLessonSceneEditor *scene_editor;

  AtlasLesson       *lesson;
  GFile             *file;
  gboolean           modified;
  guint              n_changes;       /* counts "changed" */
  guint              n_changes_saved; /* n_changes when the last save began */
  gboolean           updating;        /* filling in the title */

  AtlasBasemap      *basemap;
  AtlasDataset      *dataset;
  AtlasPainter      *painter;
  AtlasZoneSet      *zone_set;

  Then               then;
  GFile             *then_file;
  GCancellable      *cancellable;
  GCancellable      *recovery_cancellable;
  GFile             *recovery;        /* this editor's copy */
  guint              autosave_id;
  GFile             *recovered_copy;  /* one left by an earlier session */
  AtlasLesson       *recovered;
  GFile             *recovered_file;
};

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

static void run_then   (AtlasLessonEditor *self);
static void save       (AtlasLessonEditor *self);
static void set_lesson (AtlasLessonEditor *self,
                        AtlasLesson       *lesson,
                        GFile             *file,
                        gboolean           modified);

static void
toast (AtlasLessonEditor *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
show_error (AtlasLessonEditor *self,
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

static void
delete_recovery (AtlasLessonEditor *self)
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
  set_lesson (self, lesson, file, TRUE);
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

static void
set_modified (AtlasLessonEditor *self,
              gboolean           modified)
{
  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  update_title (self);
}

static void
set_file (AtlasLessonEditor *self,
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
  set_modified (self, TRUE);
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
static void
set_lesson (AtlasLessonEditor *self,
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

  set_file (self, file);
  set_modified (self, modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
  atlas_lesson_editor_select (self, 0);
  show_details (self);
}

/* Unsaved changes --------------------------------------------------------------- */

static gboolean
run_then_idle (gpointer user_data)
{
  run_then (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_ask_response (AdwMessageDialog  *dialog,
                 const char        *response,
                 AtlasLessonEditor *self)
{
  if (g_str_equal (response, "save"))
    save (self);
  else if (g_str_equal (response, "discard"))
    {
      delete_recovery (self);
      set_modified (self, FALSE);
      /* Once the dialog is gone: closing the window now would pull it
       * from under the dialog, which is transient for it. */
      g_idle_add_full (G_PRIORITY_DEFAULT, run_then_idle, g_object_ref (self), g_object_unref);
    }
  else
    self->then = THEN_NOTHING;
}

/* Runs @then now, or once the unsaved changes are saved or discarded. */
static void
confirm (AtlasLessonEditor *self,
         Then               then,
         GFile             *file)
{
  AdwMessageDialog *dialog;
  const char *title = atlas_lesson_get_title (self->lesson);

  self->then = then;
  g_set_object (&self->then_file, file);
  if (!self->modified)
    {
      run_then (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("The lesson “%s” has changes that are not saved. What is not saved "
                                            "is lost."), *title != '\0' ? title : _("Untitled"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_ask_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Files ------------------------------------------------------------------------- */

static GtkFileFilter *
lesson_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Lessons"));
  gtk_file_filter_add_pattern (filter, "*.lesson.json");
  gtk_file_filter_add_pattern (filter, "*.json");
  return filter;
}

typedef void (*ChosenFunc) (AtlasLessonEditor *self,
                            GFile             *file);

static void
on_chooser_response (GtkNativeDialog   *dialog,
                     int                response,
                     AtlasLessonEditor *self)
{
  ChosenFunc chosen = g_object_get_data (G_OBJECT (dialog), "chosen");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    chosen (self, file);
  else
    self->then = THEN_NOTHING;

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_file (AtlasLessonEditor    *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             GtkFileFilter        *filter,
             ChosenFunc            chosen)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "chosen", chosen);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (filter);
}

/* "Kosovo and KFOR, 1999–2010" → "Kosovo and KFOR, 1999–2010.lesson.json" */
static char *
suggest_name (AtlasLessonEditor *self,
              const char        *extension)
{
  const char *title = atlas_lesson_get_title (self->lesson);
  g_autofree char *base = g_strdup (*title != '\0' ? title : _("Lesson"));

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, extension, NULL);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AtlasLessonEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_lesson_save_finish (result, &error))
    {
      self->then = THEN_NOTHING;
      show_error (self, _("Could Not Save the Lesson"), error);
      return;
    }

  /* Saved as it was when the save began: later changes stay unsaved. */
  if (self->n_changes == self->n_changes_saved)
    {
      delete_recovery (self);
      set_modified (self, FALSE);
    }
  toast (self, _("Lesson saved"));
  run_then (self);
}

static void
save_to (AtlasLessonEditor *self,
         GFile             *file)
{
  set_file (self, file);
  self->n_changes_saved = self->n_changes;
  atlas_lesson_save_async (self->lesson, file, self->cancellable, on_saved, g_object_ref (self));
}

static void
save (AtlasLessonEditor *self)
{
  g_autofree char *name = NULL;

  if (self->file != NULL)
    {
      save_to (self, self->file);
      return;
    }

  name = suggest_name (self, ".lesson.json");
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Lesson"), _("_Save"), name, lesson_filter (), save_to);
}

typedef struct
{
  AtlasLessonEditor *self;
  GFile             *file;
} OpenData;

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(AtlasLessonEditor) self = data->self;
  g_autoptr(GFile) file = data->file;
  g_autoptr(AtlasLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;

  g_free (data);
  lesson = atlas_lesson_load_finish (result, &error);
  if (lesson == NULL)
    {
      show_error (self, _("Could Not Open the Lesson"), error);
      return;
    }

  delete_recovery (self);
  set_lesson (self, lesson, file, FALSE);
}

static void
open_file (AtlasLessonEditor *self,
           GFile             *file)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  atlas_lesson_load_async (file, self->cancellable, on_opened, data);
}

/* The bundled lesson's text is translated where it is shown (see
 * atlas-content-text.h); a copy of it to edit takes the text as shown, so
 * that a teacher edits, and saves, the lesson in their own language. A
 * lesson opened from a file is edited as written. */
static void
localize_bundled (AtlasLesson *lesson)
{
  atlas_lesson_set_title (lesson, atlas_lesson_get_display_title (lesson));
  atlas_lesson_set_description (lesson, atlas_lesson_get_display_description (lesson));

  for (guint i = 0; i < atlas_lesson_get_n_scenes (lesson); i++)
    {
      AtlasLessonScene *scene = atlas_lesson_get_scene (lesson, i);

      atlas_lesson_scene_set_title (scene, atlas_lesson_scene_get_display_title (scene));
      atlas_lesson_scene_set_caption (scene, atlas_lesson_scene_get_display_caption (scene));
    }
}

static void
run_then (AtlasLessonEditor *self)
{
  Then then = self->then;
  g_autoptr(GFile) file = g_steal_pointer (&self->then_file);

  self->then = THEN_NOTHING;
  switch (then)
    {
    case THEN_CLOSE:
      gtk_window_close (GTK_WINDOW (self));
      break;

    case THEN_NEW:
      {
        g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();

        set_lesson (self, lesson, NULL, FALSE);
      }
      break;

    case THEN_OPEN_FILE:
      open_file (self, file);
      break;

    case THEN_CHOOSE_FILE:
      choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Lesson"), _("_Open"), NULL, lesson_filter (),
                   open_file);
      break;

    case THEN_OPEN_BUNDLED:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(AtlasLesson) lesson = atlas_lesson_load_resource (ATLAS_LESSON_BUNDLED_RESOURCE, &error);

        /* A copy to change and save elsewhere: it has no file. */
        if (lesson != NULL)
          {
            localize_bundled (lesson);
            set_lesson (self, lesson, NULL, FALSE);
          }
        else
          show_error (self, _("Could Not Open the Lesson"), error);
      }
      break;

    case THEN_NOTHING:
    default:
      break;
    }
}

/* Actions ------------------------------------------------------------------------ */

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);

  if (g_str_equal (action_name, "lesson.new"))
    confirm (self, THEN_NEW, NULL);
  else if (g_str_equal (action_name, "lesson.open"))
    confirm (self, THEN_CHOOSE_FILE, NULL);
  else if (g_str_equal (action_name, "lesson.open-bundled"))
    confirm (self, THEN_OPEN_BUNDLED, NULL);
  else if (g_str_equal (action_name, "lesson.save"))
    {
      self->then = THEN_NOTHING;
      save (self);
    }
  else if (g_str_equal (action_name, "lesson.save-as"))
    {
      g_autofree char *name = suggest_name (self, ".lesson.json");

      self->then = THEN_NOTHING;
      choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Lesson As"), _("_Save"), name, lesson_filter (),
                   save_to);
    }
}

static AtlasLessonScene *
capture (AtlasLessonEditor *self)
{
  AtlasLessonScene *scene = NULL;

  g_signal_emit (self, signals[CAPTURE_SCENE], 0, &scene);
  if (scene == NULL)
    toast (self, _("There is no map to take the scene from"));
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

static void
on_handout_written (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AtlasLessonEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_handout_write_finish (result, &error))
    show_error (self, _("Could Not Export the Handout"), error);
  else
    toast (self, _("Handout exported"));
}

static void
write_handout (AtlasLessonEditor *self,
               GFile             *file)
{
  if (self->dataset == NULL)
    return;

  toast (self, _("Exporting the handout…"));
  atlas_handout_write_async (self->lesson, self->painter, self->dataset, self->zone_set, file,
                             self->cancellable, on_handout_written, g_object_ref (self));
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);
  g_autofree char *name = suggest_name (self, ".pdf");
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Handout"), _("_Export"), name, filter,
               write_handout);
}

/* GObject -------------------------------------------------------------------------- */

static gboolean
atlas_lesson_editor_close_request (GtkWindow *window)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (window);

  if (self->modified)
    {
      confirm (self, THEN_CLOSE, NULL);
      return TRUE;
    }

  /* Saved or discarded: no copy to recover. */
  delete_recovery (self);
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

  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "lesson.open", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "lesson.open-bundled", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "lesson.save", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "lesson.save-as", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "lesson.export-handout", NULL, export_handout_action);
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
  set_lesson (self, lesson, NULL, FALSE);

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
atlas_lesson_editor_open (AtlasLessonEditor *self,
                          GFile             *file)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  confirm (self, THEN_OPEN_FILE, file);
}

void
atlas_lesson_editor_open_bundled (AtlasLessonEditor *self)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));

  confirm (self, THEN_OPEN_BUNDLED, NULL);
}

void
atlas_lesson_editor_save_as (AtlasLessonEditor *self,
                             GFile             *file)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  self->then = THEN_NOTHING;
  save_to (self, file);
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
