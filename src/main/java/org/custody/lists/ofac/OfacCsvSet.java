package org.custody.lists.ofac;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one OFAC legacy CSV list: the SDN set (sdn.csv, alt.csv, add.csv, sdn_comments.csv) or
 * the consolidated non-SDN set (cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv). Only the
 * primary file is required.
 */
public record OfacCsvSet(Flavour flavour, Path primary, Path aliases, Path addresses, Path comments) {

    /** Which OFAC list a set of legacy files is, with its file names and Custody list id. */
    public enum Flavour {
        SDN("ofac-sdn", "sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"),
        CONSOLIDATED("ofac-cons", "cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv");

        public final String listId;
        public final String primaryFile;
        public final String aliasFile;
        public final String addressFile;
        public final String commentFile;

        Flavour(String listId, String primaryFile, String aliasFile, String addressFile, String commentFile) {
            this.listId = listId;
            this.primaryFile = primaryFile;
            this.aliasFile = aliasFile;
            this.addressFile = addressFile;
            this.commentFile = commentFile;
        }

        public List<String> fileNames() {
            return List.of(primaryFile, aliasFile, addressFile, commentFile);
        }
    }

    /** The set in {@code folder}, if the folder holds a primary file of either flavour. */
    public static Optional<OfacCsvSet> inFolder(Path folder) {
        for (Flavour f : Flavour.values()) {
            if (Files.isRegularFile(folder.resolve(f.primaryFile))) {
                return Optional.of(new OfacCsvSet(f, folder.resolve(f.primaryFile),
                        existing(folder.resolve(f.aliasFile)), existing(folder.resolve(f.addressFile)),
                        existing(folder.resolve(f.commentFile))));
            }
        }
        return Optional.empty();
    }

    /** The set named by individual files (any order); empty unless the primary file is among them. */
    public static Optional<OfacCsvSet> ofFiles(List<Path> files) {
        for (Flavour f : Flavour.values()) {
            Path primary = named(files, f.primaryFile);
            if (primary != null) {
                return Optional.of(new OfacCsvSet(f, primary, named(files, f.aliasFile),
                        named(files, f.addressFile), named(files, f.commentFile)));
            }
        }
        return Optional.empty();
    }

    /** True when {@code file} is named like one of the legacy CSV files. */
    public static boolean isLegacyFileName(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (Flavour f : Flavour.values()) if (f.fileNames().contains(n)) return true;
        return false;
    }

    /** The files present, in a fixed order (for the content hash). */
    public List<Path> files() {
        List<Path> out = new ArrayList<>(4);
        for (Path p : new Path[] {primary, aliases, addresses, comments}) if (p != null) out.add(p);
        return out;
    }

    private static Path existing(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }

    private static Path named(List<Path> files, String name) {
        for (Path p : files) {
            if (p.getFileName().toString().equalsIgnoreCase(name)) return p;
        }
        return null;
    }
}
