#!/usr/bin/env python3
"""Builds the web map's country outlines: a Middle-East subset of Natural Earth (public domain) as GeoJSON.

Input: countries-50m.json from the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock; the shapes are
Natural Earth's 1:50m admin-0 countries). Get it with `npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`.

    scripts/build-map-outlines.py package/countries-50m.json \
        src/main/resources/org/custody/server/static/map/countries-me.geojson

TopoJSON is decoded here (quantised, delta-encoded arcs; a negative arc index is arc ~i reversed), so no
JavaScript tool is needed. Coordinates are rounded to 3 decimals (about 100 m), enough for a country outline.
"""
import json
import sys

# ISO 3166-1 numeric codes of the countries the map shows: Iraq, Syria and their neighbours.
COUNTRIES = {
    "368": "Iraq", "760": "Syria", "792": "Turkey", "364": "Iran", "400": "Jordan", "682": "Saudi Arabia",
    "414": "Kuwait", "422": "Lebanon", "376": "Israel", "275": "Palestine", "818": "Egypt", "887": "Yemen",
    "512": "Oman", "784": "United Arab Emirates", "634": "Qatar", "048": "Bahrain", "196": "Cyprus",
    "031": "Azerbaijan", "051": "Armenia", "268": "Georgia", "004": "Afghanistan", "586": "Pakistan",
    "795": "Turkmenistan", "434": "Libya",
}


def decode_arcs(topo):
    t = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for p in arc:
            if t:
                x += p[0]
                y += p[1]
                pts.append((x * t["scale"][0] + t["translate"][0], y * t["scale"][1] + t["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        out.append(pts)
    return out


def ring(arcs, indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return [[round(x, 3), round(y, 3)] for x, y in pts]


def geometry(arcs, g):
    if g["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(arcs, r) for r in g["arcs"]]}
    if g["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[ring(arcs, r) for r in poly] for poly in g["arcs"]]}
    raise ValueError("unexpected geometry type " + g["type"])


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        code = str(g.get("id", ""))
        if code not in COUNTRIES or "arcs" not in g:
            continue
        features.append({"type": "Feature", "id": code,
                         "properties": {"name": g.get("properties", {}).get("name", COUNTRIES[code])},
                         "geometry": geometry(arcs, g)})
    missing = set(COUNTRIES) - {f["id"] for f in features}
    if missing:
        sys.exit("countries not found in " + src + ": " + ", ".join(sorted(COUNTRIES[m] for m in missing)))
    features.sort(key=lambda f: f["properties"]["name"])
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{dst}: {len(features)} countries")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
