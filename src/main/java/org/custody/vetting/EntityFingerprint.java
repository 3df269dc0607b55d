package org.custody.vetting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;

/**
 * SHA-256 of a listed entity's content (names, aliases, programmes, dates, nationalities, addresses,
 * identifiers, remarks), independent of the list version it came in: a dismissal survives re-imports of
 * an unchanged entry and lapses when the entry itself changes. Collections are sorted so the order a list
 * happens to give them in does not matter.
 */
public final class EntityFingerprint {

    private EntityFingerprint() {}

    public static String of(ListEntity e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, e.id());
            field(sha, e.schema().name());
            field(sha, e.primaryName());
            List<String> aliases = new ArrayList<>();
            for (Alias a : e.aliases()) aliases.add(a.strength() + "/" + a.kind() + "/" + a.name());
            list(sha, aliases);
            list(sha, e.programs());
            list(sha, e.birthDates());
            list(sha, e.nationalities());
            List<String> addresses = new ArrayList<>();
            for (Address a : e.addresses()) {
                addresses.add(a.street() + "\u001f" + a.cityStateProvince() + "\u001f" + a.country() + "\u001f" + a.remarks());
            }
            list(sha, addresses);
            List<String> ids = new ArrayList<>();
            for (Identifier i : e.identifiers()) ids.add(i.type() + "\u001f" + i.value() + "\u001f" + i.country());
            list(sha, ids);
            field(sha, e.remarks());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void list(MessageDigest sha, List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.replaceAll(v -> v == null ? "" : v);
        sorted.sort(null);
        field(sha, Integer.toString(sorted.size()));
        for (String v : sorted) field(sha, v);
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
