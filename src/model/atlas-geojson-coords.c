/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-geojson-coords"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-geojson-private.h"

/*
 * Coordinates go straight into the store as they are parsed. Their nesting
 * depth is learnt from the first number (1 for a Point, 4 for a
 * MultiPolygon) and must then stay the same; which arrays close where is
 * recorded in the feature's ring and group ends, and checked against the
 * geometry type once the whole feature is read (its "type" may come after
 * its "coordinates").
 */

/* "geometry.coordinates[i][j]…" with the index of the current element of
 * the first @levels coordinate arrays. */
static char *
coords_path (AtlasReader *r,
             guint        levels)
{
  GString *path = g_string_new ("geometry.coordinates");

  for (guint l = 0; l < levels; l++)
    g_string_append_printf (path, "[%u]", r->frames[r->coords_frame + l].count - 1);
  return g_string_free (path, FALSE);
}

static void
coords_problem (AtlasReader *r,
                gsize        offset,
                guint        levels,
                const char  *format,
                ...) G_GNUC_PRINTF (4, 5);

static void
coords_problem (AtlasReader *r,
                gsize        offset,
                guint        levels,
                const char  *format,
                ...)
{
  g_autofree char *path = coords_path (r, levels);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  atlas_load_session_feature_problem (r->session, ATLAS_SEVERITY_ERROR, offset, path, "%s", message);
  r->feature.geometry.bad = TRUE;
}

gboolean
atlas_reader_coords_value (AtlasReader   *r,
                           Frame         *parent,
                           AtlasJsonType  type,
                           const char    *text,
                           gsize          len)
{
  AtlasGeometryInput *geometry = &r->feature.geometry;
  guint level = parent->level;

  if (geometry->bad)
    return atlas_reader_push_skip (r, type);

  if (type == ATLAS_JSON_ARRAY)
    {
      if (geometry->depth != 0 && level + 1 > geometry->depth)
        {
          coords_problem (r, atlas_reader_token_start (r, type, 0), level, "%s",
                          /* Translators: about the arrays of coordinates of a
                           * geometry; a position is a pair of coordinates, itself
                           * an array */
                          _("arrays are nested deeper than the positions before them"));
          return atlas_reader_push (r, ROLE_SKIP);
        }
      if (!atlas_reader_push (r, ROLE_COORDS))
        return FALSE;
      r->frames[r->depth - 1].level = level + 1;
      return TRUE;
    }

  if (type == ATLAS_JSON_NUMBER)
    {
      char buffer[64];
      double value;

      if (geometry->depth == 0)
        geometry->depth = level;
      if (level != geometry->depth)
        {
          coords_problem (r, atlas_reader_token_start (r, type, len), level, "%s",
                          _("a number where an array is expected"));
          return TRUE;
        }
      if (parent->count > 3)
        {
          coords_problem (r, atlas_reader_token_start (r, type, len), level - 1, "%s",
                          /* Translators: a position is a pair of coordinates, with
                           * an optional third (the height) */
                          _("a position has more than 3 numbers"));
          return TRUE;
        }
      if (len >= sizeof buffer)
        {
          coords_problem (r, atlas_reader_token_start (r, type, len), level, "%s",
                          _("the number is too long"));
          return TRUE;
        }
      memcpy (buffer, text, len);
      buffer[len] = '\0';
      value = g_ascii_strtod (buffer, NULL);
      if (!isfinite (value))
        {
          /* Translators: %s is a number as written in the file, e.g. 1e999 */
          coords_problem (r, atlas_reader_token_start (r, type, len), level, _("%s is out of range"), buffer);
          return TRUE;
        }
      if (parent->count <= 2)
        r->position[parent->count - 1] = value;
      return TRUE;
    }

  coords_problem (r, atlas_reader_token_start (r, type, len), level,
                  /* Translators: about a value among coordinates; %s is its
                   * type, e.g. "a string" */
                  _("expected a number or an array, found %s"), atlas_json_type_describe (type));
  return atlas_reader_push_skip (r, type);
}

void
atlas_reader_coords_close (AtlasReader *r,
                           Frame       *frame)
{
  AtlasGeometryInput *geometry = &r->feature.geometry;
  GArray *coords = r->store->coords;
  guint level = frame->level;
  guint32 n_positions;

  if (geometry->bad)
    return;

  if (frame->count == 0)
    {
      /* Translators: an array of coordinates has nothing in it */
      coords_problem (r, atlas_reader_offset (r) - 1, level - 1, "%s", _("an empty array"));
      return;
    }

  n_positions = coords->len / 2;
  if (level == geometry->depth)
    {
      double lon = r->position[0];
      double lat = r->position[1];

      if (frame->count < 2)
        coords_problem (r, atlas_reader_offset (r) - 1, level - 1, "%s",
                        _("a position needs a longitude and a latitude"));
      else if (lon < -180.0 || lon > 180.0)
        /* Translators: %g is the longitude found, in degrees */
        coords_problem (r, atlas_reader_offset (r) - 1, level - 1, _("longitude %g is out of range"), lon);
      else if (lat < -90.0 || lat > 90.0)
        /* Translators: %g is the latitude found, in degrees */
        coords_problem (r, atlas_reader_offset (r) - 1, level - 1, _("latitude %g is out of range"), lat);
      else if (n_positions - geometry->first_position >= ATLAS_MAX_POSITIONS)
        /* Translators: %d is the most positions (pairs of coordinates)
         * one geometry may have */
        coords_problem (r, atlas_reader_offset (r) - 1, 0,
                        ngettext ("more than %d position", "more than %d positions", ATLAS_MAX_POSITIONS),
                        ATLAS_MAX_POSITIONS);
      else
        g_array_append_vals (coords, r->position, 2);
    }
  else if (level + 1 == geometry->depth)
    {
      g_array_append_val (geometry->ring_ends, n_positions);
    }
  else if (level + 2 == geometry->depth)
    {
      guint32 n_rings = geometry->ring_ends->len;

      g_array_append_val (geometry->group_ends, n_rings);
    }
}
