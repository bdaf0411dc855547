/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-lesson-snapshot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-lesson-snapshot.h"
#include "atlas-snapshot-legend.h"
#include "atlas-snapshot-private.h"
#include "atlas-snapshot-sources.h"
#include "atlas-snapshot-timeline.h"
#include "atlas-snapshot-zones.h"

/* Events shown: those of the last days up to the date, as the window shows
 * them by default. */
#define EVENT_WINDOW_DAYS 30

/* Kosovo, for a scene with nothing to fit: west, south, east, north. */
static const double kosovo_lonlat[4] = { 20.0, 41.85, 21.8, 43.27 };

/* Views ------------------------------------------------------------------- */

static void
bbox_add (double bbox[4],
          double x,
          double y)
{
  bbox[0] = MIN (bbox[0], x);
  bbox[1] = MIN (bbox[1], y);
  bbox[2] = MAX (bbox[2], x);
  bbox[3] = MAX (bbox[3], y);
}

static void
bbox_add_geometry (double               bbox[4],
                   const AtlasGeometry *geometry)
{
  for (guint p = 0; p < geometry->n_parts; p++)
    {
      guint first_ring = atlas_geometry_part_first_ring (geometry, p);

      for (guint r = first_ring; r < first_ring + atlas_geometry_part_n_rings (geometry, p); r++)
        {
          guint first = atlas_geometry_ring_first_position (geometry, r);

          for (guint i = first; i < first + atlas_geometry_ring_n_positions (geometry, r); i++)
            {
              double x, y;

              atlas_lonlat_to_unit_mercator (geometry->coords[2 * i], geometry->coords[2 * i + 1], &x, &y);
              bbox_add (bbox, x, y);
            }
        }
    }
}

/* Adds a zone's outline as computed for @day; FALSE when it is not
 * computed yet and may not be computed here. */
static gboolean
bbox_add_zone (double        bbox[4],
               AtlasZoneSet *zone_set,
               const char   *zone_id,
               gint32        day,
               gboolean      may_compute)
{
  g_autoptr(AtlasComputedZone) zone = NULL;
  const double *zone_bbox;

  zone = atlas_zone_set_lookup (zone_set, zone_id, day, ATLAS_ZONE_COMPUTE_HISTORICAL);
  if (zone == NULL && may_compute)
    {
      g_autoptr(GError) error = NULL;

      zone = atlas_zone_set_compute (zone_set, zone_id, day, ATLAS_ZONE_COMPUTE_HISTORICAL, &error);
      if (zone == NULL)
        {
          /* Framed without it: the rest of the scene is still right. */
          g_warning ("Cannot frame zone “%s”: %s", zone_id, error->message);
          return TRUE;
        }
    }
  if (zone == NULL)
    return FALSE;

  if (!atlas_computed_zone_is_empty (zone))
    {
      zone_bbox = atlas_computed_zone_get_bbox (zone);
      bbox_add (bbox, zone_bbox[0], zone_bbox[1]);
      bbox_add (bbox, zone_bbox[2], zone_bbox[3]);
    }
  return TRUE;
}

/**
 * atlas_lesson_scene_frame_view:
 *
 * The view of a picture of @width × @height logical pixels that shows
 * @scene in @frame (NULL: the whole picture). See the header.
 */
