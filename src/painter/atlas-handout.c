/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-handout"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "atlas-handout.h"
#include "atlas-lesson-snapshot.h"
#include "atlas-lesson-writer.h"
#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-private.h"

/* The page, in points. */
#define MARGIN        34.0
#define COLUMN_WIDTH  268.0
#define GAP           18.0
#define FOOTER_HEIGHT 16.0
#define COLUMN_GAP    12.0
/* Points per pixel of the smallest legend printed (7 pt text or so). */
#define MIN_LEGEND_SCALE 0.5
/* The map is drawn in logical pixels of 1/96 inch, like any page export. */
#define PT_PER_PX     (72.0 / 96.0)
/* Vector output; whatever cairo must rasterise is done at print
 * resolution. */
#define FALLBACK_DPI  300.0

static const AtlasRgba grey = { 0.36, 0.36, 0.40, 1.0 };
static const AtlasRgba black = { 0.08, 0.08, 0.10, 1.0 };

static PangoLayout *
text_layout (cairo_t     *cr,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       width)
{
  PangoLayout *layout = atlas_snapshot_create_layout (cr, size, weight);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* Draws @layout with its logical top-left corner at (@x, @y); returns its
 * height. */
static double
show_layout (cairo_t         *cr,
             PangoLayout     *layout,
             const AtlasRgba *color,
             double           x,
             double           y)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  atlas_snapshot_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Draws the map and gives its legend, which goes beside it: a legend
 * inside the map would hide the subject the scene frames. */
static gboolean
draw_map (AtlasLessonScene  *scene,
          AtlasPainter      *painter,
          AtlasDataset      *dataset,
          AtlasZoneSet      *zone_set,
          cairo_t           *cr,
          double             x,
          double             y,
          double             width,
          double             height,
          AtlasLegend      **legend,
          GCancellable      *cancellable,
          GError           **error)
{
  /* A range is printed as it ends: what the class saw last. */
  gint32 day = atlas_lesson_scene_get_last_day (scene);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) zones = atlas_lesson_compute_zones (zone_set, day, problems);
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  AtlasView view;
  gboolean ok;

  for (guint i = 0; i < problems->len; i++)
    g_warning ("%s", (const char *) g_ptr_array_index (problems, i));

  atlas_lesson_scene_frame_view (scene, dataset, zone_set, TRUE, width / PT_PER_PX, height / PT_PER_PX,
                                 NULL, &view, NULL);
  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_flags (snapshot, ATLAS_SNAPSHOT_SHOW_SCALE_BAR | ATLAS_SNAPSHOT_SHOW_NORTH_ARROW);
  atlas_lesson_add_day_overlays (snapshot, scene, dataset, day,
                                 (AtlasComputedZone * const *) zones->pdata, zones->len);
  *legend = atlas_snapshot_collect_legend (snapshot, ATLAS_SNAPSHOT_TARGET_VECTOR);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, PT_PER_PX, PT_PER_PX);
  ok = atlas_snapshot_draw (snapshot, cr, ATLAS_SNAPSHOT_TARGET_VECTOR, cancellable, NULL, NULL, error);
  cairo_restore (cr);

  cairo_rectangle (cr, x, y, width, height);
  atlas_snapshot_set_source (cr, &grey);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);

  return ok;
}

/* The column right of the map: the caption, the legend below it and the
 * sources at the foot. The sources take at most a third of the height, the
 * legend what the caption leaves (at least a quarter goes to the caption). */
