// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clips polygons to an axis-aligned box without moving or dropping any
// vertex that lies inside it, so that borders shared by two countries stay
// vertex-identical after clipping.  General-purpose clippers (tried:
// polygon-clipping 0.15.7) drop collinear vertices and fail on some of the
// source polygons, which is why this small dedicated one exists.
//
// Points where an edge crosses the box are computed from the edge's
// endpoints in a fixed (lexicographic) order and rounded to the output
// precision, so both countries sharing that edge get the same point.

import { pointInRing, ringArea, roundCoord } from './geom.mjs';

// Parameter along the box outline, counter-clockwise from (x0, y0).
function perimeterPosition (p, box) {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  if (p[1] === y0 && p[0] < x1) return p[0] - x0;
  if (p[0] === x1 && p[1] < y1) return w + (p[1] - y0);
  if (p[1] === y1 && p[0] > x0) return w + h + (x1 - p[0]);
  if (p[0] === x0) return 2 * w + h + (y1 - p[1]);
  throw new Error(`point ${p} is not on the box outline`);
}

function corners (box) {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  return [
    { s: 0, p: [x0, y0] },
    { s: w, p: [x1, y0] },
    { s: w + h, p: [x1, y1] },
    { s: 2 * w + h, p: [x0, y1] },
  ];
}

function lexLess (a, b) {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

// Where segment a-b crosses the vertical line x = X (or horizontal y = Y).
function crossVertical (a, b, X, decimals) {
  const [p, q] = lexLess(a, b) ? [a, b] : [b, a];
  const y = p[1] + (X - p[0]) * (q[1] - p[1]) / (q[0] - p[0]);
  return [X, roundCoord(y, decimals)];
}

function crossHorizontal (a, b, Y, decimals) {
  const [p, q] = lexLess(a, b) ? [a, b] : [b, a];
  const x = p[0] + (Y - p[1]) * (q[0] - p[0]) / (q[1] - p[1]);
  return [roundCoord(x, decimals), Y];
}

// Liang–Barsky on the closed box.  Returns null when the segment misses the
// box, else the parameters t0 <= t1 and the box side that limits each.
function clipSegment (a, b, box) {
  const [x0, y0, x1, y1] = box;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const p = [-dx, dx, -dy, dy];
  const q = [a[0] - x0, x1 - a[0], a[1] - y0, y1 - a[1]];
  let t0 = 0;
  let t1 = 1;
  let side0 = -1;
  let side1 = -1;
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) return null;
      continue;
    }
    const r = q[i] / p[i];
    if (p[i] < 0) {
      if (r > t1) return null;
      if (r > t0) { t0 = r; side0 = i; }
    } else {
      if (r < t0) return null;
      if (r < t1) { t1 = r; side1 = i; }
    }
  }
  return { t0, t1, side0, side1 };
}

function pointOnSide (a, b, side, box, decimals) {
  switch (side) {
    case 0: return crossVertical(a, b, box[0], decimals);
    case 1: return crossVertical(a, b, box[2], decimals);
    case 2: return crossHorizontal(a, b, box[1], decimals);
    case 3: return crossHorizontal(a, b, box[3], decimals);
    default: throw new Error('bad side');
  }
}

