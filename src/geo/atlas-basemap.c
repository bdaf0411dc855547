/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-basemap"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-mercator.h"

struct _AtlasBasemap
{
  GObject     parent_instance;

  GPtrArray  *countries;   /* AtlasShape */
  GPtrArray  *borders;     /* AtlasShape */
  GPtrArray  *lakes;       /* AtlasShape */
  GPtrArray  *world;       /* AtlasShape */
  GArray     *places;      /* AtlasBasemapPlace */
  GHashTable *by_code;     /* code → AtlasShape, countries and borders */
};

G_DEFINE_FINAL_TYPE (AtlasBasemap, atlas_basemap, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-basemap-error-quark, atlas_basemap_error)

/* The largest zoom each level of detail is drawn at; the last is the full
 * resolution of the data. */
static const double level_max_zoom[ATLAS_BASEMAP_N_LEVELS] = { 5, 7, 9, 11, G_MAXDOUBLE };

/* How far a simplified line may stray from the original, in pixels at the
 * level's largest zoom. */
#define SIMPLIFY_TOLERANCE_PX 0.35

guint
atlas_basemap_level_for_zoom (double zoom)
{
  for (guint i = 0; i < ATLAS_BASEMAP_N_LEVELS; i++)
    if (zoom <= level_max_zoom[i] + 1e-9)
      return i;

  return ATLAS_BASEMAP_N_LEVELS - 1;
}

const AtlasPath *
atlas_shape_get_path (const AtlasShape *shape,
                      double            zoom)
{
  g_return_val_if_fail (shape != NULL, NULL);

  return &shape->levels[atlas_basemap_level_for_zoom (zoom)];
}

static void
atlas_path_clear (AtlasPath *path)
{
  g_clear_pointer (&path->offsets, g_free);
  g_clear_pointer (&path->xy, g_free);
  g_clear_pointer (&path->bboxes, g_free);
  g_clear_pointer (&path->holes, g_free);
  path->n_parts = 0;
}

static void
atlas_shape_free (AtlasShape *shape)
{
  for (guint i = 0; i < ATLAS_BASEMAP_N_LEVELS; i++)
    atlas_path_clear (&shape->levels[i]);
  g_free (shape->code);
  g_free (shape->name);
  g_free (shape->lonlat);
  g_free (shape);
}

static void
atlas_place_clear (AtlasBasemapPlace *place)
{
  g_clear_pointer (&place->name, g_free);
  g_clear_pointer (&place->alt_name, g_free);
}

/* Douglas–Peucker over points [first, last] of @xy, marking kept points in
 * @keep. Iterative, so long rings cannot exhaust the stack. */
static void
simplify_range (const double *xy,
                guint         first,
                guint         last,
                double        tolerance,
                gboolean     *keep)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint range[2] = { first, last };
  double tol2 = tolerance * tolerance;

  keep[first] = keep[last] = TRUE;
  g_array_append_val (stack, range);

  while (stack->len > 0)
    {
      guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);
      guint a = top[0], b = top[1];
      double ax = xy[2 * a], ay = xy[2 * a + 1];
      double dx = xy[2 * b] - ax, dy = xy[2 * b + 1] - ay;
      double len2 = dx * dx + dy * dy;
      double best = -1;
      guint best_i = a;

      g_array_set_size (stack, stack->len - 1);

      for (guint i = a + 1; i < b; i++)
        {
          double px = xy[2 * i] - ax, py = xy[2 * i + 1] - ay;
          double d2;

          if (len2 > 0)
            {
              double t = CLAMP ((px * dx + py * dy) / len2, 0.0, 1.0);
              double ex = px - t * dx, ey = py - t * dy;
              d2 = ex * ex + ey * ey;
            }
          else
            d2 = px * px + py * py;

          if (d2 > best)
            {
              best = d2;
              best_i = i;
            }
        }

      if (best > tol2)
        {
          guint left[2] = { a, best_i };
          guint right[2] = { best_i, b };

          keep[best_i] = TRUE;
          if (best_i - a > 1)
            g_array_append_val (stack, left);
          if (b - best_i > 1)
            g_array_append_val (stack, right);
        }
    }
}

