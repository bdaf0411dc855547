/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-replace-file"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-replace-file.h"

/*
 * Every file the application writes from memory (lessons, GeoJSON exports)
 * replaces the old one only once the new one is complete on disk: a full
 * disk, a read-only folder or a crash halfway leaves the old file as it was.
 */


/* The file a write replaces: a symbolic link is followed, so that the
 * link stays and its target gets the new contents. */
static char *
dup_target_path (const char *path)
{
  g_autofree char *target = g_strdup (path);

  for (guint hops = 0; hops < 16 && g_file_test (target, G_FILE_TEST_IS_SYMLINK); hops++)
    {
      g_autofree char *link = g_file_read_link (target, NULL);
      g_autofree char *dir = NULL;

      if (link == NULL)
        break;
      dir = g_path_get_dirname (target);
      g_free (target);
      target = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (dir, link, NULL);
    }

  return g_steal_pointer (&target);
}

static void
prefix_file_name (GError **error,
                  GFile   *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *name = path != NULL ? g_strdup (path) : g_file_get_parse_name (file);

  if (error != NULL && *error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: the first %s is a file name, the second the reason */
    g_prefix_error (error, _("Could not write “%s”: "), name);
}

/**
 * atlas_replace_file_contents:
 *
 * Writes @data to @file through a temporary file beside it, synced and then
 * renamed into place.
 *
 * Returns: %TRUE on success; on failure an existing @file is unchanged and
 *   @error names it
 */
gboolean
atlas_replace_file_contents (GFile         *file,
                           const void    *data,
                           gsize          length,
                           GCancellable  *cancellable,
                           GError       **error)
{
  const char *path;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* GIO writes a new file in place; GLib always goes through a temporary
   * file and a rename, and syncs. Remote files only have GIO. */
  if ((path = g_file_peek_path (file)) != NULL)
    {
      g_autofree char *target = dup_target_path (path);
      g_autoptr(GError) local_error = NULL;

      ok = g_file_set_contents_full (target, data, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0666,
                                     &local_error);
      if (!ok)
        /* GLib's own domain and words: keep the reason, in G_IO_ERROR. */
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                             local_error->message);
    }
  else
    ok = g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);

  if (!ok)
    prefix_file_name (error, file);
  return ok;
}

