/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-scene-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-lesson-scene-editor.h"

struct _AtlasLessonSceneEditor
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkEntry         *scene_title_entry;
  GtkEntry         *date_entry;
  GtkEntry         *until_entry;
  GtkTextView      *caption_view;
  GtkEntry         *highlight_entry;
  GtkLabel         *highlight_problem;
  GtkCheckButton   *zones_check;
  GtkCheckButton   *deployments_check;
  GtkCheckButton   *events_check;
  GtkCheckButton   *labels_check;
  GtkLabel         *view_label;
  GtkLabel         *sources_label;

  AtlasLessonScene *scene;
  AtlasDataset     *dataset;
  gboolean          updating;     /* filling in the fields */
};

G_DEFINE_FINAL_TYPE (AtlasLessonSceneEditor, atlas_lesson_scene_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SCENE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Showing the scene -------------------------------------------------------------- */

static void
update_view_label (AtlasLessonSceneEditor *self)
{
  g_autofree char *text = NULL;

  if (atlas_lesson_scene_get_view_mode (self->scene) == ATLAS_LESSON_VIEW_FIT)
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) atlas_lesson_scene_get_fit (self->scene));

      /* Translators: a scene's view that frames these features */
      text = g_strdup_printf (_("Framing %s"), ids);
    }
  else
    {
      double lat, lon, zoom;

      atlas_lesson_scene_get_center (self->scene, &lat, &lon, &zoom);
      /* Translators: a scene's view: latitude, longitude and zoom level */
      text = g_strdup_printf (_("Centred on %.4f, %.4f at zoom %.1f"), lat, lon, zoom);
    }
  gtk_label_set_text (self->view_label, text);
}

/* Ids the dataset lacks are pointed out, not refused: the data may come
 * later. */
static void
update_highlight_problem (AtlasLessonSceneEditor *self)
{
  const char * const *ids = atlas_lesson_scene_get_highlights (self->scene);
  g_autoptr(GString) unknown = g_string_new (NULL);

  for (guint i = 0; self->dataset != NULL && ids[i] != NULL; i++)
    if (!atlas_dataset_find (self->dataset, ids[i], NULL, NULL))
      g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? ", " : "", ids[i]);

  if (unknown->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Not in the data: %s"), unknown->str);

      gtk_label_set_text (self->highlight_problem, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->highlight_problem), unknown->len > 0);
}

static void
set_entry_date (GtkEntry        *entry,
                const AtlasDate *date)
{
  g_autofree char *text = atlas_date_is_set (date) ? atlas_date_to_string (date) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
show_details (AtlasLessonSceneEditor *self)
{
  AtlasLessonScene *scene = self->scene;
  AtlasLessonLayers layers;
  g_autofree char *highlights = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);

  if (scene == NULL)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->scene_title_entry), atlas_lesson_scene_get_title (scene));
  set_entry_date (self->date_entry, atlas_lesson_scene_get_date (scene));
  set_entry_date (self->until_entry, atlas_lesson_scene_get_until (scene));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->caption_view), atlas_lesson_scene_get_caption (scene), -1);
  highlights = g_strjoinv (" ", (char **) atlas_lesson_scene_get_highlights (scene));
  gtk_editable_set_text (GTK_EDITABLE (self->highlight_entry), highlights);
  layers = atlas_lesson_scene_get_layers (scene);
  gtk_check_button_set_active (self->zones_check, layers & ATLAS_LESSON_LAYER_ZONES);
  gtk_check_button_set_active (self->deployments_check, layers & ATLAS_LESSON_LAYER_DEPLOYMENTS);
  gtk_check_button_set_active (self->events_check, layers & ATLAS_LESSON_LAYER_EVENTS);
  gtk_check_button_set_active (self->labels_check, layers & ATLAS_LESSON_LAYER_LABELS);
  for (guint i = 0; i < atlas_lesson_scene_get_n_sources (scene); i++)
    {
      g_autofree char *line = atlas_lesson_source_format (atlas_lesson_scene_get_source (scene, i));

      g_string_append_printf (sources, "%s%s", i > 0 ? "\n" : "", line);
    }
  gtk_label_set_text (self->sources_label, sources->len > 0 ? sources->str : _("None given"));
  update_view_label (self);
  update_highlight_problem (self);
  self->updating = FALSE;
}

/* Edits ------------------------------------------------------------------------- */

static void
on_scene_title_changed (AtlasLessonSceneEditor *self)
{
  if (!self->updating && self->scene != NULL)
    atlas_lesson_scene_set_title (self->scene, gtk_editable_get_text (GTK_EDITABLE (self->scene_title_entry)));
}

