/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A bump allocator: many small allocations that are all freed together.
 * The dataset keeps its strings and small arrays in one; the loader uses
 * another as per-feature scratch space that it resets after each feature.
 * Not thread-safe; internal to the model.
 */
typedef struct _AtlasArena AtlasArena;

AtlasArena *atlas_arena_new       (gsize        block_size);
void        atlas_arena_free      (AtlasArena  *arena);
/* Frees everything but the first block, for reuse. */
void        atlas_arena_reset     (AtlasArena  *arena);
/* 8-byte aligned, uninitialised memory. */
gpointer    atlas_arena_alloc     (AtlasArena  *arena,
                                   gsize        size);
gpointer    atlas_arena_alloc0    (AtlasArena  *arena,
                                   gsize        size);
/* A NUL-terminated copy of @len bytes of @str. */
char       *atlas_arena_strndup   (AtlasArena  *arena,
                                   const char  *str,
                                   gsize        len);
/* Bytes handed out since creation or the last reset. */
gsize       atlas_arena_get_used  (AtlasArena  *arena);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasArena, atlas_arena_free)

G_END_DECLS