/* Builds the simplified level @level of @shape from its full level. */
static void
build_level (AtlasShape *shape,
             guint       level)
{
  const AtlasPath *full = &shape->levels[ATLAS_BASEMAP_N_LEVELS - 1];
  AtlasPath *out = &shape->levels[level];
  double tolerance = SIMPLIFY_TOLERANCE_PX / atlas_mercator_world_size (level_max_zoom[level]);
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) bboxes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) holes = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autofree gboolean *keep = g_new0 (gboolean, full->offsets[full->n_parts]);
  guint zero = 0;

  g_array_append_val (offsets, zero);

  for (guint p = 0; p < full->n_parts; p++)
    {
      guint first = full->offsets[p];
      guint last = full->offsets[p + 1] - 1;
      const double *bb = &full->bboxes[4 * p];
      guint n_kept = 0;
      guint start = xy->len / 2;

      /* A part smaller than a pixel at this level's zoom cannot be seen. */
      if (shape->closed && (bb[2] - bb[0]) < 2 * tolerance && (bb[3] - bb[1]) < 2 * tolerance)
        continue;

      if (last > first)
        simplify_range (full->xy, first, last, tolerance, keep);
      else
        keep[first] = TRUE;

      for (guint i = first; i <= last; i++)
        if (keep[i])
          {
            g_array_append_vals (xy, &full->xy[2 * i], 2);
            n_kept++;
          }

      if (shape->closed && n_kept < 4)
        {
          g_array_set_size (xy, start * 2);
          continue;
        }

      {
        guint end = xy->len / 2;
        g_array_append_val (offsets, end);
        g_array_append_vals (bboxes, bb, 4);
        g_array_append_val (holes, full->holes[p]);
      }
    }

  out->n_parts = offsets->len - 1;
  out->holes = (guint8 *) g_array_free (g_steal_pointer (&holes), FALSE);
  out->offsets = (guint *) g_array_free (g_steal_pointer (&offsets), FALSE);
  out->xy = (double *) g_array_free (g_steal_pointer (&xy), FALSE);
  out->bboxes = (double *) g_array_free (g_steal_pointer (&bboxes), FALSE);
}

static gboolean
read_position (JsonNode  *node,
               double    *lon,
               double    *lat)
{
  JsonArray *pos;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  pos = json_node_get_array (node);
  if (json_array_get_length (pos) < 2)
    return FALSE;
  *lon = json_array_get_double_element (pos, 0);
  *lat = json_array_get_double_element (pos, 1);
  return isfinite (*lon) && isfinite (*lat) && fabs (*lon) <= 180 && fabs (*lat) <= 90;
}

/* Appends one ring or line string to the full level being built. */
static gboolean
append_part (JsonArray *coords,
             guint8     hole,
             GArray    *xy,
             GArray    *lonlat,
             GArray    *offsets,
             GArray    *bboxes,
             GArray    *holes)
{
  guint n = json_array_get_length (coords);
  double bb[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint end;

  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      double lon, lat, pt[2];

      if (!read_position (json_array_get_element (coords, i), &lon, &lat))
        return FALSE;

      pt[0] = atlas_mercator_x_from_lon (lon);
      pt[1] = atlas_mercator_y_from_lat (lat);
      g_array_append_vals (xy, pt, 2);
      g_array_append_val (lonlat, lon);
      g_array_append_val (lonlat, lat);
      bb[0] = MIN (bb[0], pt[0]);
      bb[1] = MIN (bb[1], pt[1]);
      bb[2] = MAX (bb[2], pt[0]);
      bb[3] = MAX (bb[3], pt[1]);
    }

  end = xy->len / 2;
  g_array_append_val (offsets, end);
  g_array_append_vals (bboxes, bb, 4);
  g_array_append_val (holes, hole);
  return TRUE;
}

