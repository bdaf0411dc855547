/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-zone-details"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-dataset.h"
#include "atlas-painter.h"
#include "atlas-zone.h"
#include "atlas-zone-details.h"

/*
 * One zone as the dataset describes it and as computed for the date: its
 * name, status, dates, width, area and boundary length, description and
 * sources. A band's width can be changed for the session ("what would
 * 10 km cover?"); the zone set recomputes it in a worker thread, the map
 * follows, and the figures here change when the result arrives. Such a
 * width is marked as an exploration, never passed off as history, and
 * Reset brings back the recorded one. Distances are shown, and explored,
 * in the units the user chose; the zone set works in kilometres.
 */

struct _AtlasZoneDetails
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *title_label;
  GtkLabel          *status_label;
  GtkLabel          *dates_label;
  GtkLabel          *width_caption;
  GtkLabel          *width_label;
  GtkLabel          *area_label;
  GtkLabel          *length_label;
  GtkSpinner        *spinner;
  GtkWidget         *explore_box;
  GtkSpinButton     *width_spin;
  GtkWidget         *reset_button;
  GtkLabel          *unit_label;
  GtkLabel          *exploration_label;
  GtkLabel          *description_label;
  GtkWidget         *sources_box;

  AtlasZoneSet      *zone_set;
  char              *zone_id;
  gint32             date;
  AtlasUnits         units;
  AtlasComputedZone *computed;
  GCancellable      *cancellable;
  gboolean           syncing;
};

G_DEFINE_FINAL_TYPE (AtlasZoneDetails, atlas_zone_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZONE_SET,
  PROP_ZONE_ID,
  PROP_DATE,
  PROP_UNITS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static AtlasZone *
lookup_zone (AtlasZoneDetails *self)
{
  g_autoptr(AtlasFeature) feature = NULL;

  if (self->zone_set == NULL || self->zone_id == NULL)
    return NULL;

  feature = atlas_dataset_lookup (atlas_zone_set_get_dataset (self->zone_set), self->zone_id);
  return ATLAS_IS_ZONE (feature) ? ATLAS_ZONE (g_steal_pointer (&feature)) : NULL;
}

/* Kilometres in the units shown, and back. */
static double
from_km (AtlasZoneDetails *self,
         double            km)
{
  return self->units == ATLAS_UNITS_IMPERIAL ? km / ATLAS_KM_PER_MILE : km;
}

static double
to_km (AtlasZoneDetails *self,
       double            value)
{
  return self->units == ATLAS_UNITS_IMPERIAL ? value * ATLAS_KM_PER_MILE : value;
}

static void
clear_sources (AtlasZoneDetails *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->sources_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->sources_box), child);
}

/* One label per source: the title (a link when there is a URL), the
 * publisher and the date. */
static void
add_source (AtlasZoneDetails  *self,
            const AtlasSource *source)
{
  g_autofree char *date = atlas_date_is_set (&source->date) ? atlas_date_format (&source->date) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *label;

  title = source->url != NULL
          ? g_markup_printf_escaped ("<a href=\"%s\">%s</a>", source->url, source->title)
          : g_markup_printf_escaped ("<i>%s</i>", source->title);
  rest = date != NULL
         ? g_markup_printf_escaped (" · %s · %s", source->publisher, date)
         : g_markup_printf_escaped (" · %s", source->publisher);
  markup = g_strconcat (title, rest, NULL);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wrapped text asks for no more width than this. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_box_append (GTK_BOX (self->sources_box), label);
}

