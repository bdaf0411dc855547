/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-date.h"

G_BEGIN_DECLS

/*
 * AtlasLessonScene: one step of a lesson (docs/data-format.md, "Lessons"):
 * a date, or a range of dates to play through; how to frame the map
 * (a centre and zoom, or "fit these features"); which layers and zones
 * are shown and which features are highlighted; a title, a caption and
 * the sources the caption rests on.
 *
 * Scenes are edited in place; every change emits "changed" (and the
 * property's notify where there is one), which the lesson holding the
 * scene passes on.
 */

/* The layers a scene shows. */
typedef enum /*< flags >*/
{
  ATLAS_LESSON_LAYER_ZONES       = 1 << 0,
  ATLAS_LESSON_LAYER_DEPLOYMENTS = 1 << 1,
  ATLAS_LESSON_LAYER_EVENTS      = 1 << 2,
  ATLAS_LESSON_LAYER_LABELS      = 1 << 3,
} AtlasLessonLayers;

#define ATLAS_LESSON_LAYERS_ALL (ATLAS_LESSON_LAYER_ZONES | ATLAS_LESSON_LAYER_DEPLOYMENTS | \
                                 ATLAS_LESSON_LAYER_EVENTS | ATLAS_LESSON_LAYER_LABELS)

typedef enum
{
  ATLAS_LESSON_VIEW_CENTER,    /* a centre and a zoom */
  ATLAS_LESSON_VIEW_FIT,       /* whatever frames the listed features */
} AtlasLessonViewMode;

/* The screen a scene's zoom is meant for: other sizes show the same area
 * (see atlas_lesson_scene_frame_view() in the painter). */
#define ATLAS_LESSON_REFERENCE_WIDTH  1920.0
#define ATLAS_LESSON_REFERENCE_HEIGHT 1080.0

/* Ranges of the format (docs/data-format.md). */
#define ATLAS_LESSON_MIN_ZOOM          1.0
#define ATLAS_LESSON_MAX_ZOOM          18.0
#define ATLAS_LESSON_MIN_PLAY_SECONDS  1
#define ATLAS_LESSON_MAX_PLAY_SECONDS  600
#define ATLAS_LESSON_DEFAULT_PLAY_SECONDS 8

/*
 * AtlasLessonSource: a source of a scene's caption, as in the dataset
 * format: @url is NULL for print sources, @date unset when not known.
 */
typedef struct
{
  char      *title;
  char      *publisher;
  char      *url;
  AtlasDate  date;
} AtlasLessonSource;

#define ATLAS_TYPE_LESSON_SOURCE (atlas_lesson_source_get_type ())
#define ATLAS_TYPE_LESSON_SCENE (atlas_lesson_scene_get_type ())

GType              atlas_lesson_source_get_type (void) G_GNUC_CONST;
AtlasLessonSource *atlas_lesson_source_new      (const char              *title,
                                                 const char              *publisher,
                                                 const AtlasDate         *date,
                                                 const char              *url);
AtlasLessonSource *atlas_lesson_source_copy     (const AtlasLessonSource *source);
void               atlas_lesson_source_free     (AtlasLessonSource       *source);
/* For display: "Publisher, “Title” (12 June 1999), URL". */
char              *atlas_lesson_source_format   (const AtlasLessonSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLessonSource, atlas_lesson_source_free)

G_DECLARE_FINAL_TYPE (AtlasLessonScene, atlas_lesson_scene, ATLAS, LESSON_SCENE, GObject)

AtlasLessonScene         *atlas_lesson_scene_new              (void);
AtlasLessonScene         *atlas_lesson_scene_copy             (AtlasLessonScene        *self);