function insideClosed (p, box) {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

function onOutline (p, box) {
  return p[0] === box[0] || p[0] === box[2] || p[1] === box[1] || p[1] === box[3];
}

function samePoint (a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

function pushDistinct (list, p) {
  if (list.length === 0 || !samePoint(list[list.length - 1], p)) list.push(p);
}

// Splits one closed ring into the runs of it that lie in the box.  Each run
// starts and ends on the box outline.  Returns null when the whole ring is
// inside the box.
function ringRuns (ring, box, decimals) {
  const n = ring.length - 1; // closed ring: last point repeats the first
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (!insideClosed(ring[i], box)) { start = i; break; }
  }
  if (start < 0) return null;

  const runs = [];
  let current = null;
  for (let k = 0; k < n; k++) {
    const a = ring[(start + k) % n];
    const b = ring[(start + k + 1) % n];
    const c = clipSegment(a, b, box);
    if (c === null) {
      if (current !== null) throw new Error('clip: lost track of a run');
      continue;
    }
    if (current === null) {
      current = [];
      pushDistinct(current, c.t0 === 0 ? a : pointOnSide(a, b, c.side0, box, decimals));
    }
    if (c.t1 < 1) {
      pushDistinct(current, pointOnSide(a, b, c.side1, box, decimals));
      runs.push(current);
      current = null;
    } else {
      pushDistinct(current, b);
    }
  }
  if (current !== null) throw new Error('clip: run left open');

  // A run lying entirely on the outline encloses no area.
  return runs.filter((run) => run.length >= 2 && !run.every((p) => onOutline(p, box)));
}

function orient (ring, ccw) {
  const a = ringArea(ring);
  return (a > 0) === ccw ? ring : ring.slice().reverse();
}

// Joins runs into closed rings by walking the box outline counter-clockwise
// from each run's exit to the nearest entry.  Runs follow the rule "inside on
// the left", so all rings built here are outer rings.
function stitch (runs, box) {
  const perimeter = 2 * ((box[2] - box[0]) + (box[3] - box[1]));
  const cornerList = corners(box);
  const entries = runs.map((run, index) => ({ index, s: perimeterPosition(run[0], box) }));
  const used = new Array(runs.length).fill(false);
  const rings = [];

  for (let first = 0; first < runs.length; first++) {
    if (used[first]) continue;
    const ring = [];
    let index = first;
    while (!used[index]) {
      used[index] = true;
      const run = runs[index];
      for (const p of run) pushDistinct(ring, p);
      const exit = run[run.length - 1];
      const sExit = perimeterPosition(exit, box);

      let best = null;
      let bestDistance = Infinity;
      for (const e of entries) {
        if (used[e.index] && e.index !== first) continue;
        const d = ((e.s - sExit) % perimeter + perimeter) % perimeter;
        if (d < bestDistance || (d === bestDistance && e.index === first)) {
          best = e;
          bestDistance = d;
        }
      }
      const passed = cornerList
        .map((corner) => ({ d: ((corner.s - sExit) % perimeter + perimeter) % perimeter, p: corner.p }))
        .filter((c) => c.d > 0 && c.d < bestDistance)
        .sort((x, y) => x.d - y.d);
      for (const c of passed) pushDistinct(ring, c.p);
      index = best.index;
    }
    if (index !== first) throw new Error('clip: runs do not close into a ring');
    if (samePoint(ring[0], ring[ring.length - 1])) ring.pop();
    ring.push(ring[0]);
    if (ring.length >= 4 && ringArea(ring) !== 0) rings.push(ring);
  }
  return rings;
}

/**
 * Clips one polygon (array of closed rings, outer ring first) to
 * box = [xmin, ymin, xmax, ymax].  Returns an array of polygons (possibly
 * empty) with outer rings counter-clockwise and holes clockwise.
 */
export function clipPolygon (rings, box, decimals) {
  const outer = orient(rings[0], true);
  const holes = rings.slice(1).map((h) => orient(h, false));

  const runs = [];
  const outerRuns = ringRuns(outer, box, decimals);
  const keptOuters = [];
  if (outerRuns === null) {
    keptOuters.push(outer);
  } else {
    if (outerRuns.length === 0) {
      const centre = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
      if (pointInRing(centre, outer))
        throw new Error('clip: a polygon covering the whole box is not supported');
      return [];
    }
    runs.push(...outerRuns);
  }

  const insideHoles = [];
  for (const hole of holes) {
    const holeRuns = ringRuns(hole, box, decimals);
    if (holeRuns === null) insideHoles.push(hole);
    else runs.push(...holeRuns);
  }

  const outers = keptOuters.concat(stitch(runs, box));
  const polygons = outers.map((o) => [o]);
  for (const hole of insideHoles) {
    const owner = polygons.find((poly) => pointInRing(hole[0], poly[0]) ||
                                         pointInRing(hole[1], poly[0]));
    if (owner) owner.push(hole);
  }
  return polygons;
}
