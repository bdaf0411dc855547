/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-geojson-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "atlas-dataset.h"
#include "atlas-geojson-private.h"
#include "atlas-json-escape.h"

/*
 * yajl calls us once per JSON token. A stack of frames, one per open array
 * or object, says what each value is for (its "role"); values we do not
 * need are skipped without storing anything. Nothing recurses, so nesting
 * costs one frame and is cut off at ATLAS_MAX_DEPTH.
 */

gsize
atlas_reader_offset (AtlasReader *r)
{
  return r->base + yajl_get_bytes_consumed (r->yajl);
}

gboolean
atlas_reader_fail (AtlasReader *r,
                   gsize        offset,
                   int          code,
                   const char  *format,
                   ...)
{
  va_list args;

  if (r->error != NULL)
    return FALSE;

  va_start (args, format);
  r->error = g_error_new_valist (ATLAS_DATASET_ERROR, code, format, args);
  va_end (args);
  r->error_offset = offset;
  return FALSE;
}

gboolean
atlas_reader_push (AtlasReader *r,
                   Role         role)
{
  Frame *frame;

  if (r->depth >= ATLAS_MAX_DEPTH)
    return atlas_reader_fail (r, atlas_reader_offset (r) - 1, ATLAS_DATASET_ERROR_TOO_DEEP,
                              /* Translators: about JSON arrays and objects in a dataset file */
                              ngettext ("arrays and objects are nested more than %d deep",
                                        "arrays and objects are nested more than %d deep", ATLAS_MAX_DEPTH),
                              ATLAS_MAX_DEPTH);

  frame = &r->frames[r->depth++];
  memset (frame, 0, sizeof *frame);
  frame->role = role;
  return TRUE;
}

gboolean
atlas_reader_push_skip (AtlasReader   *r,
                        AtlasJsonType  type)
{
  if (type == ATLAS_JSON_ARRAY || type == ATLAS_JSON_OBJECT)
    return atlas_reader_push (r, ROLE_SKIP);
  return TRUE;
}

static gboolean
check_cancelled (AtlasReader *r)
{
  /* Nothing keeps pointers into the text once a callback returns (the
   * scratch tree holds copies), so what lies behind can go. */
  atlas_load_session_release_text (r->session, atlas_reader_offset (r));
  atlas_load_session_progress (r->session, atlas_reader_offset (r));
  if (r->session->cancellable != NULL && g_cancellable_is_cancelled (r->session->cancellable))
    {
      if (r->error == NULL)
        g_cancellable_set_error_if_cancelled (r->session->cancellable, &r->error);
      return FALSE;
    }
  return TRUE;
}

gsize
atlas_reader_token_start (AtlasReader   *r,
                          AtlasJsonType  type,
                          gsize          len)
{
  gsize end = atlas_reader_offset (r);
  gsize size = type == ATLAS_JSON_STRING ? len + 2 :
               type == ATLAS_JSON_NUMBER ? len :
               type == ATLAS_JSON_ARRAY || type == ATLAS_JSON_OBJECT ? 1 :
               type == ATLAS_JSON_BOOLEAN ? 4 : 4;

  return end >= size ? end - size : 0;
}

/* yajl checks only that a string is shaped like UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF pass) and decodes a surrogate
 * escape that is not half of a pair into another character: every string
 * and member name is checked here, at the byte or escape that is wrong. */
