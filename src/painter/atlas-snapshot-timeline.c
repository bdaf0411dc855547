/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-timeline.h"

/* Events ------------------------------------------------------------------ */

static void
draw_events (cairo_t                   *cr,
             const AtlasOverlayContext *context,
             gpointer                   user_data)
{
  atlas_painter_draw_events (context->painter, cr, context->view, user_data, ATLAS_EVENT_NONE, NULL);
}

static void
add_event_legend (AtlasLegend               *legend,
                  const AtlasOverlayContext *context,
                  gpointer                   user_data)
{
  g_auto(GStrv) categories = atlas_event_set_get_categories (user_data, context->view);

  if (categories == NULL || categories[0] == NULL)
    return;

  /* Translators: the heading of the events in the legend of an exported map */
  atlas_legend_add_heading (legend, _("Events"));
  for (guint i = 0; categories[i] != NULL; i++)
    {
      AtlasRgba color;

      atlas_painter_get_event_color (context->painter, categories[i], &color);
      atlas_legend_add_point (legend, atlas_painter_get_event_category_label (categories[i]), &color, 4.0);
    }
}

/**
 * atlas_events_overlay_new:
 * @set: the events to show (see atlas_event_set_new())
 *
 * Returns: (transfer full): an overlay at %ATLAS_OVERLAY_DEPTH_EVENTS
 */
AtlasOverlay *
atlas_events_overlay_new (AtlasEventSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return atlas_overlay_new ("events", ATLAS_OVERLAY_DEPTH_EVENTS, draw_events, NULL, add_event_legend,
                            atlas_event_set_ref (set), (GDestroyNotify) atlas_event_set_unref);
}

/* Deployments ---------------------------------------------------------------- */

static void
draw_swatch (cairo_t      *cr,
             AtlasPainter *painter,
             double        x,
             double        y,
             double        width,
             double        height,
             gpointer      user_data)
{
  atlas_painter_draw_deployment_swatch (painter, cr, GPOINTER_TO_UINT (user_data), x, y, width, height);
}

static void
draw_deployments (cairo_t                   *cr,
                  const AtlasOverlayContext *context,
                  gpointer                   user_data)
{
  atlas_painter_draw_deployments (context->painter, cr, context->view, user_data, NULL);
}

static void
draw_deployment_labels (cairo_t                   *cr,
                        const AtlasOverlayContext *context,
                        gpointer                   user_data)
{
  atlas_painter_draw_deployment_labels (context->painter, cr, context->view, user_data, context->labels, NULL);
}

static void
add_deployment_legend (AtlasLegend               *legend,
                       const AtlasOverlayContext *context,
                       gpointer                   user_data)
{
  const struct { AtlasDeploymentSymbols symbol; const char *label; } kinds[] = {
    /* Translators: legend entries of the deployment symbols */
    { ATLAS_DEPLOYMENT_SYMBOL_PRESENT, N_("Troops present") },
    { ATLAS_DEPLOYMENT_SYMBOL_COMMITTED, N_("Troops committed") },
    { ATLAS_DEPLOYMENT_SYMBOL_RANGE, N_("Troops, lowest and highest count") },
    { ATLAS_DEPLOYMENT_SYMBOL_UNKNOWN, N_("Troop strength unknown") },
    { ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE, N_("KFOR as a whole") },
  };
  AtlasDeploymentSymbols symbols = atlas_deployment_set_get_symbols (user_data, context->view);

  if (symbols == 0)
    return;

  /* Translators: the heading of the troop deployments in the legend */
  atlas_legend_add_heading (legend, _("Deployments"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (symbols & kinds[i].symbol)
      atlas_legend_add_symbol (legend, _(kinds[i].label), draw_swatch,
                               GUINT_TO_POINTER (kinds[i].symbol), NULL);
}

/**
 * atlas_deployments_overlay_new:
 * @set: the deployments to show (see atlas_deployment_set_new())
 *
 * Returns: (transfer full): an overlay at %ATLAS_OVERLAY_DEPTH_DEPLOYMENTS
 */
AtlasOverlay *
atlas_deployments_overlay_new (AtlasDeploymentSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return atlas_overlay_new ("deployments", ATLAS_OVERLAY_DEPTH_DEPLOYMENTS, draw_deployments,
                            draw_deployment_labels, add_deployment_legend,
                            atlas_deployment_set_ref (set), (GDestroyNotify) atlas_deployment_set_unref);
}
