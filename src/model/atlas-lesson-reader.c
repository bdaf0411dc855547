/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "atlas-json-escape.h"
#include "atlas-lesson-reader.h"

/*
 * Lessons are small, so json-glib's tree is fine once the text has passed
 * the checks json-glib does not make, or makes with vague positions: the
 * size, the encoding, and a yajl pass for the syntax, the nesting depth
 * (json-glib's parser recurses) and members given twice. The tree is then
 * read strictly: unknown members are errors, since saving the lesson
 * again would drop them without a word.
 */

#define MAX_ID_LENGTH 128
#define MAX_URL_LENGTH 2048
/* What Web Mercator can show. */
#define MAX_LATITUDE 85.0511287798066
#define READ_CHUNK 65536

typedef struct
{
  const char  *name;      /* the file, for messages */
  const char  *scene;     /* "scenes[2] (“Title”): " or "" */
  GError     **error;
} Reader;

/* Positions --------------------------------------------------------------- */

static void
get_line_column (const char *data,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }

  /* Columns count characters; the text up to @offset is valid UTF-8. */
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static gboolean
fail_at (Reader     *reader,
         const char *data,
         gsize       offset,
         int         code,
         const char *message)
{
  guint line, column;

  get_line_column (data, offset, &line, &column);
  g_set_error (reader->error, ATLAS_LESSON_ERROR, code, "%s:%u:%u: %s", reader->name, line, column, message);
  return FALSE;
}

/* Checks json-glib does not make ----------------------------------------- */

static gboolean
check_encoding (Reader     *reader,
                const char *data,
                gsize       length)
{
  const char *end;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  return fail_at (reader, data, end - data, ATLAS_LESSON_ERROR_ENCODING,
                  *end == '\0' ? _("a NUL byte") : _("not valid UTF-8"));
}

/* The syntax, with yajl: exact positions, members given twice (json-glib
 * keeps the last without a word) and the depth, all before json-glib's
 * recursive parser sees the text. */
typedef struct
{
  const char  *data;
  yajl_handle  yajl;
  GPtrArray   *objects;     /* per open container: GHashTable of keys, or NULL for an array */
  char        *problem;     /* why a callback stopped the parse */
  gsize        offset;      /* where */
} SyntaxCheck;

static int
open_container (SyntaxCheck *check,
                gboolean     object)
{
  if (check->objects->len >= ATLAS_LESSON_MAX_DEPTH)
    {
      check->problem = g_strdup_printf (_("nested deeper than %d levels"), ATLAS_LESSON_MAX_DEPTH);
      check->offset = yajl_get_bytes_consumed (check->yajl) - 1;
      return 0;
    }

  g_ptr_array_add (check->objects, object ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL);
  return 1;
}

static int
on_start_map (void *user_data)
{
  return open_container (user_data, TRUE);
}

static int
on_start_array (void *user_data)
{
  return open_container (user_data, FALSE);
}

static int
on_end_container (void *user_data)
{
  SyntaxCheck *check = user_data;

  g_ptr_array_remove_index (check->objects, check->objects->len - 1);
  return 1;
}

static int
on_map_key (void                *user_data,
            const unsigned char *key,
            size_t               length)
{
  SyntaxCheck *check = user_data;
  GHashTable *keys = g_ptr_array_index (check->objects, check->objects->len - 1);
  char *name = g_strndup ((const char *) key, length);

  if (g_hash_table_add (keys, name))
    return 1;

  /* Point at the key's opening quote. */
  check->offset = yajl_get_bytes_consumed (check->yajl) - 1;
  while (check->offset > 0 && check->data[check->offset] != '"')
    check->offset--;
  do
    check->offset--;
  while (check->offset > 0 && (check->data[check->offset] != '"' || check->data[check->offset - 1] == '\\'));
  check->problem = g_strdup_printf (_("the member “%s” is given twice"), name);
  return 0;
}

static const yajl_callbacks syntax_callbacks = {
  .yajl_start_map = on_start_map,
  .yajl_map_key = on_map_key,
  .yajl_end_map = on_end_container,
  .yajl_start_array = on_start_array,
  .yajl_end_array = on_end_container,
};