static gboolean
check_text (AtlasReader *r,
            const char  *text,
            gsize        len)
{
  const char *data = r->session->text;
  gsize end = atlas_reader_offset (r);
  const char *raw = text;
  gsize raw_len = len;
  const char *invalid;
  gssize escape = -1;

  /* A string without escapes is handed over in place; one with escapes
   * was decoded elsewhere, so its text as written is checked instead. */
  if ((guintptr) text < (guintptr) data || (guintptr) text >= (guintptr) (data + end))
    {
      gsize start = atlas_json_string_start (data, end - 1) + 1;

      raw = data + start;
      raw_len = end - 1 - start;
      escape = atlas_json_find_unpaired_surrogate (raw, raw_len);
    }

  if (g_utf8_validate_len (raw, escape >= 0 ? (gsize) escape : raw_len, &invalid))
    {
      if (escape < 0)
        return TRUE;
      return atlas_reader_fail (r, raw - data + escape, ATLAS_DATASET_ERROR_SYNTAX,
                                /* Translators: the backslash and %.5s are a JSON escape as
                                 * written in the file, e.g. \uD800; a surrogate is half of
                                 * a UTF-16 pair */
                                _("invalid UTF-8 in a string: the escape \\%.5s is an unpaired surrogate"),
                                raw + escape + 1);
    }

  return atlas_reader_fail (r, invalid - data, ATLAS_DATASET_ERROR_SYNTAX, "%s",
                            _("invalid UTF-8 in a string"));
}

/* --- Feature structure ------------------------------------------------ */

