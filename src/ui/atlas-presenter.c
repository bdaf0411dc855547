/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-presenter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-label-layer.h"
#include "atlas-painter.h"
#include "atlas-presenter.h"
#include "atlas-scene-canvas.h"
#include "atlas-scene-player.h"
#include "atlas-snapshot.h"
#include "atlas-snapshot-legend.h"
#include "atlas-tile-source.h"

/*
 * The map is a ShumateSimpleMap with the offline tiles; everything dated
 * (zones, deployments, events, highlights) and the place names are drawn
 * above it by an AtlasSceneCanvas, as on the handout. Getting to a scene
 * (the flight, the date running) is the AtlasScenePlayer's. The presenter
 * lays out the cards over the map and keeps the scene framed in the part
 * they leave free.
 */

/* The legend is drawn larger than on paper, for the back of the room. */
#define LEGEND_SCALE 1.75
/* Room between the cards and the framed subject, and at the edges. */
#define FRAME_GAP 24.0
#define FRAME_EDGE 32.0
/* The share of the width kept for the legend, on the right. */
#define LEGEND_COLUMN 0.2

struct _AtlasPresenter
{
  AdwWindow        parent_instance;

  /* Template widgets */
  ShumateSimpleMap *map;
  AtlasSceneCanvas *canvas;
  GtkLabel         *date_label;
  GtkLabel         *counter_label;
  GtkDrawingArea   *legend_area;
  GtkWidget        *card;
  GtkLabel         *title_label;
  GtkLabel         *caption_label;
  GtkLabel         *sources_label;

  AtlasBasemap     *basemap;
  AtlasDataset     *dataset;
  AtlasLesson      *lesson;
  AtlasPainter     *painter;
  AtlasZoneSet     *zone_set;
  AtlasScenePlayer *player;

  guint             index;
  gboolean          shown;           /* the first scene is on screen */
  guint             start_tick_id;

  gint32            day;             /* the player's */
  AtlasLegend      *legend;
  double            legend_width;    /* unscaled */
  double            legend_height;
  guint             legend_timeout_id;
};

G_DEFINE_FINAL_TYPE (AtlasPresenter, atlas_presenter, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BASEMAP,
  PROP_DATASET,
  PROP_LESSON,
  PROP_SCENE_INDEX,
  PROP_DAY,
  PROP_ANIMATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AtlasLessonScene *
current_scene (AtlasPresenter *self)
{
  if (self->index >= atlas_lesson_get_n_scenes (self->lesson))
    return NULL;
  return atlas_lesson_get_scene (self->lesson, self->index);
}

/* The legend --------------------------------------------------------------- */

static void
get_view (AtlasPresenter *self,
          AtlasView      *view)
{
  atlas_map_get_view (shumate_simple_map_get_viewport (self->map),
                      MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 1),
                      MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 1), view);
}

static gboolean
update_legend (gpointer user_data)
{
  AtlasPresenter *self = user_data;
  GPtrArray *overlays = atlas_scene_canvas_get_overlays (self->canvas);
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  cairo_surface_t *scratch;
  double frame[4], max_height;
  AtlasView view;
  cairo_t *cr;

  self->legend_timeout_id = 0;
  g_clear_pointer (&self->legend, atlas_legend_free);
  if (overlays == NULL)
    return G_SOURCE_REMOVE;

  /* The legend of the picture the handout would draw of this view. */
  get_view (self, &view);
  snapshot = atlas_snapshot_new (self->painter, &view);
  atlas_snapshot_set_day (snapshot, self->day);
  for (guint i = 0; i < overlays->len; i++)
    atlas_snapshot_add_overlay (snapshot, g_ptr_array_index (overlays, i));
  self->legend = atlas_snapshot_collect_legend (snapshot, ATLAS_SNAPSHOT_TARGET_RASTER);

  atlas_presenter_get_frame (self, frame);
  max_height = MAX (frame[1] + frame[3] - gtk_widget_get_margin_top (GTK_WIDGET (self->legend_area)), 80);
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  atlas_legend_measure (self->legend, cr, max_height / LEGEND_SCALE, &self->legend_width, &self->legend_height);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  gtk_drawing_area_set_content_width (self->legend_area, ceil (self->legend_width * LEGEND_SCALE));
  gtk_drawing_area_set_content_height (self->legend_area, ceil (self->legend_height * LEGEND_SCALE));
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));

  return G_SOURCE_REMOVE;
}

