/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "atlas-feature-checker.h"

#define MAX_SOURCES 1000

/* --- Common properties ------------------------------------------------ */

static const char * const kind_names[] = { "event", "zone", "deployment", "place", NULL };
static const char * const certainty_names[] = { "certain", "probable", "uncertain", NULL };

#define COMMON_KEYS "kind", "id", "title", "description", "category", "sources", \
                    "certainty", "start", "end"

static const char * const * const known_keys[ATLAS_N_KINDS] = {
  [ATLAS_KIND_EVENT] = (const char * const[]) { COMMON_KEYS, NULL },
  [ATLAS_KIND_ZONE] = (const char * const[]) { COMMON_KEYS, "status", "rule", NULL },
  [ATLAS_KIND_DEPLOYMENT] = (const char * const[]) { COMMON_KEYS, "nation", "unit", "troops",
                                                     "strength", "hq", "zone", NULL },
  [ATLAS_KIND_PLACE] = (const char * const[]) { COMMON_KEYS, "names", "rank", NULL },
};

static const char * const source_keys[] = { "title", "publisher", "date", "url", NULL };

static void
check_source (AtlasChecker        *c,
              const AtlasJsonNode *node,
              const char          *path,
              AtlasSource         *source)
{
  AtlasStore *store = c->store;
  const AtlasJsonNode *date;
  const char *url;

  if (node->type != ATLAS_JSON_OBJECT)
    {
      /* Translators: about a source of a feature; %s is the type of the
       * value found, e.g. "a string" */
      atlas_checker_error (c, node, path, _("expected an object, found %s"),
                           atlas_json_type_describe (node->type));
      return;
    }

  atlas_checker_members (c, node, path, source_keys);
  source->title = atlas_store_intern (store, atlas_checker_string (c, node, path, "title", TRUE));
  source->publisher = atlas_store_intern (store, atlas_checker_string (c, node, path, "publisher", TRUE));

  url = atlas_checker_string (c, node, path, "url", FALSE);
  if (url != NULL && !g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
    {
      g_autofree char *quoted = atlas_quote (url, strlen (url));
      /* Translators: %s is the value found, in quotes */
      g_autofree char *message = g_strdup_printf (_("%s is not an http:// or https:// URL"), quoted);

      atlas_checker_member_error (c, atlas_json_node_get_member (node, "url"), path, "url", message);
      url = NULL;
    }
  source->url = atlas_store_intern (store, url);

  date = atlas_json_node_get_member (node, "date");
  if (date == NULL)
    {
      /* Translators: "n.d." (no date) is the value to write in the file
       * and stays as it is */
      atlas_checker_warning (c, node, path, _("the source has no date (write \"n.d.\" if it has none)"));
    }
  else if (date->type == ATLAS_JSON_STRING && date->len == 4 && memcmp (date->text, "n.d.", 4) == 0)
    {
      /* "No date": the source states none (a web page, say); the date stays unset. */
    }
  else
    {
      char date_path[64];

      g_snprintf (date_path, sizeof date_path, "%s.date", path);
      atlas_checker_date (c, date, date_path, &source->date);
    }
}

static void
check_sources (AtlasChecker *c,
               AtlasRecord  *record)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (c->props, "sources");
  AtlasSource *sources;
  guint i = 0;

  if (node == NULL)
    {
      atlas_checker_error (c, c->props, "properties.sources", "%s",
                           _("missing (at least one source is required)"));
      return;
    }
  if (node->type != ATLAS_JSON_ARRAY)
    {
      /* Translators: %s is the type of the value found, e.g. "an object" */
      atlas_checker_error (c, node, "properties.sources", _("expected an array, found %s"),
                           atlas_json_type_describe (node->type));
      return;
    }
  if (node->n_children == 0)
    {
      atlas_checker_error (c, node, "properties.sources", "%s",
                           _("is empty (at least one source is required)"));
      return;
    }
  if (node->n_children > MAX_SOURCES)
    {
      atlas_checker_error (c, node, "properties.sources",
                           ngettext ("more than %d source", "more than %d sources", MAX_SOURCES),
                           MAX_SOURCES);
      return;
    }

  sources = atlas_arena_alloc0 (c->store->arena, node->n_children * sizeof (AtlasSource));
  for (const AtlasJsonNode *child = node->first; child != NULL; child = child->next, i++)
    {
      char path[48];

      g_snprintf (path, sizeof path, "properties.sources[%u]", i);
      check_source (c, child, path, &sources[i]);
    }
  record->sources = sources;
  record->n_sources = node->n_children;
}

