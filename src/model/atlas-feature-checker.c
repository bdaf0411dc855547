/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature-checker"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "atlas-feature-checker.h"


static void
report (AtlasChecker        *c,
        AtlasSeverity        severity,
        const AtlasJsonNode *node,
        const char          *path,
        const char          *format,
        va_list              args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  gsize offset = node != NULL ? node->offset : c->input->offset;

  atlas_load_session_feature_problem (c->session, severity, offset, path, "%s", message);
}

void
atlas_checker_error (AtlasChecker        *c,
                     const AtlasJsonNode *node,
                     const char          *path,
                     const char          *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  report (c, ATLAS_SEVERITY_ERROR, node, path, format, args);
  va_end (args);
}

void
atlas_checker_warning (AtlasChecker        *c,
                       const AtlasJsonNode *node,
                       const char          *path,
                       const char          *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  report (c, ATLAS_SEVERITY_WARNING, node, path, format, args);
  va_end (args);
}

static gboolean
is_plain_key (const char *key)
{
  if (key[0] == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

char *
atlas_checker_path (const char *parent,
                    const char *key)
{
  g_autofree char *quoted = NULL;

  if (is_plain_key (key))
    return g_strconcat (parent, ".", key, NULL);

  quoted = atlas_quote (key, strlen (key));
  return g_strdup_printf ("%s[%s]", parent, quoted);
}

char *
atlas_checker_index_path (const char *parent,
                          guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* Reports a problem with member @key of an object at @parent_path; the
 * path is only built when there is something to report. */
void
atlas_checker_member_error (AtlasChecker        *c,
                            const AtlasJsonNode *node,
                            const char          *parent_path,
                            const char          *key,
                            const char          *message)
{
  g_autofree char *path = atlas_checker_path (parent_path, key);

  atlas_checker_error (c, node, path, "%s", message);
}

const char *
atlas_checker_string (AtlasChecker        *c,
                      const AtlasJsonNode *object,
                      const char          *parent_path,
                      const char          *key,
                      gboolean             required)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, key);
  g_autofree char *message = NULL;

  if (node == NULL)
    {
      if (required)
        /* Translators: a required member of a feature in a dataset file
         * is not there; shown after its path, e.g. "properties.title: " */
        atlas_checker_member_error (c, object, parent_path, key, _("missing"));
      return NULL;
    }
  if (node->type != ATLAS_JSON_STRING)
    {
      /* Translators: %s is the type of the value found, e.g. "a number" */
      message = g_strdup_printf (_("expected a string, found %s"), atlas_json_type_describe (node->type));
      atlas_checker_member_error (c, node, parent_path, key, message);
      return NULL;
    }
  if (strlen (node->text) != node->len)
    {
      /* Translators: about a string value in a dataset file; NUL is the
       * character written "\u0000" in JSON */
      atlas_checker_member_error (c, node, parent_path, key, _("contains a NUL character"));
      return NULL;
    }
  if (node->len == 0)
    {
      if (required)
        /* Translators: about a string value in a dataset file, shown
         * after its path, e.g. "properties.title: is empty" */
        atlas_checker_member_error (c, node, parent_path, key, _("is empty"));
      return NULL;
    }
  return node->text;
}

int
atlas_checker_choice (AtlasChecker        *c,
                      const AtlasJsonNode *object,
                      const char          *parent_path,
                      const char          *key,
                      const char * const  *choices,
                      gboolean             required,
                      int                  fallback)
{
  const AtlasJsonNode *node = atlas_json_node_get_member (object, key);
  const char *value = atlas_checker_string (c, object, parent_path, key, required);
  g_autofree char *path = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *expected = NULL;

  if (value == NULL)
    return node == NULL && !required ? fallback : -1;

  for (int i = 0; choices[i] != NULL; i++)
    if (strcmp (value, choices[i]) == 0)
      return i;

  path = atlas_checker_path (parent_path, key);
  quoted = atlas_quote (value, strlen (value));
  /* The allowed values are data: quoted and listed as they must be
   * written, whatever the language. */
  joined = g_strjoinv ("\", \"", (char **) choices);
  expected = g_strdup_printf ("\"%s\"", joined);
  /* Translators: the first %s is the value found, in quotes, e.g.
   * "sure"; the second is the list of the values allowed, each in quotes,
   * e.g. "certain", "probable", "uncertain" */
  atlas_checker_error (c, node, path, _("%s is not one of %s"), quoted, expected);
  return -1;
}

gboolean
atlas_checker_number (AtlasChecker        *c,
                      const AtlasJsonNode *node,
                      const char          *path,
                      double               min,
                      double               max,
                      gboolean             integer,
                      double              *value)
{
  double v;

  if (node->type != ATLAS_JSON_NUMBER)
    {
      /* Translators: %s is the type of the value found, e.g. "a string" */
      atlas_checker_error (c, node, path, _("expected a number, found %s"),
                           atlas_json_type_describe (node->type));
      return FALSE;
    }

  v = g_ascii_strtod (node->text, NULL);
  if (!isfinite (v) || v < min || v > max)
    {
      /* Translators: %s is a number as written in the file; the two %g
       * are the smallest and the largest value allowed */
      atlas_checker_error (c, node, path, _("%s is out of range (%g to %g)"), node->text, min, max);
      return FALSE;
    }
  if (integer && v != floor (v))
    {
      /* Translators: %s is a number as written in the file, e.g. 2.5 */
      atlas_checker_error (c, node, path, _("%s is not a whole number"), node->text);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

gboolean
atlas_checker_date (AtlasChecker        *c,
                    const AtlasJsonNode *node,
                    const char          *path,
                    AtlasDate           *date)
{
  g_autofree char *quoted = NULL;

  if (node->type != ATLAS_JSON_STRING)
    {
      /* Translators: a date is a string such as "1999-06-12"; %s is the
       * type of the value found, e.g. "a number" */
      atlas_checker_error (c, node, path, _("expected a date string, found %s"),
                           atlas_json_type_describe (node->type));
      return FALSE;
    }
  if (atlas_date_parse (node->text, node->len, date))
    return TRUE;

  quoted = atlas_quote (node->text, node->len);
  /* Translators: %s is the value found, in quotes, e.g. "2001-02-30" */
  atlas_checker_error (c, node, path, _("%s is not a date"), quoted);
  return FALSE;
}

/* Only this many unknown members are reported per object. */
#define MAX_UNKNOWN_REPORTED 8

void
atlas_checker_members (AtlasChecker        *c,
                       const AtlasJsonNode *object,
                       const char          *parent_path,
                       const char * const  *known)
{
  guint64 seen = 0;
  guint unknown = 0;

  /* One pass: each member is looked up in @known (at most 64 names), and
   * a bit per known name catches the ones given twice. */
  for (const AtlasJsonNode *n = object->first; n != NULL; n = n->next)
    {
      guint k;

      for (k = 0; known[k] != NULL; k++)
        if (n->key[0] == known[k][0] && strcmp (n->key, known[k]) == 0)
          break;

      if (known[k] != NULL)
        {
          g_assert (k < 64);
          if (seen & ((guint64) 1 << k))
            /* Translators: a member of a JSON object in a dataset file,
             * shown after its path, e.g. "properties.title: " */
            atlas_checker_member_error (c, n, parent_path, n->key, _("given more than once"));
          seen |= (guint64) 1 << k;
        }
      else if (unknown++ < MAX_UNKNOWN_REPORTED)
        {
          g_autofree char *path = atlas_checker_path (parent_path, n->key);

          /* Translators: a warning about a member of a feature's
           * "properties" that the format does not define (often a typo),
           * shown after its path, e.g. "properties.strat: " */
          atlas_checker_warning (c, n, path, _("unknown property"));
        }
    }
}

gboolean
atlas_is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > ATLAS_MAX_ID_LENGTH)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._:-", *p) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
atlas_is_area_code (const char *text)
{
  return strlen (text) == 3 &&
         g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}
