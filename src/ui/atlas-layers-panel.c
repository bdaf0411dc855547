/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-layers-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-feature.h"
#include "atlas-layers-panel.h"

/*
 * What the map shows: each kind of feature, each dataset and each zone can
 * be switched on and off. The panel only keeps the switches; the window
 * applies them (kinds through the boolean properties, datasets and zones
 * through the ::dataset-toggled and ::zone-toggled signals).
 */

struct _AtlasLayersPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *datasets_box;
  GtkWidget  *zones_box;
  GHashTable *hidden_zones;   /* zone id → TRUE */

  gboolean    show_zones;
  gboolean    show_deployments;
  gboolean    show_events;
  gboolean    show_names;
};

G_DEFINE_FINAL_TYPE (AtlasLayersPanel, atlas_layers_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_ZONES,
  PROP_SHOW_DEPLOYMENTS,
  PROP_SHOW_EVENTS,
  PROP_SHOW_NAMES,
  N_PROPS
};

enum {
  DATASET_TOGGLED,
  ZONE_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GtkWidget *
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
new_check (const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 36);
    }
  return check;
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
on_dataset_toggled (GtkCheckButton   *check,
                    AtlasLayersPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "dataset-index"));

  g_signal_emit (self, signals [DATASET_TOGGLED], 0, index, gtk_check_button_get_active (check));
}

static void
on_zone_toggled (GtkCheckButton   *check,
                 AtlasLayersPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "zone-id");
  gboolean shown = gtk_check_button_get_active (check);

  if (shown)
    g_hash_table_remove (self->hidden_zones, id);
  else
    g_hash_table_add (self->hidden_zones, g_strdup (id));

  g_signal_emit (self, signals [ZONE_TOGGLED], 0, id, shown);
}

static void
atlas_layers_panel_dispose (GObject *object)
{
  AtlasLayersPanel *self = (AtlasLayersPanel *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->hidden_zones, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_layers_panel_parent_class)->dispose (object);
}

static gboolean *
flag_for (AtlasLayersPanel *self,
          guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_SHOW_ZONES:
      return &self->show_zones;
    case PROP_SHOW_DEPLOYMENTS:
      return &self->show_deployments;
    case PROP_SHOW_EVENTS:
      return &self->show_events;
    case PROP_SHOW_NAMES:
      return &self->show_names;
    default:
      return NULL;
    }
}

static void
atlas_layers_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  gboolean *flag = flag_for (ATLAS_LAYERS_PANEL (object), prop_id);

  if (flag == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_boolean (value, *flag);
}

static void
atlas_layers_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  gboolean *flag = flag_for (ATLAS_LAYERS_PANEL (object), prop_id);

  if (flag == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (*flag != g_value_get_boolean (value))
    {
      *flag = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
atlas_layers_panel_class_init (AtlasLayersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_layers_panel_dispose;
  object_class->get_property = atlas_layers_panel_get_property;
  object_class->set_property = atlas_layers_panel_set_property;

  properties [PROP_SHOW_ZONES] =
    g_param_spec_boolean ("show-zones", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_DEPLOYMENTS] =
    g_param_spec_boolean ("show-deployments", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_EVENTS] =
    g_param_spec_boolean ("show-events", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_NAMES] =
    g_param_spec_boolean ("show-names", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasLayersPanel::dataset-toggled:
   * The user switched the dataset at this index on or off.
   */
  signals [DATASET_TOGGLED] =
    g_signal_new ("dataset-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * AtlasLayersPanel::zone-toggled:
   * The user showed or hid the zone with this id.
   */
  signals [ZONE_TOGGLED] =
    g_signal_new ("zone-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-layers-panel");
}

static void
atlas_layers_panel_init (AtlasLayersPanel *self)
{
  static const struct { const char *property; const char *label; } kinds[] = {
    { "show-zones", N_("Zones") },
    { "show-deployments", N_("Deployments") },
    { "show-events", N_("Events") },
    { "show-names", N_("Names of Places") },
  };

  self->show_zones = self->show_deployments = self->show_events = self->show_names = TRUE;
  self->hidden_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  add_heading (self->box, _("Show on the Map"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *check = new_check (_(kinds[i].label));

      g_object_bind_property (self, kinds[i].property, check, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (self->box), check);
    }

  add_heading (self->box, _("Datasets"));
  self->datasets_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (self->box), self->datasets_box);

  add_heading (self->box, _("Zones"));
  self->zones_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (self->box), self->zones_box);
}

GtkWidget *
atlas_layers_panel_new (void)
{
  return g_object_new (ATLAS_TYPE_LAYERS_PANEL, NULL);
}

void
atlas_layers_panel_set_datasets (AtlasLayersPanel   *self,
                                 const char * const *names,
                                 const gboolean     *enabled,
                                 guint               n_datasets)
{
  g_return_if_fail (ATLAS_IS_LAYERS_PANEL (self));

  remove_children (self->datasets_box);
  for (guint i = 0; i < n_datasets; i++)
    {
      GtkWidget *check = new_check (names[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), enabled[i]);
      g_object_set_data (G_OBJECT (check), "dataset-index", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_dataset_toggled), self);
      gtk_box_append (GTK_BOX (self->datasets_box), check);
    }
}

/**
 * atlas_layers_panel_set_zones:
 *
 * Lists the zones of @dataset, keeping hidden the ones hidden before.
 */
void
atlas_layers_panel_set_zones (AtlasLayersPanel *self,
                              AtlasDataset     *dataset)
{
  GListModel *zones;

  g_return_if_fail (ATLAS_IS_LAYERS_PANEL (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  remove_children (self->zones_box);
  zones = atlas_dataset_get_features (dataset, ATLAS_KIND_ZONE);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(AtlasFeature) zone = g_list_model_get_item (zones, i);
      const char *id = atlas_feature_get_id (zone);
      GtkWidget *check = new_check (atlas_feature_get_display_title (zone));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !g_hash_table_contains (self->hidden_zones, id));
      g_object_set_data_full (G_OBJECT (check), "zone-id", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_zone_toggled), self);
      gtk_box_append (GTK_BOX (self->zones_box), check);
    }
}

gboolean
atlas_layers_panel_is_zone_shown (AtlasLayersPanel *self,
                                  const char       *zone_id)
{
  g_return_val_if_fail (ATLAS_IS_LAYERS_PANEL (self), TRUE);
  g_return_val_if_fail (zone_id != NULL, TRUE);

  return !g_hash_table_contains (self->hidden_zones, zone_id);
}
