/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature-kinds"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-feature-checker.h"

#define MAX_TROOPS 10000000
#define MAX_WITH 64
#define MAX_WIDTHS 100
#define MAX_WIDTH_KM 1000.0
#define MAX_RANK 100

/* --- Deployments ------------------------------------------------------ */

static const char * const strength_names[] = { "present", "committed", NULL };
static const char * const range_keys[] = { "min", "max", NULL };

static gboolean
check_troop_count (AtlasChecker        *c,
                   const AtlasJsonNode *object,
                   const char          *key,
                   gint32              *value)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, key);
  g_autofree char *path = atlas_checker_path ("properties.troops", key);
  double v;

  if (node == NULL)
    {
      atlas_checker_error (c, object, path, "%s", _("missing"));
      return FALSE;
    }
  if (!atlas_checker_number (c, node, path, 0, MAX_TROOPS, TRUE, &v))
    return FALSE;
  *value = (gint32) v;
  return TRUE;
}

static void
check_troops (AtlasChecker          *c,
              AtlasDeploymentRecord *record)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (c->props, "troops");
  double v;

  record->troops_min = record->troops_max = -1;

  if (node == NULL)
    {
      atlas_checker_error (c, c->props, "properties.troops", "%s",
                           /* Translators: {"min", "max"} is an object with these
                            * two members, and "unknown" the value to write: both
                            * stay as they are */
                           _("missing (a number, {\"min\", \"max\"} or \"unknown\")"));
      return;
    }

  switch (node->type)
    {
    case ATLAS_JSON_NUMBER:
      if (atlas_checker_number (c, node, "properties.troops", 0, MAX_TROOPS, TRUE, &v))
        record->troops_min = record->troops_max = (gint32) v;
      break;

    case ATLAS_JSON_OBJECT:
      atlas_checker_members (c, node, "properties.troops", range_keys);
      if (check_troop_count (c, node, "min", &record->troops_min) &&
          check_troop_count (c, node, "max", &record->troops_max) &&
          record->troops_min > record->troops_max)
        /* Translators: min and max are the names of the members, as they
         * are; each %d is the number of troops given for it */
        atlas_checker_error (c, node, "properties.troops", _("min %d is more than max %d"),
                             record->troops_min, record->troops_max);
      break;

    case ATLAS_JSON_STRING:
      if (strcmp (node->text, "unknown") == 0)
        break;
      G_GNUC_FALLTHROUGH;

    default:
      atlas_checker_error (c, node, "properties.troops",
                           /* Translators: {"min", "max"} and "unknown" stay as they
                            * are; %s is the type of the value found, e.g. "a string" */
                           _("expected a number, {\"min\", \"max\"} or \"unknown\", found %s"),
                           atlas_json_type_describe (node->type));
      break;
    }
}

void
atlas_check_deployment (AtlasChecker          *c,
                        AtlasDeploymentRecord *record)
{
  AtlasStore *store = c->store;
  const AtlasJsonNode *zone_node = atlas_json_node_get_member (c->props, "zone");
  const char *nation;
  const char *zone;
  int strength;

  nation = atlas_checker_string (c, c->props, "properties", "nation", TRUE);
  if (nation != NULL && !atlas_is_area_code (nation) && strcmp (nation, "NATO") != 0)
    {
      g_autofree char *quoted = atlas_quote (nation, strlen (nation));

      atlas_checker_error (c, atlas_json_node_get_member (c->props, "nation"), "properties.nation",
                           /* Translators: %s is the value found, in quotes; "USA" is an
                            * example of a three-letter country code and "NATO" the other
                            * value allowed: both stay as they are */
                           _("%s is not an ISO 3166-1 alpha-3 code (\"USA\") or \"NATO\""), quoted);
    }
  record->nation = atlas_store_intern (store, nation);
  record->unit = atlas_store_intern (store, atlas_checker_string (c, c->props, "properties", "unit", TRUE));
  record->hq = atlas_store_intern (store, atlas_checker_string (c, c->props, "properties", "hq", FALSE));
  strength = atlas_checker_choice (c, c->props, "properties", "strength", strength_names,
                                   FALSE, ATLAS_STRENGTH_PRESENT);
  record->strength = MAX (strength, 0);
  check_troops (c, record);

  zone = atlas_checker_string (c, c->props, "properties", "zone", FALSE);
  if (zone != NULL && !atlas_is_valid_id (zone))
    {
      g_autofree char *quoted = atlas_quote (zone, strlen (zone));

      /* Translators: %s is the value found, in quotes */
      atlas_checker_error (c, zone_node, "properties.zone", _("%s is not a valid id"), quoted);
    }
  else if (c->input->geometry.is_null && zone_node == NULL)
    {
      atlas_checker_error (c, NULL, "properties.zone", "%s",
                           /* Translators: null is GeoJSON's word, as it is */
                           _("missing (a deployment with null geometry needs a zone)"));
    }
  else if (c->input->geometry.present && !c->input->geometry.is_null && zone_node != NULL)
    {
      atlas_checker_error (c, zone_node, "properties.zone", "%s",
                           /* Translators: Point is GeoJSON's word, as it is */
                           _("a deployment has a Point geometry or a zone, not both"));
    }
  record->zone_id = atlas_store_intern (store, zone);
}

