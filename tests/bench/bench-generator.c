/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-bench"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "atlas-date.h"
#include "bench-generator.h"

/* Bumped whenever the output changes, so that a stale file is rewritten. */
#define FORMAT_VERSION 2
#define FLUSH_BYTES (1 << 20)
#define N_POLYGON_ZONES 12

/* Places where events crowd (towns of the region), longitude, latitude. */
static const double hotspots[][2] = {
  { 21.166, 42.663 }, { 20.741, 42.213 }, { 20.865, 42.886 }, { 20.289, 42.659 },
  { 21.470, 42.464 }, { 20.430, 42.383 }, { 21.433, 41.998 }, { 20.460, 44.817 },
  { 19.263, 42.441 }, { 21.895, 43.321 },
};

static const char * const categories[] = {
  "political", "military", "agreement", "unrest", "visit", "humanitarian", "other", "ceasefire",
};

static const char * const publishers[] = {
  "Wire Service", "Daily Courier", "Field Office", "Monitoring Mission", "Regional Radio",
};

static const char * const certainties[] = { "certain", "probable", "uncertain" };

static const char * const nations[] = {
  "USA", "DEU", "FRA", "ITA", "GBR", "RUS", "TUR", "GRC", "POL", "NATO",
};

/* Descriptions of various lengths: events average about 330 bytes. */
static const char * const descriptions[] = {
  "Reported by several observers.",
  "Figures differ between the sources; the lower one is given here.",
  "A short note.",
  "Local officials confirmed the report on the following day.",
};

/* Width schedules: widths[i] applies from from[i]; zero-terminated. */
typedef struct
{
  const char *id;
  const char *area;
  const char *with[4];
  const char *side;
  const char *start;
  const char *end;
  const char *from[4];
  double      width_km[4];
} BandZone;

static const BandZone bands[] = {
  { "bz-ground-safety", "XKX", { "SRB", "MNE" }, "with", "1999-06-10", "2001-08-17",
    { "1999-06-10", "2000-11-20", "2001-03-14" }, { 5, 3, 1 } },
  { ATLAS_BENCH_BAND_ZONE, "XKX", { "SRB", "MNE", "MKD" }, "with", "1999-06-10", "..",
    { "1999-06-10", "2001-12-27" }, { 25, 10 } },
  { "bz-north-inside", "XKX", { "SRB" }, "area", "2000-02", "2008-02-17",
    { "2000-02", "2004-03-17" }, { 4, 8 } },
  { "bz-south-both", "XKX", { "MKD" }, "both", "2001-03-01", "2003-06",
    { "2001-03-01", "2001-08", "2002-05-15" }, { 3, 6, 9 } },
  { "bz-west-inside", "XKX", { "MNE" }, "area", "2005", "..",
    { "2005" }, { 2 } },
  { "bz-srb-mne", "SRB", { "MNE" }, "both", "2006-06-03", "..",
    { "2006-06-03", "2009-01" }, { 5, 10 } },
  { "bz-mkd-srb", "MKD", { "SRB" }, "area", "1999-03-24", "2002-01",
    { "1999-03-24", "2000-07-01" }, { 8, 4 } },
};

/* Boundary lines (no width): area, with. */
static const char * const lines[][2] = {
  { "XKX", "SRB" },
  { "XKX", "MKD" },
};

typedef struct
{
  FILE    *file;
  GString *buffer;
  guint64  n_bytes;
  int      saved_errno;
} Writer;

static void
writer_flush (Writer *writer)
{
  if (writer->buffer->len > 0 && writer->saved_errno == 0 &&
      fwrite (writer->buffer->str, 1, writer->buffer->len, writer->file) != writer->buffer->len)
    writer->saved_errno = errno != 0 ? errno : EIO;
  writer->n_bytes += writer->buffer->len;
  g_string_truncate (writer->buffer, 0);
}

static void
writer_maybe_flush (Writer *writer)
{
  if (writer->buffer->len >= FLUSH_BYTES)
    writer_flush (writer);
}