static void
draw_column (AtlasLessonScene *scene,
             AtlasLegend      *legend,
             AtlasPainter     *painter,
             cairo_t          *cr,
             double            x,
             double            y,
             double            height)
{
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(PangoLayout) caption = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) list = NULL;
  guint n_sources = atlas_lesson_scene_get_n_sources (scene);
  double list_height = 0, legend_w = 0, legend_h = 0, legend_scale, caption_height, available;
  double bottom = y + height;

  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *line = atlas_lesson_source_format (atlas_lesson_scene_get_source (scene, i));

      g_string_append_printf (sources, "%s• %s", i > 0 ? "\n" : "", line);
    }

  if (n_sources > 0)
    {
      /* Translators: the heading of a scene's sources in a lesson handout */
      heading = text_layout (cr, _("Sources"), 9.5, PANGO_WEIGHT_BOLD, COLUMN_WIDTH);
      list = text_layout (cr, sources->str, 7.5, PANGO_WEIGHT_NORMAL, COLUMN_WIDTH);
      pango_layout_set_height (list, (int) ((height / 3 - layout_height (heading)) * PANGO_SCALE));
      pango_layout_set_ellipsize (list, PANGO_ELLIPSIZE_END);
      list_height = layout_height (heading) + 3 + layout_height (list) + COLUMN_GAP;
    }

  caption = text_layout (cr, atlas_lesson_scene_get_display_caption (scene), 11.0, PANGO_WEIGHT_NORMAL, COLUMN_WIDTH);
  pango_layout_set_spacing (caption, 2 * PANGO_SCALE);

  /* The legend is measured in the map's pixels and printed at the map's
   * scale, or smaller to fit the column, down to a size still legible;
   * below that it is cut short (its last line says how many are left). */
  available = MAX (height - list_height - MAX (layout_height (caption), height / 4) - COLUMN_GAP, 0);
  cairo_save (cr);
  cairo_scale (cr, PT_PER_PX, PT_PER_PX);
  atlas_legend_measure (legend, cr, 1e6, &legend_w, &legend_h);
  legend_scale = PT_PER_PX;
  if (legend_w > 0 && legend_h > 0)
    legend_scale = CLAMP (MIN (COLUMN_WIDTH / legend_w, available / legend_h), MIN_LEGEND_SCALE, PT_PER_PX);
  if (legend_h * legend_scale > available)
    atlas_legend_measure (legend, cr, available / legend_scale, &legend_w, &legend_h);
  cairo_restore (cr);

  caption_height = height - list_height - (legend_h > 0 ? legend_h * legend_scale + COLUMN_GAP : 0);
  pango_layout_set_height (caption, (int) (caption_height * PANGO_SCALE));
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  y += show_layout (cr, caption, &black, x, y) + COLUMN_GAP;

  if (legend_h > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, legend_scale, legend_scale);
      atlas_legend_draw (legend, cr, painter, 0, 0, legend_h);
      cairo_restore (cr);
    }

  /* The sources stand at the foot of the column. */
  if (n_sources > 0)
    {
      double top = bottom - list_height + COLUMN_GAP;

      top += show_layout (cr, heading, &black, x, top) + 3;
      show_layout (cr, list, &grey, x, top);
    }
}

/**
 * atlas_handout_draw_page:
 * @cr: a context whose user space is the page in points
 *
 * Draws the page of scene @index.
 *
 * Returns: %FALSE if cancelled or if cairo failed
 */