/* --- Places ----------------------------------------------------------- */

/* Enough of BCP 47 to catch mistakes: "sq", "sr-Latn", "en-GB". */
static gboolean
is_language_tag (const char *tag)
{
  gsize len = strlen (tag);
  guint alpha = 0;

  if (len < 2 || len > 35)
    return FALSE;
  while (g_ascii_isalpha (tag[alpha]))
    alpha++;
  if (alpha < 2 || alpha > 8)
    return FALSE;
  for (const char *p = tag + alpha; *p; p++)
    if (!g_ascii_isalnum (*p) && !(*p == '-' && p[1] != '\0' && p[1] != '-'))
      return FALSE;
  return TRUE;
}

void
atlas_check_place (AtlasChecker     *c,
                   AtlasPlaceRecord *record)
{
  AtlasStore *store = c->store;
  const AtlasJsonNode *names = atlas_json_node_get_member (c->props, "names");
  const AtlasJsonNode *rank = atlas_json_node_get_member (c->props, "rank");
  AtlasPlaceName *copy;
  guint n = 0;
  double v;

  if (rank != NULL && atlas_checker_number (c, rank, "properties.rank", 1, MAX_RANK, TRUE, &v))
    record->rank = (gint32) v;

  if (names == NULL)
    {
      atlas_checker_error (c, c->props, "properties.names", "%s",
                           /* Translators: {"sq": …} is an example of the object to
                            * write, with language codes as keys; it stays as it is */
                           _("missing (names by language, e.g. {\"sq\": …})"));
      return;
    }
  if (names->type != ATLAS_JSON_OBJECT || names->n_children == 0)
    {
      atlas_checker_error (c, names, "properties.names",
                           /* Translators: %s is the type of the value found, e.g.
                            * "an array", or "an empty object" */
                           _("expected an object with at least one name, found %s"),
                           /* Translators: what was found where an object with
                            * members was expected, put in messages such as
                            * "expected an object with at least one name, found %s" */
                           names->type == ATLAS_JSON_OBJECT ? _("an empty object")
                                                           : atlas_json_type_describe (names->type));
      return;
    }

  copy = atlas_arena_alloc0 (store->arena, names->n_children * sizeof (AtlasPlaceName));
  for (const AtlasJsonNode *child = names->first; child != NULL; child = child->next)
    {
      g_autofree char *path = atlas_checker_path ("properties.names", child->key);
      const char *name;

      if (!is_language_tag (child->key))
        {
          atlas_checker_error (c, child, path, "%s",
                               /* Translators: about a key of "names"; the tags in
                                * quotes are examples and stay as they are */
                               _("not a language tag (\"sq\", \"sr\", \"sr-Latn\", \"en\", …)"));
          continue;
        }
      name = atlas_checker_string (c, names, "properties.names", child->key, TRUE);
      if (name == NULL)
        continue;
      copy[n].lang = atlas_store_intern (store, child->key);
      copy[n].name = atlas_store_intern (store, name);
      n++;
    }
  record->names = copy;
  record->n_names = n;
}

