/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean atlas_replace_file_contents (GFile         *file,
                                      const void    *data,
                                      gsize          length,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
