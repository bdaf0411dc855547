#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Computes, independently of Kosovo Atlas's C code, the reference figures
# that tests/geo/test-zone-figures.c checks the zone computation against.
# It reads the same base-map files (data/basemap/*.geojson) and uses
# different tools: Shapely for the geometry, PROJ (through pyproj) for the
# ellipsoidal azimuthal equidistant projection and GeographicLib's geodesic
# area and length on the WGS 84 ellipsoid (pyproj.Geod).
#
# Needs Debian's python3-shapely and python3-pyproj (not needed to build or
# to run the test suite):
#
#   apt-get install python3-shapely python3-pyproj
#   /usr/bin/python3 tests/geo/expected-figures.py data/basemap
#
# and paste its output into the table in test-zone-figures.c.

import json
import sys
from pathlib import Path

import pyproj
from shapely.geometry import shape, mapping
from shapely.ops import transform, unary_union
from shapely.validation import make_valid

basemap = Path(sys.argv[1] if len(sys.argv) > 1 else 'data/basemap')
geod = pyproj.Geod(ellps='WGS84')
aeqd = pyproj.CRS.from_proj4('+proj=aeqd +lat_0=42.6 +lon_0=20.9 +ellps=WGS84 +units=m +no_defs')
wgs84 = pyproj.CRS.from_epsg(4326)
forward = pyproj.Transformer.from_crs(wgs84, aeqd, always_xy=True).transform
inverse = pyproj.Transformer.from_crs(aeqd, wgs84, always_xy=True).transform


def load(name):
    with open(basemap / name, encoding='utf-8') as f:
        return json.load(f)['features']


countries = {f['properties']['iso3']: make_valid(shape(f['geometry'])) for f in load('countries.geojson')}
borders = {}
for f in load('borders.geojson'):
    p = f['properties']
    borders[frozenset((p['a'], p['b']))] = shape(f['geometry'])


def polygonal(geometry):
    """Only the polygons of what make_valid returned (it may add lines)."""
    if geometry.geom_type in ('Polygon', 'MultiPolygon'):
        return geometry
    return unary_union([g for g in geometry.geoms if g.geom_type in ('Polygon', 'MultiPolygon')])


def area_km2(geometry):
    return abs(geod.geometry_area_perimeter(polygonal(geometry))[0]) / 1e6


def length_km(geometry):
    return geod.geometry_length(geometry) / 1000


def border(a, b):
    return borders[frozenset((a, b))]


def band_km2(area, others, width_km, both=False):
    line = unary_union([transform(forward, border(area, o)) for o in others])
    side = unary_union([transform(forward, polygonal(countries[o])) for o in others + ([area] if both else [])])
    band = line.buffer(width_km * 1000, 16).intersection(side)
    return area_km2(transform(inverse, band))


def band_inside_band_km2(width_km, inner_km):
    """Zone t-inside-asz: the inner_km of a width_km band into SRB+MNE,
    along the part of its boundary within a metre of Kosovo (a zone used
    as a rule's area has no base-map border, so that is how it is found)."""
    line = unary_union([transform(forward, border('XKX', o)) for o in ['SRB', 'MNE']])
    side = unary_union([transform(forward, polygonal(countries[o])) for o in ['SRB', 'MNE']])
    band = line.buffer(width_km * 1000, 16).intersection(side)
    kosovo = transform(forward, polygonal(countries['XKX']))
    shared = band.boundary.intersection(kosovo.buffer(1))
    inner = shared.buffer(inner_km * 1000, 16).intersection(band)
    return area_km2(transform(inverse, inner)), length_km(transform(inverse, shared))


# The explicit polygon of zone t-box in tests/geo/zones-test.geojson.
box = shape({'type': 'Polygon', 'coordinates': [[[20.8, 42.3], [21.2, 42.3], [21.2, 42.5], [20.8, 42.5], [20.8, 42.3]]]})


figures = [
    ('area of XKX (km²)', area_km2(countries['XKX'])),
    ('boundary XKX–SRB (km)', length_km(border('XKX', 'SRB'))),
    ('boundary XKX–MNE (km)', length_km(border('XKX', 'MNE'))),
    ('5 km band into SRB+MNE (km²)', band_km2('XKX', ['SRB', 'MNE'], 5)),
    ('25 km band into SRB+MNE (km²)', band_km2('XKX', ['SRB', 'MNE'], 25)),
    ('10 km band into SRB+MNE (km²)', band_km2('XKX', ['SRB', 'MNE'], 10)),
    ('2 km band into SRB+MNE (km²)', band_km2('XKX', ['SRB', 'MNE'], 2)),
    ('12.5 km both sides of XKX–MKD (km²)', band_km2('XKX', ['MKD'], 12.5, both=True)),
    ('boundary XKX–MKD (km)', length_km(border('XKX', 'MKD'))),
    ('explicit box (km²)', area_km2(box)),
    ('2 km inside the 10 km band (km²)', band_inside_band_km2(10, 2)[0]),
    ('its boundary with XKX (km)', band_inside_band_km2(10, 2)[1]),
]
print(f'# shapely {__import__("shapely").__version__}, pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}')
for label, value in figures:
    print(f'{label:40s} {value:12.3f}')
