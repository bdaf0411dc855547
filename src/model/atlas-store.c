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
  store->id_capacity = 1024;
  store->id_slots = g_new0 (AtlasIdSlot, store->id_capacity);
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
  g_free (store->id_slots);
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

/* --- The id table ----------------------------------------------------
 *
 * Linear probing over (hash, ref) pairs, at most half full: 8 bytes a
 * slot where a GHashTable needs 20, and after sorting the refs are
 * renumbered from the kept hashes without hashing any id again. */

static inline const char *
slot_id (AtlasStore        *store,
         const AtlasIdSlot *slot)
{
  guint v = slot->ref - 1;
  GArray *records = store->records[v & 3];

  return ((const AtlasRecord *) (gpointer) (records->data + (gsize) (v >> 2) * record_size[v & 3]))->id;
}

static AtlasIdSlot *
find_slot (AtlasStore *store,
           const char *id,
           guint32     hash)
{
  guint mask = store->id_capacity - 1;

  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      AtlasIdSlot *slot = &store->id_slots[i];

      if (slot->ref == 0 || (slot->hash == hash && strcmp (slot_id (store, slot), id) == 0))
        return slot;
    }
}

static void
insert_slot (AtlasStore *store,
             guint32     hash,
             guint32     ref)
{
  guint mask = store->id_capacity - 1;
  guint i;

  for (i = hash & mask; store->id_slots[i].ref != 0; i = (i + 1) & mask)
    ;
  store->id_slots[i].hash = hash;
  store->id_slots[i].ref = ref;
}

static void
grow_ids (AtlasStore *store)
{
  AtlasIdSlot *old = store->id_slots;
  guint old_capacity = store->id_capacity;

  store->id_capacity *= 2;
  store->id_slots = g_new0 (AtlasIdSlot, store->id_capacity);
  for (guint i = 0; i < old_capacity; i++)
    if (old[i].ref != 0)
      insert_slot (store, old[i].hash, old[i].ref);
  g_free (old);
}

void
atlas_store_add_id (AtlasStore       *store,
                    AtlasFeatureKind  kind,
                    guint             raw_index)
{
  const AtlasRecord *record = atlas_store_get_record (store, kind, raw_index);

  g_assert (!store->finished);
  g_assert (raw_index < (1u << 30));

  if (2 * (store->n_ids + 1) > store->id_capacity)
    grow_ids (store);
  insert_slot (store, g_str_hash (record->id), ((raw_index << 2) | kind) + 1);
  store->n_ids++;
}

/* After a rollback: the table again holds exactly the records there are. */
static void
rebuild_ids (AtlasStore *store)
{
  memset (store->id_slots, 0, store->id_capacity * sizeof (AtlasIdSlot));
  store->n_ids = 0;
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    for (guint i = 0; i < store->records[k]->len; i++)
      atlas_store_add_id (store, k, i);
}

/* After sorting: the table refers to list positions instead of raw
 * indexes, and forgets dead records. The stored hashes save hashing
 * every id again. */
static void
renumber_ids (AtlasStore *store,
              guint32    *sorted[ATLAS_N_KINDS])
{
  AtlasIdSlot *old = store->id_slots;

  store->id_slots = g_new0 (AtlasIdSlot, store->id_capacity);
  store->n_ids = 0;
  for (guint i = 0; i < store->id_capacity; i++)
    {
      guint v = old[i].ref - 1;
      guint32 position;

      if (old[i].ref == 0 || (position = sorted[v & 3][v >> 2]) == G_MAXUINT32)
        continue;
      insert_slot (store, old[i].hash, ((position << 2) | (v & 3)) + 1);
      store->n_ids++;
    }
  g_free (old);
}

gboolean
atlas_store_lookup (AtlasStore       *store,
                    const char       *id,
                    AtlasFeatureKind *kind,
                    guint            *position)
{
  const AtlasIdSlot *slot;

  if (id == NULL)
    return FALSE;

  slot = find_slot (store, id, g_str_hash (id));
  if (slot->ref == 0)
    return FALSE;

  *kind = (slot->ref - 1) & 3;
  *position = (slot->ref - 1) >> 2;
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
    g_array_set_size (store->records[k], mark->n_records[k]);
  rebuild_ids (store);
  g_array_set_size (store->coords, mark->n_coords);
  g_array_set_size (store->ring_start, mark->n_rings);
  g_array_set_size (store->part_start, mark->n_parts);
}

/* Sorting moves small keys, not records: dead records last, then by start
 * day, then by id. */
typedef struct {
  gint64      day;       /* start day, or past every day when dead */
  guint64     prefix[2]; /* the id's first 16 bytes, big-endian, 0-padded */
  const char *id;
  guint32     raw;
} SortKey;

/* Many features start on the same day, so ties are common; comparing the
 * ids' first bytes as integers settles most of them without strcmp(). */
