// SPDX-License-Identifier: GPL-3.0-or-later
//
// Visvalingam simplification can make a shortened segment cut across a
// nearby line.  These helpers find proper crossings between segments and
// put back detail where simplification created one.

function orientation (a, b, c) {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function properlyCross (s, t) {
  return orientation(s.a, s.b, t.a) * orientation(s.a, s.b, t.b) < 0 &&
         orientation(t.a, t.b, s.a) * orientation(t.a, t.b, s.b) < 0;
}

/**
 * Finds pairs of segments that cross each other at a point inside both.
 * `segments` are objects with points `a` and `b`; `cell` is the size in
 * degrees of the grid used to find candidates.  Returns [s, t] pairs.
 */
export function findCrossings (segments, cell) {
  const grid = new Map();
  segments.forEach((s, index) => {
    const x0 = Math.floor(Math.min(s.a[0], s.b[0]) / cell);
    const x1 = Math.floor(Math.max(s.a[0], s.b[0]) / cell);
    const y0 = Math.floor(Math.min(s.a[1], s.b[1]) / cell);
    const y1 = Math.floor(Math.max(s.a[1], s.b[1]) / cell);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = `${x},${y}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(index);
      }
    }
  });

  const seen = new Set();
  const pairs = [];
  for (const list of grid.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const s = segments[list[i]];
        const t = segments[list[j]];
        if (!properlyCross(s, t)) continue;
        const key = list[i] < list[j] ? `${list[i]}:${list[j]}` : `${list[j]}:${list[i]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([s, t]);
      }
    }
  }
  return pairs;
}

// The segments of the presimplified arcs that survive at `minWeight`, each
// remembering which original points it stands for.
function keptSegments (arcs, minWeight, arcFilter) {
  const segments = [];
  arcs.forEach((arc, arcIndex) => {
    if (arcFilter && !arcFilter(arcIndex)) return;
    let last = 0;
    for (let i = 1; i < arc.length; i++) {
      if (arc[i][2] < minWeight) continue;
      segments.push({ a: arc[last], b: arc[i], arc: arcIndex, from: last, to: i });
      last = i;
    }
  });
  return segments;
}

/**
 * Raises the Visvalingam weights (point[2]) of presimplified `arcs` where
 * simplification at `minWeight` would make segments cross, until no such
 * crossing is left or only crossings present in the full-resolution data
 * remain.  Each round multiplies the weights of the points hidden behind a
 * crossing segment by 4, so detail comes back gradually.  Returns the number
 * of crossings left (those of the source itself).  Only arcs for which
 * `arcFilter(index)` is true (all when omitted) are looked at.
 */
export function repairCrossings (arcs, minWeight, cell, arcFilter) {
  for (;;) {
    const pairs = findCrossings(keptSegments(arcs, minWeight, arcFilter), cell);
    let changed = false;
    for (const pair of pairs) {
      for (const s of pair) {
        const arc = arcs[s.arc];
        for (let i = s.from + 1; i < s.to; i++) {
          if (arc[i][2] < minWeight) {
            arc[i][2] = arc[i][2] > 0 ? arc[i][2] * 4 : minWeight;
            changed = true;
          }
        }
      }
    }
    if (!changed) return pairs.length;
  }
}

/**
 * Segments of GeoJSON (Multi)Polygon features, for findCrossings.
 */
export function featureSegments (features) {
  const segments = [];
  for (const f of features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polygons) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++)
          segments.push({ a: ring[i], b: ring[i + 1], id: f.properties.iso3 ?? f.properties.A3 });
      }
    }
  }
  return segments;
}