static Key
key_from_string (const char *key,
                 gsize       len)
{
  static const struct { const char *name; Key key; } keys[] = {
    { "type", KEY_TYPE },
    { "features", KEY_FEATURES },
    { "geometry", KEY_GEOMETRY },
    { "properties", KEY_PROPERTIES },
    { "coordinates", KEY_COORDINATES },
    { "geometries", KEY_GEOMETRIES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strlen (keys[i].name) == len && memcmp (keys[i].name, key, len) == 0)
      return keys[i].key;
  return KEY_OTHER;
}

static void
feature_problem (AtlasReader   *r,
                 AtlasJsonType  type,
                 gsize          len,
                 const char    *path,
                 const char    *format,
                 ...) G_GNUC_PRINTF (5, 6);

/* A problem with the value just read, in the current feature. */
static void
feature_problem (AtlasReader   *r,
                 AtlasJsonType  type,
                 gsize          len,
                 const char    *path,
                 const char    *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  atlas_load_session_feature_problem (r->session, ATLAS_SEVERITY_ERROR,
                                      atlas_reader_token_start (r, type, len), path, "%s", message);
}

/* Opens a frame for an object or array of the properties tree. */
static gboolean
push_dom (AtlasReader   *r,
          AtlasJsonNode *node)
{
  if (!atlas_reader_push (r, ROLE_DOM))
    return FALSE;
  r->frames[r->depth - 1].node = node;
  return TRUE;
}

static void
feature_begin (AtlasReader *r,
               guint        index)
{
  AtlasFeatureInput *feature = &r->feature;
  GArray *ring_ends = feature->geometry.ring_ends;
  GArray *group_ends = feature->geometry.group_ends;

  memset (feature, 0, sizeof *feature);
  feature->index = index;
  feature->offset = atlas_reader_offset (r) - 1;
  feature->geometry.ring_ends = ring_ends;
  feature->geometry.group_ends = group_ends;
  g_array_set_size (ring_ends, 0);
  g_array_set_size (group_ends, 0);

  atlas_arena_reset (r->scratch);
  r->dom_nodes = 0;
  r->dom_overflow = FALSE;
  r->dom_key = NULL;
  atlas_load_session_feature_begin (r->session, index);
}

static gboolean
feature_member (AtlasReader   *r,
                Frame         *parent,
                AtlasJsonType  type,
                const char    *text,
                gsize          len)
{
  AtlasFeatureInput *feature = &r->feature;

  switch (parent->key)
    {
    case KEY_TYPE:
      feature->has_type = TRUE;
      feature->type_ok = type == ATLAS_JSON_STRING && len == 7 && memcmp (text, "Feature", 7) == 0;
      if (!feature->type_ok)
        /* Translators: "Feature" is the value to write, as it is */
        feature_problem (r, type, len, "type", "%s", _("expected \"Feature\""));
      return atlas_reader_push_skip (r, type);

    case KEY_GEOMETRY:
      if (feature->geometry.present)
        {
          /* Translators: a member of a JSON object is given twice; shown
           * after its path, e.g. "geometry: " */
          feature_problem (r, type, len, "geometry", "%s", _("duplicate member"));
          return atlas_reader_push_skip (r, type);
        }
      feature->geometry.present = TRUE;
      feature->geometry.offset = atlas_reader_token_start (r, type, len);
      if (type == ATLAS_JSON_OBJECT)
        return atlas_reader_push (r, ROLE_GEOMETRY);
      feature->geometry.is_null = type == ATLAS_JSON_NULL;
      if (!feature->geometry.is_null)
        {
          /* Translators: null is JSON's word, as it is; %s is the type of
           * the value found, e.g. "an array" */
          feature_problem (r, type, len, "geometry", _("expected an object or null, found %s"),
                           atlas_json_type_describe (type));
          feature->geometry.bad = TRUE;
        }
      return atlas_reader_push_skip (r, type);

    case KEY_PROPERTIES:
      if (feature->properties_seen)
        {
          feature_problem (r, type, len, "properties", "%s", _("duplicate member"));
          return atlas_reader_push_skip (r, type);
        }
      feature->properties_seen = TRUE;
      if (type == ATLAS_JSON_OBJECT)
        {
          AtlasJsonNode *node = atlas_arena_alloc0 (r->scratch, sizeof (AtlasJsonNode));

          node->type = ATLAS_JSON_OBJECT;
          node->offset = atlas_reader_token_start (r, type, len);
          feature->properties = node;
          return push_dom (r, node);
        }
      /* Translators: %s is the type of the value found, e.g. "an array" */
      feature_problem (r, type, len, "properties", _("expected an object, found %s"),
                       atlas_json_type_describe (type));
      return atlas_reader_push_skip (r, type);

    default:
      return atlas_reader_push_skip (r, type);
    }
}

static gboolean
geometry_member (AtlasReader   *r,
                 Frame         *parent,
                 AtlasJsonType  type,
                 const char    *text,
                 gsize          len)
{
  AtlasGeometryInput *geometry = &r->feature.geometry;

  switch (parent->key)
    {
    case KEY_TYPE:
      geometry->has_type = TRUE;
      if (type == ATLAS_JSON_STRING)
        {
          /* yajl's text is not NUL-terminated. */
          gsize n = MIN (len, sizeof geometry->type - 1);

          memcpy (geometry->type, text, n);
          geometry->type[n] = '\0';
        }
      else
        feature_problem (r, type, len, "geometry.type", "%s", _("expected a string"));
      return atlas_reader_push_skip (r, type);

    case KEY_COORDINATES:
      if (type != ATLAS_JSON_ARRAY)
        {
          /* Translators: %s is the type of the value found, e.g. "an object" */
          feature_problem (r, type, len, "geometry.coordinates", _("expected an array, found %s"),
                           atlas_json_type_describe (type));
          geometry->bad = TRUE;
          return atlas_reader_push_skip (r, type);
        }
      if (geometry->has_coordinates || geometry->bad)
        {
          feature_problem (r, type, len, "geometry.coordinates", "%s", _("duplicate member"));
          geometry->bad = TRUE;
          return atlas_reader_push (r, ROLE_SKIP);
        }
      geometry->first_position = r->store->coords->len / 2;
      geometry->has_coordinates = TRUE;
      if (!atlas_reader_push (r, ROLE_COORDS))
        return FALSE;
      r->coords_frame = r->depth - 1;
      r->frames[r->depth - 1].level = 1;
      return TRUE;

    case KEY_GEOMETRIES:
      geometry->is_collection = TRUE;
      return atlas_reader_push_skip (r, type);

    default:
      return atlas_reader_push_skip (r, type);
    }
}

static gboolean
dom_value (AtlasReader   *r,
           Frame         *parent,
           AtlasJsonType  type,
           const char    *text,
           gsize          len,
           gboolean       boolean)
{
  AtlasJsonNode *node;
  AtlasJsonNode *container = parent->node;

  if (r->dom_overflow)
    return atlas_reader_push_skip (r, type);

  if (++r->dom_nodes > ATLAS_MAX_PROPERTY_NODES ||
      atlas_arena_get_used (r->scratch) + len > ATLAS_MAX_PROPERTY_BYTES)
    {
      r->dom_overflow = TRUE;
      /* Translators: about the "properties" of a feature, which are limited in size */
      feature_problem (r, type, len, "properties", "%s", _("too large to be read"));
      return atlas_reader_push_skip (r, type);
    }

  node = atlas_arena_alloc0 (r->scratch, sizeof (AtlasJsonNode));
  node->type = type;
  node->boolean = boolean;
  node->offset = atlas_reader_token_start (r, type, len);
  if (container->type == ATLAS_JSON_OBJECT)
    node->key = r->dom_key != NULL ? r->dom_key : "";
  if (type == ATLAS_JSON_STRING || type == ATLAS_JSON_NUMBER)
    {
      node->text = atlas_arena_strndup (r->scratch, text, len);
      node->len = len;
    }

  if (container->last != NULL)
    container->last->next = node;
  else
    container->first = node;
  container->last = node;
  container->n_children++;

  if (type == ATLAS_JSON_ARRAY || type == ATLAS_JSON_OBJECT)
    return push_dom (r, node);
  return TRUE;
}

static gboolean
root_member (AtlasReader   *r,
             Frame         *parent,
             AtlasJsonType  type,
             const char    *text,
             gsize          len)
{
  g_autofree char *quoted = NULL;

  switch (parent->key)
    {
    case KEY_TYPE:
      r->root_type_seen = TRUE;
      if (type == ATLAS_JSON_STRING && len == 17 && memcmp (text, "FeatureCollection", 17) == 0)
        return TRUE;
      if (type == ATLAS_JSON_STRING)
        {
          quoted = atlas_quote (text, len);
          return atlas_reader_fail (r, atlas_reader_token_start (r, type, len),
                                    ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                    /* Translators: "type" and "FeatureCollection" are
                                     * written as they are in the file; %s is the value
                                     * found: a string in quotes, or a type such as
                                     * "a number" */
                                    _("\"type\" is %s, not \"FeatureCollection\""), quoted);
        }
      return atlas_reader_fail (r, atlas_reader_token_start (r, type, len),
                                ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                _("\"type\" is %s, not \"FeatureCollection\""),
                                atlas_json_type_describe (type));

    case KEY_FEATURES:
      if (r->features_seen)
        return atlas_reader_fail (r, atlas_reader_token_start (r, type, len),
                                  ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                  /* Translators: "features" is a member name, as it is */
                                  "%s", _("\"features\" is given twice"));
      r->features_seen = TRUE;
      if (type != ATLAS_JSON_ARRAY)
        return atlas_reader_fail (r, atlas_reader_token_start (r, type, len),
                                  ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                  /* Translators: "features" is a member name, as it is;
                                   * %s is the type of the value found, e.g. "an object" */
                                  _("\"features\" is %s, not an array"), atlas_json_type_describe (type));
      return atlas_reader_push (r, ROLE_FEATURES);

    default:
      return atlas_reader_push_skip (r, type);
    }
}

/* Every value, of any type, comes through here. */
static gboolean
on_value (AtlasReader   *r,
          AtlasJsonType  type,
          const char    *text,
          gsize          len,
          gboolean       boolean)
{
  Frame *parent;
  guint32 index = 0;

  if ((++r->callbacks & 0xfff) == 0 && !check_cancelled (r))
    return FALSE;

  if ((type == ATLAS_JSON_STRING || type == ATLAS_JSON_NUMBER) && len > ATLAS_MAX_STRING_LENGTH)
    return atlas_reader_fail (r, atlas_reader_token_start (r, type, len), ATLAS_DATASET_ERROR_STRING_TOO_LONG,
                              /* Translators: the first %lu is the length of a string or
                               * number in bytes, the second the most a dataset file may
                               * have */
                              ngettext ("a value of %lu byte is longer than the limit of %lu",
                                        "a value of %lu bytes is longer than the limit of %lu", (gulong) len),
                              (gulong) len, (gulong) ATLAS_MAX_STRING_LENGTH);

  if (type == ATLAS_JSON_STRING && !check_text (r, text, len))
    return FALSE;

  if (r->depth == 0)
    {
      if (type != ATLAS_JSON_OBJECT)
        return atlas_reader_fail (r, atlas_reader_token_start (r, type, len),
                                  ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                  /* Translators: FeatureCollection is GeoJSON's word, as it
                                   * is; %s is the type of the value found, e.g. "an array" */
                                  _("the top level is %s, not a FeatureCollection object"),
                                  atlas_json_type_describe (type));
      return atlas_reader_push (r, ROLE_ROOT);
    }

  parent = &r->frames[r->depth - 1];
  index = parent->count++;

  switch (parent->role)
    {
    case ROLE_ROOT:
      return root_member (r, parent, type, text, len);

    case ROLE_FEATURES:
      feature_begin (r, index);
      if (type == ATLAS_JSON_OBJECT)
        return atlas_reader_push (r, ROLE_FEATURE);
      /* Translators: Feature is GeoJSON's word, as it is; %s is the type
       * of the value found, e.g. "a number" */
      feature_problem (r, type, len, NULL, _("expected a Feature object, found %s"),
                       atlas_json_type_describe (type));
      atlas_load_session_feature_end (r->session, NULL);
      return atlas_reader_push_skip (r, type);

    case ROLE_FEATURE:
      return feature_member (r, parent, type, text, len);

    case ROLE_GEOMETRY:
      return geometry_member (r, parent, type, text, len);

    case ROLE_COORDS:
      return atlas_reader_coords_value (r, parent, type, text, len);

    case ROLE_DOM:
      return dom_value (r, parent, type, text, len, boolean);

    case ROLE_SKIP:
    default:
      return atlas_reader_push_skip (r, type);
    }
}

static gboolean
on_end (AtlasReader *r)
{
  Frame *frame = &r->frames[r->depth - 1];

  switch (frame->role)
    {
    case ROLE_FEATURE:
      atlas_feature_reader_commit (r->session, &r->feature);
      break;

    case ROLE_COORDS:
      atlas_reader_coords_close (r, frame);
      break;

    case ROLE_ROOT:
      if (!r->root_type_seen)
        return atlas_reader_fail (r, 0, ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                  /* Translators: FeatureCollection and "type" are
                                   * written as they are in the file */
                                  "%s", _("not a FeatureCollection: there is no \"type\""));
      if (!r->features_seen)
        return atlas_reader_fail (r, 0, ATLAS_DATASET_ERROR_NOT_FEATURE_COLLECTION,
                                  /* Translators: FeatureCollection and "features" are
                                   * written as they are in the file */
                                  "%s", _("not a FeatureCollection: there is no \"features\" array"));
      break;

    default:
      break;
    }

  r->depth--;
  return TRUE;
}

/* --- yajl callbacks --------------------------------------------------- */

static int
cb_null (void *ctx)
{
  return on_value (ctx, ATLAS_JSON_NULL, NULL, 0, FALSE);
}

static int
cb_boolean (void *ctx,
            int   value)
{
  return on_value (ctx, ATLAS_JSON_BOOLEAN, NULL, 0, value != 0);
}

static int
cb_number (void       *ctx,
           const char *text,
           size_t      len)
{
  return on_value (ctx, ATLAS_JSON_NUMBER, text, len, FALSE);
}

static int
cb_string (void                *ctx,
           const unsigned char *text,
           size_t               len)
{
  return on_value (ctx, ATLAS_JSON_STRING, (const char *) text, len, FALSE);
}

static int
cb_start_map (void *ctx)
{
  return on_value (ctx, ATLAS_JSON_OBJECT, NULL, 0, FALSE);
}

static int
cb_start_array (void *ctx)
{
  return on_value (ctx, ATLAS_JSON_ARRAY, NULL, 0, FALSE);
}

static int
cb_end (void *ctx)
{
  return on_end (ctx);
}

static int
cb_map_key (void                *ctx,
            const unsigned char *text,
            size_t               len)
{
  AtlasReader *r = ctx;
  Frame *frame = &r->frames[r->depth - 1];

  if (len > ATLAS_MAX_STRING_LENGTH)
    return atlas_reader_fail (r, atlas_reader_token_start (r, ATLAS_JSON_STRING, len),
                              ATLAS_DATASET_ERROR_STRING_TOO_LONG,
                              /* Translators: the first %lu is the length of the name of a
                               * JSON member in bytes, the second the most it may have */
                              ngettext ("a member name of %lu byte is longer than the limit of %lu",
                                        "a member name of %lu bytes is longer than the limit of %lu",
                                        (gulong) len),
                              (gulong) len, (gulong) ATLAS_MAX_STRING_LENGTH);

  if (!check_text (r, (const char *) text, len))
    return FALSE;

  switch (frame->role)
    {
    case ROLE_ROOT:
    case ROLE_FEATURE:
    case ROLE_GEOMETRY:
      frame->key = key_from_string ((const char *) text, len);
      break;
    case ROLE_DOM:
      if (!r->dom_overflow)
        r->dom_key = atlas_arena_strndup (r->scratch, (const char *) text, len);
      break;
    default:
      break;
    }
  return TRUE;
}

static const yajl_callbacks callbacks = {
  .yajl_null = cb_null,
  .yajl_boolean = cb_boolean,
  .yajl_number = cb_number,
  .yajl_string = cb_string,
  .yajl_start_map = cb_start_map,
  .yajl_map_key = cb_map_key,
  .yajl_end_map = cb_end,
  .yajl_start_array = cb_start_array,
  .yajl_end_array = cb_end,
};

/* --- Entry point ------------------------------------------------------ */

/* yajl's messages (version 2), made to read like ours and translated:
 * each is found by a part of its English text. The ones that read well
 * enough keep yajl's words. */
static const struct {
  const char *yajl;
  const char *message;
} syntax_messages[] = {
  { "invalid bytes in UTF8 string", N_("invalid UTF-8 in a string") },
  /* Translators: this and the messages below are JSON syntax errors in a
   * dataset file; the characters in quotes (',' ']' '}' ':' '\' '\u')
   * are JSON's and stay as they are */
  { "invalid char in json text", N_("not valid JSON: unexpected character") },
  { "premature EOF", N_("unexpected end of file") },
  { "comment", N_("not valid JSON: comments are not allowed") },
  { "trailing garbage", N_("unexpected text after the end of the JSON document") },
  { "invalid string in json text", N_("not valid JSON: invalid string in json text") },
  { "invalid character inside string", N_("not valid JSON: invalid character inside string") },
  { "invalid (non-hex) character", N_("not valid JSON: invalid (non-hex) character occurs after '\\u' "
                                      "inside string") },
  { "occurs before a character", N_("not valid JSON: inside a string, '\\' occurs before a character "
                                    "which it may not") },
  { "required after the exponent", N_("not valid JSON: malformed number, a digit is required after the "
                                      "exponent") },
  { "required after the decimal point", N_("not valid JSON: malformed number, a digit is required after "
                                           "the decimal point") },
  { "required after the minus sign", N_("not valid JSON: malformed number, a digit is required after the "
                                        "minus sign") },
  { "unallowed token", N_("not valid JSON: unallowed token at this point in JSON text") },
  { "invalid object key", N_("not valid JSON: invalid object key (must be a string)") },
  { "must be separated by a colon", N_("not valid JSON: object key and value must be separated by a "
                                       "colon (':')") },
  { "inside map, I expect", N_("not valid JSON: after key and value, inside map, I expect ',' or '}'") },
  { "after array element", N_("not valid JSON: after array element, I expect ',' or ']'") },
};

/* The message for yajl's error; *@before_byte is set for the one error
 * yajl reports before taking the byte it is about. */
static char *
syntax_message (yajl_handle  yajl,
                const char  *text,
                gsize        len,
                gboolean    *before_byte)
{
  unsigned char *raw = yajl_get_error (yajl, 0, (const unsigned char *) text, len);
  g_autofree char *message = g_strdup ((const char *) raw);
  char *colon;

  yajl_free_error (yajl, raw);
  g_strstrip (message);
  if ((colon = strstr (message, "error: ")) != NULL)
    memmove (message, colon + 7, strlen (colon + 7) + 1);
  if (g_str_has_suffix (message, "."))
    message[strlen (message) - 1] = '\0';

  *before_byte = strstr (message, "comment") != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (syntax_messages); i++)
    if (strstr (message, syntax_messages[i].yajl) != NULL)
      return g_strdup (_(syntax_messages[i].message));

  /* Translators: %s is a JSON syntax error as the JSON library gives it,
   * in English */
  return g_strdup_printf (_("not valid JSON: %s"), message);
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_text (AtlasReader *r,
           const char  *text,
           gsize        len)
{
  const guchar *data = (const guchar *) text;
  yajl_status status;
  gsize offset;

  if (len >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE)))
    return atlas_reader_fail (r, 0, ATLAS_DATASET_ERROR_ENCODING, "%s",
                              _("the file is UTF-16; it must be UTF-8"));

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      atlas_load_session_file_problem (r->session, r->file_index, ATLAS_SEVERITY_WARNING, 0, "%s",
                                       /* Translators: a warning; the byte order mark is the
                                        * character U+FEFF at the start of a file */
                                       _("byte order mark ignored"));
      r->base = 3;
    }

  if (is_blank (text + r->base, len - r->base))
    return atlas_reader_fail (r, r->base, ATLAS_DATASET_ERROR_SYNTAX, "%s", _("the file is empty"));

  status = yajl_parse (r->yajl, data + r->base, len - r->base);
  if (status == yajl_status_ok)
    {
      status = yajl_complete_parse (r->yajl);
      /* Only an unfinished document fails here: point at its end. */
      offset = len;
    }
  else
    {
      /* yajl stops just after the byte it could not take. */
      offset = atlas_reader_offset (r) > r->base ? atlas_reader_offset (r) - 1 : r->base;
    }

  if (status == yajl_status_client_canceled || r->error != NULL)
    return FALSE;

  if (status == yajl_status_error)
    {
      gboolean before_byte;
      g_autofree char *message = syntax_message (r->yajl, text + r->base, len - r->base, &before_byte);

      if (before_byte)
        offset++;

      return atlas_reader_fail (r, offset, ATLAS_DATASET_ERROR_SYNTAX, "%s", message);
    }

  return TRUE;
}