/* What the dataset says: does not depend on the date or the width. */
static void
update_description (AtlasZoneDetails *self)
{
  g_autoptr(AtlasZone) zone = lookup_zone (self);
  AtlasFeature *feature = ATLAS_FEATURE (zone);
  g_autofree char *dates = NULL;
  const char *description;
  gboolean proposed;

  clear_sources (self);
  gtk_widget_set_visible (self->box, zone != NULL);
  if (zone == NULL)
    return;

  proposed = atlas_zone_get_status (zone) == ATLAS_ZONE_STATUS_PROPOSED;
  dates = atlas_feature_format_dates (feature);
  description = atlas_feature_get_display_description (feature);

  gtk_label_set_text (self->title_label, atlas_feature_get_display_title (feature));
  gtk_label_set_text (self->status_label,
                      /* Translators: the status of a zone */
                      proposed ? C_("zone status", "Proposed") : C_("zone status", "In force"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), proposed ? "in-force" : "proposed");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), proposed ? "proposed" : "in-force");
  gtk_label_set_text (self->dates_label, dates);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);

  for (guint i = 0; i < atlas_feature_get_n_sources (feature); i++)
    add_source (self, atlas_feature_get_source (feature, i));

  gtk_widget_set_visible (self->explore_box, atlas_zone_set_is_band (self->zone_set, self->zone_id));
  gtk_widget_set_visible (GTK_WIDGET (self->width_caption), atlas_zone_set_is_band (self->zone_set, self->zone_id));
  gtk_widget_set_visible (GTK_WIDGET (self->width_label), atlas_zone_set_is_band (self->zone_set, self->zone_id));
}

/* The figures of the computation shown; dashes until there is one. */
static void
update_figures (AtlasZoneDetails *self)
{
  AtlasComputedZone *zone = self->computed;
  g_autofree char *width = NULL;
  g_autofree char *area = NULL;
  g_autofree char *length = NULL;

  if (zone != NULL)
    {
      double historical = atlas_zone_set_get_width_km (self->zone_set, self->zone_id, self->date,
                                                       ATLAS_ZONE_COMPUTE_HISTORICAL);
      gboolean miles = self->units == ATLAS_UNITS_IMPERIAL;
      double area_km2 = atlas_computed_zone_get_area_km2 (zone);
      double length_km = atlas_computed_zone_get_length_km (zone);
      g_autofree char *shown = isnan (atlas_computed_zone_get_width_km (zone))
                               ? NULL : atlas_painter_format_distance (atlas_computed_zone_get_width_km (zone),
                                                                       self->units);
      g_autofree char *recorded = atlas_painter_format_distance (historical, self->units);

      if (shown != NULL && atlas_computed_zone_is_exploration (zone))
        /* Translators: a band's width being explored, then the recorded one */
        width = g_strdup_printf (_("%s (recorded: %s)"), shown, recorded);
      else if (shown != NULL && atlas_computed_zone_is_both_sides (zone))
        /* Translators: a band's width on either side of a boundary */
        width = g_strdup_printf (_("%s on each side"), shown);
      else
        width = g_steal_pointer (&shown);

      if (atlas_computed_zone_get_shape (zone) != ATLAS_ZONE_SHAPE_AREA)
        /* Translators: the area of a zone that is a line */
        area = g_strdup (_("none (a line)"));
      else if (miles)
        /* Translators: an area in square miles; keep the no-break space */
        area = g_strdup_printf (_("%'.0f\u00a0mi²"), area_km2 / (ATLAS_KM_PER_MILE * ATLAS_KM_PER_MILE));
      else
        /* Translators: an area in square kilometres; keep the no-break space */
        area = g_strdup_printf (_("%'.0f\u00a0km²"), area_km2);

      if (miles)
        /* Translators: a length in miles; keep the no-break space */
        length = g_strdup_printf (_("%'.1f\u00a0mi"), length_km / ATLAS_KM_PER_MILE);
      else
        /* Translators: a length in kilometres; keep the no-break space */
        length = g_strdup_printf (_("%'.1f\u00a0km"), length_km);
    }

  gtk_label_set_text (self->width_label, width != NULL ? width : "—");
  gtk_label_set_text (self->area_label, area != NULL ? area : "—");
  gtk_label_set_text (self->length_label, length != NULL ? length : "—");
}

/* The spin button and the exploration marks follow the zone set. */
static void
update_width (AtlasZoneDetails *self)
{
  gboolean exploring;

  if (self->zone_set == NULL || self->zone_id == NULL || !atlas_zone_set_is_band (self->zone_set, self->zone_id))
    return;

  exploring = atlas_zone_set_has_width_override (self->zone_set, self->zone_id);

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->width_spin,
                             from_km (self, atlas_zone_set_get_width_km (self->zone_set, self->zone_id, self->date,
                                                                         ATLAS_ZONE_COMPUTE_DEFAULT)));
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->exploration_label), exploring);
  gtk_widget_set_sensitive (self->reset_button, exploring);
}