/* --- Zones ------------------------------------------------------------ */

static const char * const status_names[] = { "proposed", "in-force", NULL };
static const char * const rule_type_names[] = { "boundary", "band", NULL };
static const char * const side_names[] = { "area", "with", "both", NULL };
static const char * const boundary_keys[] = { "type", "area", "with", NULL };
static const char * const band_keys[] = { "type", "area", "with", "side", "width_km", "widths", NULL };
static const char * const width_keys[] = { "from", "width_km", NULL };

static const char *
check_area (AtlasChecker        *c,
            const AtlasJsonNode *node,
            const char          *path)
{
  g_autofree char *quoted = NULL;

  if (node->type != ATLAS_JSON_STRING)
    {
      /* Translators: %s is the type of the value found, e.g. "a number" */
      atlas_checker_error (c, node, path, _("expected a string, found %s"),
                           atlas_json_type_describe (node->type));
      return NULL;
    }
  if (atlas_is_area_code (node->text) || atlas_is_valid_id (node->text))
    return atlas_store_intern (c->store, node->text);

  quoted = atlas_quote (node->text, node->len);
  /* Translators: %s is the value found, in quotes; a base-map code is the
   * three-letter code of a country on the base map, "SRB" an example that
   * stays as it is */
  atlas_checker_error (c, node, path, _("%s is neither a base-map code (\"SRB\") nor a zone id"), quoted);
  return NULL;
}

static gboolean
check_width (AtlasChecker        *c,
             const AtlasJsonNode *object,
             const char          *parent_path,
             double              *width)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, "width_km");
  g_autofree char *path = atlas_checker_path (parent_path, "width_km");

  if (node == NULL)
    {
      atlas_checker_error (c, object, path, "%s", _("missing"));
      return FALSE;
    }
  if (!atlas_checker_number (c, node, path, 0, MAX_WIDTH_KM, FALSE, width))
    return FALSE;
  if (*width > 0)
    return TRUE;
  /* Translators: about the width of a band, in kilometres */
  atlas_checker_error (c, node, path, "%s", _("must be more than 0"));
  return FALSE;
}

static void
check_widths (AtlasChecker        *c,
              const AtlasJsonNode *rule,
              AtlasZoneRecord     *record,
              AtlasZoneRule       *out)
{
  const AtlasJsonNode *list = atlas_json_node_get_member (rule, "widths");
  AtlasBandWidth *widths;
  guint i = 0;

  if (list != NULL && atlas_json_node_get_member (rule, "width_km") != NULL)
    {
      atlas_checker_error (c, list, "properties.rule.widths", "%s",
                           /* Translators: width_km and widths are member names, as
                            * they are */
                           _("give either width_km or widths, not both"));
      return;
    }

  if (list == NULL)
    {
      widths = atlas_arena_alloc0 (c->store->arena, sizeof (AtlasBandWidth));
      widths->from_day = ATLAS_DAY_MIN;
      if (check_width (c, rule, "properties.rule", &widths->width_km))
        {
          out->widths = widths;
          out->n_widths = 1;
        }
      return;
    }

  if (list->type != ATLAS_JSON_ARRAY || list->n_children == 0 || list->n_children > MAX_WIDTHS)
    {
      atlas_checker_error (c, list, "properties.rule.widths",
                           /* Translators: %d is the most entries (widths, each from
                            * a date) the array may have */
                           ngettext ("expected an array of 1 to %d entry",
                                     "expected an array of 1 to %d entries", MAX_WIDTHS),
                           MAX_WIDTHS);
      return;
    }

  widths = atlas_arena_alloc0 (c->store->arena, list->n_children * sizeof (AtlasBandWidth));
  for (const AtlasJsonNode *entry = list->first; entry != NULL; entry = entry->next, i++)
    {
      g_autofree char *path = atlas_checker_index_path ("properties.rule.widths", i);
      g_autofree char *from_path = atlas_checker_path (path, "from");
      const AtlasJsonNode *from;

      if (entry->type != ATLAS_JSON_OBJECT)
        {
          /* Translators: %s is the type of the value found, e.g. "a number" */
          atlas_checker_error (c, entry, path, _("expected an object, found %s"),
                               atlas_json_type_describe (entry->type));
          return;
        }
      atlas_checker_members (c, entry, path, width_keys);
      check_width (c, entry, path, &widths[i].width_km);

      from = atlas_json_node_get_member (entry, "from");
      if (from == NULL)
        {
          atlas_checker_error (c, entry, from_path, "%s", _("missing"));
          return;
        }
      if (!atlas_checker_date (c, from, from_path, &widths[i].date))
        return;
      widths[i].from_day = atlas_date_get_first_day (&widths[i].date);

      if (i > 0 && widths[i].from_day <= widths[i - 1].from_day)
        /* Translators: %s is a date as written in the file; "from" is a
         * member name, as it is */
        atlas_checker_error (c, from, from_path, _("\"%s\" is not after the previous entry's \"from\""),
                             from->text);
      else if (i == 0 && atlas_date_is_set (&record->base.start) &&
               widths[0].from_day > record->base.start_day)
        /* Translators: %s is a date as written in the file; the first
         * width of a band must apply from the zone's start on */
        atlas_checker_error (c, from, from_path, _("\"%s\" is after the zone's start"), from->text);
    }
  out->widths = widths;
  out->n_widths = i;
}

