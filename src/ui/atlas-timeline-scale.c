/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-timeline-scale"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-date.h"
#include "atlas-timeline-scale.h"

/*
 * The slider of the timeline: the dataset's time span with year and month
 * ticks, a strip showing how many events fall in each month, marks for the
 * events when there are few enough to tell apart, and the current date as
 * a cursor. Click or drag to move the date; the keyboard moves it by a day
 * (Left/Right), a month (Up/Down, Page keys are the window's) or to either
 * end (Home/End). It is a slider to assistive technologies.
 */

struct _AtlasTimelineScale
{
  GtkWidget     parent_instance;

  AtlasDataset *dataset;
  gint32        first_day;
  gint32        last_day;
  gint32        date;

  /* Events per month from first_day's month on. */
  guint        *density;
  guint         n_months;
  guint         max_density;
  int           first_year;
  int           first_month;
};

G_DEFINE_FINAL_TYPE (AtlasTimelineScale, atlas_timeline_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define PAD_X        14.0
#define DENSITY_TOP   4.0
#define DENSITY_H    20.0
#define TRACK_Y      30.0
#define LABEL_Y      40.0
#define MAX_MARKS   400

static double
day_to_x (AtlasTimelineScale *self,
          gint32              day)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD_X;
  double span = MAX (1, self->last_day - self->first_day);

  return PAD_X + (day - (double) self->first_day) / span * width;
}

static gint32
x_to_day (AtlasTimelineScale *self,
          double              x)
{
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD_X);
  double t = CLAMP ((x - PAD_X) / width, 0, 1);

  return self->first_day + (gint32) round (t * (self->last_day - self->first_day));
}

static void
update_accessible (AtlasTimelineScale *self)
{
  g_autofree char *text = atlas_day_format (self->date);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->first_day,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->last_day,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->date,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
rebuild_density (AtlasTimelineScale *self)
{
  const AtlasFeatureArrays *events;
  int last_year, last_month, dummy;

  g_clear_pointer (&self->density, g_free);
  self->n_months = 0;
  self->max_density = 0;

  if (self->dataset == NULL || self->last_day <= self->first_day)
    return;

  atlas_day_to_ymd (self->first_day, &self->first_year, &self->first_month, &dummy);
  atlas_day_to_ymd (self->last_day, &last_year, &last_month, &dummy);
  self->n_months = (last_year - self->first_year) * 12 + (last_month - self->first_month) + 1;
  self->density = g_new0 (guint, self->n_months);

  events = atlas_dataset_get_arrays (self->dataset, ATLAS_KIND_EVENT);
  for (guint i = 0; i < events->n_items; i++)
    {
      int y, m, d;
      int bin;

      if (events->start_day[i] < self->first_day || events->start_day[i] > self->last_day)
        continue;
      atlas_day_to_ymd (events->start_day[i], &y, &m, &d);
      bin = (y - self->first_year) * 12 + (m - self->first_month);
      if (bin >= 0 && bin < (int) self->n_months)
        self->max_density = MAX (self->max_density, ++self->density[bin]);
    }
}

static void
set_date_from_user (AtlasTimelineScale *self,
                    gint32              date)
{
  atlas_timeline_scale_set_date (self, CLAMP (date, self->first_day, self->last_day));
}

static gint32
add_months (gint32 day,
            int    months)
{
  int y, m, d;
  int index;

  atlas_day_to_ymd (day, &y, &m, &d);
  index = y * 12 + (m - 1) + months;
  y = index / 12;
  m = index % 12 + 1;
  d = MIN (d, (int) atlas_days_in_month (y, m));
  return atlas_day_from_ymd (y, m, d);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimelineScale *self = ATLAS_TIMELINE_SCALE (widget);
  int days, months;

  g_variant_get (parameter, "(ii)", &days, &months);
  set_date_from_user (self, add_months (self->date + days, months));
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimelineScale *self = ATLAS_TIMELINE_SCALE (widget);

  set_date_from_user (self, g_str_equal (action_name, "scale.home") ? self->first_day : self->last_day);
}

static void
on_drag_begin (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               AtlasTimelineScale *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_date_from_user (self, x_to_day (self, x));
}

static void
on_drag_update (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                AtlasTimelineScale *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  set_date_from_user (self, x_to_day (self, x + dx));
}

static void
append_text (GtkSnapshot *snapshot,
             PangoLayout *layout,
             const char  *text,
             double       x,
             double       y,
             const GdkRGBA *color)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - w / 2.0), y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