static void
on_dates_changed (AtlasLessonSceneEditor *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  const char *until_text = gtk_editable_get_text (GTK_EDITABLE (self->until_entry));
  AtlasDate date, until = { 0, };
  gboolean date_ok, until_ok;

  if (self->updating || self->scene == NULL)
    return;

  /* The format's own strict dates; a range must run forwards. */
  date_ok = atlas_date_parse (date_text, -1, &date);
  until_ok = *until_text == '\0' ||
             (atlas_date_parse (until_text, -1, &until) && date_ok &&
              atlas_date_get_first_day (&until) > atlas_date_get_first_day (&date));

  (date_ok ? gtk_widget_remove_css_class : gtk_widget_add_css_class) (GTK_WIDGET (self->date_entry), "error");
  (until_ok ? gtk_widget_remove_css_class : gtk_widget_add_css_class) (GTK_WIDGET (self->until_entry), "error");
  if (!date_ok || !until_ok)
    return;

  atlas_lesson_scene_set_date (self->scene, &date);
  atlas_lesson_scene_set_until (self->scene, *until_text != '\0' ? &until : NULL);
}

static void
on_caption_changed (AtlasLessonSceneEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caption_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->scene == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  atlas_lesson_scene_set_caption (self->scene, text);
}

static void
on_highlights_changed (AtlasLessonSceneEditor *self)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (self->updating || self->scene == NULL)
    return;

  words = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->highlight_entry)), " ,;\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (ids, words[i]);
  list = g_strv_builder_end (ids);

  atlas_lesson_scene_set_highlights (self->scene, (const char * const *) list);
  update_highlight_problem (self);
}

static void
on_layer_toggled (AtlasLessonSceneEditor *self)
{
  AtlasLessonLayers layers = 0;

  if (self->updating || self->scene == NULL)
    return;

  if (gtk_check_button_get_active (self->zones_check))
    layers |= ATLAS_LESSON_LAYER_ZONES;
  if (gtk_check_button_get_active (self->deployments_check))
    layers |= ATLAS_LESSON_LAYER_DEPLOYMENTS;
  if (gtk_check_button_get_active (self->events_check))
    layers |= ATLAS_LESSON_LAYER_EVENTS;
  if (gtk_check_button_get_active (self->labels_check))
    layers |= ATLAS_LESSON_LAYER_LABELS;
  atlas_lesson_scene_set_layers (self->scene, layers);
}


/* The view can change from outside (the lesson editor's "Use the map as it
 * is now"): it is the one field shown that is not typed here. */
static void
on_scene_changed (AtlasLessonSceneEditor *self)
{
  update_view_label (self);
}

/* GObject ------------------------------------------------------------------------ */

static void
atlas_lesson_scene_editor_dispose (GObject *object)
{
  AtlasLessonSceneEditor *self = (AtlasLessonSceneEditor *)object;

  if (self->scene != NULL)
    g_signal_handlers_disconnect_by_func (self->scene, on_scene_changed, self);
  g_clear_object (&self->scene);
  g_clear_object (&self->dataset);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_LESSON_SCENE_EDITOR);

  G_OBJECT_CLASS (atlas_lesson_scene_editor_parent_class)->dispose (object);
}

static void
atlas_lesson_scene_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AtlasLessonSceneEditor *self = ATLAS_LESSON_SCENE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_object (value, self->scene);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_scene_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AtlasLessonSceneEditor *self = ATLAS_LESSON_SCENE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      atlas_lesson_scene_editor_set_scene (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_scene_editor_class_init (AtlasLessonSceneEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_lesson_scene_editor_dispose;
  object_class->get_property = atlas_lesson_scene_editor_get_property;
  object_class->set_property = atlas_lesson_scene_editor_set_property;

  properties[PROP_SCENE] =
    g_param_spec_object ("scene", NULL, NULL,
                         ATLAS_TYPE_LESSON_SCENE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-lesson-scene-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, scene_title_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, until_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, caption_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, highlight_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, highlight_problem);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, zones_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, deployments_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, events_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, labels_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, view_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasLessonSceneEditor, sources_label);
  gtk_widget_class_bind_template_callback (widget_class, on_scene_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_highlights_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_layer_toggled);
}

static void
atlas_lesson_scene_editor_init (AtlasLessonSceneEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_view), "changed",
                           G_CALLBACK (on_caption_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_lesson_scene_editor_new (void)
{
  return g_object_new (ATLAS_TYPE_LESSON_SCENE_EDITOR, NULL);
}

AtlasLessonScene *
atlas_lesson_scene_editor_get_scene (AtlasLessonSceneEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE_EDITOR (self), NULL);
  return self->scene;
}

void
atlas_lesson_scene_editor_set_scene (AtlasLessonSceneEditor *self,
                                     AtlasLessonScene       *scene)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE_EDITOR (self));
  g_return_if_fail (scene == NULL || ATLAS_IS_LESSON_SCENE (scene));

  if (self->scene == scene)
    return;

  if (self->scene != NULL)
    g_signal_handlers_disconnect_by_func (self->scene, on_scene_changed, self);
  g_set_object (&self->scene, scene);
  if (scene != NULL)
    g_signal_connect_object (scene, "changed", G_CALLBACK (on_scene_changed), self, G_CONNECT_SWAPPED);

  show_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE]);
}

void
atlas_lesson_scene_editor_set_dataset (AtlasLessonSceneEditor *self,
                                       AtlasDataset           *dataset)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE_EDITOR (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (g_set_object (&self->dataset, dataset) && self->scene != NULL)
    update_highlight_problem (self);
}
