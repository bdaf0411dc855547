/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-arena"

#include "config.h"

#include <string.h>

#include "atlas-arena.h"

typedef struct _Block Block;

struct _Block {
  Block *next;
  gsize  size;
  gsize  used;
  /* Keeps data 8-byte aligned after the header. */
  guint64 data[];
};

struct _AtlasArena {
  Block *blocks;      /* the current block first */
  gsize  block_size;
  gsize  used;
};

static Block *
block_new (gsize size)
{
  Block *block = g_malloc (sizeof (Block) + size);

  block->next = NULL;
  block->size = size;
  block->used = 0;
  return block;
}

AtlasArena *
atlas_arena_new (gsize block_size)
{
  AtlasArena *arena = g_new0 (AtlasArena, 1);

  arena->block_size = MAX (block_size, 256);
  arena->blocks = block_new (arena->block_size);
  return arena;
}

void
atlas_arena_free (AtlasArena *arena)
{
  Block *block;

  if (arena == NULL)
    return;

  while ((block = arena->blocks) != NULL)
    {
      arena->blocks = block->next;
      g_free (block);
    }
  g_free (arena);
}

void
atlas_arena_reset (AtlasArena *arena)
{
  Block *keep = NULL;
  Block *block;

  g_return_if_fail (arena != NULL);

  /* Keep one ordinary block (big ones have their own sizes). */
  while ((block = arena->blocks) != NULL)
    {
      arena->blocks = block->next;
      if (keep == NULL && block->size == arena->block_size)
        keep = block;
      else
        g_free (block);
    }
  if (keep == NULL)
    keep = block_new (arena->block_size);
  keep->next = NULL;
  keep->used = 0;
  arena->blocks = keep;
  arena->used = 0;
}

gpointer
atlas_arena_alloc (AtlasArena *arena,
                   gsize       size)
{
  Block *block = arena->blocks;
  gsize aligned = (size + 7) & ~(gsize) 7;
  gpointer result;

  if (aligned < size)
    g_error ("arena allocation of %" G_GSIZE_FORMAT " bytes overflows", size);

  if (block->size - block->used < aligned)
    {
      /* Large allocations get a block of their own, behind the current
       * one, so the current block's free space is not wasted. */
      if (aligned > arena->block_size / 4)
        {
          Block *big = block_new (aligned);

          big->next = block->next;
          block->next = big;
          big->used = aligned;
          arena->used += aligned;
          return big->data;
        }
      block = block_new (arena->block_size);
      block->next = arena->blocks;
      arena->blocks = block;
    }

  result = (guint8 *) block->data + block->used;
  block->used += aligned;
  arena->used += aligned;
  return result;
}

gpointer
atlas_arena_alloc0 (AtlasArena *arena,
                    gsize       size)
{
  gpointer mem = atlas_arena_alloc (arena, size);

  memset (mem, 0, size);
  return mem;
}

char *
atlas_arena_strndup (AtlasArena *arena,
                     const char *str,
                     gsize       len)
{
  char *copy = atlas_arena_alloc (arena, len + 1);

  memcpy (copy, str, len);
  copy[len] = '\0';
  return copy;
}

gsize
atlas_arena_get_used (AtlasArena *arena)
{
  return arena->used;
}
