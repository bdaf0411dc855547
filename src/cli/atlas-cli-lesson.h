/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

/*
 * kosovo-atlas --export-lesson LESSON OUT.pdf [--data FILE…]
 *
 * Writes the handout of a lesson (atlas-handout.h) without a display. The
 * lesson's references to features missing from the data are printed as
 * warnings; the handout is still written.
 */
typedef struct
{
  const char         *lesson;
  const char         *output;
  const char * const *data;
} AtlasCliLessonOptions;

/* Returns an exit status: ATLAS_CLI_EXIT_OK, _USAGE for a bad argument or
 * _FAILED when the lesson, the data or the file failed. */
int           atlas_cli_export_lesson (const AtlasCliLessonOptions  *options);

/* The --data files, or else the dataset compiled into the resources: what
 * every command of the command line shows. */
AtlasDataset *atlas_cli_load_dataset  (const char * const           *files,
                                       GError                      **error);

G_END_DECLS
