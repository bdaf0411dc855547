// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers for the border lines: joining pieces into long lines, and a
// point-in-polygon index used to leave maritime boundaries at sea out.

import { coordKey } from './geom.mjs';

/**
 * Joins polylines that meet end to end, but only at points where exactly
 * two line ends meet (at a tripoint the lines stay apart).  Keeps input
 * order for determinism.
 */
export function joinLines (pieces) {
  const ends = new Map();
  const addEnd = (key, index) => {
    if (!ends.has(key)) ends.set(key, []);
    ends.get(key).push(index);
  };
  pieces.forEach((line, index) => {
    addEnd(coordKey(line[0]), index);
    addEnd(coordKey(line[line.length - 1]), index);
  });

  const used = new Array(pieces.length).fill(false);
  // The other piece ending at `key`, if exactly two ends meet there and the
  // other one is still free.
  const partner = (key) => {
    const list = ends.get(key);
    if (list.length !== 2) return -1;
    const free = list.filter((i) => !used[i]);
    return free.length === 1 ? free[0] : -1;
  };

  const lines = [];
  for (let start = 0; start < pieces.length; start++) {
    if (used[start]) continue;
    used[start] = true;
    let line = pieces[start].slice();

    // Grow at the end, then at the start.
    for (const atEnd of [true, false]) {
      for (;;) {
        const tip = atEnd ? line[line.length - 1] : line[0];
        const next = partner(coordKey(tip));
        if (next < 0) break;
        used[next] = true;
        let piece = pieces[next];
        if (atEnd) {
          if (coordKey(piece[0]) !== coordKey(tip)) piece = piece.slice().reverse();
          line = line.concat(piece.slice(1));
        } else {
          if (coordKey(piece[piece.length - 1]) !== coordKey(tip)) piece = piece.slice().reverse();
          line = piece.slice(0, -1).concat(line);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Even-odd point-in-polygon test against many rings, with edges bucketed
 * into horizontal bands so that large coastlines stay fast.
 */
export class RingIndex {
  constructor (rings, band = 0.02) {
    this.band = band;
    this.bands = new Map();
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (a[1] === b[1]) continue;
        const lo = Math.floor(Math.min(a[1], b[1]) / band);
        const hi = Math.floor(Math.max(a[1], b[1]) / band);
        for (let k = lo; k <= hi; k++) {
          if (!this.bands.has(k)) this.bands.set(k, []);
          this.bands.get(k).push([a, b]);
        }
      }
    }
  }

  contains (p) {
    const edges = this.bands.get(Math.floor(p[1] / this.band)) ?? [];
    let inside = false;
    for (const [a, b] of edges) {
      if ((a[1] > p[1]) !== (b[1] > p[1]) &&
          p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0])
        inside = !inside;
    }
    return inside;
  }
}