gboolean
atlas_lesson_scene_frame_view (AtlasLessonScene *scene,
                               AtlasDataset     *dataset,
                               AtlasZoneSet     *zone_set,
                               gboolean          may_compute,
                               double            width,
                               double            height,
                               const double      frame[4],
                               AtlasView        *view,
                               GPtrArray        *missing)
{
  double fx = frame != NULL ? frame[0] : 0;
  double fy = frame != NULL ? frame[1] : 0;
  double fw = frame != NULL ? frame[2] : width;
  double fh = frame != NULL ? frame[3] : height;
  gboolean complete = TRUE;
  double cx, cy, zoom, world;

  g_return_val_if_fail (ATLAS_IS_LESSON_SCENE (scene), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (zone_set == NULL || ATLAS_IS_ZONE_SET (zone_set), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  fw = MAX (fw, 1);
  fh = MAX (fh, 1);

  if (atlas_lesson_scene_get_view_mode (scene) == ATLAS_LESSON_VIEW_CENTER)
    {
      double lat, lon, reference_zoom;

      atlas_lesson_scene_get_center (scene, &lat, &lon, &reference_zoom);
      cx = atlas_mercator_x_from_lon (lon);
      cy = atlas_mercator_y_from_lat (lat);
      zoom = reference_zoom + log2 (MIN (fw / ATLAS_LESSON_REFERENCE_WIDTH, fh / ATLAS_LESSON_REFERENCE_HEIGHT));
    }
  else
    {
      const char * const *ids = atlas_lesson_scene_get_fit (scene);
      gint32 day = atlas_lesson_scene_get_first_day (scene);
      double bbox[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double dx, dy;

      for (guint i = 0; ids[i] != NULL; i++)
        {
          AtlasFeatureKind kind;
          AtlasGeometry geometry;
          guint position;

          if (!atlas_dataset_find (dataset, ids[i], &kind, &position))
            continue;

          /* A zone drawn from a rule has its outline only once computed;
           * the zone set has every zone, explicit or not. */
          if (kind == ATLAS_KIND_ZONE && zone_set != NULL)
            {
              if (!bbox_add_zone (bbox, zone_set, ids[i], day, may_compute))
                {
                  complete = FALSE;
                  if (missing != NULL)
                    g_ptr_array_add (missing, g_strdup (ids[i]));
                }
            }
          else if (atlas_dataset_get_geometry (dataset, kind, position, &geometry))
            bbox_add_geometry (bbox, &geometry);
        }

      if (bbox[0] > bbox[2])
        {
          bbox_add (bbox, atlas_mercator_x_from_lon (kosovo_lonlat[0]), atlas_mercator_y_from_lat (kosovo_lonlat[3]));
          bbox_add (bbox, atlas_mercator_x_from_lon (kosovo_lonlat[2]), atlas_mercator_y_from_lat (kosovo_lonlat[1]));
        }

      cx = (bbox[0] + bbox[2]) / 2;
      cy = (bbox[1] + bbox[3]) / 2;
      dx = (bbox[2] - bbox[0]) * ATLAS_TILE_SIZE;
      dy = (bbox[3] - bbox[1]) * ATLAS_TILE_SIZE;
      zoom = log2 (MIN (MAX (fw - 2 * ATLAS_LESSON_FIT_MARGIN, 1) / MAX (dx, 1e-9),
                        MAX (fh - 2 * ATLAS_LESSON_FIT_MARGIN, 1) / MAX (dy, 1e-9)));
      zoom = MIN (zoom, ATLAS_LESSON_FIT_MAX_ZOOM);
    }

  zoom = CLAMP (zoom, ATLAS_LESSON_MIN_ZOOM, ATLAS_LESSON_MAX_ZOOM);
  world = atlas_mercator_world_size (zoom);

  /* The subject goes to the middle of the frame, not of the picture. */
  view->x = cx - (fx + fw / 2 - width / 2) / world;
  view->y = cy - (fy + fh / 2 - height / 2) / world;
  view->zoom = zoom;
  view->width = width;
  view->height = height;

  return complete;
}

/* Zones ------------------------------------------------------------------- */

/**
 * atlas_lesson_compute_zones:
 *
 * Returns: (transfer full) (element-type AtlasComputedZone): the zones in
 *   force on @day, in the dataset's order
 */
GPtrArray *
atlas_lesson_compute_zones (AtlasZoneSet *zone_set,
                            gint32        day,
                            GPtrArray    *problems)
{
  g_autoptr(GPtrArray) ids = NULL;
  GPtrArray *zones = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (zone_set), zones);

  ids = atlas_zone_set_list_active (zone_set, day);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) error = NULL;
      AtlasComputedZone *zone;

      zone = atlas_zone_set_compute (zone_set, id, day, ATLAS_ZONE_COMPUTE_HISTORICAL, &error);
      if (zone != NULL)
        g_ptr_array_add (zones, zone);
      else if (problems != NULL)
        /* Translators: a zone that could not be drawn, then the reason */
        g_ptr_array_add (problems, g_strdup_printf (_("zone “%s” left out: %s"), id, error->message));
    }

  return zones;
}