gboolean
atlas_handout_draw_page (AtlasLesson   *lesson,
                         guint          index,
                         AtlasPainter  *painter,
                         AtlasDataset  *dataset,
                         AtlasZoneSet  *zone_set,
                         cairo_t       *cr,
                         GCancellable  *cancellable,
                         GError       **error)
{
  AtlasLessonScene *scene;
  g_autoptr(PangoLayout) lesson_title = NULL;
  g_autoptr(PangoLayout) counter = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) dates = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *counter_text = NULL;
  g_autofree char *dates_text = NULL;
  g_autofree char *footer_text = NULL;
  g_autoptr(AtlasLegend) legend = NULL;
  double content_w = ATLAS_HANDOUT_PAGE_WIDTH - 2 * MARGIN;
  double y = MARGIN, map_w, map_h;
  PangoRectangle rect;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (index < atlas_lesson_get_n_scenes (lesson), FALSE);
  g_return_val_if_fail (ATLAS_IS_PAINTER (painter), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (ATLAS_IS_ZONE_SET (zone_set), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  scene = atlas_lesson_get_scene (lesson, index);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* The lesson, and where this page is in it. */
  /* Translators: on a lesson handout, e.g. "Scene 3 of 12" */
  counter_text = g_strdup_printf (_("Scene %u of %u"), index + 1, atlas_lesson_get_n_scenes (lesson));
  counter = text_layout (cr, counter_text, 9, PANGO_WEIGHT_NORMAL, content_w);
  pango_layout_set_alignment (counter, PANGO_ALIGN_RIGHT);
  lesson_title = text_layout (cr, atlas_lesson_get_display_title (lesson), 9, PANGO_WEIGHT_NORMAL, content_w * 0.75);
  pango_layout_set_ellipsize (lesson_title, PANGO_ELLIPSIZE_END);
  show_layout (cr, counter, &grey, MARGIN, y);
  y += show_layout (cr, lesson_title, &grey, MARGIN, y) + 4;

  title = text_layout (cr, atlas_lesson_scene_get_display_title (scene), 20, PANGO_WEIGHT_BOLD, content_w);
  pango_layout_set_height (title, -2);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  y += show_layout (cr, title, &black, MARGIN, y) + 1;

  dates_text = atlas_lesson_scene_format_dates (scene);
  dates = text_layout (cr, dates_text, 12.5, PANGO_WEIGHT_NORMAL, content_w);
  y += show_layout (cr, dates, &black, MARGIN, y) + 10;

  /* The map on the left, the text on the right. */
  map_w = content_w - COLUMN_WIDTH - GAP;
  map_h = ATLAS_HANDOUT_PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT - y;
  ok = draw_map (scene, painter, dataset, zone_set, cr, MARGIN, y, map_w, map_h, &legend, cancellable, error);
  draw_column (scene, legend, painter, cr, MARGIN + map_w + GAP, y, map_h);

  /* Translators: the foot of a handout page: the lesson, then the page */
  footer_text = g_strdup_printf (_("Kosovo Atlas · %s · page %u of %u"), atlas_lesson_get_display_title (lesson),
                                 index + 1, atlas_lesson_get_n_scenes (lesson));
  footer = text_layout (cr, footer_text, 7.5, PANGO_WEIGHT_NORMAL, content_w);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (footer, NULL, &rect);
  show_layout (cr, footer, &grey, MARGIN, ATLAS_HANDOUT_PAGE_HEIGHT - MARGIN + FOOTER_HEIGHT - rect.height);

  cairo_restore (cr);
  return ok;
}

/* Writing ----------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
dup_file_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_parse_name (file);
}

/**
 * atlas_handout_write:
 * @progress: (nullable): told how far the writing has got, from 0 to 1
 *
 * Writes the handout of @lesson to @file (see above).
 *
 * Returns: %TRUE on success; on failure any existing @file is unchanged
 */
gboolean
atlas_handout_write (AtlasLesson                *lesson,
                     AtlasPainter               *painter,
                     AtlasDataset               *dataset,
                     AtlasZoneSet               *zone_set,
                     GFile                      *file,
                     GCancellable               *cancellable,
                     AtlasSnapshotProgressFunc   progress,
                     gpointer                    progress_data,
                     GError                    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_scenes;
  cairo_t *cr;
  gboolean ok = TRUE;

  g_return_val_if_fail (ATLAS_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = dup_file_name (file);
  n_scenes = atlas_lesson_get_n_scenes (lesson);
  if (n_scenes == 0)
    {
      g_set_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_INVALID,
                   _("Could not write “%s”: the lesson has no scenes"), name);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                 ATLAS_HANDOUT_PAGE_WIDTH, ATLAS_HANDOUT_PAGE_HEIGHT);
  cairo_surface_set_fallback_resolution (surface, FALLBACK_DPI, FALLBACK_DPI);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, atlas_lesson_get_display_title (lesson));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < n_scenes && ok; i++)
    {
      if (progress != NULL)
        progress ((double) i / n_scenes, progress_data);
      ok = atlas_handout_draw_page (lesson, i, painter, dataset, zone_set, cr, cancellable, &local_error);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      ok = FALSE;
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
    }
  if (!ok)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: the first %s is a file name, the second the reason */
                     _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  /* In one step, as lessons are saved. */
  if (!atlas_lesson_replace_file (file, bytes->data, bytes->len, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

typedef struct
{
  AtlasLesson  *lesson;
  AtlasPainter *painter;
  AtlasDataset *dataset;
  AtlasZoneSet *zone_set;
  GFile        *file;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->lesson);
  g_clear_object (&job->painter);
  g_clear_object (&job->dataset);
  g_clear_object (&job->zone_set);
  g_clear_object (&job->file);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (atlas_handout_write (job->lesson, job->painter, job->dataset, job->zone_set, job->file,
                           cancellable, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
atlas_handout_write_async (AtlasLesson         *lesson,
                           AtlasPainter        *painter,
                           AtlasDataset        *dataset,
                           AtlasZoneSet        *zone_set,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (ATLAS_IS_LESSON (lesson));
  g_return_if_fail (ATLAS_IS_PAINTER (painter));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (ATLAS_IS_ZONE_SET (zone_set));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->lesson = atlas_lesson_copy (lesson);
  job->painter = g_object_ref (painter);
  job->dataset = g_object_ref (dataset);
  job->zone_set = g_object_ref (zone_set);
  job->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_handout_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
atlas_handout_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_handout_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