atlas_timeline_scale_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasTimelineScale *self = (AtlasTimelineScale *)widget;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg, dim, faint, accent = { 0.208, 0.518, 0.894, 1.0 };
  g_autoptr(PangoLayout) layout = NULL;
  int first_year, last_year, dummy;
  double px_per_year, cursor_x;
  gboolean dark;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha = 0.55;
  faint = fg;
  faint.alpha = 0.18;
  dark = (fg.red + fg.green + fg.blue) > 1.5;
  if (dark)
    accent = (GdkRGBA) { 0.470, 0.682, 0.929, 1.0 };

  if (self->last_day <= self->first_day || width <= 2 * PAD_X)
    return;

  /* Events per month: the strip shows where the story is dense. */
  if (self->n_months > 0 && self->max_density > 0)
    {
      double mw = (width - 2 * PAD_X) / MAX (1.0, (self->last_day - self->first_day) / 30.44);
      GdkRGBA bar = accent;

      bar.alpha = 0.45;
      for (guint i = 0; i < self->n_months; i++)
        {
          int index = (self->first_year * 12 + self->first_month - 1) + i;
          gint32 day = atlas_day_from_ymd (index / 12, index % 12 + 1, 1);
          double h;

          if (self->density[i] == 0)
            continue;
          /* A square root keeps single events visible next to busy months. */
          h = MAX (2.0, DENSITY_H * sqrt ((double) self->density[i] / self->max_density));
          gtk_snapshot_append_color (snapshot, &bar,
                                     &GRAPHENE_RECT_INIT (MAX (PAD_X, day_to_x (self, day)),
                                                          DENSITY_TOP + DENSITY_H - h,
                                                          MAX (1.5, mw - 0.5), h));
        }
    }

  /* The track. */
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (PAD_X, TRACK_Y - 1, width - 2 * PAD_X, 2));

  /* Year ticks with labels, month ticks when there is room. */
  layout = gtk_widget_create_pango_layout (widget, NULL);
  atlas_day_to_ymd (self->first_day, &first_year, &dummy, &dummy);
  atlas_day_to_ymd (self->last_day, &last_year, &dummy, &dummy);
  px_per_year = (width - 2 * PAD_X) / MAX (1.0, (self->last_day - self->first_day) / 365.25);

  for (int year = first_year; year <= last_year + 1; year++)
    {
      gint32 day = atlas_day_from_ymd (year, 1, 1);
      double x = day_to_x (self, day);
      int step = px_per_year >= 40 ? 1 : px_per_year >= 18 ? 2 : 5;

      if (px_per_year >= 60)
        for (int month = 2; month <= 12; month++)
          {
            double mx = day_to_x (self, atlas_day_from_ymd (year, month, 1));
            if (mx >= PAD_X && mx <= width - PAD_X)
              gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (mx - 0.5, TRACK_Y - 3, 1, 6));
          }

      if (x < PAD_X - 0.5 || x > width - PAD_X + 0.5)
        continue;

      gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (x - 0.5, TRACK_Y - 6, 1, 12));
      if (year % step == 0)
        {
          char text[8];
          g_snprintf (text, sizeof text, "%d", year);
          append_text (snapshot, layout, text, x, LABEL_Y, &dim);
        }
    }

  /* Marks for the events, while they can be told apart. */
  if (self->dataset != NULL)
    {
      const AtlasFeatureArrays *events = atlas_dataset_get_arrays (self->dataset, ATLAS_KIND_EVENT);

      if (events->n_items <= MAX_MARKS)
        for (guint i = 0; i < events->n_items; i++)
          {
            double x = day_to_x (self, events->start_day[i]);
            if (x >= PAD_X - 1 && x <= width - PAD_X + 1)
              gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (x - 1, TRACK_Y - 10, 2, 5));
          }
    }

  /* The cursor: a line across everything and a handle on the track. */
  cursor_x = day_to_x (self, self->date);
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (cursor_x - 1, 0, 2, height));
  {
    GskRoundedRect handle;
    float r = gtk_widget_has_visible_focus (widget) ? 9 : 7;

    gsk_rounded_rect_init_from_rect (&handle, &GRAPHENE_RECT_INIT (cursor_x - r, TRACK_Y - r, 2 * r, 2 * r), r);
    gtk_snapshot_push_rounded_clip (snapshot, &handle);
    gtk_snapshot_append_color (snapshot, &accent, &handle.bounds);
    gtk_snapshot_pop (snapshot);
    if (gtk_widget_has_visible_focus (widget))
      {
        GdkRGBA ring[4] = { fg, fg, fg, fg };
        float widths[4] = { 2, 2, 2, 2 };
        gtk_snapshot_append_border (snapshot, &handle, widths, ring);
      }
  }
}

