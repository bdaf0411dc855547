/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Main-loop helpers shared by the widget tests of lessons. */

/* Long enough for a slow machine to fly, play a range and save. */
#define LESSON_TEST_TIMEOUT_MS 20000

typedef gboolean (*LessonTestCondition) (gpointer data);

static gboolean
lesson_test_wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; fails the test after
 * LESSON_TEST_TIMEOUT_MS, naming @what. */
static inline void
wait_until (LessonTestCondition  condition,
            gpointer             data,
            const char          *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) LESSON_TEST_TIMEOUT_MS * 1000;
  guint id = g_timeout_add (10, lesson_test_wake, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
}

/* Whether the pointer at @data (a weak pointer) has been cleared. */
static inline gboolean
lesson_test_is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The first widget under @widget (itself included) that @match accepts. */
static inline GtkWidget *
lesson_test_find (GtkWidget *widget,
                  gboolean (*match) (GtkWidget *widget, gconstpointer data),
                  gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lesson_test_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}
