/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-cli.h"
#include "atlas-cli-export.h"
#include "atlas-cli-lesson.h"
#include "atlas-date.h"
#include "atlas-export-writer.h"
#include "atlas-geojson-export.h"
#include "atlas-lesson-snapshot.h"
#include "atlas-loader.h"
#include "atlas-painter.h"
#include "atlas-snapshot.h"
#include "atlas-snapshot-sources.h"
#include "atlas-zone-set.h"

/*
 * --export: draws a snapshot without a display, or writes the features in
 * force on the date as GeoJSON. Every argument is checked before anything
 * is loaded, so a typo costs nothing and exits with 2.
 */

/* The Kosovo view: Kosovo with every neighbouring capital (Belgrade,
 * Podgorica, Tirana, Skopje) and a little room around them. South, west,
 * north, east. */
static const double home_bounds[4] = { 41.15, 19.05, 45.0, 21.75 };
#define HOME_LAT 42.6
#define HOME_LON 20.9

#define MIN_ZOOM 0.0
#define MAX_ZOOM 19.0

typedef struct
{
  char              *output;
  gboolean           geojson;
  AtlasExportFormat  format;
  AtlasExportSize    size;
  double             lat;
  double             lon;
  double             zoom;       /* NAN: fit the Kosovo view */
  gint32             day;
  gboolean           has_day;
  AtlasNames         names;
} Request;

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

static int
fail (int         status,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         status,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return status;
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end;

  /* Plain decimal numbers only: no hexadecimal, "inf" or "nan". */
  if (text == NULL || *text == '\0' || text[strspn (text, "0123456789.+-eE")] != '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

static gboolean
parse_center (const char *text,
              double     *lat,
              double     *lon)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  return g_strv_length (parts) == 2 &&
         parse_double (parts[0], lat) && parse_double (parts[1], lon) &&
         fabs (*lat) <= ATLAS_MERCATOR_MAX_LAT && fabs (*lon) <= 180.0;
}

static gboolean
parse_names (const char *text,
             AtlasNames *names)
{
  static const char * const nicks[] = {
    [ATLAS_NAMES_SQ] = "sq",
    [ATLAS_NAMES_SR] = "sr",
    [ATLAS_NAMES_EN] = "en",
    [ATLAS_NAMES_BOTH] = "both",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (text, nicks[i]))
      {
        *names = (AtlasNames) i;
        return TRUE;
      }

  return FALSE;
}

/* A full calendar date, YYYY-MM-DD, as a day number. */
static gboolean
parse_day (const char *text,
           gint32     *day)
{
  AtlasDate date;

  if (!atlas_date_parse (text, -1, &date) ||
      date.precision != ATLAS_DATE_PRECISION_DAY ||
      date.qualifiers != ATLAS_DATE_QUALIFIER_NONE)
    return FALSE;

  *day = atlas_date_get_first_day (&date);
  return TRUE;
}

/* Checks every argument; prints the first problem. */
static int
parse_request (const AtlasCliExportOptions *options,
               Request                     *request)
{
  g_autoptr(GError) error = NULL;

  request->output = g_strdup (options->output);
  request->size = (AtlasExportSize) { 1920, 1080, 0 };
  request->lat = HOME_LAT;
  request->lon = HOME_LON;
  request->zoom = NAN;
  request->names = ATLAS_NAMES_BOTH;

  if (*request->output == '\0')
    return fail (ATLAS_CLI_EXIT_USAGE, _("--export needs a file name"));

  if (g_str_has_suffix (request->output, ".geojson") || g_str_has_suffix (request->output, ".GEOJSON"))
    request->geojson = TRUE;
  else if (!atlas_export_format_from_name (request->output, &request->format, &error))
    return fail (ATLAS_CLI_EXIT_USAGE, "%s", error->message);

  if (options->size != NULL && !atlas_export_size_parse (options->size, &request->size, &error))
    return fail (ATLAS_CLI_EXIT_USAGE, "%s", error->message);

  if (options->center != NULL && !parse_center (options->center, &request->lat, &request->lon))
    return fail (ATLAS_CLI_EXIT_USAGE,
                 _("Invalid centre “%s”: use LAT,LON in degrees, e.g. 42.6,20.9"), options->center);

  if (options->zoom != NULL &&
      (!parse_double (options->zoom, &request->zoom) || request->zoom < MIN_ZOOM || request->zoom > MAX_ZOOM))
    return fail (ATLAS_CLI_EXIT_USAGE, _("Invalid zoom “%s”: use a number from %g to %g"),
                 options->zoom, MIN_ZOOM, MAX_ZOOM);

  if (options->names != NULL && !parse_names (options->names, &request->names))
    return fail (ATLAS_CLI_EXIT_USAGE, _("Invalid names “%s”: use sq, sr, en or both"), options->names);

  if (options->date != NULL)
    {
      if (!parse_day (options->date, &request->day))
        return fail (ATLAS_CLI_EXIT_USAGE, _("Invalid date “%s”: use YYYY-MM-DD"), options->date);
      request->has_day = TRUE;
    }

  return ATLAS_CLI_EXIT_OK;
}

/* The zoom at which the Kosovo view fills @width × @height logical pixels
 * around (@lat, @lon). */
static double
home_zoom (double lat,
           double lon,
           double width,
           double height)
{
  double cx = atlas_mercator_x_from_lon (lon);
  double cy = atlas_mercator_y_from_lat (lat);
  double half_w = MAX (fabs (atlas_mercator_x_from_lon (home_bounds[1]) - cx),
                       fabs (atlas_mercator_x_from_lon (home_bounds[3]) - cx));
  double half_h = MAX (fabs (atlas_mercator_y_from_lat (home_bounds[0]) - cy),
                       fabs (atlas_mercator_y_from_lat (home_bounds[2]) - cy));
  double world = MIN ((width / 2.0) / half_w, (height / 2.0) / half_h);

  return CLAMP (log2 (world / ATLAS_TILE_SIZE), MIN_ZOOM, MAX_ZOOM);
}

/* The features in force on @day, zones computed, as GeoJSON. */
static int
export_geojson (AtlasDataset *dataset,
                AtlasZoneSet *zone_set,
                gint32        day,
                GFile        *file)
{
  g_autoptr(GError) error = NULL;
  AtlasDate date = { 0, };
  int y, m, d;

  atlas_day_to_ymd (day, &y, &m, &d);
  date.year = y;
  date.month = m;
  date.day = d;
  date.precision = ATLAS_DATE_PRECISION_DAY;

  if (!atlas_geojson_export (dataset, zone_set, &date, file, NULL, &error))
    return fail (ATLAS_CLI_EXIT_FAILED, "%s", error->message);

  return ATLAS_CLI_EXIT_OK;
}

static int
export_snapshot (const AtlasCliExportOptions *options,
                 const Request               *request,
                 AtlasBasemap                *basemap,
                 AtlasDataset                *dataset,
                 AtlasZoneSet                *zone_set,
                 GFile                       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasPainter) painter = atlas_painter_new (basemap, ATLAS_THEME_LIGHT);
  g_autoptr(AtlasSnapshot) snapshot = NULL;
  AtlasView view;
  double scale;

  /* The view in logical pixels; larger outputs draw it scaled up. */
  scale = atlas_export_size_get_default_scale (&request->size);
  atlas_view_init (&view, request->lat, request->lon, 0,
                   request->size.width / scale, request->size.height / scale);
  view.zoom = isnan (request->zoom) ? home_zoom (request->lat, request->lon, view.width, view.height)
                                    : request->zoom;

  snapshot = atlas_snapshot_new (painter, &view);
  atlas_snapshot_set_title (snapshot, options->title);
  atlas_snapshot_set_names (snapshot, request->names);
  if (request->has_day)
    {
      /* What the window shows on the day, as a lesson scene showing
       * everything has it. A zone that cannot be computed is left out
       * with a warning: the rest is still worth a picture. */
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) zones = atlas_lesson_compute_zones (zone_set, request->day, problems);

      for (guint i = 0; i < problems->len; i++)
        /* Translators: the program's name, then a problem that did not stop it */
        g_printerr (_("%s: warning: %s\n"), g_get_prgname (), (const char *) g_ptr_array_index (problems, i));
      atlas_lesson_add_day_overlays (snapshot, NULL, dataset, request->day,
                                     (AtlasComputedZone * const *) zones->pdata, zones->len);
    }
  else
    {
      /* Data without dates: nothing is in force, the credits still are. */
      g_autoptr(AtlasOverlay) sources = atlas_dataset_sources_overlay_new (dataset);

      atlas_snapshot_add_overlay (snapshot, sources);
    }

  if (!atlas_export_write (snapshot, request->format, &request->size, file, NULL, NULL, NULL, &error))
    return fail (ATLAS_CLI_EXIT_FAILED, "%s", error->message);

  return ATLAS_CLI_EXIT_OK;
}

