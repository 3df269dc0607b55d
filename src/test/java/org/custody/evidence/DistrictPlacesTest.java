package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "X district", "the qadha of X": a name the text calls a district resolves to the district (admin2), not its seat. */
class DistrictPlacesTest {

    private static Mention place(String text, String name) {
        return ExtractionTest.first(ExtractionTest.analyze(text), MentionType.PLACE, name);
    }

    @Test
    void aNameCalledADistrictIsTheDistrict() {
        Mention m = place("Gunmen attacked an army checkpoint in Muqdadiya district on Tuesday.", "Muqdadiya");
        assertThat(m.resolved().id()).isEqualTo("geonames:99063");
        assertThat(m.resolved().name()).isEqualTo("Al-Muqdadiya District");
        assertThat(m.detail()).containsEntry("kind", "admin2");
        assertThat(m.resolved().explanation()).contains("calls 'Muqdadiya' a district");
    }

    @Test
    void withoutTheWordTheSameNameIsTheTown() {
        Mention m = place("Police said the blast happened in Muqdadiya on Tuesday.", "Muqdadiya");
        assertThat(m.detail().get("kind")).isIn("city", "town");
        assertThat(m.resolved().id()).isNotEqualTo("geonames:99063");
    }

    @Test
    void qadhaOfAndACapitalisedDistrictToo() {
        assertThat(place("Fighting spread across the qadha of Makhmur overnight.", "Makhmur").resolved().id())
                .isEqualTo("geonames:93817");
        assertThat(place("Two farmers were hurt in Hawija District of Kirkuk.", "Hawija District").resolved().name())
                .isEqualTo("Al-Hawija District");
    }

    @Test
    void aDistrictWithoutCoordinatesTakesItsNamesakeSeats() {
        Mention m = place("Shells fell on farms in the Ar-Rastan district late on Friday.", "Ar-Rastan");
        assertThat(m.resolved().name()).isEqualTo("Al-Rastan District");
        assertThat(m.detail()).containsKey("latitude").containsEntry("coordinates", "of the district's namesake Ar Rastan");
    }

    @Test
    void aSubDistrictOrANameNoDistrictBearsStaysTheTown() {
        // a sub-district (nahiya) is not a district; Mandali is a sub-district seat, no district is named so
        assertThat(place("Drones struck positions in Hajin sub-district.", "Hajin").detail().get("kind")).isIn("city", "town");
        assertThat(place("Clashes were reported near Mandali district headquarters.", "Mandali").detail().get("kind"))
                .isIn("city", "town");
    }
}
