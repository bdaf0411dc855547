/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libintl.h>
#include <locale.h>

/* Switches the test to @language (as LANGUAGE) in @locale, such as
 * "C.UTF-8"; FALSE when the locale does not exist on this machine. The
 * catalogues are those bound to the text domain (bindtextdomain()). */
static inline gboolean
atlas_test_use_language (const char *language,
                         const char *locale)
{
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  /* Setting the domain again makes gettext forget what it translated
   * before, in the previous language. */
  textdomain (textdomain (NULL));
  return TRUE;
}
