/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-basemap.h"
#include "atlas-dataset.h"
#include "atlas-model-types.h"
#include "atlas-place.h"

G_BEGIN_DECLS

/*
 * Which names to print for places: the values of the "place-names" key and
 * of the command line's --names. Kosovo's towns have an Albanian and a
 * Serbian name, and which one a map prints is not a neutral choice, so the
 * reader chooses.
 */
typedef enum
{
  ATLAS_NAMES_SQ,     /* Albanian */
  ATLAS_NAMES_SR,     /* Serbian */
  ATLAS_NAMES_EN,     /* English */
  ATLAS_NAMES_BOTH,   /* Albanian and Serbian side by side */
} AtlasNames;

#define ATLAS_N_NAMES (ATLAS_NAMES_BOTH + 1)

/* The alphabet of Serbian names: Cyrillic for a Serbian (Cyrillic) user
 * interface, Latin everywhere else, Serbian Latin interfaces included. */
typedef enum
{
  ATLAS_SCRIPT_LATIN,
  ATLAS_SCRIPT_CYRILLIC,
} AtlasScript;

/*
 * AtlasPlaceNames:
 * The label of every base-map place and country in each AtlasNames mode.
 *
 * The base map has one name per place, whatever GeoNames calls it (for
 * Kosovo a mix of Albanian and Serbian forms). The forms for each mode come
 * from, in this order: the dataset's places (matched to a base-map place of
 * the same name within 20 km, or else to the nearest within 3 km), a table
 * of Kosovo's towns built into the application, and for the national
 * capitals the translation into the language of the user interface. Any
 * other place keeps its GeoNames name. Country names are translated; the
 * name of Kosovo itself follows the mode ("Kosova / Kosovo").
 *
 * It draws nothing and needs no display. An AtlasPlaceNames is immutable,
 * so any thread may read it; it keeps its base map alive.
 */

#define ATLAS_TYPE_PLACE_NAMES (atlas_place_names_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlaceNames, atlas_place_names, ATLAS, PLACE_NAMES, GObject)

AtlasPlaceNames *atlas_place_names_new         (AtlasBasemap          *basemap,
                                                AtlasDataset          *dataset,
                                                AtlasScript            script);
AtlasPlaceNames *atlas_place_names_get_default (AtlasBasemap          *basemap);

AtlasBasemap    *atlas_place_names_get_basemap (AtlasPlaceNames       *self);
AtlasScript      atlas_place_names_get_script  (AtlasPlaceNames       *self);
const char      *atlas_place_names_get_place   (AtlasPlaceNames       *self,
                                                guint                  index,
                                                AtlasNames             mode);
const char      *atlas_place_names_get_country (AtlasPlaceNames       *self,
                                                const AtlasShape      *country,
                                                AtlasNames             mode);
guint            atlas_place_names_get_n_matched (AtlasPlaceNames     *self);

AtlasScript      atlas_script_for_languages    (const char * const    *languages);
AtlasScript      atlas_script_for_locale       (void);

char            *atlas_names_choose            (const AtlasPlaceName  *names,
                                                guint                  n_names,
                                                AtlasNames             mode,
                                                AtlasScript            script);
char            *atlas_place_dup_label         (AtlasPlace            *place,
                                                AtlasNames             mode,
                                                AtlasScript            script);
char            *atlas_serbian_to_latin        (const char            *text);
char            *atlas_serbian_to_cyrillic     (const char            *text);

G_END_DECLS