static void
check_id (AtlasChecker *c,
          AtlasRecord  *record)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (c->props, "id");
  const char *id = atlas_checker_string (c, c->props, "properties", "id", TRUE);
  g_autofree char *quoted = NULL;
  AtlasFeatureKind kind;
  guint position;

  if (id == NULL)
    return;

  if (!atlas_is_valid_id (id))
    {
      quoted = atlas_quote (id, strlen (id));
      atlas_checker_error (c, node, "properties.id",
                           /* Translators: %s is the id found, in quotes; %d is the
                            * most characters an id may have. The characters in
                            * quotes are the ones allowed besides letters and digits. */
                           ngettext ("%s is not a valid id (1 to %d letter, digit, "
                                     "\".\", \"_\", \":\" or \"-\")",
                                     "%s is not a valid id (1 to %d letters, digits, "
                                     "\".\", \"_\", \":\" or \"-\")",
                                     ATLAS_MAX_ID_LENGTH),
                           quoted, ATLAS_MAX_ID_LENGTH);
      return;
    }
  if (atlas_store_lookup (c->store, id, &kind, &position))
    {
      const AtlasRecord *other = atlas_store_get_record (c->store, kind, position);

      quoted = atlas_quote (id, strlen (id));
      /* Translators: the first %s is an id, in quotes; features[%u] is
       * the place of the other feature in the file (JSON syntax, keep it
       * as it is); the last %s is the name of that file */
      atlas_checker_error (c, node, "properties.id", _("%s is already the id of features[%u] in %s"),
                           quoted, other->feature_index,
                           atlas_load_session_get_file_name (c->session, other->file_index));
      return;
    }
  record->id = atlas_store_intern (c->store, id);
}

static void
check_dates (AtlasChecker *c,
             AtlasRecord  *record)
{
  const AtlasJsonNode *start = atlas_json_node_get_member (c->props, "start");
  const AtlasJsonNode *end = atlas_json_node_get_member (c->props, "end");
  gboolean start_ok = FALSE;
  gboolean end_ok = FALSE;

  if (start == NULL)
    {
      if (c->kind != ATLAS_KIND_PLACE)
        atlas_checker_error (c, c->props, "properties.start", "%s", _("missing"));
      record->start_day = ATLAS_DAY_MIN;
      start_ok = c->kind == ATLAS_KIND_PLACE;
    }
  else if (atlas_checker_date (c, start, "properties.start", &record->start))
    {
      record->start_day = atlas_date_get_first_day (&record->start);
      start_ok = TRUE;
    }

  if (end == NULL)
    {
      if (c->kind == ATLAS_KIND_ZONE)
        atlas_checker_error (c, c->props, "properties.end", "%s",
                             /* Translators: ".." is the value to write in the file
                              * and stays as it is */
                             _("missing (a zone must give an end date, or \"..\" if it is still in force)"));
      else if (c->kind == ATLAS_KIND_DEPLOYMENT)
        atlas_checker_error (c, c->props, "properties.end", "%s",
                             /* Translators: ".." is the value to write in the file
                              * and stays as it is */
                             _("missing (a deployment must give an end date, or \"..\" if it is still in "
                               "force)"));
      else
        {
          /* The span of the start's precision; a place without dates
           * has always existed. */
          record->end_day = atlas_date_is_set (&record->start) ?
                            atlas_date_get_end_day (&record->start) : ATLAS_DAY_MAX;
          end_ok = TRUE;
        }
    }
  else if (end->type == ATLAS_JSON_STRING && strcmp (end->text, "..") == 0)
    {
      record->open_ended = TRUE;
      record->end_day = ATLAS_DAY_MAX;
      end_ok = TRUE;
    }
  else if (atlas_checker_date (c, end, "properties.end", &record->end))
    {
      record->end_day = atlas_date_get_first_day (&record->end);
      end_ok = TRUE;
    }

  /* Only a given end can fail this: an absent one follows the start. */
  if (start_ok && end_ok && end != NULL && start != NULL && record->end_day <= record->start_day)
    {
      g_autofree char *end_text = atlas_quote (end->text, end->len);

      /* Translators: the first %s is the end date, in quotes; the second
       * is the start date as written in the file */
      atlas_checker_error (c, end, "properties.end", _("%s is not after the start \"%s\""),
                           end_text, start->text);
    }
}

