/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-time-index"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atlas-time-index.h"

/*
 * A centred interval tree, flattened into arrays. Each node has a centre
 * day c, and holds the intervals with start <= c < end twice: sorted by
 * start (ascending) and by end (descending). Intervals wholly before c go
 * to the left subtree, those wholly after it to the right one. Choosing c
 * as the median start keeps the depth at O(log n) and every node non-empty,
 * so a query visits O(log n) nodes plus the nodes it reports from.
 */

typedef struct {
  gint32  key;
  guint32 item;
} Entry;

typedef struct {
  gint32  center;
  gint32  left;       /* node index, -1 for none */
  gint32  right;
  guint32 first;      /* range in by_start and by_end */
  guint32 count;
} Node;

struct _AtlasTimeIndex {
  gatomicrefcount  ref_count;
  guint            n_items;
  Node            *nodes;
  guint            n_nodes;
  Entry           *by_start;
  Entry           *by_end;
  gint32           root;
};

G_DEFINE_BOXED_TYPE (AtlasTimeIndex, atlas_time_index, atlas_time_index_ref, atlas_time_index_unref)

typedef struct {
  AtlasTimeIndex *index;
  const gint32   *start;
  const gint32   *end;
  guint32        *scratch;
  guint           n_entries;
} Builder;

static int
compare_entry_desc (gconstpointer a,
                    gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->key != eb->key)
    return ea->key > eb->key ? -1 : 1;
  return ea->item < eb->item ? -1 : ea->item > eb->item;
}

/* @items (n of them) are sorted by start; they are reordered in place. */
static gint32
build_node (Builder *b,
            guint32 *items,
            guint    n)
{
  AtlasTimeIndex *self = b->index;
  gint32 center;
  guint n_left = 0;
  guint n_mid = 0;
  guint right;
  gint32 node;
  gint32 left_child;
  gint32 right_child;
  Node *nd;

  if (n == 0)
    return -1;

  center = b->start[items[n / 2]];
  for (right = n / 2; right < n && b->start[items[right]] <= center; right++)
    ;

  /* Stable partition of the prefix: left items stay in place, middle ones
   * (containing the centre) go to the node's entries. */
  for (guint i = 0; i < right; i++)
    {
      guint32 item = items[i];

      if (b->end[item] <= center)
        items[n_left++] = item;
      else
        b->scratch[n_mid++] = item;
    }

  g_assert (n_mid > 0);
  node = self->n_nodes++;
  nd = &self->nodes[node];
  nd->center = center;
  nd->first = b->n_entries;
  nd->count = n_mid;
  for (guint i = 0; i < n_mid; i++)
    {
      guint32 item = b->scratch[i];

      self->by_start[b->n_entries + i] = (Entry) { b->start[item], item };
      self->by_end[b->n_entries + i] = (Entry) { b->end[item], item };
    }
  qsort (self->by_end + b->n_entries, n_mid, sizeof (Entry), compare_entry_desc);
  b->n_entries += n_mid;

  left_child = build_node (b, items, n_left);
  right_child = build_node (b, items + right, n - right);
  self->nodes[node].left = left_child;
  self->nodes[node].right = right_child;
  return node;
}

static int
compare_entry_asc (gconstpointer a,
                   gconstpointer b)
{
  return -compare_entry_desc (a, b);
}

/**
 * atlas_time_index_new:
 * @start: (array length=n_items): first day of each interval
 * @end: (array length=n_items): first day after each interval
 * @n_items: number of intervals
 *
 * Builds the index in O(n log n). The arrays are not kept.
 */
AtlasTimeIndex *
atlas_time_index_new (const gint32 *start,
                      const gint32 *end,
                      guint         n_items)
{
  AtlasTimeIndex *self;
  g_autofree guint32 *items = NULL;
  Builder b = { 0 };
  guint n = 0;

  g_return_val_if_fail (n_items == 0 || (start != NULL && end != NULL), NULL);

  self = g_new0 (AtlasTimeIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_items = n_items;
  self->root = -1;

  {
    g_autofree Entry *sorted = g_new (Entry, MAX (n_items, 1));

    for (guint i = 0; i < n_items; i++)
      if (end[i] > start[i])
        sorted[n++] = (Entry) { start[i], i };
    qsort (sorted, n, sizeof (Entry), compare_entry_asc);

    items = g_new (guint32, MAX (n, 1));
    for (guint i = 0; i < n; i++)
      items[i] = sorted[i].item;
  }

  if (n == 0)
    return self;

  self->nodes = g_new (Node, n);
  self->by_start = g_new (Entry, n);
  self->by_end = g_new (Entry, n);

  b.index = self;
  b.start = start;
  b.end = end;
  b.scratch = g_new (guint32, n);
  self->root = build_node (&b, items, n);
  g_free (b.scratch);
  g_assert (b.n_entries == n);

  return self;
}

AtlasTimeIndex *
atlas_time_index_ref (AtlasTimeIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_time_index_unref (AtlasTimeIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->nodes);
  g_free (self->by_start);
  g_free (self->by_end);
  g_free (self);
}

guint
atlas_time_index_get_n_items (AtlasTimeIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

/* Appends the node's entries from @entries while their key passes. */
static inline void
append_while_below (const Entry *entries,
                    guint        count,
                    gint32       limit,
                    GArray      *out)
{
  for (guint i = 0; i < count && entries[i].key < limit; i++)
    g_array_append_val (out, entries[i].item);
}

static inline void
append_while_above (const Entry *entries,
                    guint        count,
                    gint32       limit,
                    GArray      *out)
{
  for (guint i = 0; i < count && entries[i].key > limit; i++)
    g_array_append_val (out, entries[i].item);
}

void
atlas_time_index_query_active (AtlasTimeIndex *self,
                               gint32          day,
                               GArray         *positions)
{
  gint32 node;

  g_return_if_fail (self != NULL);
  g_return_if_fail (positions != NULL && g_array_get_element_size (positions) == sizeof (guint));

  node = self->root;
  while (node >= 0)
    {
      const Node *nd = &self->nodes[node];

      if (day < nd->center)
        {
          /* Every entry has end > centre > day: only start <= day matters. */
          append_while_below (self->by_start + nd->first, nd->count, day + 1, positions);
          node = nd->left;
        }
      else
        {
          /* Every entry has start <= centre <= day: only end > day matters. */
          append_while_above (self->by_end + nd->first, nd->count, day, positions);
          node = nd->right;
        }
    }
}

static void
query_overlapping (AtlasTimeIndex *self,
                   gint32          node,
                   gint32          from,
                   gint32          to,
                   GArray         *out)
{
  while (node >= 0)
    {
      const Node *nd = &self->nodes[node];

      if (to <= nd->center)
        {
          append_while_below (self->by_start + nd->first, nd->count, to, out);
          node = nd->left;
        }
      else if (from >= nd->center)
        {
          append_while_above (self->by_end + nd->first, nd->count, from, out);
          node = nd->right;
        }
      else
        {
          /* from < centre < to: the whole node overlaps. */
          for (guint i = 0; i < nd->count; i++)
            g_array_append_val (out, self->by_start[nd->first + i].item);
          query_overlapping (self, nd->left, from, to, out);
          node = nd->right;
        }
    }
}

void
atlas_time_index_query_overlapping (AtlasTimeIndex *self,
                                    gint32          from,
                                    gint32          to,
                                    GArray         *positions)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (positions != NULL && g_array_get_element_size (positions) == sizeof (guint));

  if (from >= to)
    return;

  query_overlapping (self, self->root, from, to, positions);
}
