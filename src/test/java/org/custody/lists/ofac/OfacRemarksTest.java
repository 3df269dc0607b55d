package org.custody.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;

import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.junit.jupiter.api.Test;

class OfacRemarksTest {

    @Test
    void birthDatesNationalitiesAndDocuments() {
        OfacRemarks r = OfacRemarks.parse("DOB 11 Mar 1957; alt. DOB 1958; POB Qom, Iran; nationality Iran; "
                + "citizen Iraq; Passport A1234567 (Iraq) expires 2020; National ID No. 99-1 (Iran); "
                + "Tax ID No. 7744001497 (Russia); Gender Male.");
        assertThat(r.birthDates()).containsExactly("1957-03-11", "1958");
        assertThat(r.nationalities()).containsExactly("Iran", "Iraq");
        assertThat(r.identifiers()).containsExactly(new Identifier("Passport", "A1234567", "Iraq"),
                new Identifier("National ID No.", "99-1", "Iran"),
                new Identifier("Tax ID No.", "7744001497", "Russia"));
        assertThat(r.weakAliases()).isEmpty();
    }

    @Test
    void akaNamesMayContainApostrophesAndEndTheRemarks() {
        OfacRemarks r = OfacRemarks.parse("www.aleseb.com; a.k.a. 'KATA'IB HIZBALLAH FI AL-IRAQ'; "
                + "a.k.a. 'KATIBAT ABU FATHEL AL A'ABAS'; f.k.a. 'OLD NAME'.");
        assertThat(r.weakAliases()).containsExactly(
                new Alias("KATA'IB HIZBALLAH FI AL-IRAQ", AliasStrength.WEAK, "a.k.a."),
                new Alias("KATIBAT ABU FATHEL AL A'ABAS", AliasStrength.WEAK, "a.k.a."),
                new Alias("OLD NAME", AliasStrength.WEAK, "f.k.a."));
    }

    @Test
    void doubledQuotesAroundNicknamesAreDroppedButAynMarksKept() {
        OfacRemarks r = OfacRemarks.parse("a.k.a. ''FOOPIE''; a.k.a. ''ABD-AL-'IZ'; a.k.a. 'KHABAR, Abu'.");
        assertThat(r.weakAliases()).extracting(Alias::name).containsExactly("FOOPIE", "'ABD-AL-'IZ", "KHABAR, Abu");
    }

    @Test
    void datesAndLinksAreNotDocuments() {
        OfacRemarks r = OfacRemarks.parse("Listing Date (EO 14024 Directive 3): 24 Feb 2022; "
                + "Organization Established Date 2001; Linked To: POUYA AIR; Secondary sanctions risk: section 1245.");
        assertThat(r.identifiers()).isEmpty();
    }

    @Test
    void birthDatesBecomeIsoPrefixes() {
        assertThat(OfacRemarks.parse("DOB 01 Jan 1960 to 31 Dec 1962; alt. DOB Sep 1970; alt. DOB circa 1955")
                .birthDates()).containsExactly("1960-01-01 to 1962-12-31", "1970-09", "circa 1955");
    }

    @Test
    void emptyRemarks() {
        assertThat(OfacRemarks.parse("").birthDates()).isEmpty();
        assertThat(OfacRemarks.parse(null).weakAliases()).isEmpty();
    }
}
