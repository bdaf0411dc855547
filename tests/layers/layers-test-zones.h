/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Zones for the tests of the zone layer's image (AtlasZoneCache): the geo
 * tests' dataset (tests/geo/zones-test.geojson: an Air Safety Zone
 * narrowing from 25 to 10 km on 2001-12-27, a Ground Safety Zone lifted
 * on 2001-08-17, a proposed band along the Macedonian border…) computed on
 * the bundled base map, and the zones drawn the way the layer drew them
 * before it kept an image: straight into the frame.
 */

#include <math.h>

#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-painter-zones.h"
#include "atlas-zone-set.h"

static inline AtlasDataset *
zones_test_load_dataset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "geo", "zones-test.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_dataset_get_n_errors (dataset), ==, 0);
  return dataset;
}

static inline gint32
zones_test_day (int year,
                int month,
                int day)
{
  return atlas_day_from_ymd (year, month, day);
}

/* (transfer full) The zones in force on @day, computed (blocking), in the
 * dataset's order, as the layer lists them; without @hidden. */
static inline GPtrArray *
zones_test_compute (AtlasZoneSet *zone_set,
                    gint32        day,
                    const char   *hidden)
{
  g_autoptr(GPtrArray) ids = atlas_zone_set_list_active (zone_set, day);
  GPtrArray *zones = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) error = NULL;
      AtlasComputedZone *zone;

      if (g_strcmp0 (id, hidden) == 0)
        continue;
      zone = atlas_zone_set_compute (zone_set, id, day, ATLAS_ZONE_COMPUTE_DEFAULT, &error);
      g_assert_no_error (error);
      g_ptr_array_add (zones, zone);
    }

  return zones;
}

/* The frame, @width × @height device pixels, as drawing the zones straight
 * into it gives: what the layer did on every frame before it kept an
 * image, and so the reference for the image. */
static inline cairo_surface_t *
zones_test_draw_directly (AtlasPainter         *painter,
                          const AtlasZoneFrame *frame,
                          GPtrArray            *zones,
                          int                   width,
                          int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  const AtlasView *view = &frame->view;
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, frame->scale, frame->scale);
  if (frame->rotation != 0)
    {
      cairo_translate (cr, view->width / 2.0, view->height / 2.0);
      cairo_rotate (cr, frame->rotation);
      cairo_translate (cr, -view->width / 2.0, -view->height / 2.0);
    }

  atlas_painter_draw_zones (painter, cr, view, (AtlasComputedZone * const *) zones->pdata, zones->len);
  if (frame->labels)
    {
      AtlasLabelSet *labels = atlas_label_set_new ();
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_t *scratch_cr = cairo_create (scratch);

      atlas_painter_draw_labels (painter, scratch_cr, view, labels);
      cairo_destroy (scratch_cr);
      cairo_surface_destroy (scratch);
      atlas_painter_draw_zone_labels (painter, cr, view, (AtlasComputedZone * const *) zones->pdata,
                                      zones->len, frame->units, labels);
      atlas_label_set_free (labels);
    }

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A transparent @width × @height frame with the cache's image in its
 * place. */
static inline cairo_surface_t *
zones_test_show_cache (AtlasZoneCache *cache,
                       int             width,
                       int             height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *image;
  int x, y;

  image = atlas_zone_cache_get_surface (cache, &x, &y);
  if (image != NULL)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_surface (cr, image, x, y);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels differ between two images of the same format and size
 * (G_MAXUINT if their sizes differ), and by how much at most in one
 * channel. */
static inline guint
zones_test_count_differences (cairo_surface_t *a,
                              cairo_surface_t *b,
                              guint           *max_delta)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  const guchar *pa, *pb;
  int sa, sb;
  guint n = 0, delta = 0;

  if (max_delta != NULL)
    *max_delta = 0;
  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b))
    return G_MAXUINT;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  sa = cairo_image_surface_get_stride (a);
  sb = cairo_image_surface_get_stride (b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *ca = pa + y * sa + 4 * x, *cb = pb + y * sb + 4 * x;
        gboolean differs = FALSE;

        for (int c = 0; c < 4; c++)
          if (ca[c] != cb[c])
            {
              differs = TRUE;
              delta = MAX (delta, (guint) ABS (ca[c] - cb[c]));
            }
        n += differs;
      }

  if (max_delta != NULL)
    *max_delta = delta;
  return n;
}

/* Whether an image has anything drawn on it. */
static inline gboolean
zones_test_has_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guchar *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < 4 * width; x++)
      if (data[y * stride + x] != 0)
        return TRUE;

  return FALSE;
}
