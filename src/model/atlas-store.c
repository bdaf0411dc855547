/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-store.h"

static const gsize record_size[ATLAS_N_KINDS] = {
  [ATLAS_KIND_EVENT] = sizeof (AtlasEventRecord),
  [ATLAS_KIND_ZONE] = sizeof (AtlasZoneRecord),
  [ATLAS_KIND_DEPLOYMENT] = sizeof (AtlasDeploymentRecord),
  [ATLAS_KIND_PLACE] = sizeof (AtlasPlaceRecord),
};

AtlasStore *
atlas_store_new (void)
{
  AtlasStore *store = g_new0 (AtlasStore, 1);

  g_atomic_ref_count_init (&store->ref_count);
  store->arena = atlas_arena_new (256 * 1024);
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    store->records[k] = g_array_new (FALSE, TRUE, record_size[k]);
  store->coords = g_array_new (FALSE, FALSE, sizeof (double));
  store->ring_start = g_array_new (FALSE, FALSE, sizeof (guint32));
  store->part_start = g_array_new (FALSE, FALSE, sizeof (guint32));
  store->ids = g_hash_table_new (g_str_hash, g_str_equal);
  store->categories = g_ptr_array_new ();
  g_ptr_array_add (store->categories, NULL);
  store->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  return store;
}

AtlasStore *
atlas_store_ref (AtlasStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);

  g_atomic_ref_count_inc (&store->ref_count);
  return store;
}

void
atlas_store_unref (AtlasStore *store)
{
  g_return_if_fail (store != NULL);

  if (!g_atomic_ref_count_dec (&store->ref_count))
    return;

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      g_array_unref (store->records[k]);
      g_free (store->array_memory[k]);
      g_clear_pointer (&store->time_index[k], atlas_time_index_unref);
    }
  g_array_unref (store->coords);
  g_array_unref (store->ring_start);
  g_array_unref (store->part_start);
  g_hash_table_unref (store->ids);
  g_ptr_array_unref (store->categories);
  g_hash_table_unref (store->category_index);
  g_free (store->change_points);
  atlas_arena_free (store->arena);
  g_free (store);
}

const char *
atlas_store_intern (AtlasStore *store,
                    const char *str)
{
  if (str == NULL)
    return NULL;
  return atlas_arena_strndup (store->arena, str, strlen (str));
}

guint16
atlas_store_intern_category (AtlasStore *store,
                             const char *category)
{
  gpointer found;
  const char *copy;

  if (category == NULL)
    return 0;

  found = g_hash_table_lookup (store->category_index, category);
  if (found != NULL)
    return (guint16) GPOINTER_TO_UINT (found);

  /* A dataset has a handful of categories; a hostile one may have more
   * than an index holds, and those simply share "none". */
  if (store->categories->len >= G_MAXUINT16)
    return 0;

  copy = atlas_store_intern (store, category);
  g_ptr_array_add (store->categories, (gpointer) copy);
  g_hash_table_insert (store->category_index, (gpointer) copy,
                       GUINT_TO_POINTER (store->categories->len - 1));
  return (guint16) (store->categories->len - 1);
}

gpointer
atlas_store_append_record (AtlasStore       *store,
                           AtlasFeatureKind  kind)
{
  GArray *records = store->records[kind];

  g_assert (!store->finished);

  g_array_set_size (records, records->len + 1);
  return records->data + (gsize) (records->len - 1) * record_size[kind];
}

guint
atlas_store_get_n_records (AtlasStore       *store,
                           AtlasFeatureKind  kind)
{
  return store->records[kind]->len;
}

gpointer
atlas_store_get_record (AtlasStore       *store,
                        AtlasFeatureKind  kind,
                        guint            position)
{
  GArray *records = store->records[kind];

  g_return_val_if_fail (position < records->len, NULL);

  return records->data + (gsize) position * record_size[kind];
}

gboolean
atlas_store_lookup (AtlasStore       *store,
                    const char       *id,
                    AtlasFeatureKind *kind,
                    guint            *position)
{
  gpointer packed;

  if (id == NULL || (packed = g_hash_table_lookup (store->ids, id)) == NULL)
    return FALSE;

  atlas_store_unpack (packed, kind, position);
  return TRUE;
}

gboolean
atlas_store_get_geometry (AtlasStore        *store,
                          const AtlasRecord *record,
                          AtlasGeometry     *geometry)
{
  memset (geometry, 0, sizeof *geometry);
  geometry->type = record->geometry_type;
  if (record->geometry_type == ATLAS_GEOMETRY_NONE)
    return FALSE;

  geometry->first_part = record->first_part;
  geometry->n_parts = record->n_parts;
  geometry->part_start = (const guint32 *) (gpointer) store->part_start->data;
  geometry->ring_start = (const guint32 *) (gpointer) store->ring_start->data;
  geometry->coords = (const double *) (gpointer) store->coords->data;
  return TRUE;
}

void
atlas_store_get_mark (AtlasStore     *store,
                      AtlasStoreMark *mark)
{
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    mark->n_records[k] = store->records[k]->len;
  mark->n_coords = store->coords->len;
  mark->n_rings = store->ring_start->len;
  mark->n_parts = store->part_start->len;
}