/* The legend follows the view, but not every frame of a flight. */
static void
schedule_legend_update (AtlasPresenter *self)
{
  if (self->lesson == NULL)
    return;

  g_clear_handle_id (&self->legend_timeout_id, g_source_remove);
  self->legend_timeout_id = g_timeout_add (150, update_legend, self);
}

static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  AtlasPresenter *self = user_data;

  if (self->legend == NULL || self->legend_height <= 0)
    return;

  cairo_scale (cr, LEGEND_SCALE, LEGEND_SCALE);
  atlas_legend_draw (self->legend, cr, self->painter, 0, 0, height / LEGEND_SCALE);
}

/* The date ------------------------------------------------------------------ */

static void
update_date_label (AtlasPresenter *self)
{
  AtlasLessonScene *scene = current_scene (self);
  g_autofree char *text = NULL;

  /* At rest on a scene's own date, the date as the lesson gives it
   * ("May 1999"); while running, the day. */
  if (scene != NULL && !atlas_scene_player_is_running (self->player) && !atlas_lesson_scene_is_range (scene) &&
      self->day == atlas_lesson_scene_get_first_day (scene))
    text = atlas_date_format (atlas_lesson_scene_get_date (scene));
  else
    text = atlas_day_format (self->day);

  gtk_label_set_text (self->date_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), *text != '\0');
}

static void
on_day_changed (AtlasPresenter *self)
{
  self->day = atlas_scene_player_get_day (self->player);
  atlas_scene_canvas_show (self->canvas, current_scene (self), self->day);
  update_date_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

static void
on_animating_changed (AtlasPresenter *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
}

static void
get_player_frame (gpointer user_data,
                  double   frame[4])
{
  atlas_presenter_get_frame (user_data, frame);
}

/* Scenes ------------------------------------------------------------------- */

static void
update_texts (AtlasPresenter *self)
{
  AtlasLessonScene *scene = current_scene (self);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *counter = NULL;
  guint n_scenes = atlas_lesson_get_n_scenes (self->lesson);

  /* Translators: the scene counter of presenter mode, e.g. "3 / 14" */
  counter = g_strdup_printf (C_("scene counter", "%u / %u"), MIN (self->index + 1, n_scenes), n_scenes);
  gtk_label_set_text (self->counter_label, counter);

  if (scene == NULL)
    {
      gtk_label_set_text (self->title_label, atlas_lesson_get_display_title (self->lesson));
      gtk_label_set_text (self->caption_label, _("This lesson has no scenes yet."));
      gtk_label_set_text (self->sources_label, "");
      return;
    }

  for (guint i = 0; i < atlas_lesson_scene_get_n_sources (scene); i++)
    {
      const AtlasLessonSource *source = atlas_lesson_scene_get_source (scene, i);
      /* Translators: the title of a source, quoted in the presenter's
       * footer; use your language's quotation marks, e.g. „%s“ or «%s» */
      g_autofree char *quoted = g_strdup_printf (C_("quotation", "“%s”"), source->title);

      /* Publisher and title only: addresses are for the handout. */
      g_string_append_printf (sources, "%s%s, %s", i == 0 ? _("Sources: ") : "; ", source->publisher, quoted);
    }
  g_string_append_printf (sources, "%s%s", sources->len > 0 ? " · " : "", atlas_painter_get_attribution ());

  gtk_label_set_text (self->title_label, atlas_lesson_scene_get_display_title (scene));
  gtk_label_set_text (self->caption_label, atlas_lesson_scene_get_display_caption (scene));
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), *atlas_lesson_scene_get_display_caption (scene) != '\0');
  gtk_label_set_text (self->sources_label, sources->str);
}