/* Highlights -------------------------------------------------------------- */

#define RING_RADIUS 15.0
#define RING_WIDTH 4.0
#define HALO_WIDTH 9.0
#define LABEL_SIZE 14.0

typedef struct
{
  double             x;          /* Mercator, for points */
  double             y;
  AtlasComputedZone *zone;       /* or the zone to outline */
  char              *label;      /* nullable: deployments have their own */
} Highlight;

static void
highlight_clear (Highlight *item)
{
  g_clear_object (&item->zone);
  g_clear_pointer (&item->label, g_free);
}

static void
stroke_twice (cairo_t         *cr,
              const AtlasRgba *halo)
{
  AtlasRgba color = ATLAS_LESSON_HIGHLIGHT_RGBA;

  atlas_snapshot_set_source (cr, halo);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_stroke_preserve (cr);
  atlas_snapshot_set_source (cr, &color);
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_stroke (cr);
}

static void
trace_zone (cairo_t           *cr,
            const AtlasView   *view,
            AtlasComputedZone *zone)
{
  const AtlasZonePath *path = atlas_computed_zone_get_path (zone, view->zoom);
  gboolean closed = atlas_computed_zone_get_shape (zone) == ATLAS_ZONE_SHAPE_AREA;

  for (guint p = 0; p < path->n_parts; p++)
    {
      for (guint i = path->offsets[p]; i < path->offsets[p + 1]; i++)
        {
          double px, py;

          atlas_view_project (view, path->xy[2 * i], path->xy[2 * i + 1], &px, &py);
          if (i == path->offsets[p])
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      if (closed)
        cairo_close_path (cr);
    }
}

static void
draw_highlights (cairo_t                   *cr,
                 const AtlasOverlayContext *context,
                 gpointer                   user_data)
{
  GArray *items = user_data;
  const AtlasPalette *palette = atlas_painter_get_palette (context->painter);
  double bounds[4];

  atlas_view_get_bounds (context->view, RING_RADIUS + HALO_WIDTH, bounds);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < items->len; i++)
    {
      const Highlight *item = &g_array_index (items, Highlight, i);

      cairo_new_path (cr);
      if (item->zone != NULL)
        {
          if (!atlas_bounds_intersect (atlas_computed_zone_get_bbox (item->zone), bounds))
            continue;
          trace_zone (cr, context->view, item->zone);
        }
      else
        {
          double px, py;

          if (item->x < bounds[0] || item->x > bounds[2] || item->y < bounds[1] || item->y > bounds[3])
            continue;
          atlas_view_project (context->view, item->x, item->y, &px, &py);
          cairo_arc (cr, px, py, RING_RADIUS, 0, 2 * G_PI);
        }
      stroke_twice (cr, &palette->halo);
    }
  cairo_restore (cr);
}

/* Names of highlighted events and places, right of their ring, or left
 * when the right is taken. */
