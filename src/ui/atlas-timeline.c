/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-date-input.h"
#include "atlas-timeline.h"
#include "atlas-timeline-scale.h"

/*
 * The timeline bar: one date drives everything else in the window. It has
 * the slider (AtlasTimelineScale), the date shown large and editable, play
 * and pause with a speed and a loop switch, steps to the previous and next
 * change of the dataset (any start or end) or event, and the choice of
 * which events show: a trailing window of days up to the date, or all of
 * them so far (window-days = 0).
 */

struct _AtlasTimeline
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkButton          *play_button;
  GtkEntry           *date_entry;
  GtkLabel           *error_label;
  GtkDropDown        *mode_dropdown;
  GtkDropDown        *speed_dropdown;
  GtkToggleButton    *loop_button;
  AtlasTimelineScale *scale;

  AtlasDataset       *dataset;
  gint32              date;
  guint               window_days;

  guint               tick_id;
  gint64              last_frame_time;
  double              pending_days;
};

G_DEFINE_FINAL_TYPE (AtlasTimeline, atlas_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DATE,
  PROP_WINDOW_DAYS,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The choices of the two drop-downs, in their order. */
static const guint window_choices[] = { 7, 30, 90, 365, 0 };
static const double speed_choices[] = { 1, 7, 30.44, 365.25 };

static void
update_entry (AtlasTimeline *self)
{
  g_autofree char *text = atlas_day_format (self->date);

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

static void
clear_error (AtlasTimeline *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (AtlasTimeline *self,
            const char    *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
get_range (AtlasTimeline *self,
           gint32        *first,
           gint32        *last)
{
  *first = atlas_timeline_scale_get_first_day (self->scale);
  *last = atlas_timeline_scale_get_last_day (self->scale);
}

static gboolean
playback_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  guint speed = gtk_drop_down_get_selected (self->speed_dropdown);
  gint32 first, last, step;

  if (self->last_frame_time != 0)
    self->pending_days += (now - self->last_frame_time) / (double) G_USEC_PER_SEC
                          * speed_choices[MIN (speed, G_N_ELEMENTS (speed_choices) - 1)];
  self->last_frame_time = now;

  step = (gint32) self->pending_days;
  if (step < 1)
    return G_SOURCE_CONTINUE;
  self->pending_days -= step;

  get_range (self, &first, &last);
  if (self->date + step > last)
    {
      if (gtk_toggle_button_get_active (self->loop_button))
        atlas_timeline_set_date (self, first);
      else
        {
          atlas_timeline_set_date (self, last);
          /* This removes the tick callback itself. */
          atlas_timeline_set_playing (self, FALSE);
        }
    }
  else
    atlas_timeline_set_date (self, self->date + step);

  return G_SOURCE_CONTINUE;
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);

  atlas_timeline_set_playing (self, self->tick_id == 0);
}

/* The start of the first event after (or the last before) the date. Events
 * are sorted by start day, so a binary search finds it. */
static gboolean
find_event_start (AtlasTimeline *self,
                  gboolean       forward,
                  gint32        *day)
{
  const AtlasFeatureArrays *events;
  guint lo = 0, hi;

  if (self->dataset == NULL)
    return FALSE;

  events = atlas_dataset_get_arrays (self->dataset, ATLAS_KIND_EVENT);
  hi = events->n_items;

  /* First index whose start is > date (forward) or >= date (backward). */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gboolean before = forward ? events->start_day[mid] <= self->date
                                : events->start_day[mid] < self->date;
      if (before)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (forward)
    {
      if (lo >= events->n_items)
        return FALSE;
      *day = events->start_day[lo];
    }
  else
    {
      if (lo == 0)
        return FALSE;
      *day = events->start_day[lo - 1];
    }

  return TRUE;
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimeline *self = ATLAS_TIMELINE (widget);
  gboolean forward = g_str_has_prefix (action_name, "timeline.next");
  gboolean found;
  gint32 day = self->date;

  if (self->dataset == NULL)
    return;

  if (g_str_has_suffix (action_name, "-change"))
    found = forward ? atlas_dataset_next_change (self->dataset, self->date, &day)
                    : atlas_dataset_previous_change (self->dataset, self->date, &day);
  else
    found = find_event_start (self, forward, &day);

  if (found)
    atlas_timeline_set_date (self, day);
  else
    gtk_widget_error_bell (widget);
}

static void
on_entry_activate (GtkEntry      *entry,
                   AtlasTimeline *self)
{
  atlas_timeline_enter_date (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_entry_focus_leave (GtkEventControllerFocus *controller,
                      AtlasTimeline           *self)
{
  /* Leaving the entry abandons what was typed: the date stays as it was. */
  update_entry (self);
}

static void
on_scale_date (AtlasTimeline *self)
{
  atlas_timeline_set_date (self, atlas_timeline_scale_get_date (self->scale));
}

static void
on_mode_selected (AtlasTimeline *self)
{
  guint selected = gtk_drop_down_get_selected (self->mode_dropdown);

  if (selected < G_N_ELEMENTS (window_choices))
    atlas_timeline_set_window_days (self, window_choices[selected]);
}

static void
update_range (AtlasTimeline *self)
{
  gint32 first, last;
  int y, m, d;

  if (self->dataset == NULL || !atlas_dataset_get_time_range (self->dataset, &first, &last))
    return;

  /* Whole years either side, so the ticks frame the story. */
  atlas_day_to_ymd (first, &y, &m, &d);
  first = atlas_day_from_ymd (y, 1, 1);
  atlas_day_to_ymd (last, &y, &m, &d);
  last = atlas_day_from_ymd (y, 12, 31);
  atlas_timeline_scale_set_range (self->scale, first, last);

  if (self->date < first || self->date > last)
    atlas_timeline_set_date (self, CLAMP (self->date, first, last));
}

static void
atlas_timeline_dispose (GObject *object)
{
  AtlasTimeline *self = (AtlasTimeline *)object;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;

  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TIMELINE);

  G_OBJECT_CLASS (atlas_timeline_parent_class)->dispose (object);
}

static void
atlas_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    case PROP_WINDOW_DAYS:
      g_value_set_uint (value, self->window_days);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->tick_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasTimeline *self = ATLAS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      atlas_timeline_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      atlas_timeline_set_date (self, g_value_get_int (value));
      break;
    case PROP_WINDOW_DAYS:
      atlas_timeline_set_window_days (self, g_value_get_uint (value));
      break;
    case PROP_PLAYING:
      atlas_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_class_init (AtlasTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_dispose;
  object_class->get_property = atlas_timeline_get_property;
  object_class->set_property = atlas_timeline_set_property;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 means every event up to the date. */
  properties [PROP_WINDOW_DAYS] =
    g_param_spec_uint ("window-days", NULL, NULL,
                       0, 3650, 30,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_TIMELINE_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, date_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, loop_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimeline, scale);

  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous-change", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "timeline.next-change", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous-event", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "timeline.next-event", NULL, step_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_timeline_init (AtlasTimeline *self)
{
  GtkEventController *focus;

  self->window_days = 30;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_selected (self->mode_dropdown, 1);
  gtk_drop_down_set_selected (self->speed_dropdown, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "timeline-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);

  g_signal_connect (self->date_entry, "activate", G_CALLBACK (on_entry_activate), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->date_entry), focus);

  g_signal_connect_swapped (self->scale, "notify::date", G_CALLBACK (on_scale_date), self);
  g_signal_connect_swapped (self->mode_dropdown, "notify::selected", G_CALLBACK (on_mode_selected), self);

  self->date = atlas_timeline_scale_get_date (self->scale);
  update_entry (self);
}

GtkWidget *
atlas_timeline_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE, NULL);
}

AtlasDataset *
atlas_timeline_get_dataset (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), NULL);
  return self->dataset;
}