static gboolean
append_geometry (JsonObject *geometry,
                 GArray     *xy,
                 GArray     *lonlat,
                 GArray     *offsets,
                 GArray     *bboxes,
                 GArray     *holes,
                 gboolean   *closed)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonNode *coords_node = json_object_get_member (geometry, "coordinates");
  JsonArray *coords;
  guint depth;

  if (coords_node == NULL || !JSON_NODE_HOLDS_ARRAY (coords_node))
    return FALSE;
  coords = json_node_get_array (coords_node);

  if (g_str_equal (type, "LineString"))
    {
      *closed = FALSE;
      return append_part (coords, FALSE, xy, lonlat, offsets, bboxes, holes);
    }
  else if (g_str_equal (type, "MultiLineString") || g_str_equal (type, "Polygon"))
    {
      *closed = g_str_equal (type, "Polygon");
      depth = 1;
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      *closed = TRUE;
      depth = 2;
    }
  else
    return FALSE;

  for (guint i = 0; i < json_array_get_length (coords); i++)
    {
      JsonNode *child = json_array_get_element (coords, i);

      if (!JSON_NODE_HOLDS_ARRAY (child))
        return FALSE;

      if (depth == 1)
        {
          /* In a Polygon, every ring after the first is a hole. */
          guint8 hole = *closed && i > 0;

          if (!append_part (json_node_get_array (child), hole, xy, lonlat, offsets, bboxes, holes))
            return FALSE;
        }
      else
        {
          JsonArray *polygon = json_node_get_array (child);

          for (guint j = 0; j < json_array_get_length (polygon); j++)
            {
              JsonNode *ring = json_array_get_element (polygon, j);

              if (!JSON_NODE_HOLDS_ARRAY (ring) ||
                  !append_part (json_node_get_array (ring), j > 0, xy, lonlat, offsets, bboxes, holes))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* Is (x, y) inside part @p of @path (even-odd)? Also returns the distance to
 * its nearest edge in @dist. */
static gboolean
point_in_part (const AtlasPath *path,
               guint            p,
               double           x,
               double           y,
               double          *dist)
{
  gboolean inside = FALSE;
  double best = G_MAXDOUBLE;
  guint first = path->offsets[p], last = path->offsets[p + 1];

  for (guint i = first, j = last - 1; i < last; j = i++)
    {
      double xi = path->xy[2 * i], yi = path->xy[2 * i + 1];
      double xj = path->xy[2 * j], yj = path->xy[2 * j + 1];
      double dx = xj - xi, dy = yj - yi, len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? CLAMP (((x - xi) * dx + (y - yi) * dy) / len2, 0, 1) : 0;
      double ex = x - (xi + t * dx), ey = y - (yi + t * dy);

      best = MIN (best, ex * ex + ey * ey);
      if (((yi > y) != (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi))
        inside = !inside;
    }

  *dist = sqrt (best);
  return inside;
}

/* A point deep inside the largest part: searched on a coarse grid, then on a
 * finer one around the best cell. Good enough to place a country's name. */
static void
compute_label_point (AtlasShape *shape)
{
  const AtlasPath *path = &shape->levels[2];
  double best_area = -1, best_dist = -1;
  guint largest = 0;
  double cx, cy, w, h;

  shape->label_x = (shape->bbox[0] + shape->bbox[2]) / 2;
  shape->label_y = (shape->bbox[1] + shape->bbox[3]) / 2;

  if (!shape->closed || path->n_parts == 0)
    return;

  for (guint p = 0; p < path->n_parts; p++)
    {
      const double *bb = &path->bboxes[4 * p];
      double area = (bb[2] - bb[0]) * (bb[3] - bb[1]);

      if (area > best_area)
        {
          best_area = area;
          largest = p;
        }
    }

  cx = (path->bboxes[4 * largest] + path->bboxes[4 * largest + 2]) / 2;
  cy = (path->bboxes[4 * largest + 1] + path->bboxes[4 * largest + 3]) / 2;
  w = path->bboxes[4 * largest + 2] - path->bboxes[4 * largest];
  h = path->bboxes[4 * largest + 3] - path->bboxes[4 * largest + 1];

  for (guint pass = 0; pass < 2; pass++)
    {
      const guint n = pass == 0 ? 24 : 12;
      double ox = cx - w / 2, oy = cy - h / 2;
      double best_x = cx, best_y = cy;

      for (guint i = 0; i <= n; i++)
        for (guint j = 0; j <= n; j++)
          {
            double x = ox + w * i / n, y = oy + h * j / n, dist;

            if (point_in_part (path, largest, x, y, &dist) && dist > best_dist)
              {
                best_dist = dist;
                best_x = x;
                best_y = y;
              }
          }

      cx = best_x;
      cy = best_y;
      w = w * 2 / n;
      h = h * 2 / n;
    }

  if (best_dist > 0)
    {
      shape->label_x = cx;
      shape->label_y = cy;
    }
}

static JsonArray *
load_features (const char  *name,
               JsonParser  *parser,
               GError     **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/basemap/%s", name);
  g_autoptr(GBytes) bytes = NULL;
  JsonNode *root;
  JsonObject *obj;
  JsonNode *features;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_MISSING,
                   "The base map file “%s” is missing from the application’s resources", name);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    {
      g_prefix_error (error, "Base map file “%s”: ", name);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (features = json_object_get_member ((obj = json_node_get_object (root)), "features")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (features))
    {
      g_set_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID,
                   "Base map file “%s” is not a GeoJSON FeatureCollection", name);
      return NULL;
    }

  return json_node_get_array (features);
}

static const char *
get_string_property (JsonObject *props,
                     const char *member)
{
  JsonNode *node;

  if (props == NULL || (node = json_object_get_member (props, member)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
load_shapes (const char  *name,
             gboolean     optional,
             GPtrArray   *shapes,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonArray *features;

  features = load_features (name, parser, &local_error);
  if (features == NULL)
    {
      if (optional && g_error_matches (local_error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_MISSING))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *props, *geometry;
      g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) lonlat = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) bboxes = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) holes = g_array_new (FALSE, FALSE, sizeof (guint8));
      AtlasShape *shape;
      AtlasPath *full;
      const char *a, *b, *code;
      guint zero = 0;
      gboolean closed = TRUE;

      if (feature == NULL || !json_object_has_member (feature, "geometry") ||
          (geometry = json_object_get_object_member (feature, "geometry")) == NULL)
        continue;

      props = json_object_has_member (feature, "properties")
              ? json_object_get_object_member (feature, "properties") : NULL;

      g_array_append_val (offsets, zero);
      if (!append_geometry (geometry, xy, lonlat, offsets, bboxes, holes, &closed))
        {
          g_set_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID,
                       "Base map file “%s”: features[%u] has an invalid geometry", name, i);
          return FALSE;
        }

      shape = g_new0 (AtlasShape, 1);
      code = get_string_property (props, "iso3");
      a = get_string_property (props, "a");
      b = get_string_property (props, "b");
      if (code != NULL)
        shape->code = g_strdup (code);
      else if (a != NULL && b != NULL)
        shape->code = g_strdup_printf ("%s-%s", a, b);
      shape->name = g_strdup (get_string_property (props, "name"));
      shape->closed = closed;

      full = &shape->levels[ATLAS_BASEMAP_N_LEVELS - 1];
      full->n_parts = offsets->len - 1;
      full->offsets = (guint *) g_array_free (g_steal_pointer (&offsets), FALSE);
      full->xy = (double *) g_array_free (g_steal_pointer (&xy), FALSE);
      full->bboxes = (double *) g_array_free (g_steal_pointer (&bboxes), FALSE);
      full->holes = (guint8 *) g_array_free (g_steal_pointer (&holes), FALSE);
      shape->lonlat = (double *) g_array_free (g_steal_pointer (&lonlat), FALSE);

      shape->bbox[0] = shape->bbox[1] = G_MAXDOUBLE;
      shape->bbox[2] = shape->bbox[3] = -G_MAXDOUBLE;
      for (guint p = 0; p < full->n_parts; p++)
        {
          shape->bbox[0] = MIN (shape->bbox[0], full->bboxes[4 * p]);
          shape->bbox[1] = MIN (shape->bbox[1], full->bboxes[4 * p + 1]);
          shape->bbox[2] = MAX (shape->bbox[2], full->bboxes[4 * p + 2]);
          shape->bbox[3] = MAX (shape->bbox[3], full->bboxes[4 * p + 3]);
        }

      for (guint level = 0; level + 1 < ATLAS_BASEMAP_N_LEVELS; level++)
        build_level (shape, level);

      compute_label_point (shape);
      g_ptr_array_add (shapes, shape);
    }

  return TRUE;
}

static gboolean
load_places (AtlasBasemap  *self,
             GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *features;

  features = load_features ("places.geojson", parser, error);
  if (features == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *props, *geometry;
      JsonNode *coords;
      AtlasBasemapPlace place = { 0 };
      const char *name, *country;

      if (feature == NULL ||
          !json_object_has_member (feature, "geometry") ||
          !json_object_has_member (feature, "properties") ||
          (geometry = json_object_get_object_member (feature, "geometry")) == NULL ||
          (props = json_object_get_object_member (feature, "properties")) == NULL ||
          (coords = json_object_get_member (geometry, "coordinates")) == NULL ||
          (name = get_string_property (props, "name")) == NULL ||
          !read_position (coords, &place.lon, &place.lat))
        {
          g_set_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID,
                       "Base map file “places.geojson”: features[%u] is not a named point", i);
          return FALSE;
        }

      place.name = g_strdup (name);
      place.alt_name = g_strdup (get_string_property (props, "alt_name"));
      country = get_string_property (props, "country");
      g_strlcpy (place.country, country ? country : "", sizeof place.country);
      place.population = (guint) MAX (0, json_object_get_int_member_with_default (props, "population", 0));
      place.rank = (guint) MAX (0, json_object_get_int_member_with_default (props, "rank", 9));
      place.capital = json_object_get_boolean_member_with_default (props, "capital", FALSE);
      place.x = atlas_mercator_x_from_lon (place.lon);
      place.y = atlas_mercator_y_from_lat (place.lat);
      g_array_append_val (self->places, place);
    }

  return TRUE;
}

static void
atlas_basemap_finalize (GObject *object)
{
  AtlasBasemap *self = (AtlasBasemap *)object;

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->borders, g_ptr_array_unref);
  g_clear_pointer (&self->lakes, g_ptr_array_unref);
  g_clear_pointer (&self->world, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);

  G_OBJECT_CLASS (atlas_basemap_parent_class)->finalize (object);
}