static void
check_rule (AtlasChecker        *c,
            const AtlasJsonNode *rule,
            AtlasZoneRecord     *record)
{
  const AtlasJsonNode *area = atlas_json_node_get_member (rule, "area");
  const AtlasJsonNode *with = atlas_json_node_get_member (rule, "with");
  AtlasZoneRule *out;
  const char **with_ids;
  guint i = 0;
  int type;

  if (rule->type != ATLAS_JSON_OBJECT)
    {
      /* Translators: %s is the type of the value found, e.g. "a string" */
      atlas_checker_error (c, rule, "properties.rule", _("expected an object, found %s"),
                           atlas_json_type_describe (rule->type));
      return;
    }

  type = atlas_checker_choice (c, rule, "properties.rule", "type", rule_type_names, TRUE, -1);
  if (type < 0)
    return;
  atlas_checker_members (c, rule, "properties.rule",
                         type == ATLAS_ZONE_RULE_BAND ? band_keys : boundary_keys);

  out = atlas_arena_alloc0 (c->store->arena, sizeof (AtlasZoneRule));
  out->type = type;

  if (area == NULL)
    atlas_checker_error (c, rule, "properties.rule.area", "%s", _("missing"));
  else
    out->area = check_area (c, area, "properties.rule.area");

  if (with == NULL || with->type != ATLAS_JSON_ARRAY || with->n_children == 0 || with->n_children > MAX_WITH)
    {
      atlas_checker_error (c, with ? with : rule, "properties.rule.with",
                           /* Translators: %d is the most areas (base-map codes or
                            * zone ids) the array may have */
                           ngettext ("expected an array of 1 to %d area",
                                     "expected an array of 1 to %d areas", MAX_WITH),
                           MAX_WITH);
    }
  else
    {
      with_ids = atlas_arena_alloc0 (c->store->arena, (with->n_children + 1) * sizeof (char *));
      for (const AtlasJsonNode *child = with->first; child != NULL; child = child->next, i++)
        {
          g_autofree char *path = atlas_checker_index_path ("properties.rule.with", i);

          with_ids[i] = check_area (c, child, path);
        }
      out->with = with_ids;
      out->n_with = i;
    }

  if (type == ATLAS_ZONE_RULE_BAND)
    {
      int side = atlas_checker_choice (c, rule, "properties.rule", "side", side_names, TRUE, -1);

      out->side = MAX (side, 0);
      check_widths (c, rule, record, out);
    }

  record->rule = out;
}

