/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-event-list"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-event-list.h"
#include "atlas-painter-events.h"

/*
 * The events of the current window as a list beside the map. One row is
 * highlighted — the event nearest to the date — and kept in view; choosing
 * a row (click, Enter, or moving with the arrow keys) emits
 * ::feature-activated so the window can move the date and the map to it.
 */

struct _AtlasEventList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *caption;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkWidget          *empty;

  gboolean            highlighting;
};

G_DEFINE_FINAL_TYPE (AtlasEventList, atlas_event_list, GTK_TYPE_WIDGET)

enum {
  FEATURE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
emit_activated (AtlasEventList *self,
                guint           position)
{
  g_autoptr(AtlasFeature) feature = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  feature = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (feature != NULL)
    g_signal_emit (self, signals [FEATURE_ACTIVATED], 0, feature);
}

static void
on_selected (AtlasEventList *self)
{
  /* Selection that follows the timeline is not the user choosing. */
  if (self->highlighting)
    return;

  emit_activated (self, gtk_single_selection_get_selected (self->selection));
}

static void
on_activate (GtkListView    *list_view,
             guint           position,
             AtlasEventList *self)
{
  emit_activated (self, position);
}

static void
on_items_changed (AtlasEventList *self)
{
  gtk_widget_set_visible (self->empty, g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0);
}

/* A click on the row the timeline highlights does not change the
 * selection, so ::notify::selected says nothing: the row's own gesture,
 * which sees the press before the list does, tells the two apart. */
static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *item)
{
  g_object_set_data (G_OBJECT (gesture), "was-selected",
                     GINT_TO_POINTER (n_press == 1 && gtk_list_item_get_selected (item)));
}

static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  AtlasEventList *self = ATLAS_EVENT_LIST (gtk_widget_get_ancestor (row, ATLAS_TYPE_EVENT_LIST));

  if (self != NULL && g_object_get_data (G_OBJECT (gesture), "was-selected"))
    emit_activated (self, gtk_list_item_get_position (item));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *date = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_row_pressed), item);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  gtk_widget_add_css_class (box, "event-row");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "date");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), date);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  AtlasFeature *feature = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *date = gtk_widget_get_next_sibling (title);
  g_autofree char *dates = atlas_feature_format_dates (feature);
  const char *category = atlas_feature_get_category (feature);
  g_autofree char *line = NULL;

  if (category != NULL)
    line = g_strdup_printf ("%s · %s", dates, atlas_painter_get_event_category_label (category));
  else
    line = g_strdup (dates);

  gtk_label_set_text (GTK_LABEL (title), atlas_feature_get_display_title (feature));
  gtk_label_set_text (GTK_LABEL (date), line);
}

static void
atlas_event_list_dispose (GObject *object)
{
  AtlasEventList *self = (AtlasEventList *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_event_list_parent_class)->dispose (object);
}

static void
atlas_event_list_class_init (AtlasEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_event_list_dispose;

  /**
   * AtlasEventList::feature-activated:
   * The user chose this feature in the list.
   */
  signals [FEATURE_ACTIVATED] =
    g_signal_new ("feature-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATLAS_TYPE_FEATURE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlas-event-list");
}

static void
atlas_event_list_init (AtlasEventList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0);
  gtk_label_set_ellipsize (self->caption, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "heading");
  gtk_widget_set_margin_start (GTK_WIDGET (self->caption), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->caption), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->caption), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->caption), 8);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->caption));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_items_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);

  self->empty = gtk_label_new (_("No events in this period"));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_valign (self->empty, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->empty, 24);
  gtk_widget_set_can_target (self->empty, FALSE);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->empty);
  gtk_box_append (GTK_BOX (self->box), overlay);
}

GtkWidget *
atlas_event_list_new (void)
{
  return g_object_new (ATLAS_TYPE_EVENT_LIST, NULL);
}

GListModel *
atlas_event_list_get_model (AtlasEventList *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LIST (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

void
atlas_event_list_set_model (AtlasEventList *self,
                            GListModel     *model)
{
  g_return_if_fail (ATLAS_IS_EVENT_LIST (self));

  self->highlighting = TRUE;
  gtk_single_selection_set_model (self->selection, model);
  self->highlighting = FALSE;
  on_items_changed (self);
}

void
atlas_event_list_set_caption (AtlasEventList *self,
                              const char     *caption)
{
  g_return_if_fail (ATLAS_IS_EVENT_LIST (self));
  gtk_label_set_text (self->caption, caption);
}

guint
atlas_event_list_get_highlight (AtlasEventList *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_LIST (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

/**
 * atlas_event_list_set_highlight:
 *
 * Selects the row at @position (or none, with GTK_INVALID_LIST_POSITION)
 * and scrolls it into view, without emitting ::feature-activated.
 */
void
atlas_event_list_set_highlight (AtlasEventList *self,
                                guint           position)
{
  g_return_if_fail (ATLAS_IS_EVENT_LIST (self));

  self->highlighting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->highlighting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}
