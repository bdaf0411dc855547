// SPDX-License-Identifier: GPL-3.0-or-later
//
// The regional layer: country land polygons clipped to a box and simplified
// on a shared topology (Kosovo untouched), plus the borders between them.
//
// Borders come from the same topology.  The land polygons leave rivers and
// lakes out, so where a border runs through water the land polygons do not
// touch; the maritime polygons of the same source (which include inland
// water) fill those stretches.  Maritime boundaries out at sea are dropped
// with the help of the sea polygons.

import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';

import { clipPolygon } from './clip-box.mjs';
import { featureSegments, findCrossings, repairCrossings } from './crossings.mjs';
import {
  bboxIntersects, bboxOfRing, bboxWithin, cleanPolygons, coordKey, countVertices,
  largestPolygon, multiPolygonOrPolygon, pointInRing, polygonsOf, removeSpikes, rewindPolygon,
  ringAreaKm2, roundLine, triangleAreaM2, vertexSet,
} from './geom.mjs';
import { joinLines, RingIndex } from './lines.mjs';
import { snapNeighbours } from './snap.mjs';

function byId (a, b) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// Clips every polygon of a layer to the box.  Polygons lying inside are
// only re-oriented, so their vertices stay exactly as in the source.
function clipPolygons (geometry, o) {
  const polygons = [];
  for (const poly of polygonsOf(geometry)) {
    const bb = bboxOfRing(poly[0]);
    if (!bboxIntersects(bb, o.box)) continue;
    polygons.push(...(bboxWithin(bb, o.box)
      ? [rewindPolygon(poly)]
      : clipPolygon(poly, o.box, o.decimals)));
  }
  return polygons;
}

function clipLayer (collection, o) {
  const layer = [];
  for (const f of collection.features) {
    const polygons = clipPolygons(f.geometry, o);
    if (polygons.length > 0) layer.push({ iso3: f.properties.A3, polygons });
  }
  return layer;
}

// Drops small islands and holes, except Kosovo's, each country's largest
// piece, rings touching Kosovo and holes that hold another country.
function dropSmallRings (layer, kosovoVertices, o) {
  return layer.map(({ iso3, polygons }) => {
    if (iso3 === o.kosovo) return { iso3, polygons };
    const others = layer.filter((c) => c.iso3 !== iso3).flatMap((c) => c.polygons);
    const touchesKosovo = (ring) => ring.some((p) => kosovoVertices.has(coordKey(p)));
    const holdsCountry = (hole) => {
      const bb = bboxOfRing(hole);
      return others.some((p) => bboxWithin(bboxOfRing(p[0]), bb) && pointInRing(p[0][0], hole));
    };
    const big = (ring) => ringAreaKm2(ring) >= o.minRingKm2;
    const largest = largestPolygon(polygons);
    const kept = polygons
      .filter((poly) => poly === largest || big(poly[0]) || touchesKosovo(poly[0]))
      .map((poly) => [poly[0], ...poly.slice(1).filter((h) =>
        big(h) || touchesKosovo(h) || holdsCountry(h))]);
    return { iso3, polygons: kept };
  });
}

function toFeatures (layer, names) {
  return layer.map(({ iso3, polygons }) => ({
    type: 'Feature',
    id: iso3,
    properties: { iso3, name: names(iso3) },
    geometry: { type: 'MultiPolygon', coordinates: polygons },
  })).sort(byId);
}

// Spikes are removed except where their tip is one of Kosovo's vertices,
// which must stay in the neighbour's polygon.
function withoutSpikes (polygons, keep) {
  return polygons
    .map((poly) => poly.map((r) => removeSpikes(r, keep)).filter((r) => r.length >= 4))
    .filter((poly) => poly.length > 0 && ringAreaKm2(poly[0]) > 0);
}

function countSpikes (features, keep) {
  let n = 0;
  for (const f of features) {
    for (const poly of polygonsOf(f.geometry)) {
      for (const ring of poly) n += ring.length - removeSpikes(ring, keep).length;
    }
  }
  return n;
}

