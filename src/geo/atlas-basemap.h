/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The offline base map shipped in data/basemap/ (see its README for the
 * sources and licences): country polygons of the region, the land borders
 * between them, lakes, a coarse world layer for small zooms and the
 * populated places. Everything is stored pre-projected to normalised Web
 * Mercator (see atlas-mercator.h) and, for polygons and lines, simplified
 * once per level of detail so that drawing a tile never touches more
 * vertices than it can show.
 *
 * An AtlasBasemap is immutable once loaded, so any thread may read it.
 */

#define ATLAS_BASEMAP_ERROR (atlas_basemap_error_quark ())

/**
 * AtlasBasemapError:
 * @ATLAS_BASEMAP_ERROR_MISSING: a base-map file is not in the resources
 * @ATLAS_BASEMAP_ERROR_INVALID: a base-map file is not the GeoJSON we expect
 */
typedef enum
{
  ATLAS_BASEMAP_ERROR_MISSING,
  ATLAS_BASEMAP_ERROR_INVALID,
} AtlasBasemapError;

/* Levels of detail: a level is good for every zoom up to its maximum. */
#define ATLAS_BASEMAP_N_LEVELS 5

typedef struct
{
  guint   n_parts;
  guint  *offsets;   /* n_parts + 1 indices into xy, counted in points */
  double *xy;        /* interleaved normalised Mercator x, y */
  double *bboxes;    /* 4 per part: min x, min y, max x, max y */
  guint8 *holes;     /* per part: TRUE for the inner rings of a polygon */
} AtlasPath;

typedef struct
{
  char      *code;     /* ISO 3166 alpha-3 for countries, "A-B" for borders */
  char      *name;     /* English name, may be NULL */
  gboolean   closed;   /* polygon rings (TRUE) or lines (FALSE) */
  double     bbox[4];
  double     label_x;  /* a point well inside the largest polygon */
  double     label_y;
  AtlasPath  levels[ATLAS_BASEMAP_N_LEVELS];
  /* The full-resolution parts again, in WGS84 longitude, latitude. */
  double    *lonlat;
} AtlasShape;

typedef struct
{
  char    *name;
  char    *alt_name;    /* may be NULL */
  char     country[4];  /* ISO 3166 alpha-2 */
  guint    population;
  guint    rank;        /* 0: national capitals, larger: less important */
  gboolean capital;
  double   lon;
  double   lat;
  double   x;           /* normalised Mercator */
  double   y;
} AtlasBasemapPlace;

#define ATLAS_TYPE_BASEMAP (atlas_basemap_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBasemap, atlas_basemap, ATLAS, BASEMAP, GObject)

GQuark             atlas_basemap_error_quark       (void);

AtlasBasemap      *atlas_basemap_new_from_resources (GError              **error);
void               atlas_basemap_load_async        (GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
AtlasBasemap      *atlas_basemap_load_finish       (GAsyncResult         *result,
                                                    GError              **error);

GPtrArray         *atlas_basemap_get_countries     (AtlasBasemap         *self);
GPtrArray         *atlas_basemap_get_borders       (AtlasBasemap         *self);
GPtrArray         *atlas_basemap_get_lakes         (AtlasBasemap         *self);
GPtrArray         *atlas_basemap_get_world         (AtlasBasemap         *self);
const AtlasBasemapPlace  *atlas_basemap_get_places        (AtlasBasemap         *self,
                                                    guint                *n_places);
const AtlasShape  *atlas_basemap_lookup_country    (AtlasBasemap         *self,
                                                    const char           *iso3);
const AtlasShape  *atlas_basemap_lookup_border     (AtlasBasemap         *self,
                                                    const char           *iso3_a,
                                                    const char           *iso3_b);

const AtlasPath   *atlas_shape_get_path            (const AtlasShape     *shape,
                                                    double                zoom);
guint              atlas_basemap_level_for_zoom    (double                zoom);

G_END_DECLS
