package org.custody.lists.ofac;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.ListFormatException;
import org.custody.lists.ListSummary;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.custody.lists.SourceFiles;

/**
 * Imports an OFAC legacy CSV set into list-neutral entities, joining aliases, addresses and remark
 * overflow on {@code ent_num}. Rows of the companion files whose ent_num has no primary row ("orphans",
 * common when the files come from different days) are counted and reported, not refused.
 */
public final class OfacCsvImporter {

    public static final List<String> PRIMARY_COLUMNS = List.of("ent_num", "SDN_Name", "SDN_Type", "Program",
            "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks");
    public static final List<String> ALIAS_COLUMNS = List.of("ent_num", "alt_num", "alt_type", "alt_name",
            "alt_remarks");
    public static final List<String> ADDRESS_COLUMNS = List.of("ent_num", "add_num", "address",
            "city/state/postal", "country", "add_remarks");
    public static final List<String> COMMENT_COLUMNS = List.of("ent_num", "remarks_extended");

    private OfacCsvImporter() {}

    public static ParsedList read(OfacCsvSet set) {
        List<ListEntity> entities = new ArrayList<>();
        return stream(set, entities::add).withEntities(SourceFiles.contentHash(set.files()), entities);
    }

    /**
     * Reads the set and hands each entity, in the primary file's order, to {@code sink}. The join on
     * ent_num goes through a {@link JoinSpill} on disk, so memory holds the ent_num index (12 bytes per
     * entity) and one partition of entities, not the list.
     */
    public static ListSummary stream(OfacCsvSet set, Consumer<ListEntity> sink) {
        try (JoinSpill spill = JoinSpill.create()) {
            return parse(set, sink, spill);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ListSummary parse(OfacCsvSet set, Consumer<ListEntity> sink, JoinSpill spill) throws IOException {
        String listId = set.flavour().listId;
        JoinSpill.EntNums ents = new JoinSpill.EntNums();
        String pf = set.primary().getFileName().toString();
        try (Reader r = SourceFiles.utf8(set.primary())) {
            LegacyCsv csv = new LegacyCsv(r, pf, PRIMARY_COLUMNS);
            LegacyCsv.Row row;
            while ((row = csv.next()) != null) {
                Primary p = primary(pf, row);   // checks the row now; it is built again when joined
                ents.add(p.entNum, row.line());
                JoinSpill.row(spill.primaries(), row);
            }
        }
        ents.freeze(pf);
        spill.primariesDone(ents.size());
        Map<String, Long> counts = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        counts.put("entities", (long) ents.size());

        if (set.aliases() != null) {
            String f = set.aliases().getFileName().toString();
            long rows = 0;
            Orphans orphans = new Orphans();
            try (Reader r = SourceFiles.utf8(set.aliases())) {
                LegacyCsv csv = new LegacyCsv(r, f, ALIAS_COLUMNS);
                LegacyCsv.Row row;
                while ((row = csv.next()) != null) {
                    rows++;
                    long ent = integer(f, row, 0);
                    integer(f, row, 1);
                    String type = row.get(2) == null ? "aka" : row.get(2).strip().toLowerCase(Locale.ROOT);
                    String name = required(f, row, 3);
                    AliasStrength strength = switch (type) {
                        case "aka", "nka" -> AliasStrength.STRONG;
                        case "fka" -> AliasStrength.WEAK;
                        default -> throw new ListFormatException(f, row.line(), "alt_type",
                                "unknown alias type '" + row.get(2) + "' (expected aka, fka or nka)");
                    };
                    String altRemarks = row.get(4) == null ? "" : row.get(4);
                    if (altRemarks.toLowerCase(Locale.ROOT).contains("weak")) strength = AliasStrength.WEAK;
                    int ordinal = ents.ordinal(ent);
                    if (ordinal < 0) {
                        orphans.add(ent);
                        continue;
                    }
                    DataOutputStream out = spill.companion(ordinal);
                    out.writeByte(ALIAS);
                    out.writeInt(ordinal);
                    JoinSpill.str(out, name);
                    out.writeByte(strength.ordinal());
                    JoinSpill.str(out, type);
                }
            }
            counts.put("aliasRows", rows);
            orphans.report(f, counts, warnings, "aliasOrphanRows", "aliasOrphanEntities");
        }

        if (set.addresses() != null) {
            String f = set.addresses().getFileName().toString();
            long rows = 0;
            Orphans orphans = new Orphans();
            try (Reader r = SourceFiles.utf8(set.addresses())) {
                LegacyCsv csv = new LegacyCsv(r, f, ADDRESS_COLUMNS);
                LegacyCsv.Row row;
                while ((row = csv.next()) != null) {
                    rows++;
                    long ent = integer(f, row, 0);
                    integer(f, row, 1);
                    int ordinal = ents.ordinal(ent);
                    if (ordinal < 0) {
                        orphans.add(ent);
                        continue;
                    }
                    Address a = new Address(text(row.get(2)), text(row.get(3)), text(row.get(4)), text(row.get(5)));
                    if (!(a.street().isEmpty() && a.cityStateProvince().isEmpty() && a.country().isEmpty())) {
                        DataOutputStream out = spill.companion(ordinal);
                        out.writeByte(ADDRESS);
                        out.writeInt(ordinal);
                        JoinSpill.str(out, a.street());
                        JoinSpill.str(out, a.cityStateProvince());
                        JoinSpill.str(out, a.country());
                        JoinSpill.str(out, a.remarks());
                    }
                }
            }
            counts.put("addressRows", rows);
            orphans.report(f, counts, warnings, "addressOrphanRows", "addressOrphanEntities");
        }

        if (set.comments() != null) {
            String f = set.comments().getFileName().toString();
            long rows = 0;
            Orphans orphans = new Orphans();
            try (Reader r = SourceFiles.utf8(set.comments())) {
                LegacyCsv csv = new LegacyCsv(r, f, COMMENT_COLUMNS);
                LegacyCsv.Row row;
                while ((row = csv.next()) != null) {
                    rows++;
                    long ent = integer(f, row, 0);
                    int ordinal = ents.ordinal(ent);
                    if (ordinal < 0) {
                        orphans.add(ent);
                        continue;
                    }
                    // The comment file carries the overflow of a Remarks field cut at a fixed length,
                    // often mid-word, so it continues the remarks without a separator.
                    DataOutputStream out = spill.companion(ordinal);
                    out.writeByte(COMMENT);
                    out.writeInt(ordinal);
                    JoinSpill.str(out, text(row.get(1)));
                }
            }
            counts.put("commentRows", rows);
            orphans.report(f, counts, warnings, "commentOrphanRows", "commentOrphanEntities");
        }

        long strong = 0;
        long weak = 0;
        try (DataInputStream primaries = spill.readPrimaries()) {
            int size = spill.partitionSize();
            for (int k = 0; k < spill.partitions(); k++) {
                int base = k * size;
                Primary[] part = new Primary[Math.min(size, ents.size() - base)];
                for (int i = 0; i < part.length; i++) part[i] = primary(pf, JoinSpill.row(primaries));
                try (DataInputStream in = spill.readCompanions(k)) {
                    if (in != null) joinCompanions(in, part, base);
                }
                for (Primary p : part) {
                    ListEntity e = p.toEntity(listId);
                    for (Alias a : e.aliases()) {
                        if (a.strength() == AliasStrength.WEAK) weak++;
                        else strong++;
                    }
                    sink.accept(e);
                }
            }
        }
        counts.put("strongAliases", strong);
        counts.put("weakAliases", weak);
        return new ListSummary(listId, null, counts, warnings);
    }

    private static final int ALIAS = 1;
    private static final int ADDRESS = 2;
    private static final int COMMENT = 3;
    private static final AliasStrength[] STRENGTHS = AliasStrength.values();

    /** Adds one partition's companion records (in the order their files held them) to its primary rows. */
    private static void joinCompanions(DataInputStream in, Primary[] part, int base) throws IOException {
        int tag;
        while ((tag = JoinSpill.tag(in)) != -1) {
            Primary p = part[in.readInt() - base];
            switch (tag) {
                case ALIAS -> {
                    String name = JoinSpill.str(in);
                    AliasStrength strength = STRENGTHS[in.readByte()];
                    p.aliases.add(new Alias(name, strength, JoinSpill.str(in)));
                }
                case ADDRESS -> p.addresses.add(new Address(JoinSpill.str(in), JoinSpill.str(in), JoinSpill.str(in),
                        JoinSpill.str(in)));
                case COMMENT -> p.remarks.append(JoinSpill.str(in));
                default -> throw new IOException("corrupt temporary join file (tag " + tag + ")");
            }
        }
    }

    private static Primary primary(String file, LegacyCsv.Row row) {
        long ent = integer(file, row, 0);
        String name = required(file, row, 1);
        String type = row.get(2) == null ? "" : row.get(2).strip().toLowerCase(Locale.ROOT);
        Schema schema = switch (type) {
            case "" -> Schema.ORGANIZATION;
            case "individual" -> Schema.PERSON;
            case "vessel" -> Schema.VESSEL;
            case "aircraft" -> Schema.AIRCRAFT;
            default -> throw new ListFormatException(file, row.line(), "SDN_Type", "unknown SDN_Type '"
                    + row.get(2) + "' (expected individual, vessel, aircraft or -0- for an entity)");
        };
        decimal(file, row, 7);
        decimal(file, row, 8);
        Primary p = new Primary(ent, name, schema);
        String programs = row.get(3);
        if (programs != null) {
            for (String prog : programs.split("\\]\\s*\\[")) {
                String t = prog.replace("[", "").replace("]", "").strip();
                if (!t.isEmpty()) p.programs.add(t);
            }
        }
        p.title = text(row.get(4));
        addIdentifier(p, "Call Sign", row.get(5));
        addIdentifier(p, "Vessel Type", row.get(6));
        addIdentifier(p, "Tonnage", row.get(7));
        addIdentifier(p, "GRT", row.get(8));
        addIdentifier(p, "Vessel Flag", row.get(9));
        addIdentifier(p, "Vessel Owner", row.get(10));
        p.remarks.append(text(row.get(11)));
        return p;
    }

    private static void addIdentifier(Primary p, String type, String value) {
        if (value != null && !value.isBlank()) p.vesselFields.add(new Identifier(type, value.strip(), ""));
    }

    private static long integer(String file, LegacyCsv.Row row, int col) {
        String v = row.get(col);
        List<String> cols = columnsOf(row);
        String field = cols.get(col);
        if (v == null || v.isBlank()) throw new ListFormatException(file, row.line(), field, "missing " + field);
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ListFormatException(file, row.line(), field, "'" + v + "' is not a whole number");
        }
    }

    private static void decimal(String file, LegacyCsv.Row row, int col) {
        String v = row.get(col);
        if (v == null || v.isBlank()) return;
        if (!v.strip().replace(",", "").matches("\\d+(\\.\\d+)?")) {
            throw new ListFormatException(file, row.line(), PRIMARY_COLUMNS.get(col), "'" + v + "' is not a number");
        }
    }

    private static String required(String file, LegacyCsv.Row row, int col) {
        String v = row.get(col);
        if (v == null || v.isBlank()) {
            String field = columnsOf(row).get(col);
            throw new ListFormatException(file, row.line(), field, "missing " + field);
        }
        return v.strip();
    }

    private static List<String> columnsOf(LegacyCsv.Row row) {
        return switch (row.fields().size()) {
            case 12 -> PRIMARY_COLUMNS;
            case 5 -> ALIAS_COLUMNS;
            case 6 -> ADDRESS_COLUMNS;
            default -> COMMENT_COLUMNS;
        };
    }

    private static String text(String v) {
        return v == null ? "" : v.strip();
    }

    /** Companion rows whose ent_num has no primary row. */
    private static final class Orphans {
        long rows;
        long[] ents = new long[16];
        final Set<Long> examples = new LinkedHashSet<>();   // the first five, in file order

        void add(long ent) {
            if (rows == ents.length) ents = java.util.Arrays.copyOf(ents, ents.length * 2);
            ents[(int) rows++] = ent;
            if (examples.size() < 5) examples.add(ent);
        }

        long distinct() {
            long[] sorted = java.util.Arrays.copyOf(ents, (int) rows);
            java.util.Arrays.sort(sorted);
            long n = 0;
            for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) n++;
            return n;
        }

        void report(String file, Map<String, Long> counts, List<String> warnings, String rowKey, String entKey) {
            long distinct = distinct();
            counts.put(rowKey, rows);
            counts.put(entKey, distinct);
            if (rows > 0) {
                warnings.add(file + ": " + rows + " rows for " + distinct
                        + " ent_nums with no primary row were skipped (orphans; e.g. " + List.copyOf(examples) + ")");
            }
        }
    }