// Arc index -> set of country codes using it, for one topology object.
function arcUsers (object) {
  const users = new Map();
  for (const g of object.geometries) {
    const walk = (a) => {
      if (typeof a !== 'number') return a.forEach(walk);
      const i = a < 0 ? ~a : a;
      if (!users.has(i)) users.set(i, new Set());
      users.get(i).add(g.id);
    };
    walk(g.arcs);
  }
  return users;
}

// Sets the Visvalingam weight of every point of the arcs used by `geometry`
// to Infinity so that simplification keeps them all.
function pinArcs (arcs, geometry) {
  const pin = (i) => {
    for (const p of arcs[i < 0 ? ~i : i]) p[2] = Infinity;
  };
  const walk = (a) => (typeof a === 'number' ? pin(a) : a.forEach(walk));
  walk(geometry.arcs);
}

// Kosovo first when involved, otherwise alphabetical.
function pairKey (a, b, kosovo) {
  if (b === kosovo || (a !== kosovo && b < a)) [a, b] = [b, a];
  return `${a}|${b}`;
}

function seaIndex (seas, o) {
  const rings = [];
  for (const g of seas.geometries ?? seas.features.map((f) => f.geometry)) {
    for (const poly of clipPolygons(g, o)) rings.push(...poly);
  }
  return new RingIndex(rings);
}

// Splits an arc into the runs of segments whose midpoint is not at sea.
function landwardRuns (arc, sea) {
  const runs = [];
  let run = null;
  for (let i = 0; i + 1 < arc.length; i++) {
    const mid = [(arc[i][0] + arc[i + 1][0]) / 2, (arc[i][1] + arc[i + 1][1]) / 2];
    if (sea.contains(mid)) {
      run = null;
      continue;
    }
    if (run === null) {
      run = [arc[i]];
      runs.push(run);
    }
    run.push(arc[i + 1]);
  }
  return runs;
}

function lineLength (line, from = 0, to = line.length - 1) {
  let sum = 0;
  for (let i = from; i < to; i++)
    sum += Math.hypot(line[i + 1][0] - line[i][0], line[i + 1][1] - line[i][1]);
  return sum;
}

// Water stretches that only repeat a land border: both ends lie on the same
// land line and the land path between them is not much longer.
function dropParallelWater (landLines, waterLines) {
  const position = new Map();
  landLines.forEach((line, l) => line.forEach((p, i) => {
    const k = coordKey(p);
    if (!position.has(k)) position.set(k, [l, i]);
  }));
  return waterLines.filter((w) => {
    const a = position.get(coordKey(w[0]));
    const b = position.get(coordKey(w[w.length - 1]));
    if (!a || !b || a[0] !== b[0]) return true;
    const land = landLines[a[0]];
    const [i, j] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
    let path = lineLength(land, i, j);
    if (coordKey(land[0]) === coordKey(land[land.length - 1]))
      path = Math.min(path, lineLength(land) - path);
    return path > 3 * lineLength(w);
  });
}

function extractBorders (simple, sea, o) {
  const landUsers = arcUsers(simple.objects.countries);
  const seaUsers = arcUsers(simple.objects.maritime);

  // An arc is a border between every two countries using it (the source
  // overlaps in places, so there can be three).  Arcs that no land polygon
  // uses are maritime boundaries: keep their parts over inland water only.
  const byPair = new Map();
  simple.arcs.forEach((arc, i) => {
    const ids = [...new Set([...(landUsers.get(i) ?? []), ...(seaUsers.get(i) ?? [])])].sort();
    if (ids.length < 2) return;
    const onLand = landUsers.has(i);
    const pieces = (onLand ? [arc] : landwardRuns(arc, sea))
      .map((l) => roundLine(l, o.decimals)).filter((l) => l.length >= 2);
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const key = pairKey(ids[x], ids[y], o.kosovo);
        if (!byPair.has(key)) byPair.set(key, { land: [], water: [] });
        byPair.get(key)[onLand ? 'land' : 'water'].push(...pieces);
      }
    }
  });

  const borders = [];
  for (const key of [...byPair.keys()].sort()) {
    const [a, b] = key.split('|');
    const { land, water } = byPair.get(key);
    // Water stretches fill the gaps the land polygons leave at rivers and
    // lakes; one running beside a land border is a second, differently
    // drawn copy of it.
    const needed = dropParallelWater(joinLines(land), joinLines(water));
    const lines = joinLines([...land, ...needed]);
    if (lines.length === 0) continue;
    borders.push({
      type: 'Feature',
      properties: { a, b },
      geometry: lines.length === 1
        ? { type: 'LineString', coordinates: lines[0] }
        : { type: 'MultiLineString', coordinates: lines },
    });
  }
  return borders;
}

