/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-scene"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-content-text.h"
#include "atlas-lesson-scene.h"

struct _AtlasLessonScene
{
  GObject              parent_instance;

  char                *title;
  char                *caption;
  AtlasDate            date;
  AtlasDate            until;          /* unset: the scene stands still */
  guint                play_seconds;
  AtlasLessonViewMode  view_mode;
  double               lat;
  double               lon;
  double               zoom;
  GStrv                fit;            /* ATLAS_LESSON_VIEW_FIT only */
  AtlasLessonLayers    layers;
  GStrv                zones;          /* NULL: every zone in force */
  GStrv                highlights;     /* never NULL */
  GPtrArray           *sources;        /* AtlasLessonSource */
};

G_DEFINE_FINAL_TYPE (AtlasLessonScene, atlas_lesson_scene, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AtlasLessonSource, atlas_lesson_source, atlas_lesson_source_copy, atlas_lesson_source_free)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAPTION,
  PROP_FIRST_DAY,
  PROP_LAYERS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const layer_names[] = { "zones", "deployments", "events", "labels" };

/* Sources ----------------------------------------------------------------- */

AtlasLessonSource *
atlas_lesson_source_new (const char      *title,
                         const char      *publisher,
                         const AtlasDate *date,
                         const char      *url)
{
  AtlasLessonSource *source;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (publisher != NULL, NULL);

  source = g_new0 (AtlasLessonSource, 1);
  source->title = g_strdup (title);
  source->publisher = g_strdup (publisher);
  source->url = g_strdup (url);
  if (date != NULL)
    source->date = *date;

  return source;
}

AtlasLessonSource *
atlas_lesson_source_copy (const AtlasLessonSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  return atlas_lesson_source_new (source->title, source->publisher, &source->date, source->url);
}

void
atlas_lesson_source_free (AtlasLessonSource *source)
{
  if (source == NULL)
    return;

  g_free (source->title);
  g_free (source->publisher);
  g_free (source->url);
  g_free (source);
}

/**
 * atlas_lesson_source_format:
 *
 * Returns: (transfer full): the source on one line, for captions and
 *   handouts
 */
char *
atlas_lesson_source_format (const AtlasLessonSource *source)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (source != NULL, NULL);

  /* Translators: a source in a lesson: publisher, then the title */
  g_string_append_printf (text, _("%s, “%s”"), source->publisher, source->title);
  if (atlas_date_is_set (&source->date))
    {
      g_autofree char *date = atlas_date_format (&source->date);

      g_string_append_printf (text, " (%s)", date);
    }
  if (source->url != NULL)
    g_string_append_printf (text, ", %s", source->url);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Layers ------------------------------------------------------------------ */

const char *
atlas_lesson_layer_to_string (AtlasLessonLayers layer)
{
  for (guint i = 0; i < G_N_ELEMENTS (layer_names); i++)
    if (layer == (AtlasLessonLayers) (1 << i))
      return layer_names[i];

  g_return_val_if_reached (NULL);
}

gboolean
atlas_lesson_layer_from_string (const char        *name,
                                AtlasLessonLayers *layer)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (layer_names); i++)
    if (g_str_equal (name, layer_names[i]))
      {
        *layer = 1 << i;
        return TRUE;
      }

  return FALSE;
}

/* The scene --------------------------------------------------------------- */

