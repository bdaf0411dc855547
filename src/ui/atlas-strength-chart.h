/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STRENGTH_CHART (atlas_strength_chart_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStrengthChart, atlas_strength_chart, ATLAS, STRENGTH_CHART, GtkWidget)

GtkWidget    *atlas_strength_chart_new             (void);

AtlasDataset *atlas_strength_chart_get_dataset     (AtlasStrengthChart *self);
void          atlas_strength_chart_set_dataset     (AtlasStrengthChart *self,
                                                    AtlasDataset       *dataset);
gint32        atlas_strength_chart_get_date        (AtlasStrengthChart *self);
void          atlas_strength_chart_set_date        (AtlasStrengthChart *self,
                                                    gint32              day);

gboolean      atlas_strength_chart_get_total       (AtlasStrengthChart *self,
                                                    gint32              day,
                                                    int                *troops_min,
                                                    int                *troops_max,
                                                    gint32             *reported_day);
guint         atlas_strength_chart_get_n_nations   (AtlasStrengthChart *self);
const char   *atlas_strength_chart_get_nation      (AtlasStrengthChart *self,
                                                    guint               index);
gboolean      atlas_strength_chart_get_cursor_x    (AtlasStrengthChart *self,
                                                    double             *x);
double        atlas_strength_chart_day_to_x        (AtlasStrengthChart *self,
                                                    gint32              day);
const char   *atlas_strength_chart_get_summary     (AtlasStrengthChart *self);
gboolean      atlas_strength_chart_get_legend_entry (AtlasStrengthChart *self,
                                                     guint               index,
                                                     graphene_rect_t    *box);

G_END_DECLS
