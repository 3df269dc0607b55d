package org.custody.diversion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link LedgerView} held in hash maps: serial → transfer, designation/family/category → transfers,
 * unit → parent, actor id and folded unit names → unit. The database adapter loads the ledger's tables
 * into one of these for a detection run; lookups are then O(1) per claim.
 */
public final class InMemoryLedger implements LedgerView {

    private final Map<String, UnitRef> units = new HashMap<>();
    private final Map<String, String> unitCountries = new HashMap<>();
    private final Map<String, String> unitByName = new HashMap<>();
    private final Map<String, String> unitByActorId = new HashMap<>();
    private final Map<String, CandidateTransfer> transfers = new HashMap<>();
    private final Map<String, String> serialToTransfer = new HashMap<>();
    private final Map<String, List<CandidateTransfer>> byDesignation = new HashMap<>();
    private final Map<String, List<CandidateTransfer>> byFamily = new HashMap<>();
    private final Map<String, List<CandidateTransfer>> byCategory = new HashMap<>();

    public static String foldName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** Adds a unit, known by its name and any aliases. Parents may be added later. */
    public InMemoryLedger addUnit(UnitRef unit, String... aliases) {
        units.put(unit.id(), unit);
        unitByName.putIfAbsent(foldName(unit.name()), unit.id());
        for (String a : aliases) unitByName.putIfAbsent(foldName(a), unit.id());
        unitByActorId.putIfAbsent(unit.id(), unit.id());
        return this;
    }

    /** Records the country whose forces a unit belongs to. */
    public InMemoryLedger unitCountry(String unitId, String country) {
        unitCountries.put(unitId, country);
        return this;
    }

    @Override
    public String unitCountry(String unitId) {
        String c = unitCountries.get(unitId);
        if (c != null) return c;
        UnitRef u = units.get(unitId);
        return u == null || u.parentId() == null || u.parentId().equals(unitId) ? null : unitCountry(u.parentId());
    }

    /** Records that an actor id from the entity registry denotes this ledger unit. */
    public InMemoryLedger linkActor(String actorId, String unitId) {
        unitByActorId.put(actorId, unitId);
        return this;
    }

    public InMemoryLedger addTransfer(CandidateTransfer t, Iterable<String> serials) {
        if (transfers.putIfAbsent(t.transferId(), t) != null) {
            throw new IllegalArgumentException("transfer " + t.transferId() + " added twice");
        }
        index(byDesignation, t.article().designationKey(), t);
        index(byFamily, t.article().familyKey(), t);
        index(byCategory, t.article().categoryKey(), t);
        for (String s : serials) addSerial(t.transferId(), s);
        return this;
    }

    public InMemoryLedger addSerial(String transferId, String serial) {
        if (!transfers.containsKey(transferId)) throw new IllegalArgumentException("unknown transfer " + transferId);
        serialToTransfer.put(normaliseSerial(serial), transferId);
        return this;
    }

    /** Adds a serial already in key form (see {@link #normaliseSerial}); for bulk loads. */
    public InMemoryLedger addSerialKey(String transferId, String serialKey) {
        serialToTransfer.put(serialKey, transferId);
        return this;
    }

    /**
     * Serials compare as upper-case letters and digits only ("ab-123 45" = "AB12345"), the ledger's serial
     * key rule.
     */
    public static String normaliseSerial(String serial) {
        StringBuilder sb = new StringBuilder(serial.length());
        for (int i = 0; i < serial.length(); i++) {
            char ch = serial.charAt(i);
            if (Character.isLetterOrDigit(ch)) sb.append(Character.toUpperCase(ch));
        }
        return sb.toString();
    }

    private static void index(Map<String, List<CandidateTransfer>> idx, String key, CandidateTransfer t) {
        if (key != null) idx.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }

    public int serialCount() {
        return serialToTransfer.size();
    }

    public int transferCount() {
        return transfers.size();
    }

    public Optional<UnitRef> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    @Override
    public List<CandidateTransfer> byDesignation(String designationKey) {
        return byDesignation.getOrDefault(designationKey, List.of());
    }

    @Override
    public List<CandidateTransfer> byFamily(String familyKey) {
        return byFamily.getOrDefault(familyKey, List.of());
    }

    @Override
    public List<CandidateTransfer> byCategory(String categoryKey) {
        return byCategory.getOrDefault(categoryKey, List.of());
    }

    @Override
    public Optional<CandidateTransfer> bySerial(String serial) {
        String id = serialToTransfer.get(normaliseSerial(serial));
        return id == null ? Optional.empty() : Optional.of(transfers.get(id));
    }

    @Override
    public Optional<UnitRef> unitForActor(Actor actor) {
        String id = actor.id() == null ? null : unitByActorId.get(actor.id());
        if (id == null && actor.name() != null) id = unitByName.get(foldName(actor.name()));
        return id == null ? Optional.empty() : Optional.ofNullable(units.get(id));
    }

    @Override
    public boolean isUnitOrSubUnit(String unitId, String ancestorId) {
        Set<String> seen = new HashSet<>();
        String cur = unitId;
        while (cur != null && seen.add(cur)) {
            if (cur.equals(ancestorId)) return true;
            UnitRef u = units.get(cur);
            cur = u == null ? null : u.parentId();
        }
        return false;
    }
}
