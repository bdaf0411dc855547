/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-scene-list"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-lesson-scene-list.h"

struct _AtlasLessonSceneList
{
  GtkWidget         parent_instance;

  GtkWidget        *scrolled;
  GtkListBox       *list_box;

  AtlasLesson      *lesson;
  AtlasLessonScene *selected;        /* unowned; in the lesson */
};

G_DEFINE_FINAL_TYPE (AtlasLessonSceneList, atlas_lesson_scene_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows -------------------------------------------------------------------- */

static void
update_row_date (GtkLabel         *label,
                 AtlasLessonScene *scene)
{
  g_autofree char *dates = atlas_lesson_scene_format_dates (scene);

  gtk_label_set_text (label, dates);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AtlasLessonScene *scene = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *date = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  g_object_bind_property (scene, "title", title, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dim-label");
  update_row_date (GTK_LABEL (date), scene);
  g_signal_connect_object (scene, "changed", G_CALLBACK (update_row_date), date, G_CONNECT_SWAPPED);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), date);
  return box;
}

static void
on_row_selected (AtlasLessonSceneList *self,
                 GtkListBoxRow        *row)
{
  /* The rows go while the list is disposed. */
  if (self->lesson == NULL)
    return;

  self->selected = row != NULL ? atlas_lesson_get_scene (self->lesson, gtk_list_box_row_get_index (row)) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Undoing a deletion ------------------------------------------------------ */

static void
on_undo_delete (AdwToast             *undo,
                AtlasLessonSceneList *self)
{
  AtlasLessonScene *scene = g_object_get_data (G_OBJECT (undo), "scene");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (undo), "index"));

  if (self->lesson == NULL || atlas_lesson_find_scene (self->lesson, scene, NULL))
    return;

  atlas_lesson_insert_scene (self->lesson, MIN (index, atlas_lesson_get_n_scenes (self->lesson)), scene);
  atlas_lesson_scene_list_select (self, MIN (index, atlas_lesson_get_n_scenes (self->lesson) - 1));
}

/* GObject -------------------------------------------------------------------- */

static void
atlas_lesson_scene_list_dispose (GObject *object)
{
  AtlasLessonSceneList *self = (AtlasLessonSceneList *)object;

  g_clear_object (&self->lesson);
  self->selected = NULL;
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->list_box = NULL;

  G_OBJECT_CLASS (atlas_lesson_scene_list_parent_class)->dispose (object);
}

static void
atlas_lesson_scene_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtlasLessonSceneList *self = ATLAS_LESSON_SCENE_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_scene_list_class_init (AtlasLessonSceneListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_lesson_scene_list_dispose;
  object_class->get_property = atlas_lesson_scene_list_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         ATLAS_TYPE_LESSON_SCENE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_lesson_scene_list_init (AtlasLessonSceneList *self)
{
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list_box));
  g_signal_connect_object (self->list_box, "row-selected", G_CALLBACK (on_row_selected), self, G_CONNECT_SWAPPED);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
atlas_lesson_scene_list_new (void)
{
  return g_object_new (ATLAS_TYPE_LESSON_SCENE_LIST, NULL);
}

void
atlas_lesson_scene_list_set_lesson (AtlasLessonSceneList *self,
                                    AtlasLesson          *lesson)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self));
  g_return_if_fail (ATLAS_IS_LESSON (lesson));

  g_set_object (&self->lesson, lesson);
  self->selected = NULL;
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (lesson), create_row, NULL, NULL);
}

AtlasLessonScene *
atlas_lesson_scene_list_get_selected (AtlasLessonSceneList *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self), NULL);

  return self->selected;
}

gboolean
atlas_lesson_scene_list_get_selected_index (AtlasLessonSceneList *self,
                                            guint                *index)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self), FALSE);

  return self->selected != NULL && atlas_lesson_find_scene (self->lesson, self->selected, index);
}

void
atlas_lesson_scene_list_select (AtlasLessonSceneList *self,
                                guint                 index)
{
  GtkListBoxRow *row;

  g_return_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self));

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
}

void
atlas_lesson_scene_list_insert (AtlasLessonSceneList *self,
                                AtlasLessonScene     *scene)
{
  guint index = 0;

  g_return_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self));
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (scene));
  g_return_if_fail (self->lesson != NULL);

  if (atlas_lesson_scene_list_get_selected_index (self, &index))
    index++;
  else
    index = atlas_lesson_get_n_scenes (self->lesson);

  atlas_lesson_insert_scene (self->lesson, index, scene);
  atlas_lesson_scene_list_select (self, index);
}

void
atlas_lesson_scene_list_move_selected (AtlasLessonSceneList *self,
                                       int                   by)
{
  guint from, to;

  g_return_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self));
  g_return_if_fail (by == -1 || by == 1);

  if (!atlas_lesson_scene_list_get_selected_index (self, &from))
    return;

  if (by < 0 && from > 0)
    to = from - 1;
  else if (by > 0 && from + 1 < atlas_lesson_get_n_scenes (self->lesson))
    to = from + 1;
  else
    return;

  atlas_lesson_move_scene (self->lesson, from, to);
  atlas_lesson_scene_list_select (self, to);
}

AdwToast *
atlas_lesson_scene_list_delete_selected (AtlasLessonSceneList *self)
{
  g_autofree char *title = NULL;
  AdwToast *undo;
  guint index;

  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE_LIST (self), NULL);

  if (!atlas_lesson_scene_list_get_selected_index (self, &index))
    return NULL;

  /* Deleting is one key away: it can be undone. */
  /* Translators: a toast after deleting a scene of a lesson */
  title = g_strdup_printf (_("Scene “%s” deleted"), atlas_lesson_scene_get_title (self->selected));
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  g_object_set_data_full (G_OBJECT (undo), "scene", g_object_ref (self->selected), g_object_unref);
  g_object_set_data (G_OBJECT (undo), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (undo, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);

  atlas_lesson_remove_scene (self->lesson, index);
  if (atlas_lesson_get_n_scenes (self->lesson) > 0)
    atlas_lesson_scene_list_select (self, MIN (index, atlas_lesson_get_n_scenes (self->lesson) - 1));
  return undo;
}
