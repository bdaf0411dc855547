/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Internal to the model: helpers shared by atlas-feature-reader.c (common
 * properties, geometry) and atlas-feature-kinds.c (what is particular to
 * zones, deployments and places). Every helper reports its own problems
 * with a JSON path and returns FALSE/NULL/unset on failure, so the callers
 * can go on checking and report every problem of a feature at once.
 */

#include "atlas-geojson-reader.h"

G_BEGIN_DECLS

/* The longest "id" allowed (docs/data-format.md). */
#define ATLAS_MAX_ID_LENGTH 128

typedef struct {
  AtlasLoadSession    *session;
  AtlasStore          *store;
  AtlasFeatureInput   *input;
  const AtlasJsonNode *props;
  AtlasFeatureKind     kind;
} AtlasChecker;

void        atlas_checker_error   (AtlasChecker        *c,
                                   const AtlasJsonNode *node,
                                   const char          *path,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (4, 5);
void        atlas_checker_warning (AtlasChecker        *c,
                                   const AtlasJsonNode *node,
                                   const char          *path,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (4, 5);

/* A problem with member @key of an object at @parent_path; the path is
 * only built when there is something to report. */
void        atlas_checker_member_error (AtlasChecker        *c,
                                   const AtlasJsonNode *node,
                                   const char          *parent_path,
                                   const char          *key,
                                   const char          *message);

/* "properties.sources[2].title" style paths. */
char       *atlas_checker_path    (const char          *parent,
                                   const char          *key);
char       *atlas_checker_index_path (const char        *parent,
                                   guint                index);

/* A string member of @object: NULL when absent (an error if @required) or
 * not a usable string (always an error). Empty strings are errors. */
const char *atlas_checker_string  (AtlasChecker        *c,
                                   const AtlasJsonNode *object,
                                   const char          *parent_path,
                                   const char          *key,
                                   gboolean             required);
/* A string member that must be one of @choices (NULL-terminated); returns
 * its index, @fallback when absent and optional, -1 on error. */
int         atlas_checker_choice  (AtlasChecker        *c,
                                   const AtlasJsonNode *object,
                                   const char          *parent_path,
                                   const char          *key,
                                   const char * const  *choices,
                                   gboolean             required,
                                   int                  fallback);
/* A number node's value; FALSE (and an error) unless it is a finite number
 * in [min, max], and a whole number when @integer. */
gboolean    atlas_checker_number  (AtlasChecker        *c,
                                   const AtlasJsonNode *node,
                                   const char          *path,
                                   double               min,
                                   double               max,
                                   gboolean             integer,
                                   double              *value);
/* A date node; unset (and an error) unless a valid date string. */
gboolean    atlas_checker_date    (AtlasChecker        *c,
                                   const AtlasJsonNode *node,
                                   const char          *path,
                                   AtlasDate           *date);
/* Warns about members of @object not in @known (NULL-terminated), and
 * reports members of @known given twice. */
void        atlas_checker_members (AtlasChecker        *c,
                                   const AtlasJsonNode *object,
                                   const char          *parent_path,
                                   const char * const  *known);

gboolean    atlas_is_valid_id     (const char          *id);
/* Three capital letters: a base-map area code ("XKX", "SRB"). */
gboolean    atlas_is_area_code    (const char          *text);

/* atlas-feature-kinds.c: the kind-specific properties, checked and stored
 * into @record (strings go to the store's arena right away; a feature that
 * fails only wastes a little of it). */
void        atlas_check_deployment (AtlasChecker          *c,
                                    AtlasDeploymentRecord *record);
void        atlas_check_place      (AtlasChecker          *c,
                                    AtlasPlaceRecord      *record);
void        atlas_check_zone       (AtlasChecker          *c,
                                    AtlasZoneRecord       *record);

G_END_DECLS
