/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-snapshot"

#include "config.h"

#include "atlas-snapshot-overlay.h"

struct _AtlasOverlay
{
  gatomicrefcount         ref_count;
  char                   *name;
  int                     depth;
  AtlasOverlayDrawFunc    draw;
  AtlasOverlayDrawFunc    draw_labels;
  AtlasOverlayLegendFunc  legend;
  gpointer                user_data;
  GDestroyNotify          destroy;
};

G_DEFINE_BOXED_TYPE (AtlasOverlay, atlas_overlay, atlas_overlay_ref, atlas_overlay_unref)

/**
 * atlas_overlay_new:
 * @name: what the overlay shows, for debugging ("zones")
 * @depth: the drawing order, see %ATLAS_OVERLAY_DEPTH_ZONES and friends
 * @draw: (nullable): draws the overlay's shapes and symbols
 * @draw_labels: (nullable): draws the overlay's labels
 * @legend: (nullable): adds legend entries and sources
 * @user_data: immutable data for the callbacks
 * @destroy: (nullable): frees @user_data with the last reference
 *
 * Returns: (transfer full): a new overlay; add it to an AtlasSnapshot
 */
AtlasOverlay *
atlas_overlay_new (const char             *name,
                   int                     depth,
                   AtlasOverlayDrawFunc    draw,
                   AtlasOverlayDrawFunc    draw_labels,
                   AtlasOverlayLegendFunc  legend,
                   gpointer                user_data,
                   GDestroyNotify          destroy)
{
  AtlasOverlay *overlay;

  g_return_val_if_fail (name != NULL, NULL);

  overlay = g_new0 (AtlasOverlay, 1);
  g_atomic_ref_count_init (&overlay->ref_count);
  overlay->name = g_strdup (name);
  overlay->depth = depth;
  overlay->draw = draw;
  overlay->draw_labels = draw_labels;
  overlay->legend = legend;
  overlay->user_data = user_data;
  overlay->destroy = destroy;

  return overlay;
}

AtlasOverlay *
atlas_overlay_ref (AtlasOverlay *overlay)
{
  g_return_val_if_fail (overlay != NULL, NULL);

  g_atomic_ref_count_inc (&overlay->ref_count);
  return overlay;
}

void
atlas_overlay_unref (AtlasOverlay *overlay)
{
  g_return_if_fail (overlay != NULL);

  if (!g_atomic_ref_count_dec (&overlay->ref_count))
    return;

  if (overlay->destroy != NULL)
    overlay->destroy (overlay->user_data);
  g_free (overlay->name);
  g_free (overlay);
}

const char *
atlas_overlay_get_name (AtlasOverlay *overlay)
{
  g_return_val_if_fail (overlay != NULL, NULL);
  return overlay->name;
}

int
atlas_overlay_get_depth (AtlasOverlay *overlay)
{
  g_return_val_if_fail (overlay != NULL, 0);
  return overlay->depth;
}

/* Each callback runs between cairo_save() and cairo_restore(), so an
 * overlay that forgets to restore its source or clip cannot leak it into
 * the next stage. */
static void
run_draw_func (AtlasOverlay              *overlay,
               AtlasOverlayDrawFunc       func,
               cairo_t                   *cr,
               const AtlasOverlayContext *context)
{
  if (func == NULL)
    return;

  cairo_save (cr);
  func (cr, context, overlay->user_data);
  cairo_restore (cr);
}

void
atlas_overlay_draw (AtlasOverlay              *overlay,
                    cairo_t                   *cr,
                    const AtlasOverlayContext *context)
{
  g_return_if_fail (overlay != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (context != NULL);

  run_draw_func (overlay, overlay->draw, cr, context);
}

void
atlas_overlay_draw_labels (AtlasOverlay              *overlay,
                           cairo_t                   *cr,
                           const AtlasOverlayContext *context)
{
  g_return_if_fail (overlay != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (context != NULL);

  run_draw_func (overlay, overlay->draw_labels, cr, context);
}

void
atlas_overlay_collect_legend (AtlasOverlay              *overlay,
                              AtlasLegend               *legend,
                              const AtlasOverlayContext *context)
{
  g_return_if_fail (overlay != NULL);
  g_return_if_fail (legend != NULL);
  g_return_if_fail (context != NULL);

  if (overlay->legend != NULL)
    overlay->legend (legend, context, overlay->user_data);
}