static void
emit_changed (AtlasLessonScene *self,
              guint             prop_id)
{
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Replaces a string list; FALSE when nothing changes. */
static gboolean
set_strv (GStrv              *field,
          const char * const *value)
{
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

static void
atlas_lesson_scene_finalize (GObject *object)
{
  AtlasLessonScene *self = (AtlasLessonScene *)object;

  g_free (self->title);
  g_free (self->caption);
  g_strfreev (self->fit);
  g_strfreev (self->zones);
  g_strfreev (self->highlights);
  g_ptr_array_unref (self->sources);

  G_OBJECT_CLASS (atlas_lesson_scene_parent_class)->finalize (object);
}

static void
atlas_lesson_scene_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasLessonScene *self = ATLAS_LESSON_SCENE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_FIRST_DAY:
      g_value_set_int (value, atlas_lesson_scene_get_first_day (self));
      break;

    case PROP_LAYERS:
      g_value_set_uint (value, self->layers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_scene_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasLessonScene *self = ATLAS_LESSON_SCENE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      atlas_lesson_scene_set_title (self, g_value_get_string (value));
      break;

    case PROP_CAPTION:
      atlas_lesson_scene_set_caption (self, g_value_get_string (value));
      break;

    case PROP_LAYERS:
      atlas_lesson_scene_set_layers (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_lesson_scene_class_init (AtlasLessonSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_lesson_scene_finalize;
  object_class->get_property = atlas_lesson_scene_get_property;
  object_class->set_property = atlas_lesson_scene_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIRST_DAY] =
    g_param_spec_int ("first-day", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LAYERS] =
    g_param_spec_uint ("layers", NULL, NULL,
                       0, ATLAS_LESSON_LAYERS_ALL, ATLAS_LESSON_LAYERS_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasLessonScene::changed:
   *
   * Emitted after any change to the scene.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_lesson_scene_init (AtlasLessonScene *self)
{
  self->title = g_strdup ("");
  self->caption = g_strdup ("");
  self->play_seconds = ATLAS_LESSON_DEFAULT_PLAY_SECONDS;
  self->layers = ATLAS_LESSON_LAYERS_ALL;
  self->highlights = g_new0 (char *, 1);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_lesson_source_free);

  /* Kosovo, until told otherwise. */
  self->view_mode = ATLAS_LESSON_VIEW_CENTER;
  self->lat = 42.6;
  self->lon = 20.9;
  self->zoom = 8.0;
}

/**
 * atlas_lesson_scene_new:
 *
 * An empty scene showing Kosovo with every layer, on no date yet.
 */
AtlasLessonScene *
atlas_lesson_scene_new (void)
{
  return g_object_new (ATLAS_TYPE_LESSON_SCENE, NULL);
}

/**
 * atlas_lesson_scene_copy:
 *
 * Returns: (transfer full): an independent scene equal to @self
 */
AtlasLessonScene *
atlas_lesson_scene_copy (AtlasLessonScene *self)
{
  AtlasLessonScene *copy;

  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);

  copy = atlas_lesson_scene_new ();
  g_free (copy->title);
  copy->title = g_strdup (self->title);
  g_free (copy->caption);
  copy->caption = g_strdup (self->caption);
  copy->date = self->date;
  copy->until = self->until;
  copy->play_seconds = self->play_seconds;
  copy->view_mode = self->view_mode;
  copy->lat = self->lat;
  copy->lon = self->lon;
  copy->zoom = self->zoom;
  copy->fit = g_strdupv (self->fit);
  copy->layers = self->layers;
  copy->zones = g_strdupv (self->zones);
  g_strfreev (copy->highlights);
  copy->highlights = g_strdupv (self->highlights);
  for (guint i = 0; i < self->sources->len; i++)
    g_ptr_array_add (copy->sources, atlas_lesson_source_copy (g_ptr_array_index (self->sources, i)));

  return copy;
}

const char *
atlas_lesson_scene_get_title (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return self->title;
}

void
atlas_lesson_scene_set_title (AtlasLessonScene *self,
                              const char       *title)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (title == NULL)
    title = "";
  if (g_str_equal (self->title, title))
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  emit_changed (self, PROP_TITLE);
}

const char *
atlas_lesson_scene_get_caption (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return self->caption;
}

const char *
atlas_lesson_scene_get_display_title (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return atlas_content_text_translate (ATLAS_CONTENT_LESSON, self->title);
}

const char *
atlas_lesson_scene_get_display_caption (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return atlas_content_text_translate (ATLAS_CONTENT_LESSON, self->caption);
}

void
atlas_lesson_scene_set_caption (AtlasLessonScene *self,
                                const char       *caption)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (caption == NULL)
    caption = "";
  if (g_str_equal (self->caption, caption))
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);
  emit_changed (self, PROP_CAPTION);
}