static void
check_common (AtlasChecker *c,
              AtlasRecord  *record)
{
  AtlasStore *store = c->store;
  int certainty;

  check_id (c, record);
  record->title = atlas_store_intern (store, atlas_checker_string (c, c->props, "properties", "title", TRUE));
  record->description = atlas_store_intern (store, atlas_checker_string (c, c->props, "properties",
                                                                         "description", FALSE));
  /* Interned in the category table when the feature is stored. */
  record->category = atlas_checker_string (c, c->props, "properties", "category", FALSE);
  certainty = atlas_checker_choice (c, c->props, "properties", "certainty", certainty_names, TRUE, -1);
  record->certainty = MAX (certainty, 0);
  check_sources (c, record);
  check_dates (c, record);
}

/* --- Geometry --------------------------------------------------------- */

static const struct {
  const char        *name;
  AtlasGeometryType  type;
  guint              depth;
} geometry_types[] = {
  { "Point", ATLAS_GEOMETRY_POINT, 1 },
  { "LineString", ATLAS_GEOMETRY_LINE_STRING, 2 },
  { "Polygon", ATLAS_GEOMETRY_POLYGON, 3 },
  { "MultiLineString", ATLAS_GEOMETRY_MULTI_LINE_STRING, 3 },
  { "MultiPolygon", ATLAS_GEOMETRY_MULTI_POLYGON, 4 },
};

/* The geometry types allowed for each kind, and whether null is. */
static const guint allowed_types[ATLAS_N_KINDS] = {
  [ATLAS_KIND_EVENT] = 1 << ATLAS_GEOMETRY_POINT,
  [ATLAS_KIND_ZONE] = 1 << ATLAS_GEOMETRY_POLYGON | 1 << ATLAS_GEOMETRY_MULTI_POLYGON |
                      1 << ATLAS_GEOMETRY_LINE_STRING | 1 << ATLAS_GEOMETRY_MULTI_LINE_STRING,
  [ATLAS_KIND_DEPLOYMENT] = 1 << ATLAS_GEOMETRY_POINT,
  [ATLAS_KIND_PLACE] = 1 << ATLAS_GEOMETRY_POINT,
};

/* Whole sentences per kind, so that translators get them whole. The
 * geometry types and null are GeoJSON's words and stay as written. */
static const char * const missing_geometry[ATLAS_N_KINDS] = {
  /* Translators: "geometry" is missing from a feature in a dataset file;
   * Point, Polygon, MultiPolygon, LineString, MultiLineString and null
   * are GeoJSON's words and stay as they are, here and in the three
   * messages below */
  [ATLAS_KIND_EVENT] = N_("missing (an event needs a Point or null)"),
  [ATLAS_KIND_ZONE] = N_("missing (a zone needs a Polygon, MultiPolygon, LineString, MultiLineString or null "
                         "with a rule)"),
  [ATLAS_KIND_DEPLOYMENT] = N_("missing (a deployment needs a Point, or null with a zone)"),
  [ATLAS_KIND_PLACE] = N_("missing (a place needs a Point)"),
};

static const char * const wrong_geometry_type[ATLAS_N_KINDS] = {
  /* Translators: %s is the geometry type found in a dataset file, e.g.
   * Polygon; the geometry types and null are GeoJSON's words and stay as
   * they are, here and in the three messages below */
  [ATLAS_KIND_EVENT] = N_("an event cannot be a %s (expected a Point or null)"),
  [ATLAS_KIND_ZONE] = N_("a zone cannot be a %s (expected a Polygon, MultiPolygon, LineString, "
                         "MultiLineString or null with a rule)"),
  [ATLAS_KIND_DEPLOYMENT] = N_("a deployment cannot be a %s (expected a Point, or null with a zone)"),
  [ATLAS_KIND_PLACE] = N_("a place cannot be a %s (expected a Point)"),
};

static gboolean
same_position (const double *coords,
               guint         a,
               guint         b)
{
  return coords[2 * a] == coords[2 * b] && coords[2 * a + 1] == coords[2 * b + 1];
}

