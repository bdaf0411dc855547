/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-model-types.h"

G_BEGIN_DECLS

/*
 * AtlasTimeIndex:
 * A static interval index over n half-open day intervals [start, end),
 * item i being the interval start[i]..end[i] (for a dataset: position i of
 * a kind's list). It is a centred interval tree, so
 *
 *   - atlas_time_index_query_active() (items with start <= day < end) and
 *   - atlas_time_index_query_overlapping() (items with start < to and
 *     end > from, i.e. meeting [from, to))
 *
 * take O(log n + k) for k results. Results are appended to @positions (a
 * GArray of guint) in no particular order; sort them if order matters.
 * Empty intervals (end <= start) are never returned. Immutable once built,
 * so it may be queried from several threads at once.
 */

#define ATLAS_TYPE_TIME_INDEX (atlas_time_index_get_type ())

GType           atlas_time_index_get_type     (void) G_GNUC_CONST;
AtlasTimeIndex *atlas_time_index_new          (const gint32   *start,
                                               const gint32   *end,
                                               guint           n_items);
AtlasTimeIndex *atlas_time_index_ref          (AtlasTimeIndex *self);
void            atlas_time_index_unref        (AtlasTimeIndex *self);
guint           atlas_time_index_get_n_items  (AtlasTimeIndex *self);
void            atlas_time_index_query_active (AtlasTimeIndex *self,
                                               gint32          day,
                                               GArray         *positions);
void            atlas_time_index_query_overlapping (AtlasTimeIndex *self,
                                                    gint32          from,
                                                    gint32          to,
                                                    GArray         *positions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTimeIndex, atlas_time_index_unref)

G_END_DECLS
