/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include <glib-object.h>

#include "atlas-basemap.h"
#include "atlas-place-names.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * The painter draws everything cartographic for an AtlasView onto a cairo
 * context, in logical pixels: the offline base map (land, water, borders),
 * labels, the scale bar and the attribution. It needs no display, so the
 * tile source, the on-screen overlay layers, snapshot export and the tests
 * all share it. A painter is immutable: any number of threads may draw with
 * the same one at once. A change of theme is a new painter.
 */

typedef enum
{
  ATLAS_THEME_LIGHT,
  ATLAS_THEME_DARK,
} AtlasTheme;

typedef enum
{
  ATLAS_UNITS_METRIC,
  ATLAS_UNITS_IMPERIAL,
} AtlasUnits;

/* The international mile. */
#define ATLAS_KM_PER_MILE 1.609344

typedef struct
{
  double r, g, b, a;
} AtlasRgba;

typedef struct
{
  AtlasRgba sea;
  AtlasRgba land;
  AtlasRgba kosovo;
  AtlasRgba kosovo_border;
  AtlasRgba border;
  AtlasRgba country_label;
  AtlasRgba place_label;
  AtlasRgba place_dot;
  AtlasRgba halo;
  AtlasRgba ink;          /* scale bar, attribution, legend text */
  AtlasRgba panel;        /* backgrounds behind legends and stamps */
} AtlasPalette;

/* Each stage of atlas_painter_draw_labels() that placed a label leaves its
 * box here, so later stages (and overlays) avoid it. */
typedef struct _AtlasLabelSet AtlasLabelSet;

#define ATLAS_TYPE_PAINTER (atlas_painter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPainter, atlas_painter, ATLAS, PAINTER, GObject)

AtlasPainter       *atlas_painter_new              (AtlasBasemap       *basemap,
                                                    AtlasTheme          theme);
AtlasBasemap       *atlas_painter_get_basemap      (AtlasPainter       *self);
AtlasTheme          atlas_painter_get_theme        (AtlasPainter       *self);
const AtlasPalette *atlas_painter_get_palette      (AtlasPainter       *self);

void                atlas_painter_draw_base        (AtlasPainter       *self,
                                                    cairo_t            *cr,
                                                    const AtlasView    *view);
void                atlas_painter_draw_labels      (AtlasPainter       *self,
                                                    cairo_t            *cr,
                                                    const AtlasView    *view,
                                                    AtlasLabelSet      *labels);
void                atlas_painter_draw_labels_full (AtlasPainter       *self,
                                                    cairo_t            *cr,
                                                    const AtlasView    *view,
                                                    AtlasPlaceNames    *names,
                                                    AtlasNames          mode,
                                                    AtlasLabelSet      *labels);
void                atlas_painter_draw_scale_bar   (AtlasPainter       *self,
                                                    cairo_t            *cr,
                                                    const AtlasView    *view,
                                                    AtlasUnits          units,
                                                    double              x,
                                                    double              y);
void                atlas_painter_draw_attribution (AtlasPainter       *self,
                                                    cairo_t            *cr,
                                                    const AtlasView    *view);
/* A distance in @units for people, e.g. "12.5 km" or "7.8 mi". */
char               *atlas_painter_format_distance  (double              km,
                                                    AtlasUnits          units);

const char         *atlas_painter_get_attribution  (void);

void                atlas_painter_show_text_with_halo (cairo_t         *cr,
                                                       PangoLayout     *layout,
                                                       double           x,
                                                       double           y,
                                                       const AtlasRgba *ink,
                                                       const AtlasRgba *halo,
                                                       double           halo_width);

AtlasLabelSet      *atlas_label_set_new            (void);
void                atlas_label_set_free           (AtlasLabelSet      *labels);
gboolean            atlas_label_set_try_add        (AtlasLabelSet      *labels,
                                                    double              x,
                                                    double              y,
                                                    double              width,
                                                    double              height);
/* Takes the box whatever it overlaps: for what is not a label. */
void                atlas_label_set_reserve        (AtlasLabelSet      *labels,
                                                    double              x,
                                                    double              y,
                                                    double              width,
                                                    double              height);
guint               atlas_label_set_get_count      (AtlasLabelSet      *labels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelSet, atlas_label_set_free)

G_END_DECLS
