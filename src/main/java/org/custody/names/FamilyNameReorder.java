package org.custody.names;

/**
 * "FAMILY, Given" (how OFAC and the UN write people) to "Given FAMILY". Only a name with exactly one
 * comma and a short part after it is turned; "ACME TRADING CO., LTD." style legal suffixes are left alone.
 */
public final class FamilyNameReorder implements AnalysisStep.TextStep {
    @Override public String name() { return "family-given-order"; }

    @Override public String apply(String text) {
        int comma = text.indexOf(',');
        if (comma <= 0 || comma != text.lastIndexOf(',')) return text;
        String family = text.substring(0, comma).trim();
        String given = text.substring(comma + 1).trim();
        if (family.isEmpty() || given.isEmpty()) return text;
        String[] givenWords = given.split("\\s+");
        if (givenWords.length > 5) return text;
        String firstGiven = givenWords[0].replace(".", "").toLowerCase(java.util.Locale.ROOT);
        if (OrganisationTypeMarker.isLegalForm(firstGiven)) return text;   // "CECOEX, S.A."
        return given + " " + family;
    }
}
