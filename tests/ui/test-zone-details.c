/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-date.h"
#include "atlas-zone-details.h"

#include "ui-test-labels.h"

#include "../atlas-test-init.h"

/*
 * The zone details follow the units preference: widths, areas and lengths
 * in miles when the user chose miles, and a width explored in miles is
 * handed to the zone set in kilometres. Under Xvfb.
 */

#define TIMEOUT_SECONDS 20

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
wait_for_computed (AtlasZoneDetails *details)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, (gpointer) "the zone");

  while (atlas_zone_details_get_computed (details) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static GtkSpinButton *
find_spin (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    return GTK_SPIN_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *spin = find_spin (child);

      if (spin != NULL)
        return spin;
    }

  return NULL;
}

static void
test_zone_details_units (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "geo", "zones-test.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_resources (&error);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasZoneSet) zones = NULL;
  g_autofree char *metric = NULL;
  g_autofree char *imperial = NULL;
  GtkWidget *window = gtk_window_new ();
  AtlasZoneDetails *details = ATLAS_ZONE_DETAILS (atlas_zone_details_new ());
  gint32 day = atlas_day_from_ymd (2000, 1, 1);
  GtkSpinButton *spin;

  g_assert_no_error (error);
  dataset = atlas_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  zones = atlas_zone_set_new (basemap, dataset);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (details));
  gtk_window_present (GTK_WINDOW (window));
  atlas_zone_details_set_zone_set (details, zones);
  atlas_zone_details_set_date (details, day);
  atlas_zone_details_set_zone_id (details, "t-asz");
  wait_for_computed (details);

  /* Kilometres by default. */
  metric = ui_test_labels_of (GTK_WIDGET (details));
  g_test_message ("%s", metric);
  g_assert_nonnull (strstr (metric, "25\u00a0km\n"));
  g_assert_nonnull (strstr (metric, "\u00a0km²"));
  g_assert_null (strstr (metric, "\u00a0mi"));

  /* Miles: the width converted, the area and the length too. */
  atlas_zone_details_set_units (details, ATLAS_UNITS_IMPERIAL);
  g_assert_cmpint (atlas_zone_details_get_units (details), ==, ATLAS_UNITS_IMPERIAL);
  imperial = ui_test_labels_of (GTK_WIDGET (details));
  g_test_message ("%s", imperial);
  g_assert_nonnull (strstr (imperial, "15.5\u00a0mi\n"));
  g_assert_nonnull (strstr (imperial, "\u00a0mi²"));
  g_assert_null (strstr (imperial, "\u00a0km"));

  /* The spin button is in miles too; what it sets is kilometres. */
  spin = find_spin (GTK_WIDGET (details));
  g_assert_nonnull (spin);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 25 / ATLAS_KM_PER_MILE, 1e-9);
  gtk_spin_button_set_value (spin, 10);
  g_assert_true (atlas_zone_set_has_width_override (zones, "t-asz"));
  g_assert_cmpfloat_with_epsilon (atlas_zone_set_get_width_km (zones, "t-asz", day, ATLAS_ZONE_COMPUTE_DEFAULT),
                                  10 * ATLAS_KM_PER_MILE, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  atlas_test_init_isolated (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_test_message ("No display: skipping");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/ui/zone-details/units", test_zone_details_units);

  return g_test_run ();
}
