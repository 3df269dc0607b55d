#!/usr/bin/env python3
"""Builds data/gazetteer/places.tsv from the GeoNames files (CC BY 4.0) and the dr5hn Iraq file (ODbL).

Usage: scripts/build-gazetteer.py ../shared/data > data/gazetteer/places.tsv
Keeps: countries (all), admin1 and admin2 areas and cities >= 15,000 people of the countries in FOCUS.
Columns: id, name, kind, country, admin1, latitude, longitude, population, aliases ('|'-separated;
Latin-script names with a capital letter and Arabic-script names only).
"""
import io, json, re, sys, zipfile, unicodedata

FOCUS = {"IQ", "SY", "IR", "LB", "JO", "KW", "SA", "TR"}
CITY_FOCUS = {"IQ", "SY", "LB", "JO", "KW"}   # every city >= 15,000 here; elsewhere only population >= 500,000
root = sys.argv[1]

def keep_alias(a):
    if len(a) < 3: return False
    if re.search(r"[\u0600-\u06FF]", a): return True
    if not re.fullmatch(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'ʼʻ‘’ .\-()]+", a): return False
    return any(ch.isupper() for ch in a)

def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()

rows = []
countries = {}
for line in open(f"{root}/geonames/countryInfo.tsv", encoding="utf-8"):
    if line.startswith("#") or line.count("\t") < 16: continue
    f = line.rstrip("\n").split("\t")
    iso, name, gid = f[0], f[4], f[16]
    countries[iso] = name
    rows.append([f"geonames:{gid}", name, "country", iso, "", "", "", f[7], ""])

# governorate coordinates from dr5hn (ODbL), joined on a simple name key
def key(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(governorate|muhafazat|al|an|as|ad|ash)\b", " ", s)
    return re.sub(r"[^a-z]", "", s)
dr = json.loads(zipfile.ZipFile(f"{root}/dr5hn-iq/IQ.zip").read("IQ.json"))
gov = {key(s["name"]): (s["latitude"], s["longitude"]) for s in dr["states"].values()}
dr_names = {}
# GeoNames and dr5hn spell four governorates differently; these pairs name the same admin1 area.
same_area = {"saladin": "salahdin", "dohuk": "duhok", "erbil": "arbil", "babylon": "babil"}
gov = {same_area.get(k, k): v for k, v in gov.items()}
dr_names = {same_area.get(key(s["name"]), key(s["name"])): s["name"] for s in dr["states"].values()}
for line in open(f"{root}/geonames/admin1CodesASCII.txt", encoding="utf-8"):
    code, name, ascii_name, gid = line.rstrip("\n").split("\t")
    cc, a1 = code.split(".")
    if cc not in FOCUS: continue
    lat = lon = ""
    if cc == "IQ":
        k = key(ascii_name)
        cand = [v for kk, v in gov.items() if kk == k or kk.startswith(k[:5]) or k.startswith(kk[:5])]
        if cand: lat, lon = cand[0]
    aliases = {ascii_name} | {dr_names.get(k1, ascii_name) for k1 in [key(ascii_name)]}
    aliases.add(re.sub(r"^Muhafazat ", "", ascii_name).rstrip("'"))
    base = re.sub(r" Governorate$", "", name)
    aliases.add(base)
    aliases = sorted(a for a in aliases if a != name and keep_alias(a))
    rows.append([f"geonames:{gid}", name, "admin1", cc, a1, lat, lon, "", "|".join(map(clean, aliases))])

for line in open(f"{root}/geonames/admin2Codes.txt", encoding="utf-8"):
    code, name, ascii_name, gid = line.rstrip("\n").split("\t")
    cc, a1, _ = code.split(".", 2)
    if cc not in {"IQ", "SY"}: continue
    aliases = {ascii_name, re.sub(r" (District|Qada|Nahiya)$", "", ascii_name)} - {name}
    rows.append([f"geonames:{gid}", name, "admin2", cc, a1, "", "", "",
                 "|".join(sorted(clean(a) for a in aliases if keep_alias(a)))])

with zipfile.ZipFile(f"{root}/geonames/cities15000.zip") as z:
    for line in io.TextIOWrapper(z.open("cities15000.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        cc, pop = f[8], int(f[14] or 0)
        if cc not in FOCUS: continue
        if cc not in CITY_FOCUS and pop < 500000: continue
        aliases = sorted({clean(a) for a in [f[2]] + f[3].split(",") if a and a != f[1] and keep_alias(a)})
        rows.append([f"geonames:{f[0]}", f[1], "city", cc, f[10], f[4], f[5], str(pop), "|".join(aliases)])

print("# Custody gazetteer subset. GeoNames (geonames.org), CC BY 4.0; Iraqi governorate coordinates from")
print("# the dr5hn countries-states-cities database (ODbL 1.0). Built by scripts/build-gazetteer.py.")
print("id\tname\tkind\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\taliases")
for r in rows:
    print("\t".join(r))
