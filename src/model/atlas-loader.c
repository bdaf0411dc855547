/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-loader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-dataset-private.h"
#include "atlas-diagnostic.h"
#include "atlas-geojson-reader.h"
#include "atlas-loader.h"

typedef struct {
  GFile  *file;     /* or */
  GBytes *bytes;
  char   *name;
} Source;

struct _AtlasLoader
{
  GObject     parent_instance;

  GArray     *sources;         /* Source; fixed once a load starts */
  gboolean    started;
  double      progress;
  GListStore *diagnostics;
  guint       n_errors;
  guint       n_warnings;
};

G_DEFINE_FINAL_TYPE (AtlasLoader, atlas_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
source_clear (gpointer data)
{
  Source *source = data;

  g_clear_object (&source->file);
  g_clear_pointer (&source->bytes, g_bytes_unref);
  g_clear_pointer (&source->name, g_free);
}

static void
atlas_loader_dispose (GObject *object)
{
  AtlasLoader *self = (AtlasLoader *) object;

  g_clear_object (&self->diagnostics);

  G_OBJECT_CLASS (atlas_loader_parent_class)->dispose (object);
}

static void
atlas_loader_finalize (GObject *object)
{
  AtlasLoader *self = (AtlasLoader *) object;

  g_array_unref (self->sources);

  G_OBJECT_CLASS (atlas_loader_parent_class)->finalize (object);
}

static void
atlas_loader_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasLoader *self = ATLAS_LOADER (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_loader_class_init (AtlasLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_loader_dispose;
  object_class->finalize = atlas_loader_finalize;
  object_class->get_property = atlas_loader_get_property;

  /* How much of the input has been read, from 0 to 1. */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_loader_init (AtlasLoader *self)
{
  self->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (self->sources, source_clear);
  self->diagnostics = g_list_store_new (ATLAS_TYPE_DIAGNOSTIC);
}

AtlasLoader *
atlas_loader_new (void)
{
  return g_object_new (ATLAS_TYPE_LOADER, NULL);
}

void
atlas_loader_add_file (AtlasLoader *self,
                       GFile       *file,
                       const char  *name)
{
  Source source = { 0 };

  g_return_if_fail (ATLAS_IS_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->started);

  source.file = g_object_ref (file);
  source.name = name ? g_strdup (name) : g_file_get_parse_name (file);
  g_array_append_val (self->sources, source);
}

void
atlas_loader_add_bytes (AtlasLoader *self,
                        GBytes      *bytes,
                        const char  *name)
{
  Source source = { 0 };

  g_return_if_fail (ATLAS_IS_LOADER (self));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (!self->started);

  source.bytes = g_bytes_ref (bytes);
  source.name = g_strdup (name);
  g_array_append_val (self->sources, source);
}

/* --- The load itself (any thread) ------------------------------------- */

static goffset
source_size (const Source *source,
             GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  if (source->bytes != NULL)
    return g_bytes_get_size (source->bytes);

  info = g_file_query_info (source->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  return info != NULL ? g_file_info_get_size (info) : 0;
}

/* Maps a local file. Only a regular file: a FIFO would block the open
 * until something writes to it, or the read for ever, and a device may
 * never end. O_NONBLOCK keeps the open itself from waiting, and the check
 * is made on what was opened. */
static GBytes *
map_local_file (const char  *path,
                gboolean    *mapped,
                GError     **error)
{
  g_autoptr(GMappedFile) mapping = NULL;
  struct stat info = { 0 };
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: about a dataset file; %s is the system's
                    * reason, e.g. "No such file or directory" */
                   _("cannot be opened: %s"), g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           /* Translators: what was given as a dataset file; a
                            * regular file is not a folder, a device or a pipe */
                           S_ISDIR (info.st_mode) ? _("a folder, not a file") : _("not a regular file"));
      close (fd);
      return NULL;
    }

  mapping = g_mapped_file_new_from_fd (fd, FALSE, error);
  close (fd);
  if (mapping == NULL)
    return NULL;
  *mapped = g_mapped_file_get_contents (mapping) != NULL;
  return g_mapped_file_get_bytes (mapping);
}

/* The count ngettext() chooses a plural form by, which is an unsigned
 * long: the GNU gettext manual's advice for larger numbers keeps the last
 * six digits, which decide the form in every language. */
static gulong
plural_count (goffset n)
{
  return n >= 0 && (guint64) n <= G_MAXULONG ? (gulong) n : (gulong) (n % 1000000 + 1000000);
}

/* Gets the text of a file: mapped when local (then *@mapped is set),
 * read otherwise. */
static GBytes *
source_contents (const Source  *source,
                 goffset        size,
                 gboolean      *mapped,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (source->bytes != NULL)
    return g_bytes_ref (source->bytes);

  if (size > ATLAS_MAX_FILE_SIZE)
    {
      char size_text[24], limit_text[24];

      g_snprintf (size_text, sizeof size_text, "%" G_GOFFSET_FORMAT, size);
      g_snprintf (limit_text, sizeof limit_text, "%" G_GOFFSET_FORMAT, ATLAS_MAX_FILE_SIZE);
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_TOO_LARGE,
                   /* Translators: the first %s is the size of a dataset file
                    * in bytes, the second the largest size allowed, in bytes */
                   ngettext ("the file has %s byte, more than the limit of %s",
                             "the file has %s bytes, more than the limit of %s", plural_count (size)),
                   size_text, limit_text);
      return NULL;
    }

  path = g_file_get_path (source->file);
  if (path != NULL)
    return map_local_file (path, mapped, error);

  /* The same through GVfs, as far as its backend can tell. */
  info = g_file_query_info (source->file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
      return NULL;
    }

  if (!g_file_load_contents (source->file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

typedef struct {
  AtlasLoadSession *session;
  GMainContext     *context;     /* where progress is reported (async) */
  AtlasLoader      *loader;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  atlas_load_session_free (load->session);
  g_clear_pointer (&load->context, g_main_context_unref);
  g_clear_object (&load->loader);
  g_free (load);
}

/* Reads every source into @session; returns the dataset or sets @error. */
static AtlasDataset *
run_load (AtlasLoader       *self,
          AtlasLoadSession  *session,
          GError           **error)
{
  g_autofree goffset *sizes = g_new0 (goffset, MAX (self->sources->len, 1));
  g_autoptr(GError) first_error = NULL;

  for (guint i = 0; i < self->sources->len; i++)
    {
      sizes[i] = source_size (&g_array_index (self->sources, Source, i), session->cancellable);
      session->bytes_total += MAX (sizes[i], 0);
    }

  for (guint i = 0; i < self->sources->len; i++)
    {
      const Source *source = &g_array_index (self->sources, Source, i);
      guint file_index = atlas_load_session_add_file (session, source->name);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean mapped = FALSE;

      if (g_cancellable_set_error_if_cancelled (session->cancellable, error))
        return NULL;

      bytes = source_contents (source, sizes[i], &mapped, session->cancellable, &local_error);
      if (bytes == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (local_error->domain != ATLAS_DATASET_ERROR)
            {
              local_error->domain = ATLAS_DATASET_ERROR;
              local_error->code = ATLAS_DATASET_ERROR_READ;
            }
          atlas_load_session_file_problem (session, file_index, ATLAS_SEVERITY_ERROR, ATLAS_NO_OFFSET,
                                           "%s", local_error->message);
          g_prefix_error (&local_error, "%s: ", source->name);
        }
      else if (g_bytes_get_size (bytes) > (gsize) ATLAS_MAX_FILE_SIZE)
        {
          /* Translators: %lu is the largest size of a dataset file allowed */
          const char *message = ngettext ("the file is larger than the limit of %lu byte",
                                          "the file is larger than the limit of %lu bytes",
                                          (gulong) ATLAS_MAX_FILE_SIZE);

          atlas_load_session_file_problem (session, file_index, ATLAS_SEVERITY_ERROR, ATLAS_NO_OFFSET,
                                           message, (gulong) ATLAS_MAX_FILE_SIZE);
          local_error = g_error_new (ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_TOO_LARGE,
                                     message, (gulong) ATLAS_MAX_FILE_SIZE);
          g_prefix_error (&local_error, "%s: ", source->name);
        }
      else if (!atlas_geojson_read (session, file_index, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), mapped, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }

      if (local_error != NULL && first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  if (first_error != NULL)
    {
      atlas_load_session_finish_diagnostics (session);
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  atlas_feature_reader_check_references (session);
  atlas_store_finish (session->store);
  atlas_load_session_finish_diagnostics (session);
  atlas_load_session_progress (session, 0);

  return atlas_dataset_new_for_store (session->store, G_LIST_MODEL (session->diagnostics),
                                      session->n_errors, session->n_warnings);
}

/* On the loader's thread, after a load: publish what it found. */
static void
take_results (AtlasLoader      *self,
              AtlasLoadSession *session)
{
  GListModel *found = G_LIST_MODEL (session->diagnostics);
  guint n = g_list_model_get_n_items (found);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));

  self->n_errors = session->n_errors;
  self->n_warnings = session->n_warnings;
  g_list_store_splice (self->diagnostics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->diagnostics)),
                       items->pdata, items->len);
}

static void
set_progress (AtlasLoader *self,
              double       progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
on_sync_progress (double   fraction,
                  gpointer user_data)
{
  set_progress (user_data, fraction);
}

AtlasDataset *
atlas_loader_load (AtlasLoader   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  AtlasLoadSession *session;
  AtlasDataset *dataset;

  g_return_val_if_fail (ATLAS_IS_LOADER (self), NULL);
  g_return_val_if_fail (!self->started, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->started = TRUE;
  session = atlas_load_session_new (cancellable, on_sync_progress, self);
  dataset = run_load (self, session, error);
  take_results (self, session);
  atlas_load_session_free (session);
  return dataset;
}

typedef struct {
  AtlasLoader *loader;
  double       fraction;
} ProgressUpdate;

static gboolean
apply_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  set_progress (update->loader, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->loader);
  g_free (update);
}

/* In the worker thread: hand the value to the caller's main context. */
static void
on_async_progress (double   fraction,
                   gpointer user_data)
{
  LoadData *load = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->loader = g_object_ref (load->loader);
  update->fraction = fraction;
  g_main_context_invoke_full (load->context, G_PRIORITY_DEFAULT, apply_progress,
                              update, progress_update_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  AtlasDataset *dataset;

  dataset = run_load (source_object, load->session, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

void
atlas_loader_load_async (AtlasLoader         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (ATLAS_IS_LOADER (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->started = TRUE;

  load = g_new0 (LoadData, 1);
  load->loader = g_object_ref (self);
  load->context = g_main_context_ref_thread_default ();
  load->session = atlas_load_session_new (cancellable, on_async_progress, load);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_loader_load_async);
  g_task_set_task_data (task, load, load_data_free);
  /* The result (a dataset or an error) decides; a cancellation that comes
   * after the parse finished does not throw the dataset away. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

AtlasDataset *
atlas_loader_load_finish (AtlasLoader   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  LoadData *load;

  g_return_val_if_fail (ATLAS_IS_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_loader_load_async, NULL);

  load = g_task_get_task_data (G_TASK (result));
  take_results (self, load->session);
  return g_task_propagate_pointer (G_TASK (result), error);
}

double
atlas_loader_get_progress (AtlasLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_LOADER (self), 0.0);

  return self->progress;
}

GListModel *
atlas_loader_get_diagnostics (AtlasLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_LOADER (self), NULL);

  return G_LIST_MODEL (self->diagnostics);
}

guint
atlas_loader_get_n_errors (AtlasLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_LOADER (self), 0);

  return self->n_errors;
}

guint
atlas_loader_get_n_warnings (AtlasLoader *self)
{
  g_return_val_if_fail (ATLAS_IS_LOADER (self), 0);

  return self->n_warnings;
}
