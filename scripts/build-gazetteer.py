#!/usr/bin/env python3
"""Builds data/gazetteer/places.tsv from the GeoNames files (CC BY 4.0) and the dr5hn Iraq file (ODbL).

Usage: scripts/build-gazetteer.py ../shared/data > data/gazetteer/places.tsv
Keeps: countries (all), admin1 and admin2 areas and cities >= 15,000 people of the countries in FOCUS,
and the towns of >= 500 people (GeoNames cities500) of the countries in TOWN_FOCUS.
Columns: id, name, kind, country, admin1, latitude, longitude, population, aliases ('|'-separated;
Latin-script names with a capital letter and Arabic-script names only), admin2 (the id of the district a
place lies in, Iraq and Syria only).

Districts: GeoNames gives the district (admin2 code) of some places only. A district's seat is its place
of feature class PPLA2 (or the place named like the district) and lends the district its coordinates; a
place without a code is put in the district whose seat is nearest within the same governorate (a
nearest-seat approximation of the district borders, which GeoNames does not publish).
"""
import io, json, re, sys, zipfile, unicodedata

FOCUS = {"IQ", "SY", "IR", "LB", "JO", "KW", "SA", "TR"}
CITY_FOCUS = {"IQ", "SY", "LB", "JO", "KW"}   # every city >= 15,000 here; elsewhere only population >= 500,000
TOWN_FOCUS = {"IQ", "SY"}                     # and every town of >= 500 people here
DISTRICT_FOCUS = {"IQ", "SY"}
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
# English and common transliterated names of Iraqi and Syrian governorates that GeoNames' admin1 file lacks
# (written for Custody from general usage: news agencies, UN OCHA, the governorates' own English names)
EXONYMS = {
    "SY.01": "Hasakah|Hasaka|Hasakeh|Al-Hasakeh|Al-Hasaka|Hassakeh|Al Hasakah",
    "SY.02": "Lattakia|Latakia Governorate|Al-Ladhiqiyah",
    "SY.03": "Quneitra Governorate|Qunaitra|Al-Quneitra",
    "SY.04": "Raqqa|Raqqah|Al-Raqqa|Ar-Raqqa|Raqqa Governorate",
    "SY.05": "Sweida|Suwayda|Suwaida|As-Sweida|Al-Suwayda|Sweida Governorate",
    "SY.06": "Dar'a|Deraa|Dara'a|Daraa Governorate",
    "SY.07": "Deir-ez-Zor|Deir Ezzor|Deir ez Zor|Deir al-Zour|Deir el-Zour|Deir Ez-Zor|Dayr az-Zawr|Deir Ezzor Governorate",
    "SY.08": "Rural Damascus|Damascus Countryside|Rif Dimashq|Reef Dimashq|Rif Damascus",
    "SY.09": "Aleppo Governorate|Halab",
    "SY.10": "Hamah|Hama Governorate",
    "SY.11": "Homs Governorate",
    "SY.12": "Idleb|Idlib Governorate|Idleb Governorate",
    "SY.13": "Damascus Governorate",
    "SY.14": "Tartous|Tartus Governorate",
    "IQ.01": "Anbar|Al-Anbar",
    "IQ.02": "Basrah|Al-Basrah|Basra Governorate",
    "IQ.03": "Muthanna|Al-Muthanna",
    "IQ.04": "Qadisiyah|Qadisiya|Al-Qadisiyyah|Diwaniyah Governorate",
    "IQ.05": "Sulaimaniya|Sulaymaniyah Governorate|Suleimaniyah|Slemani|Sulaimani",
    "IQ.07": "Baghdad Governorate",
    "IQ.08": "Dahuk|Dohuk|Duhok Governorate",
    "IQ.09": "Thi Qar|Dhi-Qar|Thi-Qar|Dhi Qar Governorate",
    "IQ.10": "Diyala Governorate",
    "IQ.11": "Erbil Governorate|Hawler",
    "IQ.12": "Kerbala|Karbala Governorate",
    "IQ.13": "Kirkuk Governorate|Tamim|Al-Tamim",
    "IQ.14": "Missan|Maysan Governorate",
    "IQ.15": "Ninewa|Ninawa|Nineveh Governorate|Ninewa Governorate",
    "IQ.16": "Wassit|Wasit Governorate",
    "IQ.17": "Najaf Governorate",
    "IQ.18": "Salahuddin|Salah al-Din|Salahaddin|Salah ad-Din|Saladin Governorate",
}
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
    aliases |= set(EXONYMS.get(code, "").split("|")) - {""}
    aliases = sorted(a for a in aliases if a != name and keep_alias(a))
    rows.append([f"geonames:{gid}", name, "admin1", cc, a1, lat, lon, "", "|".join(map(clean, aliases))])

