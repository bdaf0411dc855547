/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-content-text.h"
#include "atlas-dataset.h"
#include "atlas-lesson.h"

struct _AtlasLesson
{
  GObject    parent_instance;

  char      *title;
  char      *description;
  GPtrArray *scenes;        /* AtlasLessonScene */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasLesson, atlas_lesson, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (atlas-lesson-error-quark, atlas_lesson_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_N_SCENES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
list_model_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_LESSON_SCENE;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return ATLAS_LESSON (model)->scenes->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  AtlasLesson *self = ATLAS_LESSON (model);

  if (position >= self->scenes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->scenes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
emit_changed (AtlasLesson *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_scene_changed (AtlasLesson *self)
{
  emit_changed (self);
}

static void
release_scene (gpointer data,
               gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, on_scene_changed, user_data);
}

static void
atlas_lesson_dispose (GObject *object)
{
  AtlasLesson *self = (AtlasLesson *)object;

  if (self->scenes != NULL)
    g_ptr_array_foreach (self->scenes, release_scene, self);
  g_clear_pointer (&self->scenes, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_lesson_parent_class)->dispose (object);
}

static void
atlas_lesson_finalize (GObject *object)
{
  AtlasLesson *self = (AtlasLesson *)object;

  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (atlas_lesson_parent_class)->finalize (object);
}

static void
atlas_lesson_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasLesson *self = ATLAS_LESSON (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_N_SCENES:
      g_value_set_uint (value, self->scenes->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasLesson *self = ATLAS_LESSON (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      atlas_lesson_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      atlas_lesson_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_class_init (AtlasLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_lesson_dispose;
  object_class->finalize = atlas_lesson_finalize;
  object_class->get_property = atlas_lesson_get_property;
  object_class->set_property = atlas_lesson_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_SCENES] =
    g_param_spec_uint ("n-scenes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasLesson::changed:
   *
   * Emitted after any change to the lesson or to one of its scenes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_lesson_init (AtlasLesson *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->scenes = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasLesson *
atlas_lesson_new (void)
{
  return g_object_new (ATLAS_TYPE_LESSON, NULL);
}

/**
 * atlas_lesson_copy:
 *
 * Returns: (transfer full): a copy to hand to another thread
 */
AtlasLesson *
atlas_lesson_copy (AtlasLesson *self)
{
  AtlasLesson *copy;

  g_return_val_if_fail (ATLAS_IS_LESSON (self), NULL);

  copy = atlas_lesson_new ();
  atlas_lesson_set_title (copy, self->title);
  atlas_lesson_set_description (copy, self->description);
  for (guint i = 0; i < self->scenes->len; i++)
    {
      g_autoptr(AtlasLessonScene) scene = atlas_lesson_scene_copy (g_ptr_array_index (self->scenes, i));

      atlas_lesson_append_scene (copy, scene);
    }

  return copy;
}

const char *
atlas_lesson_get_title (AtlasLesson *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), NULL);
  return self->title;
}

void
atlas_lesson_set_title (AtlasLesson *self,
                        const char  *title)
{
  g_return_if_fail (ATLAS_IS_LESSON (self));

  if (title == NULL)
    title = "";
  if (g_str_equal (self->title, title))
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  emit_changed (self);
}

const char *
atlas_lesson_get_description (AtlasLesson *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), NULL);
  return self->description;
}

const char *
atlas_lesson_get_display_title (AtlasLesson *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), NULL);
  return atlas_content_text_translate (ATLAS_CONTENT_LESSON, self->title);
}

const char *
atlas_lesson_get_display_description (AtlasLesson *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), NULL);
  return atlas_content_text_translate (ATLAS_CONTENT_LESSON, self->description);
}

void
atlas_lesson_set_description (AtlasLesson *self,
                              const char  *description)
{
  g_return_if_fail (ATLAS_IS_LESSON (self));

  if (description == NULL)
    description = "";
  if (g_str_equal (self->description, description))
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  emit_changed (self);
}

guint
atlas_lesson_get_n_scenes (AtlasLesson *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), 0);
  return self->scenes->len;
}