static void
atlas_basemap_class_init (AtlasBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_basemap_finalize;
}

static void
atlas_basemap_init (AtlasBasemap *self)
{
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_shape_free);
  self->borders = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_shape_free);
  self->lakes = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_shape_free);
  self->world = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_shape_free);
  self->places = g_array_new (FALSE, TRUE, sizeof (AtlasBasemapPlace));
  g_array_set_clear_func (self->places, (GDestroyNotify) atlas_place_clear);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * atlas_basemap_new_from_resources:
 *
 * Loads the base map compiled into the application. Takes a few tens of
 * milliseconds: call it from a worker thread, or use
 * atlas_basemap_load_async().
 */
AtlasBasemap *
atlas_basemap_new_from_resources (GError **error)
{
  g_autoptr(AtlasBasemap) self = g_object_new (ATLAS_TYPE_BASEMAP, NULL);

  if (!load_shapes ("countries.geojson", FALSE, self->countries, error) ||
      !load_shapes ("borders.geojson", FALSE, self->borders, error) ||
      !load_shapes ("lakes.geojson", TRUE, self->lakes, error) ||
      !load_shapes ("world.geojson", TRUE, self->world, error) ||
      !load_places (self, error))
    return NULL;

  for (guint i = 0; i < self->countries->len; i++)
    {
      AtlasShape *shape = g_ptr_array_index (self->countries, i);
      if (shape->code != NULL)
        g_hash_table_insert (self->by_code, shape->code, shape);
    }
  for (guint i = 0; i < self->borders->len; i++)
    {
      AtlasShape *shape = g_ptr_array_index (self->borders, i);
      if (shape->code != NULL)
        g_hash_table_insert (self->by_code, shape->code, shape);
    }

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AtlasBasemap *basemap = atlas_basemap_new_from_resources (&error);

  if (basemap == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, basemap, g_object_unref);
}