static double
uniform (GRand  *rand,
         double  low,
         double  high)
{
  return g_rand_double_range (rand, low, high);
}

/* A point of the region: near a town half of the time (a normal spread of
 * about 15 km), otherwise anywhere. */
static void
random_point (GRand  *rand,
              double *lon,
              double *lat)
{
  if (g_rand_boolean (rand))
    {
      const double *town = hotspots[g_rand_int_range (rand, 0, G_N_ELEMENTS (hotspots))];
      double radius = 0.15 * sqrt (-2.0 * log (1.0 - g_rand_double (rand)));
      double angle = uniform (rand, 0, 2 * G_PI);

      *lon = CLAMP (town[0] + radius * cos (angle), ATLAS_BENCH_MIN_LON, ATLAS_BENCH_MAX_LON);
      *lat = CLAMP (town[1] + radius * sin (angle), ATLAS_BENCH_MIN_LAT, ATLAS_BENCH_MAX_LAT);
    }
  else
    {
      *lon = uniform (rand, ATLAS_BENCH_MIN_LON, ATLAS_BENCH_MAX_LON);
      *lat = uniform (rand, ATLAS_BENCH_MIN_LAT, ATLAS_BENCH_MAX_LAT);
    }
}

static void
put_point (GString *out,
           GRand   *rand)
{
  double lon, lat;

  random_point (rand, &lon, &lat);
  g_string_append_printf (out, "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},",
                          lon, lat);
}

/* @day at @precision, with a qualifier now and then. */
static void
put_day (GString            *out,
         GRand              *rand,
         gint32              day,
         AtlasDatePrecision  precision,
         gboolean            qualify)
{
  static const char * const suffixes[] = { "~", "?", "%" };
  int y, m, d;

  atlas_day_to_ymd (day, &y, &m, &d);
  if (precision == ATLAS_DATE_PRECISION_YEAR)
    g_string_append_printf (out, "\"%04d", y);
  else if (precision == ATLAS_DATE_PRECISION_MONTH)
    g_string_append_printf (out, "\"%04d-%02d", y, m);
  else
    g_string_append_printf (out, "\"%04d-%02d-%02d", y, m, d);

  if (qualify && g_rand_int_range (rand, 0, 10) == 0)
    g_string_append (out, suffixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (suffixes))]);
  g_string_append_c (out, '"');
}

/* The first day of the month @months after @day's month. */
static gint32
months_later (gint32 day,
              int    months)
{
  int y, m, d;

  atlas_day_to_ymd (day, &y, &m, &d);
  m += months;
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  return atlas_day_from_ymd (y, m, 1);
}

/* The title, "sources", "certainty" and, one time in four, a
 * description. */
static void
put_common (GString    *out,
            GRand      *rand,
            const char *kind,
            const char *id,
            guint       number)
{
  guint n_sources = g_rand_int_range (rand, 0, 10) == 0 ? 2 : 1;

  g_string_append_printf (out, "\"kind\":\"%s\",\"id\":\"%s\",\"title\":\"%c%s %u\",",
                          kind, id, g_ascii_toupper (kind[0]), kind + 1, number);
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append_printf (out, "\"description\":\"%s\",",
                            descriptions[g_rand_int_range (rand, 0, G_N_ELEMENTS (descriptions))]);
  g_string_append (out, "\"sources\":[");
  for (guint i = 0; i < n_sources; i++)
    {
      g_string_append_printf (out, "%s{\"title\":\"Report %u\",\"publisher\":\"%s\",\"date\":\"20%02d\"",
                              i > 0 ? "," : "", number + i,
                              publishers[g_rand_int_range (rand, 0, G_N_ELEMENTS (publishers))],
                              g_rand_int_range (rand, 0, 13));
      /* Print sources have no address. */
      if (g_rand_boolean (rand))
        g_string_append_printf (out, ",\"url\":\"https://example.org/%u\"", number + i);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "],\"certainty\":\"%s\",",
                          certainties[g_rand_int_range (rand, 0, G_N_ELEMENTS (certainties))]);
}

