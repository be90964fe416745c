#!/usr/bin/env node
// Builds the open-budget map's shapes: Kazakhstan's 20 regions as pre-projected, simplified SVG
// paths (src/components/budget/kzMap.generated.ts, about 60 KB instead of the 534 KB GeoJSON, and
// the names alone in kzRegionNames.generated.ts),
// so the browser needs no GeoJSON, no projection code and no tile server.
//
//   node apps/web/scripts/build-kz-map.js [path/to/kz-regions.geojson]
//
// Input: `kz-regions.geojson` of the shared data set (OpenStreetMap, ODbL 1.0, see its SOURCE.md;
// default `../shared/geo/kz-regions.geojson` next to the repository, or KZ_REGIONS_GEOJSON).
// The output is a derivative of it: still ODbL 1.0, with the attribution the map shows and
// src/components/budget/KZ-MAP-SOURCE.md next to it. Run again when the input changes; the output
// is deterministic.
//
// Steps:
// 1. rewind: the file has RFC 7946 winding (outer rings counter-clockwise); d3-geo expects the
//    opposite, so every ring is reversed before d3 sees it (otherwise each region is "the whole
//    world minus the region");
// 2. project: conic equal-area (standard parallels 44°N and 52°N, central meridian 67°E), fitted
//    to a 1000-unit-wide box;
// 3. simplify without gaps or overlaps: regions share their borders vertex for vertex, so each
//    ring is cut into arcs at the junctions (vertices whose neighbours differ between the rings
//    that use them), every distinct arc is simplified once (Douglas-Peucker, 0.35 units) and both
//    neighbours reuse the same result; rings without junctions (enclaves such as Shymkent and
//    the holes they leave, islands) are simplified once in a canonical rotation;
// 4. write: absolute path data rounded to 0.1 unit, one path per region (holes as sub-paths,
//    drawn with fill-rule evenodd), its label point, and whether it is too small to see at
//    country scale (the three cities, drawn with a marker as well).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoConicEqualArea, geoPath } from 'd3-geo';
import prettier from 'prettier';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(webDir, '../..');
const input = path.resolve(
  process.argv[2] ?? process.env.KZ_REGIONS_GEOJSON ?? path.join(repoRoot, '../shared/geo/kz-regions.geojson'),
);
const output = path.join(webDir, 'src/components/budget/kzMap.generated.ts');
const namesOutput = path.join(webDir, 'src/components/budget/kzRegionNames.generated.ts');

const WIDTH = 1000;
const PAD = 4;
const TOLERANCE = 0.35;
/** Regions smaller than this (square units) get a marker: the three cities. */
const SMALL_AREA = 150;

if (!existsSync(input)) {
  console.error(`build-kz-map: ${input} not found (pass the path of kz-regions.geojson)`);
  process.exit(1);
}
const collection = JSON.parse(await readFile(input, 'utf8'));
if (collection.type !== 'FeatureCollection' || collection.features.length !== 20) {
  throw new Error(`expected a FeatureCollection of 20 regions, got ${collection.features?.length}`);
}

// 1. Rewind (RFC 7946 → d3-geo): reverse every ring.
const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const rewound = {
  type: 'FeatureCollection',
  features: collection.features.map((f) => ({
    type: 'Feature',
    properties: f.properties,
    geometry: {
      type: 'MultiPolygon',
      coordinates: polygonsOf(f.geometry).map((rings) => rings.map((ring) => [...ring].reverse())),
    },
  })),
};

// 2. Project, fitted to the width; the height follows from the shape.
const projection = geoConicEqualArea().parallels([44, 52]).rotate([-67, 0]);
projection.fitWidth(WIDTH - 2 * PAD, rewound);
const [[x0, y0], [, y1]] = geoPath(projection).bounds(rewound);
projection.translate([projection.translate()[0] + PAD - x0, projection.translate()[1] + PAD - y0]);
const HEIGHT = Math.ceil(y1 - y0 + 2 * PAD);
const pathOf = geoPath(projection);

// 3. Topology: every ring as a cycle of vertex keys (the input's exact coordinates).
const keyOf = (c) => `${c[0]},${c[1]}`;
const point = new Map(); // key → projected [x, y]
const rings = []; // { feature, polygon, index, keys }
for (const [fi, f] of collection.features.entries()) {
  for (const [pi, polygon] of polygonsOf(f.geometry).entries()) {
    for (const [ri, ring] of polygon.entries()) {
      const keys = ring.slice(0, -1).map((c) => {
        const k = keyOf(c);
        if (!point.has(k)) point.set(k, projection(c));
        return k;
      });
      if (keyOf(ring[0]) !== keyOf(ring[ring.length - 1])) throw new Error(`${f.properties.id}: open ring`);
      rings.push({ feature: fi, polygon: pi, index: ri, keys });
    }
  }
}

// Junctions: a vertex whose (unordered) pair of neighbours is not the same in every use.
const neighbours = new Map();
const junction = new Set();
for (const { keys } of rings) {
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    const a = keys[(i + n - 1) % n];
    const b = keys[(i + 1) % n];
    const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
    const k = keys[i];
    const seen = neighbours.get(k);
    if (seen === undefined) neighbours.set(k, pair);
    else if (seen !== pair) junction.add(k);
  }
}

