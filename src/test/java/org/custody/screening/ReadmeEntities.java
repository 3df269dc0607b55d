package org.custody.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;

/**
 * Real OFAC SDN entries (names and aliases as in ofac-sdn/sdn.csv and alt.csv, see the shared data
 * README's verification table), typed in by hand so screening tests do not depend on the importer.
 */
final class ReadmeEntities {
    private ReadmeEntities() { }

    /** A small engine over these entities, for tests that need many fast queries. */
    static final org.custody.screening.ScreeningEngine ENGINE = ScreeningEngine.build(all(), List.of());

    static List<ListEntity> all() {
        List<ListEntity> out = new ArrayList<>();
        out.add(org("11462", "KATA'IB HIZBALLAH", strong("KATA'IB HEZBOLLAH", "KHATA'IB HEZBOLLAH",
                "KHATTAB HEZBALLAH", "HIZBALLAH BRIGADES", "HIZBALLAH BRIGADES IN IRAQ", "HIZBALLAH BRIGADES-IRAQ",
                "KHATA'IB HIZBALLAH"), weak("KATA'IB HIZBALLAH FI AL-IRAQ", "ISLAMIC RESISTANCE IN IRAQ")));
        out.add(org("28283", "ASA'IB AHL AL-HAQ", strong("ASA'IB AHL AL-HAQ MIN AL-IRAQ", "ASAIB AL HAQ",
                "ASA'IB AHL AL-HAQQ", "LEAGUE OF THE RIGHTEOUS", "KHAZALI NETWORK", "KHAZALI SPECIAL GROUP",
                "QAZALI NETWORK", "KHAZALI SPECIAL GROUPS NETWORK", "AL-TAYAR AL-RISALI"),
                weak("AAH", "THE PEOPLE OF THE CAVE", "THE MISSIONARY CURRENT")));
        out.add(person("11461", "AL-MUHANDIS, Abu Mahdi", List.of(), strong("AL-MUHANDES, Abu Mahdi",
                "AL-MOHANDESS, Abu Mehdi", "AL-MOHANDAS, Abu-Mahdi", "AL-MUHANDIS, Abu-Muhannad", "AL-MADAN, Abu Mahdi",
                "AL-MUHANDIS, Abu Mahdi al-Basri", "AL-BASRI, Abu-Mahdi al-Mohandis", "AL BASERI, Abu Mahdi",
                "AL-BASARI, Abu Mahdi", "AL-IBRAHIMI, Jamal Ja'far", "AL-IBRAHIMI, Jamal Ja'afar Muhammad Ali",
                "EBRAHIMI, Jamal Jafaar Mohammed Ali", "AL-IBRAHIMI, Jamal", "BIHAJ, Jamal Ja'afar Ibrahim al-Mikna",
                "JAMAL, Ibrahimi")));
        out.add(person("10481", "SOLEIMANI, Qasem", List.of("11 Mar 1957"), strong("SOLEYMANI, Ghasem",
                "SALIMANI, Qasem", "SOLAIMANI, Qasem", "SOLEMANI, Qasem", "SOLEYMANI, Qasem", "SULAIMANI, Qasem",
                "SULEMANI, Qasem", "SULAYMAN, Qasim")));
        out.add(org("10391", "ISLAMIC REVOLUTIONARY GUARD CORPS", strong("IRGC", "IRG", "AGIR", "PASDARAN", "SEPAH",
                "SEPAH PASDARAN", "SEPAH-E PASDARAN-E ENQELAB-E ESLAMI", "ISLAMIC REVOLUTIONARY GUARDS CORPS")));
        out.add(org("4697", "HIZBALLAH", strong("PARTY OF GOD", "ISLAMIC JIHAD", "ISLAMIC JIHAD ORGANIZATION",
                "REVOLUTIONARY JUSTICE ORGANIZATION", "ORGANIZATION OF THE OPPRESSED ON EARTH", "ANSAR ALLAH",
                "LEBANESE HIZBALLAH", "LEBANESE HEZBOLLAH", "HIZBALLAH INTERNATIONAL")));
        out.add(org("26446", "HARAKAT AL-NUJABA", strong("HARAKAT HEZBOLLAH AL-NUJABA",
                "MOVEMENT OF THE NOBLE ONES HEZBOLLAH", "GOLAN LIBERATION BRIGADE", "AL-NUJABA TV")));
        out.add(org("46348", "KATA'IB SAYYID AL-SHUHADA", strong("BATTALION OF THE SAYYID'S MARTYRS",
                "THE MASTER OF THE MARTYRS BRIGADE", "KATA'IB ABU FADL AL-ABBAS", "KATA'IB KARBALA"), weak("KSS")));
        out.add(person("28690", "AL-HAMIDAWI, Shaykh 'Adnan", List.of()));
        out.add(person("29722", "MIRJIRASH AL-MUHAMMADAWI, Abd al-Aziz Malluh", List.of(), strong("ABU FADAK")));
        // real SDN names that share tokens with the above, or are generic
        out.add(org("EMMA", "EMMA LLC"));
        out.add(org("DTC", "DUBAI TRADING COMPANY"));
        out.add(org("AAT", "A A TRADING FZCO"));
        out.add(person("SG", "SOLEIMANI, Gholamreza", List.of()));
        out.add(person("AM", "'ALI, Muhammad", List.of()));
        out.add(new ListEntity("ofac-sdn:15859", "ofac-sdn", "15859", Schema.VESSEL, "BADR", List.of(),
                List.of("IRAN"), List.of(), List.of(), List.of(), List.of(), ""));
        return out;
    }

    private static List<Alias> strong(String... names) {
        return Arrays.stream(names).map(n -> new Alias(n, AliasStrength.STRONG, "aka")).toList();
    }

    private static List<Alias> weak(String... names) {
        return Arrays.stream(names).map(n -> new Alias(n, AliasStrength.WEAK, "aka")).toList();
    }

    @SafeVarargs
    private static ListEntity org(String num, String name, List<Alias>... aliases) {
        return new ListEntity("ofac-sdn:" + num, "ofac-sdn", num, Schema.ORGANIZATION, name, concat(aliases),
                List.of("SDGT"), List.of(), List.of(), List.of(), List.of(), "");
    }

    @SafeVarargs
    private static ListEntity person(String num, String name, List<String> dobs, List<Alias>... aliases) {
        return new ListEntity("ofac-sdn:" + num, "ofac-sdn", num, Schema.PERSON, name, concat(aliases),
                List.of("SDGT"), dobs, List.of(), List.of(), List.of(), "");
    }

    @SafeVarargs
    private static List<Alias> concat(List<Alias>... lists) {
        List<Alias> out = new ArrayList<>();
        for (List<Alias> l : lists) out.addAll(l);
        return out;
    }
}