void
atlas_timeline_set_dataset (AtlasTimeline *self,
                            AtlasDataset  *dataset)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  atlas_timeline_scale_set_dataset (self->scale, dataset);
  update_range (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

gint32
atlas_timeline_get_date (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);
  return self->date;
}

void
atlas_timeline_set_date (AtlasTimeline *self,
                         gint32         date)
{
  gint32 first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  get_range (self, &first, &last);
  date = CLAMP (date, first, last);
  if (self->date == date)
    return;

  self->date = date;
  atlas_timeline_scale_set_date (self->scale, date);
  update_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

/**
 * atlas_timeline_enter_date:
 *
 * Moves to a date typed by the user. Text that is not a date leaves the
 * date as it was and shows why next to the entry.
 *
 * Returns: whether the text was a date
 */
gboolean
atlas_timeline_enter_date (AtlasTimeline *self,
                           const char    *text)
{
  g_autofree char *message = NULL;
  gint32 day, first, last;

  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!atlas_date_input_parse (text, &day, &message))
    {
      show_error (self, message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  get_range (self, &first, &last);
  if (day < first || day > last)
    {
      g_autofree char *from = atlas_day_format (first);
      g_autofree char *to = atlas_day_format (last);
      g_autofree char *outside = g_strdup_printf (_("The timeline runs from %s to %s"), from, to);

      show_error (self, outside);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  clear_error (self);
  atlas_timeline_set_date (self, day);
  update_entry (self);
  return TRUE;
}

guint
atlas_timeline_get_window_days (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), 0);
  return self->window_days;
}

void
atlas_timeline_set_window_days (AtlasTimeline *self,
                                guint          window_days)
{
  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (self->window_days == window_days)
    return;

  self->window_days = window_days;

  /* Keep the drop-down on a matching choice; other values have none. */
  for (guint i = 0; i < G_N_ELEMENTS (window_choices); i++)
    if (window_choices[i] == window_days)
      gtk_drop_down_set_selected (self->mode_dropdown, i);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WINDOW_DAYS]);
}

gboolean
atlas_timeline_get_playing (AtlasTimeline *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE (self), FALSE);
  return self->tick_id != 0;
}

void
atlas_timeline_set_playing (AtlasTimeline *self,
                            gboolean       playing)
{
  gint32 first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE (self));

  if (playing == (self->tick_id != 0))
    return;

  if (playing)
    {
      /* Playing from the end starts again from the beginning. */
      get_range (self, &first, &last);
      if (self->date >= last)
        atlas_timeline_set_date (self, first);

      self->last_frame_time = 0;
      self->pending_days = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), playback_tick, NULL, NULL);
      gtk_button_set_icon_name (self->play_button, "media-playback-pause-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), _("Pause (Ctrl+Space)"));
    }
  else
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
      gtk_button_set_icon_name (self->play_button, "media-playback-start-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), _("Play (Ctrl+Space)"));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAYING]);
}
