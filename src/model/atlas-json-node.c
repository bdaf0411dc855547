/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-json-node"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-json-node.h"

AtlasJsonNode *
atlas_json_node_get_member (const AtlasJsonNode *object,
                            const char          *key)
{
  g_return_val_if_fail (object != NULL, NULL);

  if (object->type != ATLAS_JSON_OBJECT)
    return NULL;

  /* Most keys differ in their first byte: skip the call for those. */
  for (AtlasJsonNode *child = object->first; child != NULL; child = child->next)
    if (child->key[0] == key[0] && strcmp (child->key, key) == 0)
      return child;

  return NULL;
}

const char *
atlas_json_type_describe (AtlasJsonType type)
{
  switch (type)
    {
    /* JSON's own word, as written. */
    case ATLAS_JSON_NULL: return "null";
    /* Translators: this and the five below are the type of a JSON value
     * found where another was expected, put in messages such as
     * "expected a string, found %s" */
    case ATLAS_JSON_BOOLEAN: return _("a boolean");
    case ATLAS_JSON_NUMBER: return _("a number");
    case ATLAS_JSON_STRING: return _("a string");
    case ATLAS_JSON_ARRAY: return _("an array");
    case ATLAS_JSON_OBJECT: return _("an object");
    default: return _("a value");
    }
}