static void
free_keys (gpointer data)
{
  g_clear_pointer (&data, g_hash_table_unref);
}

static gboolean
check_syntax (Reader     *reader,
              const char *data,
              gsize       length)
{
  SyntaxCheck check = { data, NULL, g_ptr_array_new_with_free_func (free_keys), NULL, 0 };
  gboolean ok = TRUE;
  yajl_status status;

  check.yajl = yajl_alloc (&syntax_callbacks, NULL, &check);
  status = yajl_parse (check.yajl, (const unsigned char *) data, length);
  if (status == yajl_status_ok)
    {
      status = yajl_complete_parse (check.yajl);
      /* Only "the text ends too early" fails here: point at its end. */
      check.offset = length;
    }
  else if (check.problem == NULL)
    check.offset = yajl_get_bytes_consumed (check.yajl) - 1;

  if (status != yajl_status_ok)
    {
      g_autofree char *message = check.problem;

      if (message == NULL)
        {
          unsigned char *text = yajl_get_error (check.yajl, 0, NULL, 0);
          const char *colon = strstr ((const char *) text, "error: ");

          message = g_strdup (colon != NULL ? colon + strlen ("error: ") : (const char *) text);
          g_strchomp (message);
          if (g_str_has_suffix (message, "."))
            message[strlen (message) - 1] = '\0';
          yajl_free_error (check.yajl, text);
        }

      check.problem = NULL;
      ok = fail_at (reader, data, MIN (check.offset, length), ATLAS_LESSON_ERROR_SYNTAX, message);
    }

  yajl_free (check.yajl);
  g_ptr_array_unref (check.objects);
  g_free (check.problem);
  return ok;
}

/* json-glib 1.6 decodes a surrogate escape that is not half of a pair
 * into bytes that are not UTF-8, and on some ("\ud800\ud800") leaks the
 * string it was building: such text must not reach it. Only strings hold
 * escapes, so after check_syntax() the whole text can be searched. */
static gboolean
check_escapes (Reader     *reader,
               const char *data,
               gsize       length)
{
  gssize escape = atlas_json_find_unpaired_surrogate (data, length);

  return escape < 0 || fail_at (reader, data, escape, ATLAS_LESSON_ERROR_ENCODING, _("not valid UTF-8"));
}

static JsonNode *
parse (Reader     *reader,
       const char *data,
       gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (reader->error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_SYNTAX,
                   "%s: %s", reader->name, local_error->message);
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

/* Content ---------------------------------------------------------------- */

/* "NAME: scenes[2] (“Title”): view.zoom: MESSAGE" */
static gboolean
fail (Reader     *reader,
      const char *member,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *reader,
      const char *member,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_INVALID,
               "%s: %s%s: %s", reader->name, reader->scene, member, message);
  return FALSE;
}

static const char *
describe (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return _("a string");
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return _("a boolean");
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Every member of @object must be one of @known (NULL-terminated). */
static gboolean
check_members (Reader             *reader,
               JsonObject         *object,
               const char         *prefix,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *member = g_strconcat (prefix, l->data, NULL);

        return fail (reader, member, _("unknown member"));
      }

  return TRUE;
}

/* @out is NULL when the member is absent and not @required. */
static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *prefix,
            const char  *member,
            gboolean     required,
            gboolean     allow_empty,
            gsize        max_length,
            const char **out)
{
  g_autofree char *place = g_strconcat (prefix, member, NULL);
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *out = NULL;
  if (node == NULL)
    return !required || fail (reader, place, _("missing"));
  if (!is_string (node))
    return fail (reader, place, _("must be a string, not %s"), describe (node));

  text = json_node_get_string (node);
  /* check_escapes() keeps what json-glib cannot decode from it; should
   * anything else give bytes that are not UTF-8, the lesson could be
   * saved but never opened again. */
  if (!g_utf8_validate (text, -1, NULL))
    return fail (reader, place, _("not valid UTF-8"));
  if (!allow_empty && *text == '\0')
    return fail (reader, place, _("must not be empty"));
  if (g_utf8_strlen (text, -1) > (glong) max_length)
    return fail (reader, place, ngettext ("longer than %lu character", "longer than %lu characters", max_length),
                 (unsigned long) max_length);

  *out = text;
  return TRUE;
}

