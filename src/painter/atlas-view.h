/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-mercator.h"

G_BEGIN_DECLS

/*
 * What the painter draws: a window onto the Web Mercator world. The centre
 * is in normalised Mercator units, the size in logical pixels. Device
 * resolution (HiDPI, print) is the caller's cairo transformation: the
 * painter draws in logical pixels and the same view scaled up by k covers
 * exactly the same area of the map.
 */
typedef struct
{
  double x;        /* centre, normalised Mercator */
  double y;
  double zoom;     /* slippy-map zoom, fractional */
  double width;    /* logical pixels */
  double height;
} AtlasView;

static inline void
atlas_view_init (AtlasView *view,
                 double     lat,
                 double     lon,
                 double     zoom,
                 double     width,
                 double     height)
{
  view->x = atlas_mercator_x_from_lon (lon);
  view->y = atlas_mercator_y_from_lat (lat);
  view->zoom = zoom;
  view->width = width;
  view->height = height;
}

/* Logical pixels from the view's top-left corner to Mercator (mx, my). */
static inline void
atlas_view_project (const AtlasView *view,
                    double           mx,
                    double           my,
                    double          *px,
                    double          *py)
{
  double world = atlas_mercator_world_size (view->zoom);

  *px = (mx - view->x) * world + view->width / 2.0;
  *py = (my - view->y) * world + view->height / 2.0;
}

static inline void
atlas_view_unproject (const AtlasView *view,
                      double           px,
                      double           py,
                      double          *mx,
                      double          *my)
{
  double world = atlas_mercator_world_size (view->zoom);

  *mx = view->x + (px - view->width / 2.0) / world;
  *my = view->y + (py - view->height / 2.0) / world;
}

/* The Mercator box the view covers, grown by @margin_px on every side. */
static inline void
atlas_view_get_bounds (const AtlasView *view,
                       double           margin_px,
                       double           bounds[4])
{
  double world = atlas_mercator_world_size (view->zoom);
  double hw = (view->width / 2.0 + margin_px) / world;
  double hh = (view->height / 2.0 + margin_px) / world;

  bounds[0] = view->x - hw;
  bounds[1] = view->y - hh;
  bounds[2] = view->x + hw;
  bounds[3] = view->y + hh;
}

static inline gboolean
atlas_bounds_intersect (const double a[4],
                        const double b[4])
{
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/* The view of the 256-pixel tile (x, y) at integer zoom z. */
static inline void
atlas_view_init_tile (AtlasView *view,
                      guint      x,
                      guint      y,
                      guint      z,
                      guint      tile_size)
{
  double n = exp2 (z);

  view->x = (x + 0.5) / n;
  view->y = (y + 0.5) / n;
  view->zoom = z + log2 ((double) tile_size / ATLAS_TILE_SIZE);
  view->width = tile_size;
  view->height = tile_size;
}

G_END_DECLS
