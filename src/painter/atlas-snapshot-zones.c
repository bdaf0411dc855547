/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-painter-zones.h"
#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-zones.h"

/* A zone's legend style, packed into the swatch's data pointer. */
#define SWATCH_PROPOSED (1u << 16)
#define SWATCH_LINE     (1u << 17)

static gpointer
pack_swatch (AtlasComputedZone *zone)
{
  guint packed = atlas_computed_zone_get_color_index (zone) & 0xffff;

  if (atlas_computed_zone_is_proposed (zone))
    packed |= SWATCH_PROPOSED;
  if (atlas_computed_zone_get_shape (zone) == ATLAS_ZONE_SHAPE_LINE)
    packed |= SWATCH_LINE;

  return GUINT_TO_POINTER (packed);
}

static void
draw_swatch (cairo_t      *cr,
             AtlasPainter *painter,
             double        x,
             double        y,
             double        width,
             double        height,
             gpointer      user_data)
{
  guint packed = GPOINTER_TO_UINT (user_data);
  AtlasZoneShape shape = (packed & SWATCH_LINE) ? ATLAS_ZONE_SHAPE_LINE : ATLAS_ZONE_SHAPE_AREA;
  gboolean proposed = (packed & SWATCH_PROPOSED) != 0;
  guint color_index = packed & 0xffff;
  double swatch_w, swatch_h, k;

  /* The zone painter's own swatch, without a name, shrunk into the box. */
  atlas_painter_draw_zone_legend_entry (painter, NULL, "", shape, proposed, color_index, 0, 0, &swatch_w, &swatch_h);
  k = MIN (width / swatch_w, height / swatch_h);
  cairo_translate (cr, x + (width - swatch_w * k) / 2, y + (height - swatch_h * k) / 2);
  cairo_scale (cr, k, k);
  atlas_painter_draw_zone_legend_entry (painter, cr, "", shape, proposed, color_index, 0, 0, NULL, NULL);
}

static void
draw_zones (cairo_t                   *cr,
            const AtlasOverlayContext *context,
            gpointer                   user_data)
{
  GPtrArray *zones = user_data;

  atlas_painter_draw_zones (context->painter, cr, context->view,
                            (AtlasComputedZone * const *) zones->pdata, zones->len);
}

static void
draw_zone_labels (cairo_t                   *cr,
                  const AtlasOverlayContext *context,
                  gpointer                   user_data)
{
  GPtrArray *zones = user_data;

  atlas_painter_draw_zone_labels (context->painter, cr, context->view,
                                  (AtlasComputedZone * const *) zones->pdata, zones->len,
                                  context->units, context->labels);
}

static void
add_zone_legend (AtlasLegend               *legend,
                 const AtlasOverlayContext *context,
                 gpointer                   user_data)
{
  GPtrArray *zones = user_data;
  gboolean any = FALSE;
  double bounds[4];

  atlas_view_get_bounds (context->view, 0, bounds);

  for (guint i = 0; i < zones->len; i++)
    {
      AtlasComputedZone *zone = g_ptr_array_index (zones, i);
      g_autofree char *label = NULL;

      if (atlas_computed_zone_is_empty (zone) ||
          !atlas_bounds_intersect (atlas_computed_zone_get_bbox (zone), bounds))
        continue;

      if (!any)
        /* Translators: the heading of the zones in the legend of an exported map */
        atlas_legend_add_heading (legend, _("Zones"));
      any = TRUE;

      label = atlas_computed_zone_is_proposed (zone)
        /* Translators: a zone in the legend that was proposed, not in force */
        ? g_strdup_printf (_("%s (proposed)"), atlas_computed_zone_get_title (zone))
        : g_strdup (atlas_computed_zone_get_title (zone));
      atlas_legend_add_symbol (legend, label, draw_swatch, pack_swatch (zone), NULL);
    }
}

/**
 * atlas_zones_overlay_new:
 * @zones: (array length=n_zones): the zones to show
 *
 * Returns: (transfer full): an overlay at %ATLAS_OVERLAY_DEPTH_ZONES
 */
AtlasOverlay *
atlas_zones_overlay_new (AtlasComputedZone * const *zones,
                         guint                      n_zones)
{
  GPtrArray *copy;

  g_return_val_if_fail (zones != NULL || n_zones == 0, NULL);

  copy = g_ptr_array_new_full (n_zones, g_object_unref);
  for (guint i = 0; i < n_zones; i++)
    g_ptr_array_add (copy, g_object_ref (zones[i]));

  return atlas_overlay_new ("zones", ATLAS_OVERLAY_DEPTH_ZONES, draw_zones, draw_zone_labels,
                            add_zone_legend, copy, (GDestroyNotify) g_ptr_array_unref);
}