static gboolean
get_date (Reader     *reader,
          JsonObject *object,
          const char *prefix,
          const char *member,
          gboolean    required,
          AtlasDate  *date)
{
  g_autofree char *place = g_strconcat (prefix, member, NULL);
  const char *text;

  memset (date, 0, sizeof *date);
  if (!get_string (reader, object, prefix, member, required, TRUE, 64, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!atlas_date_parse (text, -1, date))
    return fail (reader, place, _("“%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), text);

  return TRUE;
}

static gboolean
get_number (Reader     *reader,
            JsonNode   *node,
            const char *place,
            double      min,
            double      max,
            double     *value)
{
  if (!is_number (node))
    return fail (reader, place, _("must be a number, not %s"), describe (node));

  *value = json_node_get_double (node);
  if (!isfinite (*value) || *value < min || *value > max)
    return fail (reader, place, _("%g is out of range (%g to %g)"), *value, min, max);

  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  return length >= 1 && length <= MAX_ID_LENGTH &&
         id[strspn (id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-")] == '\0';
}

/* An array of strings; with @ids, each must be a feature id. */
static gboolean
get_string_list (Reader      *reader,
                 JsonNode    *node,
                 const char  *place,
                 gboolean     ids,
                 gboolean     allow_empty,
                 GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, place, _("must be an array of strings, not %s"), describe (node));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 && !allow_empty)
    return fail (reader, place, _("must not be empty"));
  if (n > ATLAS_LESSON_MAX_IDS)
    return fail (reader, place, _("more than %d entries"), ATLAS_LESSON_MAX_IDS);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_place = g_strdup_printf ("%s[%u]", place, i);
      const char *text;

      if (!is_string (element))
        return fail (reader, element_place, _("must be a string, not %s"), describe (element));
      text = json_node_get_string (element);
      if (ids && !is_valid_id (text))
        return fail (reader, element_place, _("“%s” is not a feature id"), text);
      g_strv_builder_add (builder, text);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_view (Reader           *reader,
           JsonNode         *node,
           AtlasLessonScene *scene)
{
  static const char * const known[] = { "center", "zoom", "fit", NULL };
  JsonObject *view;
  JsonNode *center, *zoom, *fit;

  if (node == NULL)
    return fail (reader, "view", _("missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, "view", _("must be an object, not %s"), describe (node));

  view = json_node_get_object (node);
  if (!check_members (reader, view, "view.", known))
    return FALSE;

  center = json_object_get_member (view, "center");
  zoom = json_object_get_member (view, "zoom");
  fit = json_object_get_member (view, "fit");

  if (fit != NULL)
    {
      g_auto(GStrv) ids = NULL;

      if (center != NULL || zoom != NULL)
        return fail (reader, "view", _("give either “fit” or “center” and “zoom”, not both"));
      if (!get_string_list (reader, fit, "view.fit", TRUE, FALSE, &ids))
        return FALSE;
      atlas_lesson_scene_set_fit (scene, (const char * const *) ids);
      return TRUE;
    }

  if (center == NULL || zoom == NULL)
    return fail (reader, "view", _("needs “center” and “zoom”, or “fit”"));

  {
    JsonArray *array;
    double lat, lon, z;

    if (!JSON_NODE_HOLDS_ARRAY (center) || json_array_get_length (array = json_node_get_array (center)) != 2)
      return fail (reader, "view.center", _("must be [longitude, latitude]"));
    if (!get_number (reader, json_array_get_element (array, 0), "view.center[0]", -180, 180, &lon) ||
        !get_number (reader, json_array_get_element (array, 1), "view.center[1]",
                     -MAX_LATITUDE, MAX_LATITUDE, &lat) ||
        !get_number (reader, zoom, "view.zoom", ATLAS_LESSON_MIN_ZOOM, ATLAS_LESSON_MAX_ZOOM, &z))
      return FALSE;

    atlas_lesson_scene_set_center (scene, lat, lon, z);
  }

  return TRUE;
}

static gboolean
read_layers (Reader           *reader,
             JsonNode         *node,
             AtlasLessonScene *scene)
{
  g_auto(GStrv) names = NULL;
  AtlasLessonLayers layers = 0;

  if (node == NULL)
    return TRUE;
  if (!get_string_list (reader, node, "layers", FALSE, TRUE, &names))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      AtlasLessonLayers layer;

      if (!atlas_lesson_layer_from_string (names[i], &layer))
        {
          g_autofree char *place = g_strdup_printf ("layers[%u]", i);

          return fail (reader, place, _("“%s” is not a layer (zones, deployments, events, labels)"), names[i]);
        }
      if (layers & layer)
        {
          g_autofree char *place = g_strdup_printf ("layers[%u]", i);

          return fail (reader, place, _("“%s” is listed twice"), names[i]);
        }
      layers |= layer;
    }

  atlas_lesson_scene_set_layers (scene, layers);
  return TRUE;
}

static gboolean
read_sources (Reader           *reader,
              JsonNode         *node,
              AtlasLessonScene *scene)
{
  static const char * const known[] = { "title", "publisher", "date", "url", NULL };
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, "sources", _("must be an array of sources, not %s"), describe (node));

  array = json_node_get_array (node);
  if (json_array_get_length (array) > ATLAS_LESSON_MAX_IDS)
    return fail (reader, "sources", _("more than %d entries"), ATLAS_LESSON_MAX_IDS);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *prefix = g_strdup_printf ("sources[%u].", i);
      g_autoptr(AtlasLessonSource) source = NULL;
      const char *title, *publisher, *url;
      JsonObject *object;
      AtlasDate date;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *place = g_strdup_printf ("sources[%u]", i);

          return fail (reader, place, _("must be an object, not %s"), describe (element));
        }

      object = json_node_get_object (element);
      if (!check_members (reader, object, prefix, known) ||
          !get_string (reader, object, prefix, "title", TRUE, FALSE, ATLAS_LESSON_MAX_TITLE_LENGTH, &title) ||
          !get_string (reader, object, prefix, "publisher", TRUE, FALSE, ATLAS_LESSON_MAX_TITLE_LENGTH, &publisher) ||
          !get_date (reader, object, prefix, "date", FALSE, &date) ||
          !get_string (reader, object, prefix, "url", FALSE, FALSE, MAX_URL_LENGTH, &url))
        return FALSE;

      if (url != NULL && !g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
        {
          g_autofree char *place = g_strconcat (prefix, "url", NULL);

          return fail (reader, place, _("must start with http:// or https://"));
        }

      source = atlas_lesson_source_new (title, publisher, &date, url);
      atlas_lesson_scene_add_source (scene, source);
    }

  return TRUE;
}

static AtlasLessonScene *
read_scene (Reader   *reader,
            JsonNode *node,
            guint     index)
{
  static const char * const known[] = {
    "title", "date", "until", "play_seconds", "view", "layers", "zones", "highlight", "caption", "sources", NULL
  };
  g_autoptr(AtlasLessonScene) scene = atlas_lesson_scene_new ();
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *title, *caption;
  AtlasDate date, until;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *place = g_strdup_printf ("scenes[%u]", index);

      fail (reader, place, _("must be an object, not %s"), describe (node));
      return NULL;
    }

  /* Until the title is known, the scene is only a number. */
  object = json_node_get_object (node);
  where = g_strdup_printf ("scenes[%u]: ", index);
  reader->scene = where;
  if (!get_string (reader, object, "", "title", TRUE, FALSE, ATLAS_LESSON_MAX_TITLE_LENGTH, &title))
    return NULL;

  g_free (where);
  where = g_strdup_printf ("scenes[%u] (“%s”): ", index, title);
  reader->scene = where;
  atlas_lesson_scene_set_title (scene, title);

  if (!check_members (reader, object, "", known) ||
      !get_date (reader, object, "", "date", TRUE, &date) ||
      !get_date (reader, object, "", "until", FALSE, &until) ||
      !read_view (reader, json_object_get_member (object, "view"), scene) ||
      !read_layers (reader, json_object_get_member (object, "layers"), scene) ||
      !get_string (reader, object, "", "caption", FALSE, TRUE, ATLAS_LESSON_MAX_TEXT_LENGTH, &caption) ||
      !read_sources (reader, json_object_get_member (object, "sources"), scene))
    return NULL;

  atlas_lesson_scene_set_date (scene, &date);
  atlas_lesson_scene_set_caption (scene, caption);

  if (atlas_date_is_set (&until))
    {
      if (atlas_date_get_first_day (&until) <= atlas_date_get_first_day (&date))
        {
          fail (reader, "until", _("must be later than “date”"));
          return NULL;
        }
      atlas_lesson_scene_set_until (scene, &until);
    }

  if ((member = json_object_get_member (object, "play_seconds")) != NULL)
    {
      double seconds;

      if (!atlas_date_is_set (&until))
        {
          fail (reader, "play_seconds", _("only a scene with “until” plays"));
          return NULL;
        }
      if (!get_number (reader, member, "play_seconds", ATLAS_LESSON_MIN_PLAY_SECONDS,
                       ATLAS_LESSON_MAX_PLAY_SECONDS, &seconds))
        return NULL;
      if (seconds != floor (seconds))
        {
          fail (reader, "play_seconds", _("must be a whole number"));
          return NULL;
        }
      atlas_lesson_scene_set_play_seconds (scene, (guint) seconds);
    }

  if ((member = json_object_get_member (object, "zones")) != NULL)
    {
      g_auto(GStrv) zones = NULL;

      if (!get_string_list (reader, member, "zones", TRUE, TRUE, &zones))
        return NULL;
      atlas_lesson_scene_set_zones (scene, (const char * const *) zones);
    }

  if ((member = json_object_get_member (object, "highlight")) != NULL)
    {
      g_auto(GStrv) highlights = NULL;

      if (!get_string_list (reader, member, "highlight", TRUE, TRUE, &highlights))
        return NULL;
      atlas_lesson_scene_set_highlights (scene, (const char * const *) highlights);
    }

  reader->scene = "";
  return g_steal_pointer (&scene);
}

static AtlasLesson *
read_lesson (Reader   *reader,
             JsonNode *root)
{
  static const char * const known[] = { "type", "version", "title", "description", "scenes", NULL };
  g_autoptr(AtlasLesson) lesson = atlas_lesson_new ();
  JsonObject *object;
  JsonNode *node;
  JsonArray *scenes;
  const char *type, *title, *description;
  double version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (reader->error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_INVALID,
                   _("%s: not a lesson: the file holds %s, not an object"), reader->name, describe (root));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!get_string (reader, object, "", "type", TRUE, FALSE, 64, &type))
    return NULL;
  if (!g_str_equal (type, "KosovoAtlasLesson"))
    {
      g_set_error (reader->error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_INVALID,
                   _("%s: type: not a lesson (“%s” instead of “KosovoAtlasLesson”)"), reader->name, type);
      return NULL;
    }

  /* A newer version may have members this one does not know: say so
   * before complaining about them. */
  if ((node = json_object_get_member (object, "version")) == NULL)
    {
      fail (reader, "version", _("missing"));
      return NULL;
    }
  if (!get_number (reader, node, "version", 1, G_MAXINT, &version))
    return NULL;
  if (version != ATLAS_LESSON_FORMAT_VERSION)
    {
      g_set_error (reader->error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_VERSION,
                   _("%s: version: the lesson is in version %g of the format; this program reads version %d"),
                   reader->name, version, ATLAS_LESSON_FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (reader, object, "", known) ||
      !get_string (reader, object, "", "title", TRUE, FALSE, ATLAS_LESSON_MAX_TITLE_LENGTH, &title) ||
      !get_string (reader, object, "", "description", FALSE, TRUE, ATLAS_LESSON_MAX_TEXT_LENGTH, &description))
    return NULL;

  atlas_lesson_set_title (lesson, title);
  atlas_lesson_set_description (lesson, description);

  if ((node = json_object_get_member (object, "scenes")) == NULL)
    {
      fail (reader, "scenes", _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (reader, "scenes", _("must be an array of scenes, not %s"), describe (node));
      return NULL;
    }

  scenes = json_node_get_array (node);
  if (json_array_get_length (scenes) > ATLAS_LESSON_MAX_SCENES)
    {
      fail (reader, "scenes", _("more than %d scenes"), ATLAS_LESSON_MAX_SCENES);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (scenes); i++)
    {
      g_autoptr(AtlasLessonScene) scene = read_scene (reader, json_array_get_element (scenes, i), i);

      if (scene == NULL)
        return NULL;
      atlas_lesson_append_scene (lesson, scene);
    }

  return g_steal_pointer (&lesson);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/**
 * atlas_lesson_read:
 * @data: the text of a lesson file
 * @name: what to call it in messages, usually the file's name
 *
 * Returns: (transfer full) (nullable): the lesson, or %NULL with @error set
 */
AtlasLesson *
atlas_lesson_read (const char  *data,
                   gsize        length,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  Reader reader = { name, "", error };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > ATLAS_LESSON_MAX_FILE_SIZE)
    {
      g_set_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_TOO_LARGE,
                   _("%s: larger than %lu MiB: not a lesson"),
                   name, (unsigned long) (ATLAS_LESSON_MAX_FILE_SIZE >> 20));
      return NULL;
    }

  /* A byte order mark is allowed, and ignored. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Blank is not a lesson, and yajl would call it a syntax error. */
  if (is_blank (data, length))
    {
      g_set_error (error, ATLAS_LESSON_ERROR, ATLAS_LESSON_ERROR_SYNTAX, _("%s: the file is empty"), name);
      return NULL;
    }

  if (!check_encoding (&reader, data, length) ||
      !check_syntax (&reader, data, length) ||
      !check_escapes (&reader, data, length) ||
      (root = parse (&reader, data, length)) == NULL)
    return NULL;

  return read_lesson (&reader, root);
}

/* Files ------------------------------------------------------------------- */

static char *
dup_file_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_parse_name (file);
}

/**
 * atlas_lesson_load:
 *
 * Reads a lesson file, refusing files over %ATLAS_LESSON_MAX_FILE_SIZE
 * before reading them.
 *
 * Returns: (transfer full) (nullable): the lesson, or %NULL with @error set
 */
AtlasLesson *
atlas_lesson_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = dup_file_name (file);

  /* A FIFO would block the open until something writes to it (in the
   * window, a worker thread that never ends), and a device may never end. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
  else
    stream = g_file_read (file, cancellable, &local_error);

  /* Reading stops one chunk past the limit: enough to tell a file that
   * is too large without reading all of it. */
  while (stream != NULL && data->len <= ATLAS_LESSON_MAX_FILE_SIZE)
    {
      gsize old_len = data->len;
      gssize n;

      g_byte_array_set_size (data, old_len + READ_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + old_len, READ_CHUNK,
                               cancellable, &local_error);
      g_byte_array_set_size (data, old_len + MAX (n, 0));
      if (n <= 0)
        break;
    }

  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: a file name, then the reason */
                   _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return atlas_lesson_read ((const char *) data->data, data->len, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AtlasLesson *lesson = atlas_lesson_load (task_data, cancellable, &error);

  if (lesson == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, lesson, g_object_unref);
}

/**
 * atlas_lesson_load_async:
 *
 * Reads a lesson file like atlas_lesson_load() in a worker thread.
 */
void
atlas_lesson_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_lesson_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

AtlasLesson *
atlas_lesson_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atlas_lesson_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

AtlasLesson *
atlas_lesson_load_resource (const char  *path,
                            GError     **error)
{
  g_autofree char *full = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  full = g_strconcat (RESOURCE_PREFIX, path, NULL);
  if ((bytes = g_resources_lookup_data (full, G_RESOURCE_LOOKUP_FLAGS_NONE, error)) == NULL)
    return NULL;

  name = g_path_get_basename (path);
  return atlas_lesson_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, error);
}