const AtlasDate *
atlas_lesson_scene_get_date (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return &self->date;
}

void
atlas_lesson_scene_set_date (AtlasLessonScene *self,
                             const AtlasDate  *date)
{
  AtlasDate unset = { 0, };

  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (date == NULL)
    date = &unset;
  if (atlas_date_equal (&self->date, date) && self->date.qualifiers == date->qualifiers)
    return;

  self->date = *date;
  emit_changed (self, PROP_FIRST_DAY);
}

const AtlasDate *
atlas_lesson_scene_get_until (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return &self->until;
}

void
atlas_lesson_scene_set_until (AtlasLessonScene *self,
                              const AtlasDate  *until)
{
  AtlasDate unset = { 0, };

  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (until == NULL)
    until = &unset;
  if (atlas_date_equal (&self->until, until) && self->until.qualifiers == until->qualifiers)
    return;

  self->until = *until;
  emit_changed (self, PROP_0);
}

guint
atlas_lesson_scene_get_play_seconds (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), 0);
  return self->play_seconds;
}

void
atlas_lesson_scene_set_play_seconds (AtlasLessonScene *self,
                                     guint             seconds)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  seconds = CLAMP (seconds, ATLAS_LESSON_MIN_PLAY_SECONDS, ATLAS_LESSON_MAX_PLAY_SECONDS);
  if (self->play_seconds == seconds)
    return;

  self->play_seconds = seconds;
  emit_changed (self, PROP_0);
}

/**
 * atlas_lesson_scene_get_first_day:
 *
 * Returns: the first day of the scene's date, or %ATLAS_DAY_MIN when the
 *   scene has no date
 */
gint32
atlas_lesson_scene_get_first_day (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), ATLAS_DAY_MIN);

  if (!atlas_date_is_set (&self->date))
    return ATLAS_DAY_MIN;
  return atlas_date_get_first_day (&self->date);
}

gint32
atlas_lesson_scene_get_last_day (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), ATLAS_DAY_MIN);

  if (!atlas_lesson_scene_is_range (self))
    return atlas_lesson_scene_get_first_day (self);
  return atlas_date_get_first_day (&self->until);
}

gboolean
atlas_lesson_scene_is_range (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), FALSE);

  return atlas_date_is_set (&self->date) && atlas_date_is_set (&self->until) &&
         atlas_date_get_first_day (&self->until) > atlas_date_get_first_day (&self->date);
}

/**
 * atlas_lesson_scene_format_dates:
 *
 * Returns: (transfer full): the scene's date, or the range it plays
 *   through, both ends included
 */
char *
atlas_lesson_scene_format_dates (AtlasLessonScene *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);

  first = atlas_date_format (&self->date);
  if (!atlas_lesson_scene_is_range (self))
    return g_steal_pointer (&first);

  last = atlas_date_format (&self->until);
  /* Translators: the dates a lesson's scene plays through, both included */
  return g_strdup_printf (C_("scene dates", "%s – %s"), first, last);
}

AtlasLessonViewMode
atlas_lesson_scene_get_view_mode (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), ATLAS_LESSON_VIEW_CENTER);
  return self->view_mode;
}

void
atlas_lesson_scene_get_center (AtlasLessonScene *self,
                               double           *lat,
                               double           *lon,
                               double           *zoom)
{
  gboolean center;

  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  center = self->view_mode == ATLAS_LESSON_VIEW_CENTER;
  if (lat != NULL)
    *lat = center ? self->lat : 0;
  if (lon != NULL)
    *lon = center ? self->lon : 0;
  if (zoom != NULL)
    *zoom = center ? self->zoom : 0;
}