/* Checks ring @ring (positions @first to @end) of a line or polygon. */
static gboolean
check_ring (AtlasChecker      *c,
            AtlasGeometryType  type,
            guint              ring,
            guint              first,
            guint              end)
{
  const AtlasGeometryInput *g = &c->input->geometry;
  const double *coords = (const double *) (gpointer) c->store->coords->data;
  g_autofree char *path = NULL;
  guint group = 0;
  guint ring_in_group = ring;

  /* Rings of a MultiPolygon are numbered within their polygon. */
  if (type == ATLAS_GEOMETRY_MULTI_POLYGON)
    {
      while (group < g->group_ends->len && g_array_index (g->group_ends, guint32, group) <= ring)
        group++;
      ring_in_group = ring - (group > 0 ? g_array_index (g->group_ends, guint32, group - 1) : 0);
      path = g_strdup_printf ("geometry.coordinates[%u][%u]", group, ring_in_group);
    }
  else if (type == ATLAS_GEOMETRY_LINE_STRING)
    path = g_strdup ("geometry.coordinates");
  else
    path = g_strdup_printf ("geometry.coordinates[%u]", ring);

  if (type == ATLAS_GEOMETRY_LINE_STRING || type == ATLAS_GEOMETRY_MULTI_LINE_STRING)
    {
      if (end - first >= 2)
        return TRUE;
      /* Translators: a position is a pair of coordinates */
      atlas_checker_error (c, NULL, path, "%s", _("a line needs at least 2 positions"));
      return FALSE;
    }

  if (end - first < 4)
    {
      /* Translators: a position is a pair of coordinates */
      atlas_checker_error (c, NULL, path, "%s", _("a polygon ring needs at least 4 positions"));
      return FALSE;
    }
  if (!same_position (coords, first, end - 1))
    {
      atlas_checker_error (c, NULL, path, "%s",
                           _("the ring is not closed (its first and last positions differ)"));
      return FALSE;
    }
  return TRUE;
}

/* Returns the geometry type, or -1 after reporting why it is unusable. */
static int
check_geometry (AtlasChecker *c)
{
  const AtlasGeometryInput *g = &c->input->geometry;
  guint n_positions;
  guint first;
  gboolean ok = TRUE;
  guint i;

  if (!g->present)
    {
      atlas_checker_error (c, NULL, "geometry", "%s", _(missing_geometry[c->kind]));
      return -1;
    }
  if (g->bad)
    return -1;
  if (g->is_null)
    return ATLAS_GEOMETRY_NONE;   /* whether null is allowed depends on the kind */
  if (!g->has_type)
    {
      atlas_checker_error (c, NULL, "geometry.type", "%s", _("missing"));
      return -1;
    }
  if (g->is_collection || strcmp (g->type, "GeometryCollection") == 0)
    {
      /* Translators: GeometryCollection is a GeoJSON geometry type */
      atlas_checker_error (c, NULL, "geometry.type", "%s", _("GeometryCollection is not supported"));
      return -1;
    }

  for (i = 0; i < G_N_ELEMENTS (geometry_types); i++)
    if (strcmp (g->type, geometry_types[i].name) == 0)
      break;
  if (i == G_N_ELEMENTS (geometry_types))
    {
      g_autofree char *quoted = atlas_quote (g->type, strlen (g->type));

      /* Translators: %s is the type found, in quotes */
      atlas_checker_error (c, NULL, "geometry.type", _("unknown geometry type %s"), quoted);
      return -1;
    }
  if (!(allowed_types[c->kind] & (1u << geometry_types[i].type)))
    {
      atlas_checker_error (c, NULL, "geometry.type", _(wrong_geometry_type[c->kind]), g->type);
      return -1;
    }
  if (!g->has_coordinates)
    {
      atlas_checker_error (c, NULL, "geometry.coordinates", "%s", _("missing"));
      return -1;
    }
  if (g->depth != geometry_types[i].depth)
    {
      /* Translators: %s is a GeoJSON geometry type, e.g. Polygon, whose
       * coordinates are arrays nested to a given depth */
      atlas_checker_error (c, NULL, "geometry.coordinates", _("not nested as a %s needs"), g->type);
      return -1;
    }

  n_positions = c->store->coords->len / 2 - g->first_position;
  if (geometry_types[i].type == ATLAS_GEOMETRY_POINT)
    return n_positions == 1 ? ATLAS_GEOMETRY_POINT : -1;

  first = g->first_position;
  for (guint r = 0; r < g->ring_ends->len; r++)
    {
      guint end = g_array_index (g->ring_ends, guint32, r);

      ok &= check_ring (c, geometry_types[i].type, r, first, end);
      first = end;
    }
  return ok ? (int) geometry_types[i].type : -1;
}