void
atlas_check_zone (AtlasChecker    *c,
                  AtlasZoneRecord *record)
{
  const AtlasJsonNode *rule = atlas_json_node_get_member (c->props, "rule");
  const AtlasGeometryInput *geometry = &c->input->geometry;
  int status;

  status = atlas_checker_choice (c, c->props, "properties", "status", status_names, TRUE, -1);
  record->status = MAX (status, 0);

  if (rule != NULL && geometry->present && !geometry->is_null)
    atlas_checker_error (c, rule, "properties.rule", "%s",
                         /* Translators: a rule says how to compute a zone's
                          * geometry from the base map */
                         _("a zone has a geometry or a rule, not both"));
  else if (rule == NULL && geometry->is_null)
    atlas_checker_error (c, NULL, "properties.rule", "%s",
                         /* Translators: null is GeoJSON's word, as it is */
                         _("missing (a zone with null geometry needs a rule)"));
  else if (rule != NULL)
    check_rule (c, rule, record);
}

/* --- References between features -------------------------------------- */

/* Finds the zone @id names; reports and returns -1 when there is none. */
static gint
resolve_zone (AtlasLoadSession  *session,
              const AtlasRecord *from,
              const char        *id,
              const char        *path)
{
  AtlasFeatureKind kind;
  guint position;

  if (!atlas_store_lookup (session->store, id, &kind, &position))
    {
      /* Translators: %s is an id as written in the file */
      atlas_load_session_late_problem (session, from, path, _("no zone has the id \"%s\""), id);
      return -1;
    }
  /* Whole sentences per kind, so that translators get them whole. */
  switch (kind)
    {
    case ATLAS_KIND_ZONE:
      return (gint) position;
    case ATLAS_KIND_EVENT:
      /* Translators: %s is an id as written in the file; it names an
       * event where a zone is expected */
      atlas_load_session_late_problem (session, from, path, _("\"%s\" is an event, not a zone"), id);
      break;
    case ATLAS_KIND_DEPLOYMENT:
      /* Translators: %s is an id as written in the file; it names a
       * deployment where a zone is expected */
      atlas_load_session_late_problem (session, from, path, _("\"%s\" is a deployment, not a zone"), id);
      break;
    case ATLAS_KIND_PLACE:
      /* Translators: %s is an id as written in the file; it names a
       * place where a zone is expected */
      atlas_load_session_late_problem (session, from, path, _("\"%s\" is a place, not a zone"), id);
      break;
    default:
      g_assert_not_reached ();
    }
  return -1;
}

typedef struct {
  guint zone;
  guint target;
} Edge;

/* Zone rules may name other zones: each must exist, and following them
 * must not lead back (a cycle could never be computed). Kahn's algorithm
 * finds every zone that can be resolved in O(zones + references). */
