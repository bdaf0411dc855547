/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-feature-details"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-deployment.h"
#include "atlas-feature-details.h"
#include "atlas-painter-deployments.h"
#include "atlas-painter-events.h"

/*
 * What the dataset says about one feature: its title, dates at their own
 * precision, how certain it is, the description and, always, its sources.
 * Students are shown where every fact comes from.
 */

struct _AtlasFeatureDetails
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkLabel     *title;
  GtkLabel     *dates;
  GtkLabel     *facts;
  GtkLabel     *description;
  GtkLabel     *sources;

  AtlasFeature *feature;
};

G_DEFINE_FINAL_TYPE (AtlasFeatureDetails, atlas_feature_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FEATURE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
certainty_label (AtlasCertainty certainty)
{
  switch (certainty)
    {
    case ATLAS_CERTAINTY_CERTAIN:
      return _("Certain");
    case ATLAS_CERTAINTY_PROBABLE:
      return _("Probable");
    case ATLAS_CERTAINTY_UNCERTAIN:
    default:
      return _("Uncertain");
    }
}

static char *
format_sources (AtlasFeature *feature)
{
  GString *text = g_string_new (NULL);
  guint n = atlas_feature_get_n_sources (feature);

  for (guint i = 0; i < n; i++)
    {
      const AtlasSource *source = atlas_feature_get_source (feature, i);
      g_autofree char *title = g_markup_escape_text (source->title, -1);
      g_autofree char *publisher = g_markup_escape_text (source->publisher, -1);
      g_autofree char *date = atlas_date_is_set (&source->date) ? atlas_date_format (&source->date) : NULL;

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, "• ");
      if (source->url != NULL)
        {
          g_autofree char *url = g_markup_escape_text (source->url, -1);
          g_string_append_printf (text, "<a href=\"%s\">%s</a>", url, title);
        }
      else
        g_string_append_printf (text, "<i>%s</i>", title);
      g_string_append_printf (text, " — %s", publisher);
      if (date != NULL)
        g_string_append_printf (text, ", %s", date);
    }

  return g_string_free (text, FALSE);
}

static char *
format_facts (AtlasFeature *feature)
{
  GString *text = g_string_new (NULL);
  const char *category = atlas_feature_get_category (feature);

  g_string_append (text, certainty_label (atlas_feature_get_certainty (feature)));
  if (category != NULL)
    g_string_append_printf (text, " · %s", atlas_painter_get_event_category_label (category));

  if (ATLAS_IS_DEPLOYMENT (feature))
    {
      AtlasDeployment *deployment = ATLAS_DEPLOYMENT (feature);
      g_autofree char *troops = atlas_deployment_format_troops (deployment);
      const char *hq = atlas_deployment_get_display_hq (deployment);

      g_string_append_printf (text, "\n%s · %s",
                              atlas_painter_get_nation_label (atlas_deployment_get_nation (deployment)),
                              atlas_deployment_get_display_unit (deployment));
      g_string_append_c (text, '\n');
      if (atlas_deployment_get_strength (deployment) == ATLAS_STRENGTH_COMMITTED)
        /* Translators: %s is a number of troops, e.g. "7,000"; pledged, not present */
        g_string_append_printf (text, _("%s troops committed"), troops);
      else
        /* Translators: %s is a number of troops, e.g. "7,000" */
        g_string_append_printf (text, _("%s troops"), troops);
      if (hq != NULL)
        /* Translators: %s is a headquarters, e.g. "Camp Bondsteel" */
        g_string_append_printf (text, _(", headquarters: %s"), hq);
    }

  return g_string_free (text, FALSE);
}

static void
update (AtlasFeatureDetails *self)
{
  AtlasFeature *feature = self->feature;
  g_autofree char *dates = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *sources = NULL;
  const char *description;

  gtk_widget_set_visible (self->box, feature != NULL);
  if (feature == NULL)
    return;

  dates = atlas_feature_format_dates (feature);
  facts = format_facts (feature);
  sources = format_sources (feature);
  description = atlas_feature_get_display_description (feature);

  gtk_label_set_text (self->title, atlas_feature_get_display_title (feature));
  gtk_label_set_text (self->dates, dates);
  gtk_label_set_text (self->facts, facts);
  gtk_label_set_text (self->description, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description), description != NULL);
  gtk_label_set_markup (self->sources, sources);
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

static void
atlas_feature_details_dispose (GObject *object)
{
  AtlasFeatureDetails *self = (AtlasFeatureDetails *)object;

  g_clear_object (&self->feature);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (atlas_feature_details_parent_class)->dispose (object);
}

static void
atlas_feature_details_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtlasFeatureDetails *self = ATLAS_FEATURE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_FEATURE:
      g_value_set_object (value, self->feature);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_feature_details_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtlasFeatureDetails *self = ATLAS_FEATURE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_FEATURE:
      atlas_feature_details_set_feature (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_feature_details_class_init (AtlasFeatureDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_feature_details_dispose;
  object_class->get_property = atlas_feature_details_get_property;
  object_class->set_property = atlas_feature_details_set_property;

  properties [PROP_FEATURE] =
    g_param_spec_object ("feature", NULL, NULL,
                         ATLAS_TYPE_FEATURE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-feature-details");
}

static void
atlas_feature_details_init (AtlasFeatureDetails *self)
{
  GtkWidget *heading;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = add_label (self->box, "title-3");
  self->dates = add_label (self->box, "heading");
  self->facts = add_label (self->box, "dim-label");
  self->description = add_label (self->box, NULL);

  heading = gtk_label_new (_("Sources"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (self->box), heading);
  self->sources = add_label (self->box, "caption");

  update (self);
}

GtkWidget *
atlas_feature_details_new (void)
{
  return g_object_new (ATLAS_TYPE_FEATURE_DETAILS, NULL);
}

AtlasFeature *
atlas_feature_details_get_feature (AtlasFeatureDetails *self)
{
  g_return_val_if_fail (ATLAS_IS_FEATURE_DETAILS (self), NULL);
  return self->feature;
}

void
atlas_feature_details_set_feature (AtlasFeatureDetails *self,
                                   AtlasFeature        *feature)
{
  g_return_if_fail (ATLAS_IS_FEATURE_DETAILS (self));
  g_return_if_fail (!feature || ATLAS_IS_FEATURE (feature));

  if (!g_set_object (&self->feature, feature))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FEATURE]);
}
