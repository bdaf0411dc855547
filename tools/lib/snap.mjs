// SPDX-License-Identifier: GPL-3.0-or-later
//
// Neighbouring countries in the source come from separately drawn
// OpenStreetMap boundaries, so along parts of a shared border the two lines
// weave around each other, leaving thin overlaps and gaps (and no shared
// line to draw as a border).  For each pair of neighbours one is taken as
// the reference: the other's stretch between two vertices they share is
// replaced by the reference's stretch when the sliver between them is small.
// Larger gaps are water (reservoirs, rivers) and stay.
//
// Kosovo is always the reference, so its polygon never changes; other pairs
// use the alphabetically first country.

import { coordKey, ringArea, ringAreaKm2 } from './geom.mjs';

// Vertex -> ids of the features that use it.
function vertexOwners (features) {
  const owners = new Map();
  for (const f of features) {
    for (const poly of f.geometry.coordinates) {
      for (const ring of poly) {
        for (const p of ring) {
          const k = coordKey(p);
          if (!owners.has(k)) owners.set(k, new Set());
          owners.get(k).add(f.id);
        }
      }
    }
  }
  return owners;
}

// Pairs of features sharing at least one vertex, reference first.
function neighbourPairs (owners, firstId) {
  const pairs = new Set();
  for (const ids of owners.values()) {
    if (ids.size < 2) continue;
    const list = [...ids].sort();
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = list[y] === firstId ? [list[y], list[x]] : [list[x], list[y]];
        pairs.add(`${a}|${b}`);
      }
    }
  }
  // Pairs with the preferred reference go first.
  return [...pairs].map((p) => p.split('|')).sort((p, q) =>
    (q[0] === firstId) - (p[0] === firstId) || (p.join() < q.join() ? -1 : 1));
}

/**
 * Snaps the outer rings of neighbouring `features` (counter-clockwise,
 * closed, with `id`) onto each other as described above.  A stretch is
 * only replaced when the sliver's area is below `maxKm2`, none of its
 * vertices belong to a third country and the ring is at least ten times
 * larger than that.  Mutates the features; returns the
 * number of replaced stretches per "reference|target" pair.
 */
export function snapNeighbours (features, firstId, maxKm2) {
  const owners = vertexOwners(features);
  const byId = new Map(features.map((f) => [f.id, f]));
  const replaced = {};

  for (const [refId, targetId] of neighbourPairs(owners, firstId)) {
    const refRings = byId.get(refId).geometry.coordinates.map((poly) => poly[0]);
    const thirdParty = (p) => {
      for (const id of owners.get(coordKey(p)) ?? []) {
        if (id !== refId && id !== targetId) return true;
      }
      return false;
    };

    // Reference vertex -> [ring, index]; vertices seen twice are ambiguous.
    const where = new Map();
    const ambiguous = new Set();
    refRings.forEach((ring, r) => {
      for (let i = 0; i + 1 < ring.length; i++) {
        const k = coordKey(ring[i]);
        if (where.has(k)) ambiguous.add(k);
        where.set(k, [r, i]);
      }
    });

    for (const poly of byId.get(targetId).geometry.coordinates) {
      // A small island or country could be swallowed whole.
      if (ringAreaKm2(poly[0]) < 10 * maxKm2) continue;
      const result = snapRing(poly[0], refRings, where, ambiguous, thirdParty, maxKm2);
      if (result.count === 0) continue;
      poly[0] = result.ring;
      for (const p of result.ring) owners.get(coordKey(p)).add(targetId);
      const key = `${refId}|${targetId}`;
      replaced[key] = (replaced[key] ?? 0) + result.count;
    }
  }
  return replaced;
}

function snapRing (ring, refRings, where, ambiguous, thirdParty, maxKm2) {
  const n = ring.length - 1;
  const shared = [];
  for (let i = 0; i < n; i++) {
    const k = coordKey(ring[i]);
    if (where.has(k) && !ambiguous.has(k)) shared.push(i);
  }
  if (shared.length < 2) return { ring, count: 0 };

  // Index of a shared vertex -> the reference's points replacing the
  // target's stretch up to the next shared vertex.
  const replacements = new Map();
  for (let a = 0; a < shared.length; a++) {
    const i = shared[a];
    const j = shared[(a + 1) % shared.length];
    const len = ((j - i) % n + n) % n;
    const [ri, pi] = where.get(coordKey(ring[i]));
    const [rj, qi] = where.get(coordKey(ring[j]));
    if (ri !== rj) continue;
    const refRing = refRings[ri];
    const m = refRing.length - 1;
    // Both rings run counter-clockwise, so along a common border the
    // reference runs the other way: from Q back to P.
    const refLen = ((pi - qi) % m + m) % m;
    if (len === 0 || refLen === 0 || (len === 1 && refLen === 1)) continue;

    const detour = [];
    for (let t = 0; t <= len; t++) detour.push(ring[(i + t) % n]);
    const refPath = [];
    for (let t = 1; t < refLen; t++) refPath.push(refRing[(qi + t) % m]);
    if (detour.slice(1, -1).some(thirdParty) || refPath.some(thirdParty)) continue;
    const cycle = [...detour, ...refPath, detour[0]];
    if (ringArea(cycle) === 0 || ringAreaKm2(cycle) >= maxKm2) continue;

    replacements.set(i, refPath.slice().reverse());
  }
  if (replacements.size === 0) return { ring, count: 0 };

  const out = [];
  for (let a = 0; a < shared.length; a++) {
    const i = shared[a];
    const j = shared[(a + 1) % shared.length];
    out.push(ring[i]);
    if (replacements.has(i)) {
      out.push(...replacements.get(i));
    } else {
      for (let t = (i + 1) % n; t !== j; t = (t + 1) % n) out.push(ring[t]);
    }
  }
  out.push(out[0]);
  return { ring: out, count: replacements.size };
}
