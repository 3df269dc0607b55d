package org.custody.catalog;

import java.util.List;

/**
 * What kind of defense article something is. Each category carries the plain words reporters use for it
 * ("tank", "rifle", "night-vision goggles"), which {@link ArticleCatalog} uses as the least specific match.
 */
public enum Category {
    MAIN_BATTLE_TANK("main battle tank", "tank", "tanks", "main battle tank", "main battle tanks", "MBT", "MBTs"),
    INFANTRY_FIGHTING_VEHICLE("infantry fighting vehicle", "infantry fighting vehicle", "infantry fighting vehicles",
            "IFV", "IFVs"),
    ARMOURED_PERSONNEL_CARRIER("armoured personnel carrier", "armoured personnel carrier",
            "armored personnel carrier", "armoured personnel carriers", "armored personnel carriers", "APC", "APCs",
            "armoured vehicle", "armored vehicle", "armoured vehicles", "armored vehicles"),
    MRAP("mine-resistant ambush-protected vehicle", "MRAP", "MRAPs", "mine-resistant vehicle",
            "mine resistant ambush protected", "mine-resistant ambush-protected vehicle"),
    LIGHT_TACTICAL_VEHICLE("light tactical vehicle", "light tactical vehicle", "light tactical vehicles",
            "military jeep", "tactical vehicle", "tactical vehicles"),
    ARMOURED_CAR("armoured car / security vehicle", "armoured car", "armored car", "armoured cars", "armored cars",
            "armoured security vehicle", "armored security vehicle"),
    ASSAULT_RIFLE("assault rifle", "rifle", "rifles", "assault rifle", "assault rifles", "carbine", "carbines"),
    MACHINE_GUN("machine gun", "machine gun", "machine guns", "machinegun", "machineguns", "heavy machine gun",
            "heavy machine guns", "light machine gun", "HMG", "LMG"),
    SNIPER_RIFLE("sniper rifle", "sniper rifle", "sniper rifles", "marksman rifle"),
    PISTOL("pistol", "pistol", "pistols", "handgun", "handguns"),
    ANTI_TANK_LAUNCHER("anti-tank weapon", "anti-tank missile", "anti-tank missiles", "anti-tank weapon",
            "anti-tank weapons", "anti-tank launcher", "anti-tank rocket", "ATGM", "ATGMs",
            "rocket launcher", "rocket launchers", "rocket-propelled grenade", "rocket-propelled grenades"),
    GRENADE_LAUNCHER("grenade launcher", "grenade launcher", "grenade launchers", "automatic grenade launcher"),
    RECOILLESS_RIFLE("recoilless rifle", "recoilless rifle", "recoilless rifles", "recoilless gun"),
    AIR_DEFENCE("air-defence weapon", "MANPADS", "MANPAD", "surface-to-air missile", "surface-to-air missiles",
            "anti-aircraft missile", "anti-aircraft missiles", "anti-aircraft gun", "anti-aircraft guns",
            "SAM", "SAMs"),
    ARTILLERY("artillery", "artillery", "howitzer", "howitzers", "artillery piece", "artillery pieces",
            "field gun", "field guns", "rocket artillery", "multiple rocket launcher", "MLRS"),
    MORTAR("mortar", "mortar", "mortars", "mortar tube", "mortar tubes"),
    NIGHT_VISION_DEVICE("night-vision device", "night-vision device", "night vision device", "night-vision devices",
            "night vision devices", "night-vision goggles", "night vision goggles", "NVG", "NVGs", "NVD", "NVDs",
            "thermal sight", "thermal sights"),
    HELICOPTER("helicopter", "helicopter", "helicopters", "gunship"),
    AIRCRAFT("aircraft", "fighter jet", "fighter jets", "combat aircraft", "fighter aircraft",
            "transport aircraft", "aircraft"),
    UAV("unmanned aerial vehicle", "drone", "drones", "UAV", "UAVs", "unmanned aerial vehicle"),
    AMMUNITION("ammunition", "ammunition", "ammo", "rounds of ammunition", "artillery shells",
            "mortar shells", "mortar rounds"),
    RADIO("military radio", "military radio", "military radios", "radio set"),
    OTHER("other defense article");

    private final String label;
    private final List<String> words;

    Category(String label, String... words) {
        this.label = label;
        this.words = List.of(words);
    }

    /** A short human label ("main battle tank"). */
    public String label() {
        return label;
    }

    /** Generic words for this category in reports, least specific level of resolution. */
    public List<String> words() {
        return words;
    }

    /** Parses a category by enum name, case- and separator-insensitive ("main-battle-tank", "MBT" no). */
    public static Category parse(String text) {
        String key = text.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown article category '" + text + "' (one of "
                    + java.util.Arrays.toString(values()) + ")");
        }
    }
}