static void
set_prefix (SortKey    *key,
            const char *id)
{
  gboolean ended = FALSE;

  for (guint w = 0; w < 2; w++)
    {
      guint64 v = 0;

      for (guint i = 0; i < 8; i++)
        {
          guchar c = ended ? 0 : (guchar) id[w * 8 + i];

          ended = ended || c == 0;
          v = (v << 8) | c;
        }
      key->prefix[w] = v;
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (ka->day != kb->day)
    return ka->day < kb->day ? -1 : 1;
  if (ka->prefix[0] != kb->prefix[0])
    return ka->prefix[0] < kb->prefix[0] ? -1 : 1;
  if (ka->prefix[1] != kb->prefix[1])
    return ka->prefix[1] < kb->prefix[1] ? -1 : 1;
  return strcmp (ka->id, kb->id);
}

/* Days span a few thousand values while a big dataset has a million
 * features: a counting sort by day, then sorting each day's (short) run by
 * id, does far fewer comparisons than one qsort. A wide span of days falls
 * back to qsort. */
static void
sort_keys (SortKey *keys,
           guint    n)
{
  g_autofree SortKey *by_day = NULL;
  g_autofree guint *starts = NULL;
  gint64 min = G_MAXINT64;
  gint64 max = G_MININT64;
  guint n_days;
  guint run;

  /* Dead records (G_MAXINT64) get a bucket after the last day. */
  for (guint i = 0; i < n; i++)
    if (keys[i].day != G_MAXINT64)
      {
        min = MIN (min, keys[i].day);
        max = MAX (max, keys[i].day);
      }
  if (n < 1024 || max == G_MININT64 || max - min > (gint64) 4 * n + 65536)
    {
      qsort (keys, n, sizeof (SortKey), compare_keys);
      return;
    }

  n_days = (guint) (max - min) + 2;
  starts = g_new0 (guint, n_days + 1);
  for (guint i = 0; i < n; i++)
    {
      guint bucket = keys[i].day == G_MAXINT64 ? n_days - 1 : (guint) (keys[i].day - min);

      starts[bucket + 1]++;
    }
  for (guint d = 0; d < n_days; d++)
    starts[d + 1] += starts[d];

  by_day = g_new (SortKey, n);
  for (guint i = 0; i < n; i++)
    {
      guint bucket = keys[i].day == G_MAXINT64 ? n_days - 1 : (guint) (keys[i].day - min);

      by_day[starts[bucket]++] = keys[i];
    }

  for (guint i = 0; i < n; i = run)
    {
      for (run = i + 1; run < n && by_day[run].day == by_day[i].day; run++)
        ;
      if (run - i > 1)
        qsort (by_day + i, run - i, sizeof (SortKey), compare_keys);
    }
  memcpy (keys, by_day, n * sizeof (SortKey));
}

/* Sorts @kind's records in place, drops the dead ones, and fills @sorted
 * (raw index → list position, G_MAXUINT32 when dropped). */
static void
sort_records (AtlasStore       *store,
              AtlasFeatureKind  kind,
              guint32          *sorted)
{
  GArray *records = store->records[kind];
  gsize size = record_size[kind];
  guint n = records->len;
  g_autofree SortKey *keys = g_new (SortKey, MAX (n, 1));
  g_autofree guint8 *copy = NULL;
  guint alive = 0;

  for (guint i = 0; i < n; i++)
    {
      const AtlasRecord *record = atlas_store_get_record (store, kind, i);

      keys[i].day = record->dead ? G_MAXINT64 : record->start_day;
      keys[i].id = record->id;
      set_prefix (&keys[i], record->id);
      keys[i].raw = i;
      if (!record->dead)
        alive++;
    }
  sort_keys (keys, n);

  copy = g_memdup2 (records->data, n * size);
  for (guint i = 0; i < n; i++)
    {
      guint raw = keys[i].raw;

      memcpy (records->data + i * size, copy + raw * size, size);
      sorted[raw] = i < alive ? i : G_MAXUINT32;
    }
  g_array_set_size (records, alive);
}

static void
build_arrays (AtlasStore       *store,
              AtlasFeatureKind  kind)
{
  AtlasFeatureArrays *arrays = &store->arrays[kind];
  guint n = store->records[kind]->len;
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
      lon[i] = record->lon;
      lat[i] = record->lat;
      if (record->geometry_type == ATLAS_GEOMETRY_POINT)
        atlas_lonlat_to_unit_mercator (lon[i], lat[i], &x[i], &y[i]);
      else
        x[i] = y[i] = NAN;
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
  guint32 *sorted[ATLAS_N_KINDS];
  guint32 sentinel;

  g_return_if_fail (!store->finished);

  store->finished = TRUE;

  /* Sorting puts dead records last. */
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    {
      sorted[k] = g_new (guint32, MAX (store->records[k]->len, 1));
      sort_records (store, k, sorted[k]);
    }
  renumber_ids (store, sorted);
  for (guint k = 0; k < ATLAS_N_KINDS; k++)
    g_free (sorted[k]);

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