static void
on_computed (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AtlasZoneDetails) self = user_data;
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(GError) error = NULL;

  zone = atlas_zone_set_compute_finish (ATLAS_ZONE_SET (object), result, &error);
  if (zone == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);
  if (zone == NULL)
    {
      g_warning ("Cannot compute zone “%s”: %s", self->zone_id, error->message);
      g_clear_object (&self->computed);
    }
  else
    g_set_object (&self->computed, zone);

  update_figures (self);
}

/* Asks for the zone as it is now: date and width. Only the latest request
 * counts; earlier ones are cancelled. */
static void
recompute (AtlasZoneDetails *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->zone_set == NULL || self->zone_id == NULL || !atlas_zone_set_has_zone (self->zone_set, self->zone_id))
    {
      gtk_spinner_stop (self->spinner);
      g_clear_object (&self->computed);
      update_figures (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  atlas_zone_set_compute_async (self->zone_set, self->zone_id, self->date, ATLAS_ZONE_COMPUTE_DEFAULT,
                                self->cancellable, on_computed, g_object_ref (self));
}

/* Any band may have changed this zone: it may be built on that band.
 * Asking again costs nothing when the result is cached. */
static void
on_width_changed (AtlasZoneDetails *self,
                  const char       *zone_id)
{
  update_width (self);
  recompute (self);
}

static void
on_width_spin_changed (AtlasZoneDetails *self,
                       GtkSpinButton    *spin)
{
  if (self->syncing || self->zone_set == NULL || self->zone_id == NULL)
    return;

  atlas_zone_set_set_width_override (self->zone_set, self->zone_id,
                                     CLAMP (to_km (self, gtk_spin_button_get_value (spin)),
                                            ATLAS_ZONE_MIN_WIDTH_KM, ATLAS_ZONE_MAX_WIDTH_KM));
}

static void
on_reset_clicked (AtlasZoneDetails *self,
                  GtkButton        *button)
{
  if (self->zone_set != NULL && self->zone_id != NULL)
    atlas_zone_set_reset_width (self->zone_set, self->zone_id);
}

static void
atlas_zone_details_dispose (GObject *object)
{
  AtlasZoneDetails *self = (AtlasZoneDetails *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->zone_set != NULL)
    g_signal_handlers_disconnect_by_data (self->zone_set, self);
  g_clear_object (&self->zone_set);
  g_clear_object (&self->computed);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_ZONE_DETAILS);

  G_OBJECT_CLASS (atlas_zone_details_parent_class)->dispose (object);
}

static void
atlas_zone_details_finalize (GObject *object)
{
  AtlasZoneDetails *self = (AtlasZoneDetails *)object;

  g_free (self->zone_id);

  G_OBJECT_CLASS (atlas_zone_details_parent_class)->finalize (object);
}

static void
atlas_zone_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasZoneDetails *self = ATLAS_ZONE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ZONE_SET:
      g_value_set_object (value, self->zone_set);
      break;
    case PROP_ZONE_ID:
      g_value_set_string (value, self->zone_id);
      break;
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    case PROP_UNITS:
      g_value_set_int (value, self->units);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_zone_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasZoneDetails *self = ATLAS_ZONE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_ZONE_SET:
      atlas_zone_details_set_zone_set (self, g_value_get_object (value));
      break;
    case PROP_ZONE_ID:
      atlas_zone_details_set_zone_id (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      atlas_zone_details_set_date (self, g_value_get_int (value));
      break;
    case PROP_UNITS:
      atlas_zone_details_set_units (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_zone_details_class_init (AtlasZoneDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_zone_details_dispose;
  object_class->finalize = atlas_zone_details_finalize;
  object_class->get_property = atlas_zone_details_get_property;
  object_class->set_property = atlas_zone_details_set_property;

  properties [PROP_ZONE_SET] =
    g_param_spec_object ("zone-set", NULL, NULL,
                         ATLAS_TYPE_ZONE_SET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZONE_ID] =
    g_param_spec_string ("zone-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasZoneDetails:date:
   *
   * The day the figures are for, in day numbers (see atlas-date.h).
   */
  properties [PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL,
                      G_MININT32, G_MAXINT32, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtlasZoneDetails:units:
   *
   * The #AtlasUnits distances are shown and explored in.
   */
  properties [PROP_UNITS] =
    g_param_spec_int ("units", NULL, NULL,
                      ATLAS_UNITS_METRIC, ATLAS_UNITS_IMPERIAL, ATLAS_UNITS_METRIC,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-zone-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, box);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, status_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, dates_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, width_caption);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, width_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, area_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, length_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, explore_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, width_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, reset_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, unit_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, exploration_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasZoneDetails, sources_box);
  gtk_widget_class_bind_template_callback (widget_class, on_width_spin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-zone-details");
}

static void
atlas_zone_details_init (AtlasZoneDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s",
                                                       _("Exploration — not historical."),
                                                       _("This width is only a “what if” for this session; "
                                                         "the map shows it until you reset it."));
    gtk_label_set_markup (self->exploration_label, markup);
  }
  gtk_widget_set_visible (self->box, FALSE);
}

GtkWidget *
atlas_zone_details_new (void)
{
  return g_object_new (ATLAS_TYPE_ZONE_DETAILS, NULL);
}

AtlasZoneSet *
atlas_zone_details_get_zone_set (AtlasZoneDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_DETAILS (self), NULL);
  return self->zone_set;
}

