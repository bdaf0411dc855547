/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "atlas-test-generator.h"

static const char * const categories[] = {
  "political", "military", "agreement", "unrest", "visit", "humanitarian", "other",
};

static const char * const qualifiers[] = { "", "", "", "", "", "~", "?", "%" };

static void
append_date (GString *out,
             GRand   *rand,
             int     *year,
             int     *month,
             int     *day)
{
  int precision = g_rand_int_range (rand, 0, 10);

  *year = g_rand_int_range (rand, 1999, 2011);
  *month = g_rand_int_range (rand, 1, 13);
  *day = g_rand_int_range (rand, 1, 27);

  if (precision == 0)
    {
      g_string_append_printf (out, "\"%04d", *year);
      *month = *day = 0;
    }
  else if (precision <= 2)
    {
      g_string_append_printf (out, "\"%04d-%02d", *year, *month);
      *day = 0;
    }
  else
    {
      g_string_append_printf (out, "\"%04d-%02d-%02d", *year, *month, *day);
    }
  g_string_append_printf (out, "%s\"", qualifiers[g_rand_int_range (rand, 0, G_N_ELEMENTS (qualifiers))]);
}

/* An end strictly after a start given as year/month/day (0 = not given). */
static void
append_end_after (GString *out,
                  GRand   *rand,
                  int      year,
                  int      month,
                  int      day)
{
  int y = year + g_rand_int_range (rand, 1, 4);

  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append (out, "\"..\"");
  else if (day > 0 && g_rand_boolean (rand))
    g_string_append_printf (out, "\"%04d-%02d-%02d\"", year, month, g_rand_int_range (rand, day + 1, 29));
  else
    g_string_append_printf (out, "\"%04d-%02d\"", y, g_rand_int_range (rand, 1, 13));
}

static void
append_common (GString    *out,
               GRand      *rand,
               const char *kind,
               const char *id_prefix,
               guint       index)
{
  g_string_append_printf (out,
                          "\"kind\":\"%s\",\"id\":\"%s-%07u\",\"title\":\"A %s %u\","
                          "\"description\":\"Item %u.\",\"category\":\"%s\","
                          "\"sources\":[{\"title\":\"Source %u\",\"publisher\":\"Agency\","
                          "\"date\":\"2001-05\",\"url\":\"https://e.org/%u\"}],"
                          "\"certainty\":\"%s\",",
                          kind, id_prefix, index, kind, index, index,
                          categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))],
                          index, index,
                          g_rand_boolean (rand) ? "certain" : "probable");
}

static void
append_point (GString *out,
              GRand   *rand)
{
  g_string_append_printf (out, "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},",
                          20.0 + g_rand_double (rand) * 1.6, 41.9 + g_rand_double (rand) * 1.3);
}

static void
begin_feature (GString  *out,
               gboolean *first)
{
  if (!*first)
    g_string_append (out, ",\n");
  *first = FALSE;
  g_string_append (out, "{\"type\":\"Feature\",");
}

GString *
atlas_test_generate (const AtlasTestGeneratorOptions *options)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  GString *out = g_string_sized_new (options->n_events * 330 + 1024);
  gboolean first = TRUE;
  int y, m, d;

  g_string_append (out, "{\"type\":\"FeatureCollection\",\"features\":[\n");

  for (guint i = 0; i < options->n_events; i++)
    {
      begin_feature (out, &first);
      if (g_rand_int_range (rand, 0, 20) == 0)
        g_string_append (out, "\"geometry\":null,");
      else
        append_point (out, rand);
      g_string_append (out, "\"properties\":{");
      append_common (out, rand, "event", "ev", i);
      g_string_append (out, "\"start\":");
      append_date (out, rand, &y, &m, &d);
      if (d > 0 && g_rand_int_range (rand, 0, 5) == 0)
        g_string_append_printf (out, ",\"end\":\"%04d-%02d-%02d\"", y, m, d + g_rand_int_range (rand, 1, 3));
      g_string_append (out, "}}");
    }

  for (guint i = 0; i < options->n_zones; i++)
    {
      double x = 20.0 + g_rand_double (rand), yy = 42.0 + g_rand_double (rand);

      begin_feature (out, &first);
      g_string_append_printf (out,
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],"
                              "[%.4f,%.4f],[%.4f,%.4f]]]},",
                              x, yy, x + 0.2, yy, x + 0.1, yy + 0.2, x, yy);
      g_string_append (out, "\"properties\":{");
      append_common (out, rand, "zone", "zone", i);
      g_string_append (out, "\"status\":\"in-force\",\"start\":");
      append_date (out, rand, &y, &m, &d);
      g_string_append (out, ",\"end\":");
      append_end_after (out, rand, y, m, d);
      g_string_append (out, "}}");
    }

  for (guint i = 0; i < options->n_deployments; i++)
    {
      begin_feature (out, &first);
      append_point (out, rand);
      g_string_append (out, "\"properties\":{");
      append_common (out, rand, "deployment", "dep", i);
      g_string_append_printf (out, "\"nation\":\"USA\",\"unit\":\"Unit %u\",\"troops\":%d,\"start\":",
                              i, g_rand_int_range (rand, 10, 9000));
      append_date (out, rand, &y, &m, &d);
      g_string_append (out, ",\"end\":");
      append_end_after (out, rand, y, m, d);
      g_string_append (out, "}}");
    }

  for (guint i = 0; i < options->n_places; i++)
    {
      begin_feature (out, &first);
      append_point (out, rand);
      g_string_append (out, "\"properties\":{");
      append_common (out, rand, "place", "place", i);
      g_string_append_printf (out, "\"names\":{\"en\":\"Place %u\",\"sq\":\"Vendi %u\"},\"rank\":%d",
                              i, i, g_rand_int_range (rand, 1, 6));
      if (g_rand_boolean (rand))
        {
          g_string_append (out, ",\"start\":");
          append_date (out, rand, &y, &m, &d);
          g_string_append (out, ",\"end\":");
          append_end_after (out, rand, y, m, d);
        }
      g_string_append (out, "}}");
    }

  g_string_append (out, "\n]}\n");

  if (options->pretty)
    {
      /* One member per line, so that line numbers mean something. */
      GString *pretty = g_string_sized_new (out->len + out->len / 8);

      for (gsize i = 0; i < out->len; i++)
        {
          g_string_append_c (pretty, out->str[i]);
          if (out->str[i] == ',' && (out->str[i + 1] == '"' || out->str[i + 1] == '{'))
            g_string_append (pretty, "\n  ");
        }
      g_string_free (out, TRUE);
      out = pretty;
    }

  return out;
}

GFile *
atlas_test_write_file (const char *name,
                       GString    *text)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("cannot write %s: %s", path, error->message);
  return g_file_new_for_path (path);
}
