/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "atlas-dataset.h"
#include "atlas-painter.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * Events on the map, in two steps:
 *
 *  1. atlas_event_set_new() decides *which* events to show for a date and
 *     a time window. It only asks the dataset's time index, so it is the
 *     cheap step that runs while the timeline is scrubbed.
 *  2. atlas_painter_draw_events() decides *how* to show them in a view:
 *     single points when few are visible, otherwise a grid of aggregate
 *     symbols (circles sized by the number of events, with the count).
 *
 * An AtlasEventSet is immutable, so both steps (and
 * atlas_event_set_pick()) may run in any thread.
 */

/**
 * AtlasEventWindowMode:
 * @ATLAS_EVENT_WINDOW_TRAILING: the events that took place (at least in
 *   part) in the last N days up to and including the date
 * @ATLAS_EVENT_WINDOW_CUMULATIVE: every event that started on or before
 *   the date
 */
typedef enum
{
  ATLAS_EVENT_WINDOW_TRAILING,
  ATLAS_EVENT_WINDOW_CUMULATIVE,
} AtlasEventWindowMode;

#define ATLAS_TYPE_EVENT_WINDOW_MODE (atlas_event_window_mode_get_type ())
GType atlas_event_window_mode_get_type (void) G_GNUC_CONST;

/* More events than this in the view are drawn aggregated. */
#define ATLAS_EVENTS_AGGREGATE_THRESHOLD 1500

/* "No selected event". */
#define ATLAS_EVENT_NONE G_MAXUINT

/**
 * AtlasEventDrawInfo:
 * @n_visible: events of the set inside the view
 * @n_points: symbols drawn for a single event
 * @n_clusters: symbols drawn for several events
 * @aggregated: whether the view was aggregated
 *
 * What atlas_painter_draw_events() drew.
 */
typedef struct
{
  guint    n_visible;
  guint    n_points;
  guint    n_clusters;
  gboolean aggregated;
} AtlasEventDrawInfo;

typedef struct _AtlasEventSet AtlasEventSet;

#define ATLAS_TYPE_EVENT_SET (atlas_event_set_get_type ())

GType          atlas_event_set_get_type           (void) G_GNUC_CONST;
AtlasEventSet *atlas_event_set_new                (AtlasDataset         *dataset,
                                                   gint32                day,
                                                   AtlasEventWindowMode  mode,
                                                   guint                 window_days);
AtlasEventSet *atlas_event_set_ref                (AtlasEventSet        *set);
void           atlas_event_set_unref              (AtlasEventSet        *set);

AtlasDataset  *atlas_event_set_get_dataset        (AtlasEventSet        *set);
gint32         atlas_event_set_get_day            (AtlasEventSet        *set);
AtlasEventWindowMode
               atlas_event_set_get_mode           (AtlasEventSet        *set);
void           atlas_event_set_get_window         (AtlasEventSet        *set,
                                                   gint32               *from,
                                                   gint32               *to);
const guint   *atlas_event_set_get_positions      (AtlasEventSet        *set,
                                                   guint                *n_positions);
guint          atlas_event_set_get_n_unlocated    (AtlasEventSet        *set);
gboolean       atlas_event_set_contains           (AtlasEventSet        *set,
                                                   guint                 position);
double         atlas_event_set_get_fade           (AtlasEventSet        *set,
                                                   guint                 position);

void           atlas_painter_draw_events          (AtlasPainter         *painter,
                                                   cairo_t              *cr,
                                                   const AtlasView      *view,
                                                   AtlasEventSet        *set,
                                                   guint                 selected,
                                                   AtlasEventDrawInfo   *info);
gboolean       atlas_event_set_pick               (AtlasEventSet        *set,
                                                   const AtlasView      *view,
                                                   double                x,
                                                   double                y,
                                                   guint                *position);
void           atlas_painter_get_event_color      (AtlasPainter         *painter,
                                                   const char           *category,
                                                   AtlasRgba            *color);
char         **atlas_event_set_get_categories     (AtlasEventSet        *set,
                                                   const AtlasView      *view);
const char    *atlas_painter_get_event_category_label (const char     *category);
char          *atlas_painter_format_event_count       (guint           count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasEventSet, atlas_event_set_unref)

G_END_DECLS
