/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-export-writer.h"
#include "atlas-geojson-export.h"
#include "atlas-handout.h"
#include "atlas-lesson.h"
#include "atlas-lesson-reader.h"
#include "atlas-lesson-writer.h"
#include "atlas-painter.h"
#include "atlas-snapshot.h"

/*
 * No data lost: every writer of the app, interrupted in the middle of a
 * write, leaves the file it replaces byte for byte as it was, leaves no
 * temporary file behind, and says which file failed. Run by in-tmpfs.sh,
 * which mounts a small private tmpfs at $ATLAS_TEST_TMPFS: the tests fill
 * it so that the write runs out of space part-way, or remount it
 * read-only. Without it (no mount namespace) the whole binary is skipped.
 *
 * Writers covered: the snapshot export in its three formats, synchronous
 * (`kosovo-atlas --export`) and asynchronous (the export dialog), the
 * GeoJSON export of the features in force, lessons (saved from the
 * editor, synchronously and asynchronously) and their PDF handouts. Add a
 * row to writers[] for every new writer.
 */

#define SKIPPED 77

static const char   *tmpfs;
static AtlasPainter *painter;
static AtlasDataset *dataset;
static AtlasLesson  *lesson;
static AtlasZoneSet *zone_set;

/* A snapshot of Kosovo, @width × @height logical pixels. */
static AtlasSnapshot *
new_snapshot (int width,
              int height)
{
  AtlasView view;

  atlas_view_init (&view, 42.6, 20.9, 7.4, width, height);
  return atlas_snapshot_new (painter, &view);
}

/* Each writer writes a small file (the old one) or a larger one (the new
 * one that does not fit). */
typedef struct _Writer Writer;
typedef gboolean (*WriteFunc) (const Writer  *writer,
                               gboolean       larger,
                               const char    *path,
                               GError       **error);

struct _Writer
{
  const char        *name;
  const char        *extension;
  AtlasExportFormat  format;     /* for snapshots */
  const char        *magic;      /* how a complete file starts */
  const char        *ending;     /* how it ends */
  gsize              ending_length;
  WriteFunc          write;
};

/* Snapshots of Kosovo: 320×240 pixels, or 1600×1200. */
static AtlasSnapshot *
snapshot_to_write (gboolean         larger,
                   AtlasExportSize *size)
{
  *size = (AtlasExportSize) { larger ? 1600 : 320, larger ? 1200 : 240, 0 };
  return new_snapshot (size->width, size->height);
}