const char               *atlas_lesson_scene_get_title        (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_title        (AtlasLessonScene        *self,
                                                               const char              *title);
const char               *atlas_lesson_scene_get_caption      (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_caption      (AtlasLessonScene        *self,
                                                               const char              *caption);
/* The title and caption to show (see atlas_lesson_get_display_title()). */
const char               *atlas_lesson_scene_get_display_title   (AtlasLessonScene     *self);
const char               *atlas_lesson_scene_get_display_caption (AtlasLessonScene     *self);

/* The date the scene shows (its first day), and optionally the date up to
 * which it plays, over play-seconds; unset when the scene stands still. */
const AtlasDate          *atlas_lesson_scene_get_date         (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_date         (AtlasLessonScene        *self,
                                                               const AtlasDate         *date);
const AtlasDate          *atlas_lesson_scene_get_until        (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_until        (AtlasLessonScene        *self,
                                                               const AtlasDate         *until);
guint                     atlas_lesson_scene_get_play_seconds (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_play_seconds (AtlasLessonScene        *self,
                                                               guint                    seconds);
/* Day numbers: the first day shown, and the last (the first day of
 * "until", or the first day again for a scene that stands still). */
gint32                    atlas_lesson_scene_get_first_day    (AtlasLessonScene        *self);
gint32                    atlas_lesson_scene_get_last_day     (AtlasLessonScene        *self);
gboolean                  atlas_lesson_scene_is_range         (AtlasLessonScene        *self);
/* For display: "12 June 1999", or "12 June 1999 – 20 June 1999". */
char                     *atlas_lesson_scene_format_dates     (AtlasLessonScene        *self);

AtlasLessonViewMode       atlas_lesson_scene_get_view_mode    (AtlasLessonScene        *self);
/* Centre and zoom (for ATLAS_LESSON_VIEW_CENTER; otherwise zeros). */
void                      atlas_lesson_scene_get_center       (AtlasLessonScene        *self,
                                                               double                  *lat,
                                                               double                  *lon,
                                                               double                  *zoom);
void                      atlas_lesson_scene_set_center       (AtlasLessonScene        *self,
                                                               double                   lat,
                                                               double                   lon,
                                                               double                   zoom);
/* The centre and zoom of a map @width × @height logical pixels large,
 * kept as the zoom that shows the same area on the reference screen, so
 * that the scene shows at least what that map showed on any screen. */
void                      atlas_lesson_scene_set_center_for_size (AtlasLessonScene     *self,
                                                               double                   lat,
                                                               double                   lon,
                                                               double                   zoom,
                                                               double                   width,
                                                               double                   height);
/* The ids to fit (for ATLAS_LESSON_VIEW_FIT; otherwise NULL). */
const char * const       *atlas_lesson_scene_get_fit          (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_fit          (AtlasLessonScene        *self,
                                                               const char * const      *ids);

AtlasLessonLayers         atlas_lesson_scene_get_layers       (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_layers       (AtlasLessonScene        *self,
                                                               AtlasLessonLayers        layers);
/* The zones shown: NULL for every zone in force, else only those. */
const char * const       *atlas_lesson_scene_get_zones        (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_zones        (AtlasLessonScene        *self,
                                                               const char * const      *ids);
gboolean                  atlas_lesson_scene_shows_zone       (AtlasLessonScene        *self,
                                                               const char              *zone_id);
/* The features highlighted; never NULL (empty when none). */
const char * const       *atlas_lesson_scene_get_highlights   (AtlasLessonScene        *self);
void                      atlas_lesson_scene_set_highlights   (AtlasLessonScene        *self,
                                                               const char * const      *ids);

guint                     atlas_lesson_scene_get_n_sources    (AtlasLessonScene        *self);
const AtlasLessonSource  *atlas_lesson_scene_get_source       (AtlasLessonScene        *self,
                                                               guint                    index);
void                      atlas_lesson_scene_add_source       (AtlasLessonScene        *self,
                                                               const AtlasLessonSource *source);
void                      atlas_lesson_scene_clear_sources    (AtlasLessonScene        *self);

/* "zones" ↔ ATLAS_LESSON_LAYER_ZONES and so on; FALSE for an unknown name. */
const char               *atlas_lesson_layer_to_string        (AtlasLessonLayers        layer);
gboolean                  atlas_lesson_layer_from_string      (const char              *name,
                                                               AtlasLessonLayers       *layer);

G_END_DECLS