static void
atlas_timeline_scale_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      *minimum = *natural = 62;
    }
}

static void
atlas_timeline_scale_dispose (GObject *object)
{
  AtlasTimelineScale *self = (AtlasTimelineScale *)object;

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_timeline_scale_parent_class)->dispose (object);
}

static void
atlas_timeline_scale_finalize (GObject *object)
{
  AtlasTimelineScale *self = (AtlasTimelineScale *)object;

  g_free (self->density);

  G_OBJECT_CLASS (atlas_timeline_scale_parent_class)->finalize (object);
}

static void
atlas_timeline_scale_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasTimelineScale *self = ATLAS_TIMELINE_SCALE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_scale_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasTimelineScale *self = ATLAS_TIMELINE_SCALE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      atlas_timeline_scale_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      atlas_timeline_scale_set_date (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_scale_class_init (AtlasTimelineScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_scale_dispose;
  object_class->finalize = atlas_timeline_scale_finalize;
  object_class->get_property = atlas_timeline_scale_get_property;
  object_class->set_property = atlas_timeline_scale_set_property;

  widget_class->snapshot = atlas_timeline_scale_snapshot;
  widget_class->measure = atlas_timeline_scale_measure;

  properties [PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "scale.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "scale.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "scale.end", NULL, home_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "scale.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "scale.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "scale.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "scale.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "scale.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "scale.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "scale.move", "(ii)", 0, -12);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "scale.move", "(ii)", 0, 12);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "scale.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "scale.end", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_widget_class_set_css_name (widget_class, "atlas-timeline-scale");
}

static void
atlas_timeline_scale_init (AtlasTimelineScale *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  self->first_day = atlas_day_from_ymd (1999, 1, 1);
  self->last_day = atlas_day_from_ymd (2011, 1, 1);
  self->date = self->first_day;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Left and Right move a day, Up and Down a month, Home and End to either end"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
atlas_timeline_scale_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE_SCALE, NULL);
}

AtlasDataset *
atlas_timeline_scale_get_dataset (AtlasTimelineScale *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_SCALE (self), NULL);
  return self->dataset;
}

void
atlas_timeline_scale_set_dataset (AtlasTimelineScale *self,
                                  AtlasDataset       *dataset)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_SCALE (self));
  g_return_if_fail (!dataset || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  rebuild_density (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATASET]);
}

gint32
atlas_timeline_scale_get_date (AtlasTimelineScale *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_SCALE (self), 0);
  return self->date;
}

void
atlas_timeline_scale_set_date (AtlasTimelineScale *self,
                               gint32              date)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_SCALE (self));

  if (self->date == date)
    return;

  self->date = date;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

/**
 * atlas_timeline_scale_set_range:
 *
 * The span the slider covers: @first_day at its left end, @last_day at its
 * right end, both included.
 */
void
atlas_timeline_scale_set_range (AtlasTimelineScale *self,
                                gint32              first_day,
                                gint32              last_day)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_SCALE (self));
  g_return_if_fail (first_day < last_day);

  if (self->first_day == first_day && self->last_day == last_day)
    return;

  self->first_day = first_day;
  self->last_day = last_day;
  rebuild_density (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint32
atlas_timeline_scale_get_first_day (AtlasTimelineScale *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_SCALE (self), 0);
  return self->first_day;
}

gint32
atlas_timeline_scale_get_last_day (AtlasTimelineScale *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_SCALE (self), 0);
  return self->last_day;
}
