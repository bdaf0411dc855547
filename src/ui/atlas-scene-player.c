/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-scene-player"

#include "config.h"

#include <math.h>

#include "atlas-lesson-snapshot.h"
#include "atlas-scene-player.h"

/* How long the map flies and the date runs to a new scene. */
#define TRANSITION_MS 1500
/* How long a range waits on its first day before it plays. */
#define HOLD_MS 800

typedef enum
{
  PHASE_RUN,     /* to the scene's date */
  PHASE_HOLD,    /* on its first day, before a range */
  PHASE_PLAY,    /* through its range */
} DatePhase;

struct _AtlasScenePlayer
{
  GObject                    parent_instance;

  ShumateSimpleMap          *map;
  AtlasDataset              *dataset;
  AtlasZoneSet              *zone_set;
  AtlasScenePlayerFrameFunc  frame_func;
  gpointer                   frame_data;
  GCancellable              *cancellable;
  gboolean                   stopped;

  AtlasLessonScene          *scene;
  guint                      generation;      /* bumped on every new start */
  gint32                     day;

  /* The date running: first to the scene's date, then through its range. */
  guint                      date_tick_id;
  gint64                     phase_start_us;
  gint64                     phase_us;
  DatePhase                  phase;
  gint32                     phase_from;
  gint32                     phase_to;
  gint64                     fly_until_us;
  gboolean                   animating;
};

G_DEFINE_FINAL_TYPE (AtlasScenePlayer, atlas_scene_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  PROP_ANIMATING,
  N_PROPS
};

enum {
  SETTLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_animating (AtlasScenePlayer *self,
               gboolean          animating)
{
  if (self->animating == animating)
    return;

  self->animating = animating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
}

/* The date ------------------------------------------------------------------ */

static void
set_day (AtlasScenePlayer *self,
         gint32            day)
{
  if (self->day == day)
    return;

  self->day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

static void
remove_date_tick (AtlasScenePlayer *self)
{
  if (self->date_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map), self->date_tick_id);
  self->date_tick_id = 0;
}

static void
start_phase (AtlasScenePlayer *self,
             DatePhase         phase,
             gint32            from,
             gint32            to,
             gint64            duration_us)
{
  self->phase = phase;
  self->phase_start_us = g_get_monotonic_time ();
  self->phase_us = MAX (duration_us, 1);
  self->phase_from = from;
  self->phase_to = to;
}

static gboolean
date_tick (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  AtlasScenePlayer *self = user_data;
  AtlasLessonScene *scene = self->scene;
  gint64 now = g_get_monotonic_time ();
  double t = CLAMP ((double) (now - self->phase_start_us) / self->phase_us, 0, 1);
  double eased;

  /* Running to a date eases in and out; playing a range is steady. */
  eased = self->phase == PHASE_RUN ? (t < 0.5 ? 2 * t * t : 1 - pow (-2 * t + 2, 2) / 2) : t;
  set_day (self, self->phase_from + (gint32) round ((self->phase_to - self->phase_from) * eased));

  if (t < 1)
    return G_SOURCE_CONTINUE;

  if (self->phase != PHASE_PLAY && scene != NULL && atlas_lesson_scene_is_range (scene))
    {
      gint32 first = atlas_lesson_scene_get_first_day (scene);

      /* A pause on the first day lets the class read it, and the map
       * fetch the tiles of its new view before the date starts to run. */
      if (self->phase == PHASE_RUN)
        start_phase (self, PHASE_HOLD, first, first, HOLD_MS * 1000);
      else
        start_phase (self, PHASE_PLAY, first, atlas_lesson_scene_get_last_day (scene),
                     atlas_lesson_scene_get_play_seconds (scene) * G_USEC_PER_SEC);
      return G_SOURCE_CONTINUE;
    }

  self->date_tick_id = 0;
  g_signal_emit (self, signals[SETTLED], 0);
  set_animating (self, now < self->fly_until_us);
  return G_SOURCE_REMOVE;
}

/* Runs the date to the scene's, then through its range. */
static void
run_date (AtlasScenePlayer *self,
          gboolean          animate)
{
  gint32 first = atlas_lesson_scene_get_first_day (self->scene);

  remove_date_tick (self);
  if (first == ATLAS_DAY_MIN)
    return;

  if (animate && self->day != ATLAS_DAY_MIN && self->day != first)
    start_phase (self, PHASE_RUN, self->day, first, TRANSITION_MS * 1000);
  else if (atlas_lesson_scene_is_range (self->scene))
    {
      set_day (self, first);
      start_phase (self, PHASE_HOLD, first, first, HOLD_MS * 1000);
    }
  else
    {
      set_day (self, first);
      g_signal_emit (self, signals[SETTLED], 0);
      return;
    }

  self->date_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->map), date_tick, self, NULL);
  set_animating (self, TRUE);
}