void
atlas_store_rollback (AtlasStore           *store,
                      const AtlasStoreMark *mark)
{
  g_assert (!store->finished);

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      for (guint i = mark->n_records[k]; i < store->records[k]->len; i++)
        {
          const AtlasRecord *record = atlas_store_get_record (store, k, i);

          g_hash_table_remove (store->ids, record->id);
        }
      g_array_set_size (store->records[k], mark->n_records[k]);
    }
  g_array_set_size (store->coords, mark->n_coords);
  g_array_set_size (store->ring_start, mark->n_rings);
  g_array_set_size (store->part_start, mark->n_parts);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const AtlasRecord *ra = a;
  const AtlasRecord *rb = b;

  if (ra->start_day != rb->start_day)
    return ra->start_day < rb->start_day ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

static void
drop_dead_records (AtlasStore       *store,
                   AtlasFeatureKind  kind)
{
  GArray *records = store->records[kind];
  gsize size = record_size[kind];
  guint kept = 0;

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = (AtlasRecord *) (gpointer) (records->data + i * size);

      if (record->dead)
        continue;
      if (kept != i)
        memcpy (records->data + kept * size, record, size);
      kept++;
    }
  g_array_set_size (records, kept);
}

static void
build_arrays (AtlasStore       *store,
              AtlasFeatureKind  kind)
{
  AtlasFeatureArrays *arrays = &store->arrays[kind];
  guint n = store->records[kind]->len;
  const guint32 *part_start = (const guint32 *) (gpointer) store->part_start->data;
  const guint32 *ring_start = (const guint32 *) (gpointer) store->ring_start->data;
  const double *coords = (const double *) (gpointer) store->coords->data;
  guint8 *mem;
  gint32 *start_day, *end_day;
  double *lon, *lat, *x, *y;
  guint16 *category;
  guint8 *certainty;

  /* One block, widest members first so every array stays aligned. */
  mem = g_malloc (MAX (n, 1) * (4 * sizeof (double) + 2 * sizeof (gint32) + sizeof (guint16) + 1));
  store->array_memory[kind] = mem;
  lon = (double *) (gpointer) mem;
  lat = lon + n;
  x = lat + n;
  y = x + n;
  start_day = (gint32 *) (gpointer) (y + n);
  end_day = start_day + n;
  category = (guint16 *) (gpointer) (end_day + n);
  certainty = (guint8 *) (category + n);

  for (guint i = 0; i < n; i++)
    {
      const AtlasRecord *record = atlas_store_get_record (store, kind, i);

      start_day[i] = record->start_day;
      end_day[i] = record->end_day;
      category[i] = record->category_index;
      certainty[i] = record->certainty;
      if (record->geometry_type == ATLAS_GEOMETRY_POINT)
        {
          guint position = ring_start[part_start[record->first_part]];

          lon[i] = coords[2 * position];
          lat[i] = coords[2 * position + 1];
          atlas_lonlat_to_unit_mercator (lon[i], lat[i], &x[i], &y[i]);
        }
      else
        {
          lon[i] = lat[i] = x[i] = y[i] = NAN;
        }
    }

  arrays->n_items = n;
  arrays->start_day = start_day;
  arrays->end_day = end_day;
  arrays->lon = lon;
  arrays->lat = lat;
  arrays->x = x;
  arrays->y = y;
  arrays->certainty = certainty;
  arrays->category = category;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 da = *(const gint32 *) a;
  gint32 db = *(const gint32 *) b;

  return da < db ? -1 : da > db;
}

static void
build_change_points (AtlasStore *store)
{
  guint total = 0;
  guint n = 0;
  gint32 *points;

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    total += 2 * store->arrays[k].n_items;
  points = g_new (gint32, MAX (total, 1));

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      const AtlasFeatureArrays *arrays = &store->arrays[k];

      for (guint i = 0; i < arrays->n_items; i++)
        {
          if (arrays->start_day[i] != ATLAS_DAY_MIN)
            points[n++] = arrays->start_day[i];
          if (arrays->end_day[i] != ATLAS_DAY_MAX)
            points[n++] = arrays->end_day[i];
        }
    }

  qsort (points, n, sizeof (gint32), compare_days);

  total = n;
  n = 0;
  for (guint i = 0; i < total; i++)
    if (n == 0 || points[n - 1] != points[i])
      points[n++] = points[i];

  store->change_points = g_renew (gint32, points, MAX (n, 1));
  store->n_change_points = n;
}

void
atlas_store_finish (AtlasStore *store)
{
  guint32 sentinel;

  g_return_if_fail (!store->finished);

  store->finished = TRUE;
  g_hash_table_remove_all (store->ids);

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      GArray *records = store->records[k];

      drop_dead_records (store, k);
      g_array_sort (records, compare_records);
      for (guint i = 0; i < records->len; i++)
        {
          const AtlasRecord *record = atlas_store_get_record (store, k, i);

          g_hash_table_insert (store->ids, (gpointer) record->id, atlas_store_pack (k, i));
        }
    }

  /* The entries after the last ring and part, so that "start of the next
   * one" is always readable (see AtlasGeometry). */
  sentinel = store->coords->len / 2;
  g_array_append_val (store->ring_start, sentinel);
  sentinel = store->ring_start->len - 1;
  g_array_append_val (store->part_start, sentinel);

  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      build_arrays (store, k);
      store->time_index[k] = atlas_time_index_new (store->arrays[k].start_day,
                                                   store->arrays[k].end_day,
                                                   store->arrays[k].n_items);
    }
  build_change_points (store);
}