AtlasLessonScene *
atlas_lesson_get_scene (AtlasLesson *self,
                        guint        position)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), NULL);
  g_return_val_if_fail (position < self->scenes->len, NULL);

  return g_ptr_array_index (self->scenes, position);
}

gboolean
atlas_lesson_find_scene (AtlasLesson      *self,
                         AtlasLessonScene *scene,
                         guint            *position)
{
  g_return_val_if_fail (ATLAS_IS_LESSON (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (scene), FALSE);

  return g_ptr_array_find (self->scenes, scene, position);
}

void
atlas_lesson_insert_scene (AtlasLesson      *self,
                           guint             position,
                           AtlasLessonScene *scene)
{
  g_return_if_fail (ATLAS_IS_LESSON (self));
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (scene));
  g_return_if_fail (position <= self->scenes->len);
  g_return_if_fail (!g_ptr_array_find (self->scenes, scene, NULL));

  g_ptr_array_insert (self->scenes, position, g_object_ref (scene));
  g_signal_connect_swapped (scene, "changed", G_CALLBACK (on_scene_changed), self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
  emit_changed (self);
}

void
atlas_lesson_append_scene (AtlasLesson      *self,
                           AtlasLessonScene *scene)
{
  g_return_if_fail (ATLAS_IS_LESSON (self));

  atlas_lesson_insert_scene (self, self->scenes->len, scene);
}

void
atlas_lesson_remove_scene (AtlasLesson *self,
                           guint        position)
{
  g_return_if_fail (ATLAS_IS_LESSON (self));
  g_return_if_fail (position < self->scenes->len);

  release_scene (g_ptr_array_index (self->scenes, position), self);
  g_ptr_array_remove_index (self->scenes, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SCENES]);
  emit_changed (self);
}

void
atlas_lesson_move_scene (AtlasLesson *self,
                         guint        from,
                         guint        to)
{
  gpointer scene;

  g_return_if_fail (ATLAS_IS_LESSON (self));
  g_return_if_fail (from < self->scenes->len);
  g_return_if_fail (to < self->scenes->len);

  if (from == to)
    return;

  scene = g_ptr_array_steal_index (self->scenes, from);
  g_ptr_array_insert (self->scenes, to, scene);

  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);
  emit_changed (self);
}

/* References -------------------------------------------------------------- */

static void
check_list (GPtrArray          *problems,
            AtlasDataset       *dataset,
            guint               index,
            AtlasLessonScene   *scene,
            const char         *member,
            const char * const *ids,
            gboolean            zones_only)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AtlasFeatureKind kind;

      if (!atlas_dataset_find (dataset, ids[i], &kind, NULL))
        g_ptr_array_add (problems,
                         /* Translators: a problem in a lesson, e.g. scenes[3] (“Kumanovo”): highlight: no
                          * feature has the id “ev-x” */
                         g_strdup_printf (_("scenes[%u] (“%s”): %s: no feature has the id “%s”"),
                                          index, atlas_lesson_scene_get_title (scene), member, ids[i]));
      else if (zones_only && kind != ATLAS_KIND_ZONE)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("scenes[%u] (“%s”): %s: “%s” is not a zone"),
                                          index, atlas_lesson_scene_get_title (scene), member, ids[i]));
    }
}

/**
 * atlas_lesson_check_ids:
 *
 * Checks that every feature a scene names (to fit, to show or to
 * highlight) is in @dataset.
 *
 * Returns: (transfer full) (element-type utf8): one message per problem
 */
GPtrArray *
atlas_lesson_check_ids (AtlasLesson  *self,
                        AtlasDataset *dataset)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ATLAS_IS_LESSON (self), problems);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), problems);

  for (guint i = 0; i < self->scenes->len; i++)
    {
      AtlasLessonScene *scene = g_ptr_array_index (self->scenes, i);

      check_list (problems, dataset, i, scene, "view.fit", atlas_lesson_scene_get_fit (scene), FALSE);
      check_list (problems, dataset, i, scene, "zones", atlas_lesson_scene_get_zones (scene), TRUE);
      check_list (problems, dataset, i, scene, "highlight", atlas_lesson_scene_get_highlights (scene), FALSE);
    }

  return problems;
}
