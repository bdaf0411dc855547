/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-export-writer.h"

/* One export: a private copy of the snapshot, fitted to the size. */
typedef struct
{
  AtlasSnapshot             *snapshot;
  AtlasExportFormat          format;
  AtlasExportSize            size;
  double                     scale;
  GFile                     *file;
  AtlasSnapshotProgressFunc  progress;
  gpointer                   progress_data;
  GTask                     *task;         /* unowned; set while running in a thread */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->snapshot);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (AtlasSnapshot          *snapshot,
         AtlasExportFormat       format,
         const AtlasExportSize  *size,
         GFile                  *file,
         GError                **error)
{
  g_autoptr(Job) job = NULL;
  AtlasView fitted;

  if (!atlas_export_size_validate (size, error))
    return NULL;

  job = g_new0 (Job, 1);
  job->format = format;
  job->size = *size;
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->snapshot = atlas_snapshot_copy (snapshot);
  atlas_export_fit_view (atlas_snapshot_get_view (snapshot), size, &fitted, &job->scale);
  atlas_snapshot_set_view (job->snapshot, &fitted);

  return g_steal_pointer (&job);
}

/* Progress --------------------------------------------------------------- */

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->task);
  g_free (update);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;
  Job *job = g_task_get_task_data (update->task);

  if (!g_task_get_completed (update->task))
    job->progress (update->fraction, job->progress_data);

  return G_SOURCE_REMOVE;
}

/* Called in the drawing thread; @fraction of the whole export. */
static void
job_report (Job    *job,
            double  fraction)
{
  ProgressUpdate *update;

  if (job->progress == NULL)
    return;

  if (job->task == NULL)
    {
      job->progress (fraction, job->progress_data);
      return;
    }

  update = g_new0 (ProgressUpdate, 1);
  update->task = g_object_ref (job->task);
  update->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (job->task), G_PRIORITY_DEFAULT,
                              deliver_progress, update, progress_update_free);
}

/* Drawing takes the first 90 % of an export, writing the rest. */
static void
on_draw_progress (double   fraction,
                  gpointer user_data)
{
  job_report (user_data, 0.9 * fraction);
}

static gboolean
job_draw (Job                  *job,
          cairo_t              *cr,
          AtlasSnapshotTarget   target,
          double                scale,
          GCancellable         *cancellable,
          GError              **error)
{
  cairo_scale (cr, scale, scale);
  return atlas_snapshot_draw (job->snapshot, cr, target, cancellable, on_draw_progress, job, error);
}

/* Output ----------------------------------------------------------------- */

/* Where cairo's stream goes: an open file, or memory. */
typedef struct
{
  int           fd;
  GByteArray   *bytes;
  GCancellable *cancellable;
  int           saved_errno;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->saved_errno != 0 || g_cancellable_is_cancelled (sink->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;

  if (sink->fd < 0)
    {
      g_byte_array_append (sink->bytes, data, length);
      return CAIRO_STATUS_SUCCESS;
    }

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static char *
dup_file_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_parse_name (file);
}

static void
set_write_error (GError **error,
                 GFile   *file,
                 int      errsv)
{
  g_autofree char *name = dup_file_name (file);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: the first %s is a file name, the second the reason */
               _("Could not write “%s”: %s"), name, g_strerror (errsv));
}

/* Turns a failure of cairo or of the sink into one GError. */
static gboolean
check_output (Job              *job,
              const Sink       *sink,
              cairo_status_t    status,
              GError          **error)
{
  g_autofree char *name = NULL;

  if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
    return FALSE;
  if (sink->saved_errno != 0)
    {
      set_write_error (error, job->file, sink->saved_errno);
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  name = dup_file_name (job->file);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

static cairo_surface_t *
job_render_image (Job           *job,
                  GCancellable  *cancellable,
                  GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->size.width, job->size.height);
  cr = cairo_create (surface);
  ok = job_draw (job, cr, ATLAS_SNAPSHOT_TARGET_RASTER, job->scale, cancellable, error);
  cairo_destroy (cr);

  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);

  return surface;
}