/**
 * Builds countries and borders.  `sources` holds the land and maritime
 * FeatureCollections (property A3) and the seas geometry; `o` the options
 * (box, decimals, kosovo, minTriangleM2, minRingKm2, snapMaxKm2,
 * maritimeSnapMaxKm2, crossingCell) and `names(iso3)`.
 */
export function buildRegion (sources, o) {
  const kosovoLand = sources.land.features.find((f) => f.properties.A3 === o.kosovo);
  const kosovoVertices = vertexSet(kosovoLand.geometry);

  const land = toFeatures(dropSmallRings(clipLayer(sources.land, o), kosovoVertices, o), o.names);
  const maritime = toFeatures(clipLayer(sources.maritime, o), o.names);
  const sourceCrossings = findCrossings(featureSegments(land), o.crossingCell).length;
  const snapped = {
    land: snapNeighbours(land, o.kosovo, o.snapMaxKm2),
    maritime: snapNeighbours(maritime, o.kosovo, o.maritimeSnapMaxKm2),
  };
  const keep = (p) => kosovoVertices.has(coordKey(p));
  for (const f of [...land, ...maritime]) {
    if (f.id !== o.kosovo) f.geometry.coordinates = withoutSpikes(f.geometry.coordinates, keep);
  }

  const topo = topology({
    countries: { type: 'FeatureCollection', features: land },
    maritime: { type: 'FeatureCollection', features: maritime },
  });
  const pre = presimplify(topo, triangleAreaM2);
  for (const name of ['countries', 'maritime'])
    pinArcs(pre.arcs, pre.objects[name].geometries.find((g) => g.id === o.kosovo));
  const landArcs = arcUsers(pre.objects.countries);
  repairCrossings(pre.arcs, o.minTriangleM2, o.crossingCell, (i) => landArcs.has(i));
  const simple = simplify(pre, o.minTriangleM2);

  const countries = [];
  for (const g of simple.objects.countries.geometries) {
    const polygons = cleanPolygons(feature(simple, g).geometry, o.decimals);
    if (polygons.length === 0) continue;
    countries.push({
      type: 'Feature',
      properties: { iso3: g.properties.iso3, name: g.properties.name },
      geometry: multiPolygonOrPolygon(polygons),
    });
  }
  const borders = extractBorders(simple, seaIndex(sources.seas, o), o);
  return { countries, borders, sourceCrossings, snapped };
}

function segmentKeys (lines) {
  const keys = new Set();
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      keys.add(`${coordKey(line[i])};${coordKey(line[i + 1])}`);
      keys.add(`${coordKey(line[i + 1])};${coordKey(line[i])}`);
    }
  }
  return keys;
}