    /** The primary row and what the companion files add to it, before it becomes a ListEntity. */
    private static final class Primary {
        final long entNum;
        final String name;
        final Schema schema;
        final List<String> programs = new ArrayList<>();
        final List<Alias> aliases = new ArrayList<>();
        final List<Address> addresses = new ArrayList<>();
        final List<Identifier> vesselFields = new ArrayList<>();
        final StringBuilder remarks = new StringBuilder();
        String title = "";

        Primary(long entNum, String name, Schema schema) {
            this.entNum = entNum;
            this.name = name;
            this.schema = schema;
        }

        ListEntity toEntity(String listId) {
            String rem = remarks.toString().strip();
            OfacRemarks parsed = OfacRemarks.parse(rem);
            List<Alias> all = new ArrayList<>(aliases);
            Set<String> seen = new LinkedHashSet<>();
            seen.add(name.toUpperCase(Locale.ROOT));
            for (Alias a : aliases) seen.add(a.name().toUpperCase(Locale.ROOT));
            for (Alias w : parsed.weakAliases()) {
                if (seen.add(w.name().toUpperCase(Locale.ROOT))) all.add(w);
            }
            List<Identifier> ids = new ArrayList<>(vesselFields);
            ids.addAll(parsed.identifiers());
            String fullRemarks = title.isEmpty() ? rem : "Title: " + title + (rem.isEmpty() ? "" : "; " + rem);
            return new ListEntity(listId + ":" + entNum, listId, Long.toString(entNum), schema, name, all,
                    programs, parsed.birthDates(), parsed.nationalities(), addresses, ids, fullRemarks);
        }
    }
}