static void
show_scene (AtlasPresenter *self,
            gboolean        animate)
{
  AtlasLessonScene *scene = current_scene (self);

  update_texts (self);
  atlas_scene_player_play (self->player, scene, animate);
  if (scene != NULL)
    atlas_scene_canvas_show (self->canvas, scene, self->day);
}

/* The first scene waits for the map to have its size. */
static gboolean
start_when_allocated (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  AtlasPresenter *self = user_data;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;

  self->start_tick_id = 0;
  self->shown = TRUE;
  show_scene (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
atlas_presenter_set_scene_index (AtlasPresenter *self,
                                 guint           index)
{
  g_return_if_fail (ATLAS_IS_PRESENTER (self));

  index = MIN (index, MAX (atlas_lesson_get_n_scenes (self->lesson), 1) - 1);
  if (self->index == index)
    return;

  self->index = index;
  if (self->shown)
    show_scene (self, TRUE);
  else
    update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE_INDEX]);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasPresenter *self = ATLAS_PRESENTER (widget);
  guint n_scenes = atlas_lesson_get_n_scenes (self->lesson);

  if (n_scenes == 0)
    return;

  if (g_str_equal (action_name, "presenter.next"))
    atlas_presenter_set_scene_index (self, MIN (self->index + 1, n_scenes - 1));
  else if (g_str_equal (action_name, "presenter.previous"))
    atlas_presenter_set_scene_index (self, self->index > 0 ? self->index - 1 : 0);
  else if (g_str_equal (action_name, "presenter.first"))
    atlas_presenter_set_scene_index (self, 0);
  else if (g_str_equal (action_name, "presenter.last"))
    atlas_presenter_set_scene_index (self, n_scenes - 1);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
  gtk_window_close (GTK_WINDOW (widget));
}

/* A clicker's keys must work whatever has the focus: they are caught on
 * the way down, before any child sees them. */