districts = {}   # admin2 code "IQ.08.89569" -> row
for line in open(f"{root}/geonames/admin2Codes.txt", encoding="utf-8"):
    code, name, ascii_name, gid = line.rstrip("\n").split("\t")
    cc, a1, _ = code.split(".", 2)
    if cc not in DISTRICT_FOCUS: continue
    aliases = {ascii_name, re.sub(r" (District|Qada|Nahiya)$", "", ascii_name)} - {name}
    row = [f"geonames:{gid}", name, "admin2", cc, a1, "", "", "",
           "|".join(sorted(clean(a) for a in aliases if keep_alias(a))), f"geonames:{gid}"]
    rows.append(row)
    districts[f"{cc}.{a1}.{code.split('.', 2)[2]}"] = row

places = {}   # geonameid -> (row, GeoNames fields)
with zipfile.ZipFile(f"{root}/geonames/cities15000.zip") as z:
    for line in io.TextIOWrapper(z.open("cities15000.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        cc, pop = f[8], int(f[14] or 0)
        if cc not in FOCUS: continue
        if cc not in CITY_FOCUS and pop < 500000: continue
        aliases = sorted({clean(a) for a in [f[2]] + f[3].split(",") if a and a != f[1] and keep_alias(a)})
        row = [f"geonames:{f[0]}", f[1], "city", cc, f[10], f[4], f[5], str(pop), "|".join(aliases), ""]
        rows.append(row)
        places[f[0]] = (row, f)
for line in open(f"{root}/geonames/cities500-mideast.txt", encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[8] not in TOWN_FOCUS or f[0] in places or f[6] != "P": continue
    aliases = sorted({clean(a) for a in [f[2]] + f[3].split(",") if a and a != f[1] and keep_alias(a)})
    row = [f"geonames:{f[0]}", f[1], "town", f[8], f[10], f[4], f[5], f[14] or "0", "|".join(aliases), ""]
    rows.append(row)
    places[f[0]] = (row, f)

# districts: GeoNames' own code where given, else the district of the nearest seat in the same governorate
import math
def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))
def dkey(s):
    return key(re.sub(r"(?i)\b(district|qada|qadaa|nahiya)\b", "", s))
seats = {}   # district code -> (lat, lon)
for code, d in districts.items():
    named = [p for p, f in places.values() if f[8] == d[3] and f[10] == d[4]
             and (f[11] and f"{f[8]}.{f[10]}.{f[11]}" == code and f[7] == "PPLA2"
                  or dkey(f[1]) == dkey(d[1]) or dkey(f[2]) == dkey(d[1]))]
    if named:
        best = max(named, key=lambda p: int(p[7] or 0))
        seats[code] = (float(best[5]), float(best[6]))
        d[5], d[6] = best[5], best[6]
for row, f in places.values():
    if f[8] not in DISTRICT_FOCUS: continue
    code = f"{f[8]}.{f[10]}.{f[11]}" if f[11] else None
    if code not in districts:
        here = (float(f[4]), float(f[5]))
        near = [(km(here, xy), c) for c, xy in seats.items() if c.startswith(f"{f[8]}.{f[10]}.")]
        code = min(near)[1] if near else None
    if code: row[9] = districts[code][0]

print("# Custody gazetteer subset. GeoNames (geonames.org), CC BY 4.0; Iraqi governorate coordinates from")
print("# the dr5hn countries-states-cities database (ODbL 1.0). Built by scripts/build-gazetteer.py.")
print("id\tname\tkind\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\taliases\tadmin2")
for r in rows:
    print("\t".join(r + [""] * (10 - len(r))))