static cairo_surface_t *
create_vector_surface (Job  *job,
                       Sink *sink)
{
  double width, height;
  cairo_surface_t *surface;

  atlas_export_size_get_page (&job->size, job->format, &width, &height);

  if (job->format == ATLAS_EXPORT_FORMAT_PDF)
    {
      g_autofree char *title = atlas_snapshot_dup_display_title (job->snapshot);

      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      /* Pages keep their physical size; screen sizes are in pixels. */
      cairo_svg_surface_set_document_unit (surface, job->size.dpi > 0 ? CAIRO_SVG_UNIT_PT : CAIRO_SVG_UNIT_PX);
    }

  return surface;
}

/* Draws the job's file format into @sink. */
static gboolean
job_produce (Job           *job,
             Sink          *sink,
             GError       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  if (job->format == ATLAS_EXPORT_FORMAT_PNG)
    {
      surface = job_render_image (job, sink->cancellable, error);
      if (surface == NULL)
        return FALSE;
      status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
      cairo_surface_destroy (surface);
      return check_output (job, sink, status, error);
    }
  else
    {
      double page_w, page_h;
      cairo_t *cr;

      atlas_export_size_get_page (&job->size, job->format, &page_w, &page_h);
      surface = create_vector_surface (job, sink);
      cr = cairo_create (surface);
      ok = job_draw (job, cr, ATLAS_SNAPSHOT_TARGET_VECTOR, job->scale * page_w / job->size.width,
                     sink->cancellable, error);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      return ok && check_output (job, sink, status, error);
    }
}

/* The file a write replaces: a symbolic link is followed, so that the
 * link stays and its target gets the new contents. */
static char *
dup_target_path (const char *path)
{
  GStatBuf st;
  char *resolved;

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && (resolved = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }

  return g_strdup (path);
}

/* Writes beside the target and renames into place: until the rename, the
 * old file is untouched, and a failed rename removes the new one. */
