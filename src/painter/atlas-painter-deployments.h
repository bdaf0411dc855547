/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "atlas-dataset.h"
#include "atlas-painter.h"
#include "atlas-view.h"

G_BEGIN_DECLS

/*
 * Deployments on the map: proportional symbols (circle area ∝ troops) at
 * their locations, labelled with nation, unit and strength, while active.
 *
 * atlas_deployment_set_new() chooses and places the deployments of one
 * day; atlas_painter_draw_deployments() draws their symbols and
 * atlas_painter_draw_deployment_labels() their labels (a separate stage,
 * so that in a composed picture they take part in the label collision
 * before the base map's names). A set is immutable and may be drawn from
 * any thread.
 *
 * Symbols:
 *  - a known strength is a disc whose area is proportional to the troops;
 *  - a range {min, max} is a solid disc for the minimum inside a pale disc
 *    with a dashed rim for the maximum (the label prints "min–max");
 *  - "unknown" troops are a small diamond;
 *  - "committed" (pledged, not on the ground) is hollow and dashed,
 *    "present" is filled;
 *  - KFOR as a whole (nation "NATO") has its own colour.
 *
 * Deployments at the same place (KFOR's total and the brigade
 * headquarters in Pristina) form one group: concentric symbols, largest
 * below, and a single label block listing them, largest first, with at
 * most ATLAS_DEPLOYMENT_MAX_LINES lines and "+N more" after that.
 *
 * A deployment given by "zone" is drawn at the centroid of that zone's
 * explicit geometry. A zone computed from a rule has no geometry in the
 * dataset (the geo module computes it): such deployments are not drawn
 * and only counted (atlas_deployment_set_get_n_unplaced()).
 */

#define ATLAS_DEPLOYMENT_MAX_LINES 4

/**
 * AtlasDeploymentDrawInfo:
 * @n_symbols: deployments drawn in the view
 * @n_groups: places they were drawn at
 * @n_labels: label blocks drawn (by the labels stage)
 */
typedef struct
{
  guint n_symbols;
  guint n_groups;
  guint n_labels;
} AtlasDeploymentDrawInfo;

/**
 * AtlasDeploymentSymbols:
 * @ATLAS_DEPLOYMENT_SYMBOL_PRESENT: a disc for troops on the ground
 * @ATLAS_DEPLOYMENT_SYMBOL_COMMITTED: a dashed circle for troops pledged
 * @ATLAS_DEPLOYMENT_SYMBOL_RANGE: a solid disc in a pale one, {min, max}
 * @ATLAS_DEPLOYMENT_SYMBOL_UNKNOWN: a diamond, strength unknown
 * @ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE: in KFOR's colour (nation "NATO")
 *   rather than the national one
 *
 * The kinds of symbol in a picture, for its legend.
 */
typedef enum
{
  ATLAS_DEPLOYMENT_SYMBOL_PRESENT   = 1 << 0,
  ATLAS_DEPLOYMENT_SYMBOL_COMMITTED = 1 << 1,
  ATLAS_DEPLOYMENT_SYMBOL_RANGE     = 1 << 2,
  ATLAS_DEPLOYMENT_SYMBOL_UNKNOWN   = 1 << 3,
  ATLAS_DEPLOYMENT_SYMBOL_ALLIANCE  = 1 << 4,
} AtlasDeploymentSymbols;

typedef struct _AtlasDeploymentSet AtlasDeploymentSet;

#define ATLAS_TYPE_DEPLOYMENT_SET (atlas_deployment_set_get_type ())

GType               atlas_deployment_set_get_type         (void) G_GNUC_CONST;
AtlasDeploymentSet *atlas_deployment_set_new              (AtlasDataset             *dataset,
                                                           gint32                    day);
AtlasDeploymentSet *atlas_deployment_set_ref              (AtlasDeploymentSet       *set);
void                atlas_deployment_set_unref            (AtlasDeploymentSet       *set);

AtlasDataset       *atlas_deployment_set_get_dataset      (AtlasDeploymentSet       *set);
gint32              atlas_deployment_set_get_day          (AtlasDeploymentSet       *set);
const guint        *atlas_deployment_set_get_positions    (AtlasDeploymentSet       *set,
                                                           guint                    *n_positions);
guint               atlas_deployment_set_get_n_unplaced   (AtlasDeploymentSet       *set);
guint               atlas_deployment_set_get_n_groups     (AtlasDeploymentSet       *set);
gboolean            atlas_deployment_set_get_location     (AtlasDeploymentSet       *set,
                                                           guint                     position,
                                                           double                   *x,
                                                           double                   *y);

void                atlas_painter_draw_deployments        (AtlasPainter             *painter,
                                                           cairo_t                  *cr,
                                                           const AtlasView          *view,
                                                           AtlasDeploymentSet       *set,
                                                           AtlasDeploymentDrawInfo  *info);
void                atlas_painter_draw_deployment_labels  (AtlasPainter             *painter,
                                                           cairo_t                  *cr,
                                                           const AtlasView          *view,
                                                           AtlasDeploymentSet       *set,
                                                           AtlasLabelSet            *labels,
                                                           AtlasDeploymentDrawInfo  *info);
gboolean            atlas_deployment_set_pick             (AtlasDeploymentSet       *set,
                                                           const AtlasView          *view,
                                                           double                    x,
                                                           double                    y,
                                                           guint                    *position);

double              atlas_deployment_symbol_radius        (double                    troops,
                                                           double                    zoom);
AtlasDeploymentSymbols
                    atlas_deployment_set_get_symbols      (AtlasDeploymentSet       *set,
                                                           const AtlasView          *view);
/* A deployment's nation as labels show it: its ISO code, or "NATO" in
 * the user's language. */
const char         *atlas_painter_get_nation_label        (const char               *nation);

void                atlas_painter_draw_deployment_swatch  (AtlasPainter             *painter,
                                                           cairo_t                  *cr,
                                                           AtlasDeploymentSymbols    symbol,
                                                           double                    x,
                                                           double                    y,
                                                           double                    width,
                                                           double                    height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasDeploymentSet, atlas_deployment_set_unref)

G_END_DECLS
