/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

/*
 * Web Mercator, normalised: the whole world is the unit square, x grows
 * eastwards from longitude -180, y grows southwards from latitude +85.0511.
 * A view at zoom z shows the world as a square of 256·2^z logical pixels,
 * exactly like the slippy-map tiles libshumate draws.
 */

#define ATLAS_TILE_SIZE 256
#define ATLAS_MERCATOR_MAX_LAT 85.0511287798066

static inline double
atlas_mercator_x_from_lon (double lon)
{
  return (lon + 180.0) / 360.0;
}

static inline double
atlas_mercator_y_from_lat (double lat)
{
  double s;

  lat = CLAMP (lat, -ATLAS_MERCATOR_MAX_LAT, ATLAS_MERCATOR_MAX_LAT);
  s = sin (lat * G_PI / 180.0);
  return 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

static inline double
atlas_mercator_lon_from_x (double x)
{
  return x * 360.0 - 180.0;
}

static inline double
atlas_mercator_lat_from_y (double y)
{
  double n = G_PI - 2.0 * G_PI * y;

  return 180.0 / G_PI * atan (0.5 * (exp (n) - exp (-n)));
}

/* The size of the world in logical pixels at @zoom. */
static inline double
atlas_mercator_world_size (double zoom)
{
  return ATLAS_TILE_SIZE * exp2 (zoom);
}

/* Metres on the ground per logical pixel at @lat and @zoom. */
static inline double
atlas_mercator_metres_per_pixel (double lat,
                                 double zoom)
{
  return 40075016.686 * cos (lat * G_PI / 180.0) / atlas_mercator_world_size (zoom);
}

G_END_DECLS
