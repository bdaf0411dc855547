/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the model: a minimal JSON tree for one feature's
 * "properties", built by the GeoJSON reader from parser events in a scratch
 * arena that is reset after every feature. Properties are small; the large
 * part of a file (coordinates) never becomes a tree.
 */

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_JSON_NULL,
  ATLAS_JSON_BOOLEAN,
  ATLAS_JSON_NUMBER,
  ATLAS_JSON_STRING,
  ATLAS_JSON_ARRAY,
  ATLAS_JSON_OBJECT,
} AtlasJsonType;

typedef struct _AtlasJsonNode AtlasJsonNode;

struct _AtlasJsonNode {
  AtlasJsonType  type;
  gboolean       boolean;
  const char    *key;         /* member name inside an object, else NULL */
  const char    *text;        /* string value or number literal, NUL-terminated */
  gsize          len;         /* of @text (a string may contain "\u0000") */
  gsize          offset;      /* byte offset in the file */
  guint          n_children;
  AtlasJsonNode *first;
  AtlasJsonNode *last;
  AtlasJsonNode *next;
};

/* The first member called @key of an object, or NULL. */
AtlasJsonNode *atlas_json_node_get_member (const AtlasJsonNode *object,
                                           const char          *key);
/* "a string", "an array", … for messages. */
const char    *atlas_json_type_describe   (AtlasJsonType        type);

G_END_DECLS
