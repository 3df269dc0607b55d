package org.custody.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles of a Custody team and what each may do. This table is the only place a role's rights are
 * written down; the server's route table names capabilities, never roles.
 */
public enum Role {
    /** Screens names, ingests evidence, runs detection and works diversion cases. */
    ANALYST(EnumSet.of(Capability.READ, Capability.MANAGE_LISTS, Capability.INGEST_EVIDENCE,
            Capability.RUN_DETECTION, Capability.WORK_CASES)),
    /** Works the vetting queue: requests, checks, dismissals and decisions. */
    VETTING_OFFICER(EnumSet.of(Capability.READ, Capability.WORK_VETTING, Capability.DECIDE_VETTING)),
    /** Keeps the ledger and the end-use-monitoring record; works cases about the material it monitors. */
    MONITORING_OFFICER(EnumSet.of(Capability.READ, Capability.WRITE_LEDGER, Capability.RECORD_MONITORING,
            Capability.INGEST_EVIDENCE, Capability.WORK_CASES)),
    /** Everything a team does, without managing accounts. */
    SUPERVISOR(EnumSet.complementOf(EnumSet.of(Capability.MANAGE_ACCOUNTS))),
    /** Reads everything, changes nothing. */
    AUDITOR(EnumSet.of(Capability.READ)),
    /** Everything, including accounts and tokens. */
    ADMIN(EnumSet.allOf(Capability.class));

    private final Set<Capability> capabilities;

    Role(Set<Capability> capabilities) {
        this.capabilities = Set.copyOf(capabilities);
    }

    public boolean may(Capability c) {
        return capabilities.contains(c);
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The role's name as users type it and JSON carries it: {@code vetting_officer}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles holding a capability. */
    public static Set<Role> holding(Capability c) {
        return Arrays.stream(values()).filter(r -> r.may(c)).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Parses {@code vetting_officer}, {@code vetting-officer} or {@code VETTING_OFFICER}. */
    public static Role parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role r : values()) if (r.name().equals(t)) return r;
        throw new IllegalArgumentException("unknown role '" + text + "' (one of: "
                + Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", ")) + ")");
    }
}