static void
add_key_shortcuts (AtlasPresenter *self)
{
  static const struct { guint keyval; const char *action; } keys[] = {
    { GDK_KEY_Right, "presenter.next" },
    { GDK_KEY_Page_Down, "presenter.next" },
    { GDK_KEY_space, "presenter.next" },
    { GDK_KEY_Down, "presenter.next" },
    { GDK_KEY_Left, "presenter.previous" },
    { GDK_KEY_Page_Up, "presenter.previous" },
    { GDK_KEY_BackSpace, "presenter.previous" },
    { GDK_KEY_Up, "presenter.previous" },
    { GDK_KEY_Home, "presenter.first" },
    { GDK_KEY_End, "presenter.last" },
    { GDK_KEY_Escape, "presenter.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
on_lesson_changed (AtlasPresenter *self)
{
  guint n_scenes = atlas_lesson_get_n_scenes (self->lesson);

  /* Edits made while presenting show at once; a removed scene moves the
   * presenter to the last one left. */
  if (self->index >= n_scenes && n_scenes > 0)
    atlas_presenter_set_scene_index (self, n_scenes - 1);
  atlas_scene_player_set_scene (self->player, current_scene (self));
  update_texts (self);
  atlas_scene_canvas_show (self->canvas, current_scene (self), self->day);
}

/* Going fullscreen, or a projector plugged in, changes the frame: the
 * scene is framed again, at once. */
static void
on_canvas_resize (AtlasPresenter *self,
                  int             width,
                  int             height)
{
  if (self->shown && self->lesson != NULL)
    atlas_scene_player_reframe (self->player);
}

static void
on_viewport_changed (AtlasPresenter *self)
{
  /* The map may still move while the window is being disposed. */
  if (self->lesson == NULL)
    return;

  schedule_legend_update (self);
}

/* GObject -------------------------------------------------------------------- */

static void
atlas_presenter_constructed (GObject *object)
{
  AtlasPresenter *self = (AtlasPresenter *)object;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  g_autoptr(AtlasTileSource) source = NULL;

  G_OBJECT_CLASS (atlas_presenter_parent_class)->constructed (object);

  g_assert (self->basemap != NULL && self->dataset != NULL && self->lesson != NULL);

  /* Projectors wash colours out: the light map, whatever the desktop's. */
  self->painter = atlas_painter_new (self->basemap, ATLAS_THEME_LIGHT);
  source = atlas_tile_source_new (self->painter, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  shumate_simple_map_set_map_source (self->map, SHUMATE_MAP_SOURCE (source));

  self->zone_set = atlas_zone_set_new (self->basemap, self->dataset);
  atlas_scene_canvas_set_map (self->canvas, viewport, self->painter, self->dataset, self->zone_set);

  self->player = atlas_scene_player_new (self->map, self->dataset, self->zone_set, get_player_frame, self);
  g_signal_connect_object (self->player, "notify::day", G_CALLBACK (on_day_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::animating", G_CALLBACK (on_animating_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "settled", G_CALLBACK (update_date_label), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson, "changed", G_CALLBACK (on_lesson_changed), self, G_CONNECT_SWAPPED);

  update_texts (self);
}

static void
atlas_presenter_dispose (GObject *object)
{
  AtlasPresenter *self = (AtlasPresenter *)object;

  if (self->start_tick_id != 0 && self->map != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->map), self->start_tick_id);
  self->start_tick_id = 0;
  if (self->player != NULL)
    {
      atlas_scene_player_stop (self->player);
      g_signal_handlers_disconnect_by_data (self->player, self);
    }
  g_clear_object (&self->player);
  g_clear_handle_id (&self->legend_timeout_id, g_source_remove);

  g_clear_object (&self->zone_set);
  g_clear_object (&self->painter);
  g_clear_object (&self->lesson);
  g_clear_object (&self->dataset);
  g_clear_object (&self->basemap);
  g_clear_pointer (&self->legend, atlas_legend_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PRESENTER);

  G_OBJECT_CLASS (atlas_presenter_parent_class)->dispose (object);
}

static void
atlas_presenter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasPresenter *self = ATLAS_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;

    case PROP_SCENE_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;

    case PROP_ANIMATING:
      g_value_set_boolean (value, atlas_presenter_is_animating (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_presenter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasPresenter *self = ATLAS_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      self->basemap = g_value_dup_object (value);
      break;

    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_LESSON:
      self->lesson = g_value_dup_object (value);
      break;

    case PROP_SCENE_INDEX:
      atlas_presenter_set_scene_index (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_presenter_class_init (AtlasPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_presenter_constructed;
  object_class->dispose = atlas_presenter_dispose;
  object_class->get_property = atlas_presenter_get_property;
  object_class->set_property = atlas_presenter_set_property;

  properties[PROP_BASEMAP] =
    g_param_spec_object ("basemap", NULL, NULL,
                         ATLAS_TYPE_BASEMAP,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         ATLAS_TYPE_DATASET,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL,
                         ATLAS_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SCENE_INDEX] =
    g_param_spec_uint ("scene-index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL,
                      G_MININT32, G_MAXINT32, ATLAS_DAY_MIN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ANIMATING] =
    g_param_spec_boolean ("animating", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (ATLAS_TYPE_SCENE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-presenter.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, map);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, canvas);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, date_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, counter_label);
  gtk_widget_class_bind_template_child_full (widget_class, "legend", FALSE,
                                             G_STRUCT_OFFSET (AtlasPresenter, legend_area));
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, card);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenter, sources_label);

  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.leave", NULL, leave_action);
}

static void
load_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/atlas-presenter.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
atlas_presenter_init (AtlasPresenter *self)
{
  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->day = ATLAS_DAY_MIN;

  /* Chrome the audience does not need: the lesson carries its credits. */
  gtk_widget_set_visible (GTK_WIDGET (shumate_simple_map_get_scale (self->map)), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (shumate_simple_map_get_license (self->map)), FALSE);

  /* No name goes under a card, where nobody could read it. */
  atlas_scene_canvas_add_obstacle (self->canvas, GTK_WIDGET (self->date_label));
  atlas_scene_canvas_add_obstacle (self->canvas, GTK_WIDGET (self->counter_label));
  atlas_scene_canvas_add_obstacle (self->canvas, GTK_WIDGET (self->legend_area));
  atlas_scene_canvas_add_obstacle (self->canvas, self->card);
  g_signal_connect_object (self->canvas, "changed", G_CALLBACK (schedule_legend_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "resize", G_CALLBACK (on_canvas_resize), self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->legend_area, draw_legend, self, NULL);
  add_key_shortcuts (self);
}

/* Public ------------------------------------------------------------------- */

/**
 * atlas_presenter_new:
 *
 * A presenter for @lesson over @dataset. Call atlas_presenter_start() to
 * show it.
 */
AtlasPresenter *
atlas_presenter_new (AtlasBasemap *basemap,
                     AtlasDataset *dataset,
                     AtlasLesson  *lesson)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_LESSON (lesson), NULL);

  return g_object_new (ATLAS_TYPE_PRESENTER,
                       "basemap", basemap,
                       "dataset", dataset,
                       "lesson", lesson,
                       NULL);
}

void
atlas_presenter_start (AtlasPresenter *self,
                       guint           index)
{
  g_return_if_fail (ATLAS_IS_PRESENTER (self));

  atlas_presenter_set_scene_index (self, index);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));

  if (!self->shown && self->start_tick_id == 0)
    self->start_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->map), start_when_allocated, self, NULL);
}

