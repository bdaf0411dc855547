/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-handout.h"
#include "atlas-lesson-editor-private.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson-writer.h"

/*
 * The lesson editor's files: opening, saving, the question before unsaved
 * changes are lost, and the handout. See atlas-lesson-editor-private.h.
 */

static void run_then (AtlasLessonEditor *self);
static void save     (AtlasLessonEditor *self);

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
      atlas_lesson_editor_delete_recovery (self);
      atlas_lesson_editor_set_modified (self, FALSE);
      /* Once the dialog is gone: closing the window now would pull it
       * from under the dialog, which is transient for it. */
      g_idle_add_full (G_PRIORITY_DEFAULT, run_then_idle, g_object_ref (self), g_object_unref);
    }
  else
    self->then = THEN_NOTHING;
}

void
atlas_lesson_editor_confirm (AtlasLessonEditor *self,
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
      atlas_lesson_editor_show_error (self, _("Could Not Save the Lesson"), error);
      return;
    }

  /* Saved as it was when the save began: later changes stay unsaved. */
  if (self->n_changes == self->n_changes_saved)
    {
      atlas_lesson_editor_delete_recovery (self);
      atlas_lesson_editor_set_modified (self, FALSE);
    }
  atlas_lesson_editor_toast (self, _("Lesson saved"));
  run_then (self);
}

static void
save_to (AtlasLessonEditor *self,
         GFile             *file)
{
  atlas_lesson_editor_set_file (self, file);
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
      atlas_lesson_editor_show_error (self, _("Could Not Open the Lesson"), error);
      return;
    }

  atlas_lesson_editor_delete_recovery (self);
  atlas_lesson_editor_load_lesson (self, lesson, file, FALSE);
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

        atlas_lesson_editor_load_lesson (self, lesson, NULL, FALSE);
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
            atlas_lesson_editor_load_lesson (self, lesson, NULL, FALSE);
          }
        else
          atlas_lesson_editor_show_error (self, _("Could Not Open the Lesson"), error);
      }
      break;

    case THEN_NOTHING:
    default:
      break;
    }
}

/* Actions ------------------------------------------------------------------------ */

void
atlas_lesson_editor_file_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AtlasLessonEditor *self = ATLAS_LESSON_EDITOR (widget);

  if (g_str_equal (action_name, "lesson.new"))
    atlas_lesson_editor_confirm (self, THEN_NEW, NULL);
  else if (g_str_equal (action_name, "lesson.open"))
    atlas_lesson_editor_confirm (self, THEN_CHOOSE_FILE, NULL);
  else if (g_str_equal (action_name, "lesson.open-bundled"))
    atlas_lesson_editor_confirm (self, THEN_OPEN_BUNDLED, NULL);
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

static void
on_handout_written (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AtlasLessonEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_handout_write_finish (result, &error))
    atlas_lesson_editor_show_error (self, _("Could Not Export the Handout"), error);
  else
    atlas_lesson_editor_toast (self, _("Handout exported"));
}

static void
write_handout (AtlasLessonEditor *self,
               GFile             *file)
{
  if (self->dataset == NULL)
    return;

  atlas_lesson_editor_toast (self, _("Exporting the handout…"));
  atlas_handout_write_async (self->lesson, self->painter, self->dataset, self->zone_set, file,
                             self->cancellable, on_handout_written, g_object_ref (self));
}

void
atlas_lesson_editor_export_handout_action (GtkWidget  *widget,
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

/* Public ----------------------------------------------------------------------------- */

void
atlas_lesson_editor_open (AtlasLessonEditor *self,
                          GFile             *file)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  atlas_lesson_editor_confirm (self, THEN_OPEN_FILE, file);
}

void
atlas_lesson_editor_open_bundled (AtlasLessonEditor *self)
{
  g_return_if_fail (ATLAS_IS_LESSON_EDITOR (self));

  atlas_lesson_editor_confirm (self, THEN_OPEN_BUNDLED, NULL);
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