static gboolean
job_write_local (Job           *job,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *target = dup_target_path (path);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp_path = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  Sink sink = { -1, NULL, cancellable, 0 };
  GStatBuf st;
  int errsv;

  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_write_error (error, job->file, errno);
      return FALSE;
    }

  /* A replaced file keeps its permissions. */
  if (g_stat (target, &st) == 0 && S_ISREG (st.st_mode))
    (void) fchmod (sink.fd, st.st_mode & 07777);

  if (!job_produce (job, &sink, error))
    goto failed;

  job_report (job, 0.95);

  if (fsync (sink.fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      set_write_error (error, job->file, errno);
      goto failed;
    }
  errsv = close (sink.fd) == 0 ? 0 : errno;
  sink.fd = -1;
  if (errsv != 0)
    {
      set_write_error (error, job->file, errsv);
      goto failed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (g_rename (tmp_path, target) != 0)
    {
      set_write_error (error, job->file, errno);
      goto failed;
    }

  return TRUE;

failed:
  if (sink.fd >= 0)
    close (sink.fd);
  g_unlink (tmp_path);
  return FALSE;
}

/* Files without a local path (a remote location) go through GIO, whose
 * replace also writes a temporary copy first. */
static gboolean
job_write_gio (Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Sink sink = { -1, bytes, cancellable, 0 };
  g_autoptr(GError) local_error = NULL;

  if (!job_produce (job, &sink, error))
    return FALSE;

  if (!g_file_replace_contents (job->file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
job_write (Job           *job,
           GCancellable  *cancellable,
           GError       **error)
{
  const char *path = g_file_peek_path (job->file);
  gboolean ok;

  job_report (job, 0.0);
  if (path != NULL)
    ok = job_write_local (job, path, cancellable, error);
  else
    ok = job_write_gio (job, cancellable, error);
  if (ok)
    job_report (job, 1.0);

  return ok;
}

/* Public ----------------------------------------------------------------- */

/**
 * atlas_export_render_image:
 * @size: the size in pixels
 *
 * Draws @snapshot, fitted to @size, into an ARGB32 image surface (for the
 * clipboard and for tests).
 *
 * Returns: (transfer full) (nullable): the image, or %NULL on error
 */
cairo_surface_t *
atlas_export_render_image (AtlasSnapshot          *snapshot,
                           const AtlasExportSize  *size,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (size != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((job = job_new (snapshot, ATLAS_EXPORT_FORMAT_PNG, size, NULL, error)) == NULL)
    return NULL;

  return job_render_image (job, cancellable, error);
}

static void
render_image_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  cairo_surface_t *surface = job_render_image (task_data, cancellable, &error);

  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/* Runs @thread_func on a job for the snapshot in a worker thread; an
 * invalid size fails at once, through @callback. */
static void
start_job_task (AtlasSnapshot             *snapshot,
                AtlasExportFormat          format,
                const AtlasExportSize     *size,
                GFile                     *file,
                AtlasSnapshotProgressFunc  progress,
                gpointer                   progress_data,
                GCancellable              *cancellable,
                GAsyncReadyCallback        callback,
                gpointer                   user_data,
                gpointer                   source_tag,
                GTaskThreadFunc            thread_func)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if ((job = job_new (snapshot, format, size, file, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, thread_func);
}

void
atlas_export_render_image_async (AtlasSnapshot         *snapshot,
                                 const AtlasExportSize *size,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (snapshot));
  g_return_if_fail (size != NULL);

  start_job_task (snapshot, ATLAS_EXPORT_FORMAT_PNG, size, NULL, NULL, NULL,
                  cancellable, callback, user_data,
                  atlas_export_render_image_async, render_image_thread);
}

/**
 * atlas_export_render_image_finish:
 *
 * Returns: (transfer full) (nullable): the image, or %NULL on error
 */
cairo_surface_t *
atlas_export_render_image_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_export_render_image_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * atlas_export_write:
 * @format: the file format (see atlas_export_format_from_name())
 * @size: the size of the picture
 * @file: the file to create or replace
 * @progress: (nullable): told how far the export has got, in this thread
 *
 * Writes @snapshot, fitted to @size, to @file. Blocks: call it from a
 * worker thread or from the command line.
 *
 * Returns: %TRUE on success; on failure any existing @file is unchanged
 */
gboolean
atlas_export_write (AtlasSnapshot              *snapshot,
                    AtlasExportFormat           format,
                    const AtlasExportSize      *size,
                    GFile                      *file,
                    GCancellable               *cancellable,
                    AtlasSnapshotProgressFunc   progress,
                    gpointer                    progress_data,
                    GError                    **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (format < ATLAS_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (size != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((job = job_new (snapshot, format, size, file, error)) == NULL)
    return FALSE;

  job->progress = progress;
  job->progress_data = progress_data;

  return job_write (job, cancellable, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  job->task = task;
  if (job_write (job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_export_write_async:
 * @progress: (nullable): told how far the export has got, in the thread-default
 *   main context of the caller, never after @callback
 * @progress_data: data for @progress; it must stay valid until @callback
 *   has been called (as with g_file_copy_async())
 *
 * Writes like atlas_export_write() in a worker thread.
 */
void
atlas_export_write_async (AtlasSnapshot             *snapshot,
                          AtlasExportFormat          format,
                          const AtlasExportSize     *size,
                          GFile                     *file,
                          GCancellable              *cancellable,
                          AtlasSnapshotProgressFunc  progress,
                          gpointer                   progress_data,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data)
{
  g_return_if_fail (ATLAS_IS_SNAPSHOT (snapshot));
  g_return_if_fail (format < ATLAS_EXPORT_N_FORMATS);
  g_return_if_fail (size != NULL);
  g_return_if_fail (G_IS_FILE (file));

  start_job_task (snapshot, format, size, file, progress, progress_data,
                  cancellable, callback, user_data,
                  atlas_export_write_async, write_thread);
}

gboolean
atlas_export_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_export_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