/* Adds the ring and part tables of an accepted geometry to the store. */
static void
store_geometry (AtlasStore               *store,
                const AtlasGeometryInput *g,
                AtlasGeometryType         type,
                AtlasRecord              *record)
{
  GArray *rings = store->ring_start;
  GArray *parts = store->part_start;
  guint32 first_ring = rings->len;
  guint32 start = g->first_position;
  guint32 part;

  record->geometry_type = type;
  record->first_part = parts->len;

  if (type == ATLAS_GEOMETRY_POINT)
    {
      g_array_append_val (rings, start);
      g_array_append_val (parts, first_ring);
      record->n_parts = 1;
      record->lon = g_array_index (store->coords, double, 2 * start);
      record->lat = g_array_index (store->coords, double, 2 * start + 1);
      return;
    }

  for (guint r = 0; r < g->ring_ends->len; r++)
    {
      g_array_append_val (rings, start);
      start = g_array_index (g->ring_ends, guint32, r);
    }

  switch (type)
    {
    case ATLAS_GEOMETRY_MULTI_LINE_STRING:
      for (guint r = 0; r < g->ring_ends->len; r++)
        {
          part = first_ring + r;
          g_array_append_val (parts, part);
        }
      record->n_parts = g->ring_ends->len;
      break;

    case ATLAS_GEOMETRY_MULTI_POLYGON:
      part = first_ring;
      for (guint p = 0; p < g->group_ends->len; p++)
        {
          g_array_append_val (parts, part);
          part = first_ring + g_array_index (g->group_ends, guint32, p);
        }
      record->n_parts = g->group_ends->len;
      break;

    default:
      g_array_append_val (parts, first_ring);
      record->n_parts = 1;
      break;
    }
}

/* --- Entry point ------------------------------------------------------ */

typedef union {
  AtlasRecord           base;
  AtlasZoneRecord       zone;
  AtlasDeploymentRecord deployment;
  AtlasPlaceRecord      place;
} AnyRecord;

static const gsize any_record_size[ATLAS_N_KINDS] = {
  sizeof (AtlasEventRecord), sizeof (AtlasZoneRecord),
  sizeof (AtlasDeploymentRecord), sizeof (AtlasPlaceRecord),
};

void
atlas_feature_reader_commit (AtlasLoadSession  *session,
                             AtlasFeatureInput *input)
{
  AtlasChecker c = { session, session->store, input, input->properties, 0 };
  const AtlasJsonNode *id_node = NULL;
  AnyRecord record = { 0 };
  gboolean stored = FALSE;
  int kind;
  int geometry_type;

  if (!input->has_type)
    /* Translators: "Feature" is the value to write, as it is */
    atlas_checker_error (&c, NULL, "type", "%s", _("missing (expected \"Feature\")"));

  if (input->properties == NULL)
    {
      if (!input->properties_seen)
        atlas_checker_error (&c, NULL, "properties", "%s", _("missing"));
      goto out;
    }

  id_node = atlas_json_node_get_member (input->properties, "id");
  kind = atlas_checker_choice (&c, input->properties, "properties", "kind", kind_names, TRUE, -1);
  if (kind < 0)
    goto out;

  c.kind = kind;
  atlas_checker_members (&c, input->properties, "properties", known_keys[kind]);
  check_common (&c, &record.base);
  geometry_type = check_geometry (&c);

  switch (kind)
    {
    case ATLAS_KIND_EVENT:
      break;
    case ATLAS_KIND_ZONE:
      atlas_check_zone (&c, &record.zone);
      break;
    case ATLAS_KIND_DEPLOYMENT:
      atlas_check_deployment (&c, &record.deployment);
      break;
    case ATLAS_KIND_PLACE:
      if (geometry_type == ATLAS_GEOMETRY_NONE)
        /* Translators: null and Point are GeoJSON's words, as they are */
        atlas_checker_error (&c, NULL, "geometry", "%s", _("null, but a place needs a Point"));
      atlas_check_place (&c, &record.place);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!atlas_load_session_feature_failed (session) && geometry_type >= 0)
    {
      gpointer slot;

      record.base.file_index = session->file_index;
      record.base.feature_index = input->index;
      record.base.category_index = atlas_store_intern_category (c.store, record.base.category);
      record.base.category = g_ptr_array_index (c.store->categories, record.base.category_index);
      record.base.lon = record.base.lat = NAN;
      if (geometry_type != ATLAS_GEOMETRY_NONE)
        store_geometry (c.store, &input->geometry, geometry_type, &record.base);

      slot = atlas_store_append_record (c.store, kind);
      memcpy (slot, &record, any_record_size[kind]);
      atlas_store_add_id (c.store, kind, atlas_store_get_n_records (c.store, kind) - 1);
      stored = TRUE;
    }

out:
  if (!stored && input->geometry.has_coordinates)
    g_array_set_size (c.store->coords, 2 * input->geometry.first_position);

  atlas_load_session_feature_end (session, id_node != NULL && id_node->type == ATLAS_JSON_STRING ?
                                           id_node->text : NULL);
}