const distanceToSegment = ([px, py], [ax, ay], [bx, by]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/**
 * Douglas-Peucker over the keys of an open polyline (endpoints kept). At least the farthest
 * interior vertex is always kept, so no ring collapses to a line.
 */
const simplifyArc = (keys) => {
  if (keys.length <= 2) return keys;
  const pts = keys.map((k) => point.get(k));
  const keep = new Uint8Array(keys.length);
  keep[0] = 1;
  keep[keys.length - 1] = 1;
  const stack = [[0, keys.length - 1, true]];
  while (stack.length) {
    const [from, to, force] = stack.pop();
    let farthest = -1;
    let distance = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(pts[i], pts[from], pts[to]);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest < 0 || (!force && distance <= TOLERANCE)) continue;
    keep[farthest] = 1;
    // A closed arc (from === to as points) needs two interior vertices to stay an area.
    const closed = keys[from] === keys[to];
    stack.push([from, farthest, closed && force], [farthest, to, closed && force]);
  }
  return keys.filter((_, i) => keep[i]);
};

const arcCache = new Map();
/** The simplified arc, the same for both regions that share it (whatever their direction). */
const simplifiedArc = (keys) => {
  const forward = keys.join(';');
  const reversedKeys = [...keys].reverse();
  const backward = reversedKeys.join(';');
  const canonicalForward = forward <= backward;
  const canonical = canonicalForward ? forward : backward;
  let result = arcCache.get(canonical);
  if (!result) {
    result = simplifyArc(canonicalForward ? keys : reversedKeys);
    arcCache.set(canonical, result);
  }
  return canonicalForward ? result : [...result].reverse();
};

const simplifyRing = (keys) => {
  const n = keys.length;
  let start = keys.findIndex((k) => junction.has(k));
  if (start < 0) {
    // No junction: one closed arc from a canonical start (the smallest key), in a canonical direction.
    start = keys.reduce((best, k, i) => (k < keys[best] ? i : best), 0);
    const rotated = [...keys.slice(start), ...keys.slice(0, start), keys[start]];
    return simplifiedArc(rotated).slice(0, -1);
  }
  const rotated = [...keys.slice(start), ...keys.slice(0, start), keys[start]];
  const out = [];
  let arcStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || junction.has(rotated[i])) {
      const arc = simplifiedArc(rotated.slice(arcStart, i + 1));
      out.push(...arc.slice(0, -1));
      arcStart = i;
    }
  }
  return out;
};

// 4. Write.
const round = (v) => Math.round(v * 10) / 10;
const ringPath = (keys) => {
  const pts = keys.map((k) => point.get(k).map(round));
  const deduped = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  return `M${deduped.map((p) => `${p[0]} ${p[1]}`).join('L')}Z`;
};

let vertices = 0;
const regions = collection.features.map((f, fi) => {
  const own = rings.filter((r) => r.feature === fi);
  const d = own
    .map((r) => {
      const simplified = simplifyRing(r.keys);
      vertices += simplified.length;
      return ringPath(simplified);
    })
    .join('');
  const feature = rewound.features[fi];
  const area = pathOf.area(feature);
  // Label point: the centroid of the largest part (a city's main part, not its exclaves).
  const parts = feature.geometry.coordinates.map((rings) => ({ type: 'Polygon', coordinates: rings }));
  const largest = parts.reduce((best, p) => (pathOf.area(p) > pathOf.area(best) ? p : best), parts[0]);
  const [cx, cy] = pathOf.centroid(largest).map(round);
  const { id, name_kk: kk, name_ru: ru, name_en: en } = f.properties;
  return { id, name: { kk, ru, en }, d, cx, cy, ...(area < SMALL_AREA ? { small: true } : {}) };
});

const header = `/**
 * Kazakhstan's 20 first-level regions (ISO 3166-2:KZ ids) as pre-projected, simplified SVG paths
 * in a ${WIDTH}×${HEIGHT} box: generated by apps/web/scripts/build-kz-map.js from
 * kz-regions.geojson. Do not edit; run the script again.
 *
 * Boundaries © OpenStreetMap contributors, Open Database License (ODbL) 1.0
 * (https://www.openstreetmap.org/copyright): this derivative stays under ODbL 1.0 (see
 * KZ-MAP-SOURCE.md next to this file); the map shows the attribution.
 */
`;
const body = `${header}
export interface MapRegion {
  /** ISO 3166-2:KZ id (\`KZ-75\`). */
  id: string;
  /** OpenStreetMap names (the API's names win when it has them). */
  name: { kk: string; ru: string; en: string };
  /** SVG path data; holes are sub-paths (fill-rule evenodd). */
  d: string;
  /** Label point: the centroid of the largest part. */
  cx: number;
  cy: number;
  /** Too small to see at country scale: draw a marker too. */
  small?: true;
}

export const MAP_WIDTH = ${WIDTH};
export const MAP_HEIGHT = ${HEIGHT};

export const MAP_REGIONS: readonly MapRegion[] = ${JSON.stringify(regions)};
`;
const names = Object.fromEntries(regions.map((r) => [r.id, r.name]));
const namesBody = `/**
 * The names of Kazakhstan's 20 regions by ISO 3166-2:KZ id (OpenStreetMap, ODbL 1.0), small enough
 * for every page: generated by apps/web/scripts/build-kz-map.js with kzMap.generated.ts.
 */

export const REGION_NAMES: Readonly<Record<string, { kk: string; ru: string; en: string }>> = ${JSON.stringify(names)};
`;
const options = (await prettier.resolveConfig(output)) ?? {};
await writeFile(output, await prettier.format(body, { ...options, filepath: output }));
await writeFile(namesOutput, await prettier.format(namesBody, { ...options, filepath: namesOutput }));
const size = Buffer.byteLength(await readFile(output, 'utf8'));
console.log(
  `${path.relative(repoRoot, output)}: ${regions.length} regions, ${vertices} vertices ` +
    `(from ${point.size}), ${junction.size} junctions, ${arcCache.size} arcs, ${(size / 1024).toFixed(1)} KB, ` +
    `${WIDTH}×${HEIGHT}; small: ${regions
      .filter((r) => r.small)
      .map((r) => r.id)
      .join(', ')}`,
);
