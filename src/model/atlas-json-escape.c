/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-json-escape"

#include "config.h"

#include "atlas-json-escape.h"

/* The UTF-16 unit of the "\uXXXX" escape at @p, or -1 if there is none. */
static int
escaped_unit (const char *p,
              gsize       left)
{
  int unit = 0;

  if (left < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      unit = unit << 4 | digit;
    }

  return unit;
}

gssize
atlas_json_find_unpaired_surrogate (const char *text,
                                    gsize       length)
{
  gsize i = 0;

  g_return_val_if_fail (text != NULL || length == 0, -1);

  while (i < length)
    {
      int unit;

      if (text[i] != '\\')
        {
          i++;
          continue;
        }

      unit = escaped_unit (text + i, length - i);
      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return i;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int next = escaped_unit (text + i + 6, length - i - 6);

          if (next < 0xDC00 || next > 0xDFFF)
            return i;
          i += 12;
        }
      else
        {
          /* Any other escape, "\\" included: its second character is no
           * start of another. */
          i += unit >= 0 ? 6 : 2;
        }
    }

  return -1;
}

gsize
atlas_json_string_start (const char *text,
                         gsize       close)
{
  g_return_val_if_fail (text != NULL, 0);

  /* Inside a string a quote is always escaped: the opening one is the
   * first, going back, with an even number of backslashes before it. */
  for (gsize i = close; i-- > 0;)
    if (text[i] == '"')
      {
        gsize backslashes = 0;

        while (backslashes < i && text[i - 1 - backslashes] == '\\')
          backslashes++;
        if (backslashes % 2 == 0)
          return i;
      }

  return 0;
}