static void
text_position (const char *text,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) text[i] & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

gboolean
atlas_geojson_read (AtlasLoadSession  *session,
                    guint              file_index,
                    const char        *text,
                    gsize              length,
                    gboolean           mapped,
                    GError           **error)
{
  AtlasReader r = { 0 };
  AtlasStoreMark mark;
  gboolean ok;

  r.session = session;
  r.store = session->store;
  r.file_index = file_index;
  r.scratch = atlas_arena_new (64 * 1024);
  r.feature.geometry.ring_ends = g_array_new (FALSE, FALSE, sizeof (guint32));
  r.feature.geometry.group_ends = g_array_new (FALSE, FALSE, sizeof (guint32));
  r.yajl = yajl_alloc (&callbacks, NULL, &r);

  atlas_store_get_mark (r.store, &mark);
  atlas_load_session_begin_text (session, file_index, text, length, mapped);

  ok = read_text (&r, text, length);

  if (!ok)
    {
      atlas_store_rollback (r.store, &mark);
      if (!g_error_matches (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          guint line, column;

          atlas_load_session_file_problem (session, file_index, ATLAS_SEVERITY_ERROR,
                                           r.error_offset, "%s", r.error->message);
          text_position (text, MIN (r.error_offset, length), &line, &column);
          g_prefix_error (&r.error, "%s:%u:%u: ",
                          atlas_load_session_get_file_name (session, file_index), line, column);
        }
      g_propagate_error (error, g_steal_pointer (&r.error));
    }

  atlas_load_session_end_text (session);

  yajl_free (r.yajl);
  g_array_unref (r.feature.geometry.ring_ends);
  g_array_unref (r.feature.geometry.group_ends);
  atlas_arena_free (r.scratch);
  return ok;
}