int
atlas_cli_export (const AtlasCliExportOptions *options)
{
  g_auto(Request) request = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;
  g_autoptr(AtlasZoneSet) zone_set = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  g_return_val_if_fail (options != NULL && options->output != NULL, ATLAS_CLI_EXIT_USAGE);

  if ((status = parse_request (options, &request)) != ATLAS_CLI_EXIT_OK)
    return status;

  dataset = atlas_cli_load_dataset (options->data, &error);
  if (dataset == NULL)
    return fail (ATLAS_CLI_EXIT_FAILED, _("Could not load the data: %s"), error->message);

  /* Without --date, the first date of the data. */
  if (!request.has_day)
    request.has_day = atlas_dataset_get_time_range (dataset, &request.day, NULL);
  if (request.geojson && !request.has_day)
    return fail (ATLAS_CLI_EXIT_USAGE, _("The data has no dates: GeoJSON export needs --date"));

  basemap = atlas_basemap_new_from_resources (&error);
  if (basemap == NULL)
    return fail (ATLAS_CLI_EXIT_FAILED, _("Could not load the base map: %s"), error->message);
  zone_set = atlas_zone_set_new (basemap, dataset);

  file = g_file_new_for_commandline_arg (request.output);
  if (request.geojson)
    return export_geojson (dataset, zone_set, request.day, file);

  return export_snapshot (options, &request, basemap, dataset, zone_set, file);
}