AtlasLesson *
atlas_presenter_get_lesson (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), NULL);
  return self->lesson;
}

guint
atlas_presenter_get_scene_index (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), 0);
  return self->index;
}

gint32
atlas_presenter_get_day (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), ATLAS_DAY_MIN);
  return self->day;
}

gboolean
atlas_presenter_is_animating (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), FALSE);
  return self->player != NULL && atlas_scene_player_is_animating (self->player);
}

ShumateSimpleMap *
atlas_presenter_get_map (AtlasPresenter *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER (self), NULL);
  return self->map;
}

/* The height @widget will have at @width, plus its margins. */
static double
measure_height (GtkWidget *widget,
                int        width)
{
  int height = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height + gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
}

/**
 * atlas_presenter_get_frame:
 * @frame: (out caller-allocates): x, y, width and height
 *
 * Measured rather than read from the allocations, so that a scene can be
 * framed at once, before its caption has been laid out.
 */
void
atlas_presenter_get_frame (AtlasPresenter *self,
                           double          frame[4])
{
  double width, height, top, bottom, right;
  int card_width;

  g_return_if_fail (ATLAS_IS_PRESENTER (self));

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 1);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 1);
  card_width = MAX ((int) width - gtk_widget_get_margin_start (self->card) - gtk_widget_get_margin_end (self->card), 1);

  top = MAX (measure_height (GTK_WIDGET (self->date_label), -1),
             measure_height (GTK_WIDGET (self->counter_label), -1)) + FRAME_GAP;
  bottom = height - measure_height (self->card, card_width) - FRAME_GAP;
  /* A fixed column for the legend, whatever it holds: the frame of a
   * scene must not change when the legend does after the flight. */
  right = width - FRAME_EDGE - width * LEGEND_COLUMN;

  frame[0] = FRAME_EDGE;
  frame[1] = MIN (top, height / 2);
  frame[2] = MAX (right - FRAME_EDGE, width / 3);
  frame[3] = MAX (bottom - frame[1], height / 4);
}
