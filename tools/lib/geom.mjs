// SPDX-License-Identifier: GPL-3.0-or-later
//
// Small planar helpers shared by the base-map extraction scripts.

// Metres per degree of latitude, and of longitude at the equator (WGS84,
// good enough for area thresholds and simplification weights).
export const METRES_PER_DEG_LAT = 110574;
export const METRES_PER_DEG_LON = 111320;

export function roundCoord (value, decimals) {
  const f = 10 ** decimals;
  // Adding 0 turns -0 into 0 so that output never shows "-0".
  return Math.round(value * f) / f + 0;
}

// Signed shoelace area in square degrees; positive when counter-clockwise.
export function ringArea (ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

// Approximate unsigned area of a closed lon/lat ring in km², using a local
// equirectangular scale at the ring's mean latitude.
export function ringAreaKm2 (ring) {
  let lat = 0;
  for (const p of ring) lat += p[1];
  lat /= ring.length;
  const kx = METRES_PER_DEG_LON * Math.cos(lat * Math.PI / 180) / 1000;
  const ky = METRES_PER_DEG_LAT / 1000;
  return Math.abs(ringArea(ring)) * kx * ky;
}

// Area in m² of the triangle a-b-c given in lon/lat, measured in a local
// equirectangular projection centred on b.  Used as the Visvalingam weight.
export function triangleAreaM2 (t) {
  const kx = METRES_PER_DEG_LON * Math.cos(t[1][1] * Math.PI / 180);
  const ky = METRES_PER_DEG_LAT;
  const ax = (t[0][0] - t[1][0]) * kx;
  const ay = (t[0][1] - t[1][1]) * ky;
  const cx = (t[2][0] - t[1][0]) * kx;
  const cy = (t[2][1] - t[1][1]) * ky;
  return Math.abs(ax * cy - ay * cx) / 2;
}

export function polygonsOf (geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

export function bboxOfRing (ring) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    if (p[0] < b[0]) b[0] = p[0];
    if (p[1] < b[1]) b[1] = p[1];
    if (p[0] > b[2]) b[2] = p[0];
    if (p[1] > b[3]) b[3] = p[1];
  }
  return b;
}

export function bboxIntersects (a, b) {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

export function bboxWithin (inner, outer) {
  return inner[0] >= outer[0] && inner[2] <= outer[2] && inner[1] >= outer[1] && inner[3] <= outer[3];
}

export function coordKey (p) {
  return `${p[0]},${p[1]}`;
}

// Orients a polygon the RFC 7946 way: outer ring counter-clockwise, holes
// clockwise.  Reversing keeps every vertex.
export function rewindPolygon (rings) {
  return rings.map((ring, i) => {
    const ccw = ringArea(ring) > 0;
    return ccw === (i === 0) ? ring : ring.slice().reverse();
  });
}

// Even-odd test of a point against one closed ring.
export function pointInRing (pt, ring) {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if ((a[1] > pt[1]) !== (b[1] > pt[1]) &&
        pt[0] < (b[0] - a[0]) * (pt[1] - a[1]) / (b[1] - a[1]) + a[0])
      c = !c;
  }
  return c;
}

export function largestPolygon (polygons) {
  return polygons.reduce((m, p) => (ringAreaKm2(p[0]) > ringAreaKm2(m[0]) ? p : m));
}

export function countVertices (geometry) {
  let n = 0;
  const visit = (c) => {
    if (typeof c[0] === 'number') n++;
    else c.forEach(visit);
  };
  visit(geometry.coordinates);
  return n;
}

export function vertexSet (geometry) {
  const set = new Set();
  const visit = (c) => {
    if (typeof c[0] === 'number') set.add(coordKey(c));
    else c.forEach(visit);
  };
  visit(geometry.coordinates);
  return set;
}

export function multiPolygonOrPolygon (polygons) {
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

// Rounds a line or ring and drops points that rounding made repeat.
export function roundLine (line, decimals) {
  const out = [];
  for (const p of line) {
    const q = [roundCoord(p[0], decimals), roundCoord(p[1], decimals)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

// Turns a (simplified) geometry into clean polygons: rounded, without rings
// that collapsed, oriented per RFC 7946.
export function cleanPolygons (geometry, decimals) {
  if (!geometry) return [];
  const valid = (r) => r.length >= 4 && ringArea(r) !== 0;
  const polygons = [];
  for (const poly of polygonsOf(geometry)) {
    const outer = roundLine(poly[0], decimals);
    if (!valid(outer)) continue;
    const holes = poly.slice(1).map((r) => roundLine(r, decimals)).filter(valid);
    polygons.push(rewindPolygon([outer, ...holes]));
  }
  return polygons;
}

// Removes zero-width spikes (… A, B, A …) from a closed ring; the source and
// the sliver closing can leave some.  Spikes whose tip B satisfies
// `keep(B)` stay.  Returns a closed ring.
export function removeSpikes (ring, keep = () => false) {
  const pts = ring.slice(0, -1);
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const n = pts.length;
      const prev = pts[(i + n - 1) % n];
      const next = pts[(i + 1) % n];
      if (prev[0] !== next[0] || prev[1] !== next[1] || keep(pts[i])) continue;
      // Drop the tip and the repeated point after it (higher index first).
      const j = (i + 1) % n;
      pts.splice(Math.max(i, j), 1);
      pts.splice(Math.min(i, j), 1);
      changed = true;
    }
  }
  return pts.length > 0 ? [...pts, pts[0]] : [];
}