function linesOf (geometry) {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Fails loudly when the guarantees promised in data/basemap/README.md do not
 * hold; returns figures for the README.
 */
export function verifyRegion (sources, result, o) {
  const { countries, borders, sourceCrossings } = result;
  const byIso = new Map(countries.map((f) => [f.properties.iso3, f]));
  const kosovoSource = sources.land.features.find((f) => f.properties.A3 === o.kosovo);
  const kosovo = byIso.get(o.kosovo);

  // Kosovo: exactly the source's vertices.
  const want = countVertices(kosovoSource.geometry);
  const got = countVertices(kosovo.geometry);
  if (want !== got)
    throw new Error(`Kosovo has ${got} vertices, the source has ${want}`);
  const kosovoSet = vertexSet(kosovoSource.geometry);
  const outSet = vertexSet(kosovo.geometry);
  if (kosovoSet.size !== outSet.size || [...kosovoSet].some((k) => !outSet.has(k)))
    throw new Error('Kosovo vertices differ from the source');

  // Neighbours keep every vertex they share with Kosovo in the source, and
  // every vertex they share with Kosovo in the output is on their border.
  const shared = {};
  for (const iso3 of o.kosovoNeighbours) {
    const src = sources.land.features.find((f) => f.properties.A3 === iso3);
    const srcSet = vertexSet(src.geometry);
    const out = vertexSet(byIso.get(iso3).geometry);
    const common = [...kosovoSet].filter((k) => srcSet.has(k));
    const lost = common.filter((k) => !out.has(k));
    if (common.length === 0 || lost.length > 0)
      throw new Error(`${iso3}: ${lost.length} of ${common.length} vertices shared with Kosovo lost`);
    const border = borders.find((b) => b.properties.a === o.kosovo && b.properties.b === iso3);
    if (!border)
      throw new Error(`no border feature for ${o.kosovo}|${iso3}`);
    const onBorder = vertexSet(border.geometry);
    const missing = [...outSet].filter((k) => out.has(k) && !onBorder.has(k));
    if (missing.length > 0)
      throw new Error(`${o.kosovo}|${iso3}: ${missing.length} shared vertices not on the border line`);
    shared[iso3] = common.length;
  }

  // Every segment where two countries' output polygons meet is on their
  // border line (so borders line up with the polygons exactly).
  const borderSegments = new Map(borders.map((b) =>
    [`${b.properties.a}|${b.properties.b}`, segmentKeys(linesOf(b.geometry))]));
  const segmentOwners = new Map();
  for (const f of countries) {
    for (const poly of polygonsOf(f.geometry)) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = coordKey(ring[i]);
          const b = coordKey(ring[i + 1]);
          const k = a < b ? `${a};${b}` : `${b};${a}`;
          if (!segmentOwners.has(k)) segmentOwners.set(k, new Set());
          segmentOwners.get(k).add(f.properties.iso3);
        }
      }
    }
  }
  // Elsewhere two different source lines between the same two points can
  // simplify to the same segment; those are only counted.
  let offBorder = 0;
  for (const [k, ids] of segmentOwners) {
    const list = [...ids].sort();
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = pairKey(list[x], list[y], o.kosovo);
        if (borderSegments.get(key)?.has(k)) continue;
        if (list[x] === o.kosovo || list[y] === o.kosovo)
          throw new Error(`segment ${k} shared by ${key} is not on their border`);
        offBorder++;
      }
    }
  }

  // Kosovo's borders together follow its whole outline, water included.
  const kosovoMaritime = sources.maritime.features.find((f) => f.properties.A3 === o.kosovo);
  const outline = polygonsOf(kosovoMaritime.geometry).map((p) => p[0]);
  const kosovoBorderSegments = new Set();
  for (const b of borders) {
    if (b.properties.a !== o.kosovo) continue;
    for (const k of segmentKeys(linesOf(b.geometry))) kosovoBorderSegments.add(k);
  }
  let total = 0;
  let covered = 0;
  for (const ring of outline) {
    for (let i = 0; i + 1 < ring.length; i++) {
      total++;
      if (kosovoBorderSegments.has(`${coordKey(ring[i])};${coordKey(ring[i + 1])}`)) covered++;
    }
  }

  const spikes = countSpikes(countries.filter((f) => f.properties.iso3 !== o.kosovo),
    (p) => kosovoSet.has(coordKey(p)));
  if (spikes > 0)
    throw new Error(`${spikes} spike vertices left in the countries`);

  // Simplification must not add crossings; the source has a few overlaps.
  const crossings = findCrossings(featureSegments(countries), o.crossingCell).length;
  if (crossings > sourceCrossings)
    throw new Error(`${crossings} segment crossings, the clipped source has ${sourceCrossings}`);

  return {
    kosovoVertices: got,
    kosovoRings: kosovo.geometry.coordinates.length,
    shared,
    crossings,
    offBorder,
    kosovoOutlineCovered: covered / total,
  };
}