static void
check_zone_references (AtlasLoadSession *session)
{
  AtlasStore *store = session->store;
  guint n = atlas_store_get_n_records (store, ATLAS_KIND_ZONE);
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree guint *pending = g_new0 (guint, MAX (n, 1));
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  g_autofree guint *first_dependent = g_new0 (guint, n + 1);
  g_autofree guint *dependents = NULL;
  g_autofree gboolean *resolved = g_new0 (gboolean, MAX (n, 1));
  g_autofree gboolean *was_dead = g_new0 (gboolean, MAX (n, 1));
  guint head = 0, tail = 0;

  for (guint z = 0; z < n; z++)
    {
      AtlasZoneRecord *zone = atlas_store_get_record (store, ATLAS_KIND_ZONE, z);
      const AtlasZoneRule *rule = zone->rule;

      for (guint i = 0; rule != NULL && i <= rule->n_with; i++)
        {
          const char *ref = i == 0 ? rule->area : rule->with[i - 1];
          g_autofree char *path = i == 0 ? g_strdup ("properties.rule.area")
                                         : g_strdup_printf ("properties.rule.with[%u]", i - 1);
          AtlasFeatureKind kind;
          guint position;
          gint target;

          if (atlas_is_area_code (ref) && !atlas_store_lookup (store, ref, &kind, &position))
            continue;
          if ((target = resolve_zone (session, &zone->base, ref, path)) < 0)
            zone->base.dead = TRUE;
          else if ((guint) target == z)
            {
              atlas_load_session_late_problem (session, &zone->base, path, "%s",
                                               /* Translators: a zone's rule names the
                                                * zone itself as an area */
                                               _("the rule refers to its own zone"));
              zone->base.dead = TRUE;
            }
          else
            {
              Edge edge = { z, (guint) target };

              g_array_append_val (edges, edge);
              pending[z]++;
              first_dependent[target + 1]++;
            }
        }
    }

  /* Dependents of each zone, as one array with offsets. */
  for (guint z = 0; z < n; z++)
    first_dependent[z + 1] += first_dependent[z];
  dependents = g_new (guint, MAX (edges->len, 1));
  {
    g_autofree guint *fill = g_memdup2 (first_dependent, (n + 1) * sizeof (guint));

    for (guint e = 0; e < edges->len; e++)
      {
        Edge *edge = &g_array_index (edges, Edge, e);

        dependents[fill[edge->target]++] = edge->zone;
      }
  }

  for (guint z = 0; z < n; z++)
    {
      AtlasZoneRecord *zone = atlas_store_get_record (store, ATLAS_KIND_ZONE, z);

      if (pending[z] == 0 && !zone->base.dead)
        queue[tail++] = z;
    }
  while (head < tail)
    {
      guint z = queue[head++];

      resolved[z] = TRUE;
      for (guint d = first_dependent[z]; d < first_dependent[z + 1]; d++)
        {
          guint dependent = dependents[d];
          AtlasZoneRecord *zone = atlas_store_get_record (store, ATLAS_KIND_ZONE, dependent);

          if (--pending[dependent] == 0 && !zone->base.dead)
            queue[tail++] = dependent;
        }
    }

  /* What is left depends on a zone with a problem, or on a cycle. */
  for (guint z = 0; z < n; z++)
    {
      AtlasZoneRecord *zone = atlas_store_get_record (store, ATLAS_KIND_ZONE, z);

      was_dead[z] = zone->base.dead;
    }
  for (guint e = 0; e < edges->len; e++)
    {
      Edge *edge = &g_array_index (edges, Edge, e);
      AtlasZoneRecord *zone = atlas_store_get_record (store, ATLAS_KIND_ZONE, edge->zone);
      AtlasZoneRecord *target = atlas_store_get_record (store, ATLAS_KIND_ZONE, edge->target);

      if (resolved[edge->zone] || zone->base.dead || resolved[edge->target])
        continue;
      if (was_dead[edge->target])
        atlas_load_session_late_problem (session, &zone->base, "properties.rule",
                                         /* Translators: about a zone's rule; %s is
                                          * the id of another zone */
                                         _("refers to zone \"%s\", which could not be loaded"),
                                         target->base.id);
      else
        atlas_load_session_late_problem (session, &zone->base, "properties.rule",
                                         /* Translators: about a zone's rule; %s is
                                          * the id of another zone, whose rule leads,
                                          * through other rules, back to this one */
                                         _("cannot be computed: zone \"%s\" leads to a cycle of rules"),
                                         target->base.id);
      zone->base.dead = TRUE;
    }
}

void
atlas_feature_reader_check_references (AtlasLoadSession *session)
{
  AtlasStore *store = session->store;

  check_zone_references (session);

  for (guint i = 0; i < atlas_store_get_n_records (store, ATLAS_KIND_DEPLOYMENT); i++)
    {
      AtlasDeploymentRecord *deployment = atlas_store_get_record (store, ATLAS_KIND_DEPLOYMENT, i);
      const AtlasZoneRecord *zone;
      gint target;

      if (deployment->zone_id == NULL)
        continue;
      if ((target = resolve_zone (session, &deployment->base, deployment->zone_id, "properties.zone")) < 0)
        {
          deployment->base.dead = TRUE;
          continue;
        }
      zone = atlas_store_get_record (store, ATLAS_KIND_ZONE, target);
      if (zone->base.dead)
        {
          atlas_load_session_late_problem (session, &deployment->base, "properties.zone",
                                           /* Translators: %s is the id of the zone a
                                            * deployment names */
                                           _("zone \"%s\" could not be loaded"), deployment->zone_id);
          deployment->base.dead = TRUE;
        }
    }
}
