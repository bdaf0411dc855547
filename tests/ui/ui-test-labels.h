/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* What a widget shows in words: the tests read it as the user does. */

/* The text of every visible label under @widget, one per line. */
static inline void
ui_test_collect_labels (GtkWidget *widget,
                        GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_labels (child, text);
}

/* (transfer full) */
static inline char *
ui_test_labels_of (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  ui_test_collect_labels (widget, text);
  return g_string_free (text, FALSE);
}