void
atlas_basemap_load_async (GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, atlas_basemap_load_async);
  g_task_run_in_thread (task, load_thread);
}

AtlasBasemap *
atlas_basemap_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
atlas_basemap_get_countries (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  return self->countries;
}

GPtrArray *
atlas_basemap_get_borders (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  return self->borders;
}

GPtrArray *
atlas_basemap_get_lakes (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  return self->lakes;
}

GPtrArray *
atlas_basemap_get_world (AtlasBasemap *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  return self->world;
}

const AtlasBasemapPlace *
atlas_basemap_get_places (AtlasBasemap *self,
                          guint        *n_places)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (n_places != NULL, NULL);

  *n_places = self->places->len;
  return (const AtlasBasemapPlace *) (gpointer) self->places->data;
}

const AtlasShape *
atlas_basemap_lookup_country (AtlasBasemap *self,
                              const char   *iso3)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (iso3 != NULL, NULL);

  return g_hash_table_lookup (self->by_code, iso3);
}

const AtlasShape *
atlas_basemap_lookup_border (AtlasBasemap *self,
                             const char   *iso3_a,
                             const char   *iso3_b)
{
  g_autofree char *ab = NULL;
  g_autofree char *ba = NULL;
  const AtlasShape *shape;

  g_return_val_if_fail (ATLAS_IS_BASEMAP (self), NULL);
  g_return_val_if_fail (iso3_a != NULL && iso3_b != NULL, NULL);

  ab = g_strdup_printf ("%s-%s", iso3_a, iso3_b);
  if ((shape = g_hash_table_lookup (self->by_code, ab)) != NULL)
    return shape;
  ba = g_strdup_printf ("%s-%s", iso3_b, iso3_a);
  return g_hash_table_lookup (self->by_code, ba);
}