static void
begin_feature (GString *out,
               guint   *n_features)
{
  g_string_append (out, *n_features == 0 ? "\n" : ",\n");
  g_string_append (out, "{\"type\":\"Feature\",");
  (*n_features)++;
}

static void
put_event (GString *out,
           GRand   *rand,
           guint    number,
           gint32   first_day,
           gint32   last_day)
{
  g_autofree char *id = g_strdup_printf ("ev-%07u", number);
  gint32 start = g_rand_int_range (rand, first_day, last_day + 1);
  int roll = g_rand_int_range (rand, 0, 100);
  AtlasDatePrecision precision = roll < 10 ? ATLAS_DATE_PRECISION_YEAR :
                                 roll < 30 ? ATLAS_DATE_PRECISION_MONTH : ATLAS_DATE_PRECISION_DAY;

  if (g_rand_int_range (rand, 0, 25) == 0)
    g_string_append (out, "\"geometry\":null,");
  else
    put_point (out, rand);

  g_string_append (out, "\"properties\":{");
  put_common (out, rand, "event", id, number);
  if (g_rand_int_range (rand, 0, 12) > 0)
    g_string_append_printf (out, "\"category\":\"%s\",",
                            categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
  g_string_append (out, "\"start\":");
  put_day (out, rand, start, precision, TRUE);

  /* Some events last a while: a few days, or a few months. */
  if (precision == ATLAS_DATE_PRECISION_DAY && g_rand_int_range (rand, 0, 5) == 0)
    {
      g_string_append (out, ",\"end\":");
      put_day (out, rand, start + g_rand_int_range (rand, 1, 15), ATLAS_DATE_PRECISION_DAY, FALSE);
    }
  else if (precision == ATLAS_DATE_PRECISION_MONTH && g_rand_int_range (rand, 0, 10) == 0)
    {
      g_string_append (out, ",\"end\":");
      put_day (out, rand, months_later (start, g_rand_int_range (rand, 1, 4)), ATLAS_DATE_PRECISION_MONTH, FALSE);
    }
  g_string_append (out, "}}");
}

static void
put_troops (GString *out,
            GRand   *rand)
{
  int roll = g_rand_int_range (rand, 0, 20);
  int troops = g_rand_int_range (rand, 50, 8000);

  if (roll < 14)
    g_string_append_printf (out, "\"troops\":%d,", troops);
  else if (roll < 17)
    g_string_append_printf (out, "\"troops\":{\"min\":%d,\"max\":%d},", troops, troops + g_rand_int_range (rand, 1, 800));
  else
    g_string_append (out, "\"troops\":\"unknown\",");

  if (g_rand_int_range (rand, 0, 5) == 0)
    g_string_append (out, "\"strength\":\"committed\",");
}

static void
put_deployment (GString *out,
                GRand   *rand,
                guint    number,
                gint32   first_day,
                gint32   last_day)
{
  g_autofree char *id = g_strdup_printf ("dep-%05u", number);
  gint32 start = g_rand_int_range (rand, first_day, last_day + 1);

  /* One in ten is placed by an area of responsibility. */
  if (g_rand_int_range (rand, 0, 10) == 0)
    g_string_append_printf (out, "\"geometry\":null,\"properties\":{\"zone\":\"pz-%02d\",",
                            g_rand_int_range (rand, 0, N_POLYGON_ZONES));
  else
    {
      put_point (out, rand);
      g_string_append (out, "\"properties\":{");
    }

  put_common (out, rand, "deployment", id, number);
  g_string_append_printf (out, "\"nation\":\"%s\",\"unit\":\"Battalion %u\",",
                          nations[g_rand_int_range (rand, 0, G_N_ELEMENTS (nations))], number);
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append_printf (out, "\"hq\":\"Camp %u\",", number % 40);
  put_troops (out, rand);
  g_string_append (out, "\"start\":");
  put_day (out, rand, start, ATLAS_DATE_PRECISION_DAY, FALSE);
  g_string_append (out, ",\"end\":");
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append (out, "\"..\"");
  else
    put_day (out, rand, start + g_rand_int_range (rand, 30, 1500), ATLAS_DATE_PRECISION_DAY, FALSE);
  g_string_append (out, "}}");
}

/* A quadrilateral of some 20–60 km around a point of the region. */
static void
put_polygon_zone (GString *out,
                  GRand   *rand,
                  guint    number,
                  gint32   first_day,
                  gint32   last_day)
{
  g_autofree char *id = g_strdup_printf ("pz-%02u", number);
  gint32 start = g_rand_int_range (rand, first_day, last_day + 1);
  double lon, lat, dx = uniform (rand, 0.1, 0.4), dy = uniform (rand, 0.1, 0.3);

  random_point (rand, &lon, &lat);
  lon = CLAMP (lon, ATLAS_BENCH_MIN_LON, ATLAS_BENCH_MAX_LON - dx);
  lat = CLAMP (lat, ATLAS_BENCH_MIN_LAT, ATLAS_BENCH_MAX_LAT - dy);
  g_string_append_printf (out,
                          "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],"
                          "[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]},\"properties\":{",
                          lon, lat, lon + dx, lat + 0.02, lon + dx * 0.9, lat + dy, lon - 0.03, lat + dy * 0.8,
                          lon, lat);
  put_common (out, rand, "zone", id, number);
  g_string_append_printf (out, "\"status\":\"%s\",\"start\":",
                          g_rand_int_range (rand, 0, 5) == 0 ? "proposed" : "in-force");
  put_day (out, rand, start, ATLAS_DATE_PRECISION_DAY, FALSE);
  g_string_append (out, ",\"end\":");
  put_day (out, rand, start + g_rand_int_range (rand, 60, 2500), ATLAS_DATE_PRECISION_DAY, FALSE);
  g_string_append (out, "}}");
}

static void
put_with (GString            *out,
          const char * const *with)
{
  g_string_append (out, "\"with\":[");
  for (guint i = 0; i < 4 && with[i] != NULL; i++)
    g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", with[i]);
  g_string_append (out, "]");
}

static void
put_band_zone (GString        *out,
               GRand          *rand,
               const BandZone *band,
               guint           number)
{
  g_string_append (out, "\"geometry\":null,\"properties\":{");
  put_common (out, rand, "zone", band->id, number);
  g_string_append_printf (out, "\"status\":\"in-force\",\"start\":\"%s\",\"end\":\"%s\","
                          "\"rule\":{\"type\":\"band\",\"area\":\"%s\",",
                          band->start, band->end, band->area);
  put_with (out, band->with);
  g_string_append_printf (out, ",\"side\":\"%s\",\"widths\":[", band->side);
  for (guint i = 0; i < 4 && band->from[i] != NULL; i++)
    g_string_append_printf (out, "%s{\"from\":\"%s\",\"width_km\":%g}",
                            i > 0 ? "," : "", band->from[i], band->width_km[i]);
  g_string_append (out, "]}}}");
}

static void
put_line_zone (GString    *out,
               GRand      *rand,
               const char *area,
               const char *with,
               guint       number)
{
  g_autofree char *id = g_strdup_printf ("lz-%s-%s", area, with);
  const char *with_list[4] = { with, NULL };

  g_string_append (out, "\"geometry\":null,\"properties\":{");
  put_common (out, rand, "zone", id, number);
  g_string_append_printf (out, "\"status\":\"%s\",\"start\":\"1999-06-10\",\"end\":\"..\","
                          "\"rule\":{\"type\":\"boundary\",\"area\":\"%s\",",
                          number % 2 == 0 ? "in-force" : "proposed", area);
  put_with (out, with_list);
  g_string_append (out, "}}}");
}

static char *
header_line (guint   n_events,
             guint32 seed)
{
  return g_strdup_printf ("{\"type\":\"FeatureCollection\","
                          "\"generator\":\"kosovo-atlas-bench %d events=%u seed=%u\",\"features\":[",
                          FORMAT_VERSION, n_events, seed);
}

/* Whether @path starts with @header and looks complete. */
static gboolean
is_up_to_date (const char *path,
               const char *header,
               guint64    *n_bytes)
{
  g_autofree char *start = g_malloc0 (strlen (header) + 1);
  gboolean same = FALSE;
  GStatBuf st;
  FILE *file;

  if (g_stat (path, &st) != 0 || (file = g_fopen (path, "rb")) == NULL)
    return FALSE;

  if (fread (start, 1, strlen (header), file) == strlen (header) && strcmp (start, header) == 0 &&
      fseek (file, -3, SEEK_END) == 0)
    {
      char tail[4] = { 0 };

      same = fread (tail, 1, 3, file) == 3 && strcmp (tail, "\n]}") == 0;
    }
  fclose (file);

  *n_bytes = st.st_size;
  return same;
}

static guint
n_deployments_for (guint n_events)
{
  return MAX (24, n_events / 1000);
}

gboolean
atlas_bench_dataset_write (guint                   n_events,
                           guint32                 seed,
                           const char             *path,
                           AtlasBenchDatasetInfo  *info,
                           GError                **error)
{
  g_autofree char *header = header_line (n_events, seed);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint32 first_day = atlas_day_from_ymd (1998, 1, 1);
  gint32 last_day = atlas_day_from_ymd (2011, 12, 31);
  Writer writer = { 0 };
  guint n_features = 0;
  guint number = N_POLYGON_ZONES;

  g_return_val_if_fail (path != NULL && info != NULL, FALSE);

  info->n_events = n_events;
  info->n_deployments = n_deployments_for (n_events);
  info->n_zones = N_POLYGON_ZONES + G_N_ELEMENTS (bands) + G_N_ELEMENTS (lines);

  if (is_up_to_date (path, header, &info->n_bytes))
    return TRUE;

  writer.file = g_fopen (partial, "wb");
  if (writer.file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write %s: %s", partial, g_strerror (saved_errno));
      return FALSE;
    }
  writer.buffer = g_string_sized_new (FLUSH_BYTES + 4096);
  g_string_append (writer.buffer, header);

  /* Zones first: deployments refer to the polygons. */
  for (guint i = 0; i < N_POLYGON_ZONES; i++)
    {
      begin_feature (writer.buffer, &n_features);
      put_polygon_zone (writer.buffer, rand, i, atlas_day_from_ymd (1999, 1, 1), last_day);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      begin_feature (writer.buffer, &n_features);
      put_band_zone (writer.buffer, rand, &bands[i], number++);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      begin_feature (writer.buffer, &n_features);
      put_line_zone (writer.buffer, rand, lines[i][0], lines[i][1], number++);
    }

  for (guint i = 0; i < info->n_deployments; i++)
    {
      begin_feature (writer.buffer, &n_features);
      put_deployment (writer.buffer, rand, i, atlas_day_from_ymd (1999, 6, 1), last_day);
      writer_maybe_flush (&writer);
    }

  for (guint i = 0; i < n_events; i++)
    {
      begin_feature (writer.buffer, &n_features);
      put_event (writer.buffer, rand, i, first_day, last_day);
      writer_maybe_flush (&writer);
    }

  g_string_append (writer.buffer, "\n]}");
  writer_flush (&writer);
  g_string_free (writer.buffer, TRUE);
  if (fclose (writer.file) != 0 && writer.saved_errno == 0)
    writer.saved_errno = errno;

  if (writer.saved_errno == 0 && g_rename (partial, path) != 0)
    writer.saved_errno = errno;
  if (writer.saved_errno != 0)
    {
      g_unlink (partial);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (writer.saved_errno),
                   "Cannot write %s: %s", path, g_strerror (writer.saved_errno));
      return FALSE;
    }

  info->n_bytes = writer.n_bytes;
  return TRUE;
}