void
atlas_lesson_scene_set_center (AtlasLessonScene *self,
                               double            lat,
                               double            lon,
                               double            zoom)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));
  g_return_if_fail (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180);

  zoom = CLAMP (zoom, ATLAS_LESSON_MIN_ZOOM, ATLAS_LESSON_MAX_ZOOM);
  if (self->view_mode == ATLAS_LESSON_VIEW_CENTER &&
      self->lat == lat && self->lon == lon && self->zoom == zoom)
    return;

  self->view_mode = ATLAS_LESSON_VIEW_CENTER;
  self->lat = lat;
  self->lon = lon;
  self->zoom = zoom;
  g_clear_pointer (&self->fit, g_strfreev);
  emit_changed (self, PROP_0);
}

void
atlas_lesson_scene_set_center_for_size (AtlasLessonScene *self,
                                        double            lat,
                                        double            lon,
                                        double            zoom,
                                        double            width,
                                        double            height)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));
  g_return_if_fail (width > 0 && height > 0);

  /* The inverse of what framing does: a frame of this size shows the
   * reference screen's area one log2 (ratio) further out. */
  zoom -= log2 (MIN (width / ATLAS_LESSON_REFERENCE_WIDTH, height / ATLAS_LESSON_REFERENCE_HEIGHT));
  atlas_lesson_scene_set_center (self, lat, lon, zoom);
}

const char * const *
atlas_lesson_scene_get_fit (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return (const char * const *) self->fit;
}

void
atlas_lesson_scene_set_fit (AtlasLessonScene   *self,
                            const char * const *ids)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));
  g_return_if_fail (ids != NULL && ids[0] != NULL);

  if (!set_strv (&self->fit, ids) && self->view_mode == ATLAS_LESSON_VIEW_FIT)
    return;

  self->view_mode = ATLAS_LESSON_VIEW_FIT;
  self->lat = self->lon = self->zoom = 0;
  emit_changed (self, PROP_0);
}

AtlasLessonLayers
atlas_lesson_scene_get_layers (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), 0);
  return self->layers;
}

void
atlas_lesson_scene_set_layers (AtlasLessonScene  *self,
                               AtlasLessonLayers  layers)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  layers &= ATLAS_LESSON_LAYERS_ALL;
  if (self->layers == layers)
    return;

  self->layers = layers;
  emit_changed (self, PROP_LAYERS);
}

const char * const *
atlas_lesson_scene_get_zones (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return (const char * const *) self->zones;
}

void
atlas_lesson_scene_set_zones (AtlasLessonScene   *self,
                              const char * const *ids)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (set_strv (&self->zones, ids))
    emit_changed (self, PROP_0);
}

gboolean
atlas_lesson_scene_shows_zone (AtlasLessonScene *self,
                               const char       *zone_id)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), FALSE);
  g_return_val_if_fail (zone_id != NULL, FALSE);

  if (!(self->layers & ATLAS_LESSON_LAYER_ZONES))
    return FALSE;
  return self->zones == NULL || g_strv_contains ((const char * const *) self->zones, zone_id);
}

const char * const *
atlas_lesson_scene_get_highlights (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  return (const char * const *) self->highlights;
}

void
atlas_lesson_scene_set_highlights (AtlasLessonScene   *self,
                                   const char * const *ids)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (set_strv (&self->highlights, ids != NULL ? ids : none))
    emit_changed (self, PROP_0);
}

guint
atlas_lesson_scene_get_n_sources (AtlasLessonScene *self)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), 0);
  return self->sources->len;
}

const AtlasLessonSource *
atlas_lesson_scene_get_source (AtlasLessonScene *self,
                               guint             index)
{
  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, index);
}

void
atlas_lesson_scene_add_source (AtlasLessonScene        *self,
                               const AtlasLessonSource *source)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));
  g_return_if_fail (source != NULL);

  g_ptr_array_add (self->sources, atlas_lesson_source_copy (source));
  emit_changed (self, PROP_0);
}

void
atlas_lesson_scene_clear_sources (AtlasLessonScene *self)
{
  g_return_if_fail (ATLAS_IS_LESSON_SCENE (self));

  if (self->sources->len == 0)
    return;

  g_ptr_array_set_size (self->sources, 0);
  emit_changed (self, PROP_0);
}