/* The view ------------------------------------------------------------------ */

static gboolean
check_animating (gpointer user_data)
{
  AtlasScenePlayer *self = user_data;

  set_animating (self, self->date_tick_id != 0 || g_get_monotonic_time () < self->fly_until_us);
  return G_SOURCE_REMOVE;
}

static void fly_to_scene (AtlasScenePlayer *self,
                          gboolean          animate,
                          gboolean          force);

typedef struct
{
  AtlasScenePlayer *self;
  guint             generation;
  gboolean          animate;
} FitRequest;

static void
on_fit_zone_computed (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  FitRequest *request = user_data;
  g_autoptr(AtlasScenePlayer) self = request->self;
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(GError) error = NULL;

  zone = atlas_zone_set_compute_finish (ATLAS_ZONE_SET (object), result, &error);
  if (self->stopped || (zone == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_free (request);
      return;
    }
  if (zone == NULL)
    g_warning ("Cannot frame a zone: %s", error->message);

  /* Still the same scene: fly there now, without the zone if it failed. */
  if (request->generation == self->generation)
    fly_to_scene (self, request->animate, zone == NULL);
  g_free (request);
}

static void
fly_to_scene (AtlasScenePlayer *self,
              gboolean          animate,
              gboolean          force)
{
  AtlasLessonScene *scene = self->scene;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double frame[4], lat, lon;
  AtlasView view;

  if (scene == NULL || width <= 0 || height <= 0)
    return;

  self->frame_func (self->frame_data, frame);
  if (!atlas_lesson_scene_frame_view (scene, self->dataset, self->zone_set, FALSE, width, height, frame,
                                      &view, missing) && !force)
    {
      /* Zones to fit are computed first; the flight starts when they are. */
      for (guint i = 0; i < missing->len; i++)
        {
          FitRequest *request = g_new0 (FitRequest, 1);

          request->self = g_object_ref (self);
          request->generation = self->generation;
          request->animate = animate;
          atlas_zone_set_compute_async (self->zone_set, g_ptr_array_index (missing, i),
                                        atlas_lesson_scene_get_first_day (scene), ATLAS_ZONE_COMPUTE_HISTORICAL,
                                        self->cancellable, on_fit_zone_computed, request);
        }
      return;
    }

  lat = atlas_mercator_lat_from_y (view.y);
  lon = atlas_mercator_lon_from_x (view.x);
  if (animate)
    {
      shumate_map_go_to_full_with_duration (shumate_simple_map_get_map (self->map), lat, lon, view.zoom,
                                            TRANSITION_MS);
      self->fly_until_us = g_get_monotonic_time () + TRANSITION_MS * 1000;
      set_animating (self, TRUE);
      g_timeout_add_full (G_PRIORITY_DEFAULT, TRANSITION_MS + 50, check_animating,
                          g_object_ref (self), g_object_unref);
    }
  else
    {
      shumate_map_stop_go_to (shumate_simple_map_get_map (self->map));
      shumate_viewport_set_zoom_level (viewport, view.zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
    }
}

/* GObject -------------------------------------------------------------------- */

static void
atlas_scene_player_dispose (GObject *object)
{
  AtlasScenePlayer *self = (AtlasScenePlayer *)object;

  atlas_scene_player_stop (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->scene);
  g_clear_object (&self->zone_set);
  g_clear_object (&self->dataset);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (atlas_scene_player_parent_class)->dispose (object);
}

static void
atlas_scene_player_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasScenePlayer *self = ATLAS_SCENE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;

    case PROP_ANIMATING:
      g_value_set_boolean (value, self->animating);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_scene_player_class_init (AtlasScenePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_scene_player_dispose;
  object_class->get_property = atlas_scene_player_get_property;

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL,
                      G_MININT32, G_MAXINT32, ATLAS_DAY_MIN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ANIMATING] =
    g_param_spec_boolean ("animating", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasScenePlayer::settled:
   *
   * The date has come to rest: on the scene's date, or at the end of its
   * range.
   */
  signals[SETTLED] =
    g_signal_new ("settled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_scene_player_init (AtlasScenePlayer *self)
{
  self->cancellable = g_cancellable_new ();
  self->day = ATLAS_DAY_MIN;
}

/* Public ------------------------------------------------------------------- */

AtlasScenePlayer *
atlas_scene_player_new (ShumateSimpleMap          *map,
                        AtlasDataset              *dataset,
                        AtlasZoneSet              *zone_set,
                        AtlasScenePlayerFrameFunc  frame_func,
                        gpointer                   frame_data)
{
  AtlasScenePlayer *self;

  g_return_val_if_fail (SHUMATE_IS_SIMPLE_MAP (map), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_ZONE_SET (zone_set), NULL);
  g_return_val_if_fail (frame_func != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_SCENE_PLAYER, NULL);
  self->map = g_object_ref (map);
  self->dataset = g_object_ref (dataset);
  self->zone_set = g_object_ref (zone_set);
  self->frame_func = frame_func;
  self->frame_data = frame_data;
  return self;
}

void
atlas_scene_player_play (AtlasScenePlayer *self,
                         AtlasLessonScene *scene,
                         gboolean          animate)
{
  g_return_if_fail (ATLAS_IS_SCENE_PLAYER (self));
  g_return_if_fail (scene == NULL || ATLAS_IS_LESSON_SCENE (scene));

  if (self->stopped)
    return;

  /* Zones still computing for the scene before are not waited for. */
  self->generation++;
  g_set_object (&self->scene, scene);
  if (scene == NULL)
    return;

  fly_to_scene (self, animate, FALSE);
  run_date (self, animate);
}

void
atlas_scene_player_set_scene (AtlasScenePlayer *self,
                              AtlasLessonScene *scene)
{
  g_return_if_fail (ATLAS_IS_SCENE_PLAYER (self));
  g_return_if_fail (scene == NULL || ATLAS_IS_LESSON_SCENE (scene));

  g_set_object (&self->scene, scene);
}

void
atlas_scene_player_reframe (AtlasScenePlayer *self)
{
  g_return_if_fail (ATLAS_IS_SCENE_PLAYER (self));

  if (!self->stopped)
    fly_to_scene (self, FALSE, FALSE);
}

void
atlas_scene_player_stop (AtlasScenePlayer *self)
{
  g_return_if_fail (ATLAS_IS_SCENE_PLAYER (self));

  self->stopped = TRUE;
  if (self->map != NULL)
    remove_date_tick (self);
  g_cancellable_cancel (self->cancellable);
}

gint32
atlas_scene_player_get_day (AtlasScenePlayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SCENE_PLAYER (self), ATLAS_DAY_MIN);
  return self->day;
}

gboolean
atlas_scene_player_is_running (AtlasScenePlayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SCENE_PLAYER (self), FALSE);
  return self->date_tick_id != 0;
}

gboolean
atlas_scene_player_is_animating (AtlasScenePlayer *self)
{
  g_return_val_if_fail (ATLAS_IS_SCENE_PLAYER (self), FALSE);
  return self->animating;
}