void
atlas_zone_details_set_zone_set (AtlasZoneDetails *self,
                                 AtlasZoneSet     *zone_set)
{
  g_return_if_fail (ATLAS_IS_ZONE_DETAILS (self));
  g_return_if_fail (!zone_set || ATLAS_IS_ZONE_SET (zone_set));

  if (self->zone_set == zone_set)
    return;

  if (self->zone_set != NULL)
    g_signal_handlers_disconnect_by_data (self->zone_set, self);
  g_set_object (&self->zone_set, zone_set);
  if (zone_set != NULL)
    g_signal_connect_object (zone_set, "width-changed", G_CALLBACK (on_width_changed),
                             self, G_CONNECT_SWAPPED);

  g_clear_object (&self->computed);
  update_description (self);
  update_width (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZONE_SET]);
}

const char *
atlas_zone_details_get_zone_id (AtlasZoneDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_DETAILS (self), NULL);
  return self->zone_id;
}

/**
 * atlas_zone_details_set_zone_id:
 * @zone_id: (nullable): a zone of the zone set's dataset, or NULL for none
 *
 * The zone to show, e.g. the one atlas_zone_layer_pick() found.
 */
void
atlas_zone_details_set_zone_id (AtlasZoneDetails *self,
                                const char       *zone_id)
{
  g_return_if_fail (ATLAS_IS_ZONE_DETAILS (self));

  if (g_strcmp0 (self->zone_id, zone_id) == 0)
    return;

  g_free (self->zone_id);
  self->zone_id = g_strdup (zone_id);

  g_clear_object (&self->computed);
  update_description (self);
  update_width (self);
  update_figures (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZONE_ID]);
}

gint32
atlas_zone_details_get_date (AtlasZoneDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_DETAILS (self), 0);
  return self->date;
}

void
atlas_zone_details_set_date (AtlasZoneDetails *self,
                             gint32            day)
{
  g_return_if_fail (ATLAS_IS_ZONE_DETAILS (self));

  if (self->date == day)
    return;

  self->date = day;
  update_width (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

AtlasUnits
atlas_zone_details_get_units (AtlasZoneDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_DETAILS (self), ATLAS_UNITS_METRIC);
  return self->units;
}

void
atlas_zone_details_set_units (AtlasZoneDetails *self,
                              AtlasUnits        units)
{
  g_return_if_fail (ATLAS_IS_ZONE_DETAILS (self));
  g_return_if_fail (units <= ATLAS_UNITS_IMPERIAL);

  if (self->units == units)
    return;

  self->units = units;
  gtk_label_set_text (self->unit_label,
                      /* Translators: the unit of the width being explored */
                      units == ATLAS_UNITS_IMPERIAL ? C_("unit", "mi") : C_("unit", "km"));
  update_width (self);
  update_figures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNITS]);
}

AtlasComputedZone *
atlas_zone_details_get_computed (AtlasZoneDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_DETAILS (self), NULL);
  return self->computed;
}

gboolean
atlas_zone_details_get_exploring (AtlasZoneDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_DETAILS (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->exploration_label));
}