static void
draw_highlight_labels (cairo_t                   *cr,
                       const AtlasOverlayContext *context,
                       gpointer                   user_data)
{
  GArray *items = user_data;
  const AtlasPalette *palette = atlas_painter_get_palette (context->painter);

  for (guint i = 0; i < items->len; i++)
    {
      const Highlight *item = &g_array_index (items, Highlight, i);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle ink;
      double px, py, w, h, x;

      if (item->label == NULL || item->zone != NULL)
        continue;

      atlas_view_project (context->view, item->x, item->y, &px, &py);
      if (px < 0 || py < 0 || px > context->view->width || py > context->view->height)
        continue;

      layout = atlas_snapshot_create_layout (cr, LABEL_SIZE, PANGO_WEIGHT_BOLD);
      pango_layout_set_text (layout, item->label, -1);
      pango_layout_set_width (layout, 220 * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_get_pixel_extents (layout, &ink, NULL);
      w = ink.width + 4;
      h = ink.height + 4;

      x = px + RING_RADIUS + 6;
      if (context->labels != NULL && !atlas_label_set_try_add (context->labels, x, py - h / 2, w, h))
        {
          x = px - RING_RADIUS - 6 - w;
          if (!atlas_label_set_try_add (context->labels, x, py - h / 2, w, h))
            continue;
        }

      cairo_save (cr);
      cairo_move_to (cr, x + 2 - ink.x, py - h / 2 + 2 - ink.y);
      pango_cairo_layout_path (cr, layout);
      atlas_snapshot_set_source (cr, &palette->halo);
      cairo_set_line_width (cr, 4.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 2 - ink.x, py - h / 2 + 2 - ink.y);
      atlas_snapshot_set_source (cr, &palette->ink);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
}

static void
draw_ring_symbol (cairo_t      *cr,
                  AtlasPainter *painter,
                  double        x,
                  double        y,
                  double        width,
                  double        height,
                  gpointer      user_data)
{
  AtlasRgba color = ATLAS_LESSON_HIGHLIGHT_RGBA;
  double r = MIN (width, height) / 2 - 2;

  cairo_new_path (cr);
  cairo_arc (cr, x + width / 2, y + height / 2, MAX (r, 2), 0, 2 * G_PI);
  atlas_snapshot_set_source (cr, &color);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

static void
add_highlight_legend (AtlasLegend               *legend,
                      const AtlasOverlayContext *context,
                      gpointer                   user_data)
{
  GArray *items = user_data;
  double bounds[4];

  atlas_view_get_bounds (context->view, 0, bounds);
  for (guint i = 0; i < items->len; i++)
    {
      const Highlight *item = &g_array_index (items, Highlight, i);
      gboolean visible = item->zone != NULL
        ? atlas_bounds_intersect (atlas_computed_zone_get_bbox (item->zone), bounds)
        : item->x >= bounds[0] && item->x <= bounds[2] && item->y >= bounds[1] && item->y <= bounds[3];

      if (visible)
        {
          /* Translators: the legend entry of what a lesson's scene points out */
          atlas_legend_add_symbol (legend, _("In focus in this scene"), draw_ring_symbol, NULL, NULL);
          return;
        }
    }
}

static AtlasComputedZone *
find_zone (AtlasComputedZone * const *zones,
           guint                      n_zones,
           const char                *zone_id)
{
  for (guint i = 0; i < n_zones; i++)
    if (g_str_equal (atlas_computed_zone_get_id (zones[i]), zone_id))
      return zones[i];

  return NULL;
}

/**
 * atlas_highlight_overlay_new:
 * @ids: the features to point out
 * @zones: (array length=n_zones): computed zones, among them those of
 *   @ids that are to be outlined
 *
 * Points (events, deployments, places) get a ring, events and places
 * their name too; zones get their outline drawn over. Features without a
 * place on the map, or zones not among @zones, are left out.
 *
 * Returns: (transfer full): an overlay at %ATLAS_OVERLAY_DEPTH_HIGHLIGHT
 */
AtlasOverlay *
atlas_highlight_overlay_new (AtlasDataset              *dataset,
                             const char * const        *ids,
                             AtlasComputedZone * const *zones,
                             guint                      n_zones)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Highlight));

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  g_array_set_clear_func (items, (GDestroyNotify) highlight_clear);

  /* Everything is looked up now: drawing may happen in another thread. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(AtlasFeature) feature = atlas_dataset_lookup (dataset, ids[i]);
      Highlight item = { 0, };
      double lon, lat;

      if (feature == NULL)
        continue;

      if (atlas_feature_get_kind (feature) == ATLAS_KIND_ZONE)
        {
          AtlasComputedZone *zone = find_zone (zones, n_zones, ids[i]);

          if (zone == NULL)
            continue;
          item.zone = g_object_ref (zone);
        }
      else if (atlas_feature_get_point (feature, &lon, &lat))
        {
          atlas_lonlat_to_unit_mercator (lon, lat, &item.x, &item.y);
          if (atlas_feature_get_kind (feature) != ATLAS_KIND_DEPLOYMENT)
            item.label = g_strdup (atlas_feature_get_display_title (feature));
        }
      else
        continue;

      g_array_append_val (items, item);
    }

  return atlas_overlay_new ("highlights", ATLAS_OVERLAY_DEPTH_HIGHLIGHT, draw_highlights, draw_highlight_labels,
                            add_highlight_legend, items, (GDestroyNotify) g_array_unref);
}

/* Overlays ---------------------------------------------------------------- */

/**
 * atlas_lesson_scene_create_overlays:
 * @scene: (nullable): the scene, or %NULL for everything
 * @zones: (array length=n_zones): the zones in force on @day, computed
 *
 * Returns: (transfer full) (element-type AtlasOverlay): the overlays, in
 *   drawing order
 */
GPtrArray *
atlas_lesson_scene_create_overlays (AtlasLessonScene          *scene,
                                    AtlasDataset              *dataset,
                                    gint32                     day,
                                    AtlasComputedZone * const *zones,
                                    guint                      n_zones)
{
  GPtrArray *overlays = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_overlay_unref);
  AtlasLessonLayers layers = scene != NULL ? atlas_lesson_scene_get_layers (scene) : ATLAS_LESSON_LAYERS_ALL;

  g_return_val_if_fail (scene == NULL || ATLAS_IS_LESSON_SCENE (scene), overlays);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), overlays);
  g_return_val_if_fail (zones != NULL || n_zones == 0, overlays);

  if (layers & ATLAS_LESSON_LAYER_ZONES)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();

      for (guint i = 0; i < n_zones; i++)
        if (scene == NULL || atlas_lesson_scene_shows_zone (scene, atlas_computed_zone_get_id (zones[i])))
          g_ptr_array_add (shown, zones[i]);
      g_ptr_array_add (overlays, atlas_zones_overlay_new ((AtlasComputedZone * const *) shown->pdata, shown->len));
    }

  if (layers & ATLAS_LESSON_LAYER_DEPLOYMENTS)
    {
      g_autoptr(AtlasDeploymentSet) set = atlas_deployment_set_new (dataset, day);

      g_ptr_array_add (overlays, atlas_deployments_overlay_new (set));
    }

  if (layers & ATLAS_LESSON_LAYER_EVENTS)
    {
      g_autoptr(AtlasEventSet) set = atlas_event_set_new (dataset, day, ATLAS_EVENT_WINDOW_TRAILING,
                                                          EVENT_WINDOW_DAYS);

      g_ptr_array_add (overlays, atlas_events_overlay_new (set));
    }

  if (scene != NULL && atlas_lesson_scene_get_highlights (scene)[0] != NULL)
    g_ptr_array_add (overlays, atlas_highlight_overlay_new (dataset, atlas_lesson_scene_get_highlights (scene),
                                                            zones, n_zones));

  return overlays;
}

/**
 * atlas_lesson_add_day_overlays:
 * @scene: (nullable): the scene, or %NULL for everything
 *
 * Makes @snapshot show @day: the overlays of
 * atlas_lesson_scene_create_overlays() and the dataset's credits.
 */
void
atlas_lesson_add_day_overlays (AtlasSnapshot             *snapshot,
                               AtlasLessonScene          *scene,
                               AtlasDataset              *dataset,
                               gint32                     day,
                               AtlasComputedZone * const *zones,
                               guint                      n_zones)
{
  g_autoptr(GPtrArray) overlays = NULL;
  g_autoptr(AtlasOverlay) sources = NULL;

  g_return_if_fail (ATLAS_IS_SNAPSHOT (snapshot));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  sources = atlas_dataset_sources_overlay_new (dataset);
  atlas_snapshot_add_overlay (snapshot, sources);
  atlas_snapshot_set_day (snapshot, day);

  overlays = atlas_lesson_scene_create_overlays (scene, dataset, day, zones, n_zones);
  for (guint i = 0; i < overlays->len; i++)
    atlas_snapshot_add_overlay (snapshot, g_ptr_array_index (overlays, i));
}