static gboolean
write_export (const Writer  *writer,
              gboolean       larger,
              const char    *path,
              GError       **error)
{
  AtlasExportSize size;
  g_autoptr(AtlasSnapshot) snapshot = snapshot_to_write (larger, &size);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_export_write (snapshot, writer->format, &size, file, NULL, NULL, NULL, error);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

/* Runs the main loop until on_written() has stored the result. */
static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
write_export_async (const Writer  *writer,
                    gboolean       larger,
                    const char    *path,
                    GError       **error)
{
  AtlasExportSize size;
  g_autoptr(AtlasSnapshot) snapshot = snapshot_to_write (larger, &size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  atlas_export_write_async (snapshot, writer->format, &size, file, NULL, NULL, NULL, on_written, &result);
  return atlas_export_write_finish (wait_for_result (&result), error);
}

/* The features in force on a date, as `kosovo-atlas --export x.geojson`
 * writes them: few early in 1999, many in 2001. */
static gboolean
write_geojson (const Writer  *writer,
               gboolean       larger,
               const char    *path,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AtlasDate date;

  g_assert_true (atlas_date_parse (larger ? "2001-06-01" : "1999-03-01", -1, &date));
  return atlas_geojson_export (dataset, NULL, &date, file, NULL, error);
}

/* The first @n_scenes scenes of the bundled lesson (0: all of them). */
static AtlasLesson *
lesson_with_scenes (guint n_scenes)
{
  AtlasLesson *copy = atlas_lesson_copy (lesson);

  while (n_scenes > 0 && atlas_lesson_get_n_scenes (copy) > n_scenes)
    atlas_lesson_remove_scene (copy, atlas_lesson_get_n_scenes (copy) - 1);
  return copy;
}

#define lesson_to_write(larger) lesson_with_scenes ((larger) ? 0 : 1)

static gboolean
write_lesson (const Writer  *writer,
              gboolean       larger,
              const char    *path,
              GError       **error)
{
  g_autoptr(AtlasLesson) written = lesson_to_write (larger);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_lesson_save (written, file, NULL, error);
}

static gboolean
write_lesson_async (const Writer  *writer,
                    gboolean       larger,
                    const char    *path,
                    GError       **error)
{
  g_autoptr(AtlasLesson) written = lesson_to_write (larger);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  atlas_lesson_save_async (written, file, NULL, on_written, &result);
  return atlas_lesson_save_finish (wait_for_result (&result), error);
}

/* A lesson's PDF handout (`kosovo-atlas --export-lesson`): one page, or
 * two. */
static gboolean
write_handout (const Writer  *writer,
               gboolean       larger,
               const char    *path,
               GError       **error)
{
  g_autoptr(AtlasLesson) written = lesson_with_scenes (larger ? 2 : 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return atlas_handout_write (written, painter, dataset, zone_set, file, NULL, NULL, NULL, error);
}

static const Writer writers[] = {
  { "png", "png", ATLAS_EXPORT_FORMAT_PNG, "\x89PNG\r\n\x1a\n", "IEND\xae\x42\x60\x82", 8, write_export },
  { "svg", "svg", ATLAS_EXPORT_FORMAT_SVG, "<?xml", "</svg>\n", 7, write_export },
  { "pdf", "pdf", ATLAS_EXPORT_FORMAT_PDF, "%PDF-", "%%EOF\n", 6, write_export },
  { "png-async", "png", ATLAS_EXPORT_FORMAT_PNG, "\x89PNG\r\n\x1a\n", "IEND\xae\x42\x60\x82", 8, write_export_async },
  { "pdf-async", "pdf", ATLAS_EXPORT_FORMAT_PDF, "%PDF-", "%%EOF\n", 6, write_export_async },
  { "geojson", "geojson", 0, "{\"type\":\"FeatureCollection\"", "\n]}\n", 4, write_geojson },
  { "lesson", "lesson.json", 0, "{\n  \"type\": \"KosovoAtlasLesson\"", "]\n}\n", 4, write_lesson },
  { "lesson-async", "lesson.json", 0, "{\n  \"type\": \"KosovoAtlasLesson\"", "]\n}\n", 4, write_lesson_async },
  { "handout", "pdf", 0, "%PDF-", "%%EOF\n", 6, write_handout },
};

/* Helpers ------------------------------------------------------------------ */

static void
empty_tmpfs (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpfs, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpfs, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the tmpfs, sorted, space-separated. */
static char *
list_tmpfs (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpfs, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint64
free_bytes (void)
{
  struct statvfs st;

  g_assert_cmpint (statvfs (tmpfs, &st), ==, 0);
  return (guint64) st.f_bavail * st.f_frsize;
}

/* Fills the tmpfs until only @left bytes are free. */
static void
fill_tmpfs (guint64 left)
{
  g_autofree char *path = g_build_filename (tmpfs, "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  guint64 avail = free_bytes ();
  FILE *f;

  g_assert_cmpuint (avail, >=, left);
  f = g_fopen (path, "wb");
  g_assert_nonnull (f);
  for (guint64 todo = avail - left; todo > 0; )
    {
      gsize chunk = MIN (todo, 4096);

      if (fwrite (block, 1, chunk, f) != chunk)
        break;
      todo -= chunk;
    }
  fclose (f);
  /* Page-sized accounting may leave a little less than asked. */
  g_assert_cmpuint (free_bytes (), <=, left);
}

static void
remount (gboolean read_only)
{
  unsigned long flags = MS_REMOUNT | (read_only ? MS_RDONLY : 0);

  if (mount (NULL, tmpfs, NULL, flags, NULL) != 0)
    g_error ("Cannot remount %s: %s", tmpfs, g_strerror (errno));
}

static void
assert_complete (const Writer *writer,
                 const char   *contents,
                 gsize         length)
{
  gsize magic_length = strlen (writer->magic);

  g_assert_cmpuint (length, >, magic_length + writer->ending_length);
  g_assert_true (memcmp (contents, writer->magic, magic_length) == 0);
  g_assert_true (memcmp (contents + length - writer->ending_length, writer->ending,
                         writer->ending_length) == 0);
}

/* Writes the "old" file: a complete small export. */
static GBytes *
write_old_file (const Writer *writer,
                const char   *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (writer->write (writer, FALSE, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_complete (writer, contents, length);
  return g_bytes_new_take (contents, length);
}

static gboolean
file_is (const char *path,
         GBytes     *expected)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  contents = g_bytes_new_take (g_steal_pointer (&data), length);
  return g_bytes_equal (contents, expected);
}

/* Tests -------------------------------------------------------------------- */

/* How many bytes the larger file takes. */
static gsize
measure_larger (const Writer *writer,
                const char   *path)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  empty_tmpfs ();
  g_assert_true (writer->write (writer, TRUE, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  return st.st_size;
}

/* The disk fills up while a larger export replaces an older file: with
 * no room at all, and with room for a third, two thirds and all but the
 * last two pages of the new file, so that the write stops at different
 * points. */
static void
test_full_disk (gconstpointer data)
{
  const Writer *writer = data;
  g_autofree char *name = g_strdup_printf ("map.%s", writer->extension);
  g_autofree char *path = g_build_filename (tmpfs, name, NULL);
  g_autofree char *filler = g_build_filename (tmpfs, "filler", NULL);
  g_autofree char *expected_names = g_strdup_printf ("filler %s", name);
  gsize new_size = measure_larger (writer, path);
  const guint64 room[] = { 0, new_size / 3, 2 * new_size / 3, new_size - MIN (new_size, 8192) };

  g_test_message ("%s: the new file has %" G_GSIZE_FORMAT " bytes", writer->name, new_size);
  g_assert_cmpuint (new_size, >, 3 * 4096);

  for (guint i = 0; i < G_N_ELEMENTS (room); i++)
    {
      g_autoptr(GBytes) old = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *names = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s with %" G_GUINT64_FORMAT " bytes left", writer->name, room[i]);
      empty_tmpfs ();
      old = write_old_file (writer, path);
      fill_tmpfs (room[i] - room[i] % 4096);

      g_assert_false (writer->write (writer, TRUE, path, &error));
      g_assert_nonnull (error);
      g_test_message ("error: %s", error->message);

      /* What was there is there, and nothing else. */
      g_assert_true (file_is (path, old));
      names = list_tmpfs ();
      g_assert_cmpstr (names, ==, expected_names);

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, path));

      /* With room again, the same export replaces the file whole. */
      g_clear_error (&error);
      g_assert_cmpint (g_unlink (filler), ==, 0);
      g_assert_true (writer->write (writer, TRUE, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      assert_complete (writer, contents, length);
      g_assert_cmpuint (length, ==, new_size);
      g_clear_pointer (&names, g_free);
      names = list_tmpfs ();
      g_assert_cmpstr (names, ==, name);
    }
}

/* The file system turns read-only under an existing export. */
static void
test_read_only (gconstpointer data)
{
  const Writer *writer = data;
  g_autofree char *name = g_strdup_printf ("map.%s", writer->extension);
  g_autofree char *path = g_build_filename (tmpfs, name, NULL);
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gboolean ok;

  empty_tmpfs ();
  old = write_old_file (writer, path);

  remount (TRUE);
  ok = writer->write (writer, TRUE, path, &error);
  names = list_tmpfs ();
  remount (FALSE);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_true (file_is (path, old));
  g_assert_cmpstr (names, ==, name);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasBasemap) basemap = NULL;
  g_autoptr(GFile) dataset_file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmpfs = g_getenv ("ATLAS_TEST_TMPFS");
  if (tmpfs == NULL || *tmpfs == '\0')
    {
      g_printerr ("Run through in-tmpfs.sh: ATLAS_TEST_TMPFS is not set\n");
      return SKIPPED;
    }

  basemap = atlas_basemap_new_from_resources (&error);
  g_assert_no_error (error);
  painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  dataset_file = g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "dataset",
                                            "kosovo-1999-2010.geojson", NULL);
  dataset = atlas_dataset_new_from_file (dataset_file, NULL, &error);
  g_assert_no_error (error);
  lesson = atlas_lesson_load_resource (ATLAS_LESSON_BUNDLED_RESOURCE, &error);
  g_assert_no_error (error);
  zone_set = atlas_zone_set_new (basemap, dataset);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *full = g_strdup_printf ("/no-data-lost/%s/full-disk", writers[i].name);
      g_autofree char *ro = g_strdup_printf ("/no-data-lost/%s/read-only", writers[i].name);

      g_test_add_data_func (full, &writers[i], test_full_disk);
      g_test_add_data_func (ro, &writers[i], test_read_only);
    }

  status = g_test_run ();
  g_clear_object (&painter);
  g_clear_object (&dataset);
  g_clear_object (&lesson);
  g_clear_object (&zone_set);
  return status;
}
