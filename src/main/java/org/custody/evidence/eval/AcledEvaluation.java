package org.custody.evidence.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custody.evidence.Analysis;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.SourceKind;
import org.custody.evidence.extract.DateExtractor;
import org.custody.evidence.extract.Gazetteer;

/**
 * Extraction quality measured on ACLED events: each event's free-text note goes through the extraction
 * pipeline as a short report, and what it finds is compared with ACLED's own coded fields. ACLED's data is
 * test material only: nothing read here goes into the product.
 *
 * <ul>
 *   <li><b>Place, district level</b>: the note's event place (the first town, city or district named; a
 *       governorate or country only when nothing finer is named) lies in ACLED's coded admin2 district. The
 *       coded district is found by its name among the gazetteer's districts of the coded governorate, else
 *       (ACLED spells some districts its own way) as the district of the gazetteer town nearest to ACLED's
 *       coordinates; {@link Outcome#truthByName()} says which.</li>
 *   <li><b>Place, point level</b>: the event place lies within 25 km of ACLED's coordinates.</li>
 *   <li><b>Actors</b>: each coded actor1/actor2 that names an actor (not "Civilians", "Protesters",
 *       "Rioters" or "Unidentified …", which name none) counts as found when a mention resolves to one of
 *       the registry ids the answer key accepts for it, or, for actors the key does not list, when an actor
 *       mention's words hold the actor's own name.</li>
 *   <li><b>Date</b>: over notes that state a day, the first resolved day equals the coded event date. A date
 *       after "since", "between", "from", "until", "after" or "before", or one the extractor marks as the start
 *       of a period ("since fighting started on February 20th"), is the event's background, not its day; a month
 *       or a year alone ("around August 2014") states no day;
 *       relative days ("yesterday", "on Tuesday") are not scored, as the real publication date is unknown.
 *       The note is given a publication date 0-3 days after the event (from a hash of the event id), as a
 *       report would carry, so "On Feb 14" and "yesterday" must be resolved, not copied.</li>
 * </ul>
 * Events are split into a development part and a held-out part by a hash of the event id
 * ({@link #heldOut(Event)}: one in three held out).
 */
public final class AcledEvaluation {

    /** One ACLED event, the fields the evaluation reads. */
    public record Event(String id, String country, LocalDate date, String admin1, String admin2, String location,
                        double latitude, double longitude, List<String> actors, String notes) {}

    /**
     * The evaluation of one event. {@code place} is null when the note names no place the gazetteer knows;
     * {@code reachable}: the note holds, word for word, a gazetteer name of the coded district or of a place
     * in it (the ceiling any extractor using this gazetteer could reach at district level).
     */
    public record Outcome(Event event, Gazetteer.Place place, boolean district, boolean reachable, boolean truthByName, Double km,
                          List<String> actorsScored, List<String> actorsMissed, boolean dateStated, boolean dateRight,
                          String dateFound) {
        public boolean point() {
            return km != null && km <= POINT_KM;
        }
    }

    public static final double POINT_KM = 25.0;
    private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d-MMM-yy", Locale.ENGLISH);
    private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile(
            "(?i)\\b(yesterday|today|tonight|last|this|ago|earlier|later|recent|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final List<String> NAMELESS = List.of("Civilians", "Protesters", "Rioters", "Unidentified");

    private final EvidenceAnalyzer analyzer;
    private final Gazetteer gazetteer;
    private final Map<String, Set<String>> actorKey;

    /**
     * @param actorKey ACLED actor name → registry ids (with the {@code actor:} prefix) that count as finding it
     */
    public AcledEvaluation(EvidenceAnalyzer analyzer, Map<String, Set<String>> actorKey) {
        this.analyzer = analyzer;
        this.gazetteer = analyzer.gazetteer();
        this.actorKey = Map.copyOf(actorKey);
    }

    /** Reads ACLED's CSV export, keeping the events of the given countries (ACLED's English names). */
    public static List<Event> read(Path csv, Set<String> countries) throws IOException {
        List<Event> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!countries.contains(rec.get("country"))) continue;
                String field = "event_date";
                try {
                    LocalDate day = LocalDate.parse(rec.get("event_date"), ACLED_DATE);
                    field = "latitude";
                    double lat = Double.parseDouble(rec.get("latitude"));
                    field = "longitude";
                    double lon = Double.parseDouble(rec.get("longitude"));
                    List<String> actors = new ArrayList<>();
                    for (String f : List.of("actor1", "actor2")) if (!rec.get(f).isBlank()) actors.add(rec.get(f).strip());
                    out.add(new Event(rec.get("data_id"), rec.get("country"), day, rec.get("admin1"), rec.get("admin2"),
                            rec.get("location"), lat, lon, actors, rec.get("notes")));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new IOException(csv + " line " + (rec.getRecordNumber() + 1) + ", field " + field + ": '"
                            + rec.get(field) + "' cannot be read", e);
                }
            }
        }
        return out;
    }

    /** Reads the answer key: tab-separated ACLED actor name and '|'-separated registry ids; '#' comments. */
    public static Map<String, Set<String>> readActorKey(Path tsv) throws IOException {
        Map<String, Set<String>> key = new HashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 2 || f[1].isBlank()) {
                throw new IOException(tsv + " line " + n + ": expected 'ACLED actor<TAB>id|id…'");
            }
            Set<String> ids = new LinkedHashSet<>();
            for (String id : f[1].split("\\|")) ids.add(id.strip().startsWith("actor:") ? id.strip() : "actor:" + id.strip());
            key.put(f[0].strip(), ids);
        }
        return key;
    }

    /** One event in three is held out, chosen by the SHA-256 of its id (stable, independent of file order). */
    public static boolean heldOut(Event e) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(e.id().getBytes(StandardCharsets.UTF_8));
            return Byte.toUnsignedInt(h[0]) % 3 == 0;
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Publication date given to the note: 0-3 days after the event, from the event id's hash. */
    static LocalDate published(Event e) {
        return e.date().plusDays(Math.floorMod(e.id().hashCode(), 4));
    }

    public Outcome score(Event e) {
        LocalDate published = published(e);
        SourceDocument doc = new SourceDocument("acled:" + e.id(), SourceKind.TEXT, "acled-" + e.id() + ".txt",
                null, null, null, null, null, published, null, "acled:" + e.id(), e.notes(), List.of());
        Analysis a = analyzer.analyze(doc);

        Mention placeMention = eventPlace(a);
        Gazetteer.Place place = placeMention == null ? null : gazetteer.byId(placeMention.resolved().id()).orElseThrow();
        Optional<Gazetteer.Place> truthByName = codedDistrictByName(e);
        Optional<Gazetteer.Place> truth = truthByName.isPresent() ? truthByName : districtNear(e);
        boolean reachable = truth.isPresent() && namesAPlaceIn(e.notes(), truth.get());
        boolean district = place != null && truth.isPresent()
                && gazetteer.admin2Of(place).map(d -> d.id().equals(truth.get().id())).orElse(false);
        // the place's own coordinates, else those the mention carries (a district without its own: its namesake seat's)
        Double km = null;
        if (place != null && place.latitude() != null) {
            km = km(place.latitude(), place.longitude(), e.latitude(), e.longitude());
        } else if (place != null && placeMention.detail().containsKey("latitude")) {
            km = km(Double.parseDouble(placeMention.detail().get("latitude")), Double.parseDouble(placeMention.detail().get("longitude")),
                    e.latitude(), e.longitude());
        }

        Set<String> ids = new HashSet<>();
        List<String> actorTexts = new ArrayList<>();
        for (Mention m : a.mentions(MentionType.ACTOR)) {
            if (m.resolved() != null) ids.add(m.resolved().id());
            if (m.detail().containsKey("registryId")) ids.add(m.detail().get("registryId"));
            actorTexts.add(looseKey(m.text()));
        }
        List<String> scored = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (String actor : new LinkedHashSet<>(e.actors())) {
            if (NAMELESS.stream().anyMatch(actor::startsWith)) continue;
            scored.add(actor);
            Set<String> accepted = actorKey.get(actor);
            boolean found = accepted != null ? accepted.stream().anyMatch(ids::contains) : namedIn(actor, actorTexts);
            if (!found) missed.add(actor);
        }

        LocalDate firstDay = null;
        boolean stated = false;
        for (Mention m : a.mentions(MentionType.DATE)) {
            // "since January 20", "between February 20th and 27th": the background of the event, not its day
            String before = e.notes().substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.ROOT);
            if (before.matches("(?s).*\\b(since|between|from|until|till|after|before|starting|and)\\s+$")) continue;
            // "since the beginning of the Operation on January 20th": the extractor marks the start of a period
            if (DateExtractor.PERIOD_START.equals(m.detail().get(DateExtractor.ROLE))) continue;
            // relative days need the real publication date, which the notes do not carry: not scored
            if (RELATIVE.matcher(m.text()).find()) continue;
            // a month or a year ("around August 2014") states no day: not scored
            String v = m.resolved() == null ? null : m.resolved().id().substring("date:".length());
            if (v != null && v.length() != 10) continue;
            stated = true;
            if (v == null) continue;
            firstDay = LocalDate.parse(v);
            break;
        }
        return new Outcome(e, place, district, reachable, truthByName.isPresent(), km, scored, missed, stated,
                e.date().equals(firstDay), firstDay == null ? null : firstDay.toString());
    }

    private boolean namesAPlaceIn(String notes, Gazetteer.Place district) {
        String text = " " + notes.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ") + " ";
        for (Gazetteer.Place p : gazetteer.all()) {
            if (!p.id().equals(district.id()) && !district.id().equals(p.admin2())) continue;
            for (String n : gazetteer.names(p)) {
                String k = " " + n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ").strip() + " ";
                if (k.length() > 4 && text.contains(k)) return true;
            }
        }
        return false;
    }

    /** The first town, city or district named; else the first governorate; else the first country. */
    private Mention eventPlace(Analysis a) {
        Mention best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Mention m : a.mentions(MentionType.PLACE)) {
            Optional<Gazetteer.Place> p = gazetteer.byId(m.resolved().id());
            if (p.isEmpty()) continue;
            int rank = switch (p.get().kind()) {
                case "town", "city", "admin2" -> 0;
                case "admin1" -> 1;
                default -> 2;
            };
            if (rank < bestRank) {
                best = m;
                bestRank = rank;
            }
        }
        return best;
    }

    /** ACLED's coded district, found by name among the gazetteer's districts (and district seats) of the event's country. */
    private Optional<Gazetteer.Place> codedDistrictByName(Event e) {
        String cc = countryCode(e);
        Optional<Gazetteer.Place> admin1 = gazetteer.resolveAll(e.admin1()).stream()
                .filter(p -> p.kind().equals("admin1") && p.country().equals(cc)).findFirst();
        return gazetteer.resolveAll(e.admin2()).stream()
                .filter(p -> p.country().equals(cc) && (p.kind().equals("admin2") || p.kind().equals("city") || p.kind().equals("town")))
                .filter(p -> admin1.isEmpty() || admin1.get().admin1().equals(p.admin1()))
                .map(gazetteer::admin2Of).flatMap(Optional::stream).findFirst();
    }

    /** The district of the gazetteer town or city nearest to ACLED's coordinates. */
    private Optional<Gazetteer.Place> districtNear(Event e) {
        String cc = countryCode(e);
        return gazetteer.all().stream()
                .filter(p -> p.country().equals(cc) && p.latitude() != null && !p.admin2().isEmpty()
                        && (p.kind().equals("town") || p.kind().equals("city")))
                .min(Comparator.comparingDouble(p -> km(p.latitude(), p.longitude(), e.latitude(), e.longitude())))
                .flatMap(gazetteer::admin2Of);
    }

    private String countryCode(Event e) {
        return gazetteer.resolveAll(e.country()).stream().filter(p -> p.kind().equals("country"))
                .map(Gazetteer.Place::country).findFirst().orElse("");
    }

    /** "HTS: Hayat Tahrir al-Sham" → its name's words appear in an actor mention (or the mention's in it). */
    static boolean namedIn(String acledActor, List<String> mentionKeys) {
        String name = acledActor.replaceFirst("^[A-Za-z]{2,5}:\\s*", "").replaceAll("\\s*\\([^)]*\\)\\s*$", "");
        String k = looseKey(name);
        if (k.length() < 4) return false;
        for (String m : mentionKeys) if (m.length() >= 4 && (m.contains(k) || k.contains(m))) return true;
        return false;
    }

    private static String looseKey(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\b(al|el|the)\\b", "").replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 12742.0 * Math.asin(Math.sqrt(h));
    }

    /** Totals over a set of outcomes. */
    public record Totals(int events, int withPlace, int district, int reachable, int districtTruthByName, int point,
                         int actorsScored, int actorsFound, int dateStated, int dateRight) {
        public static Totals of(List<Outcome> outcomes) {
            int withPlace = 0, district = 0, reachable = 0, byName = 0, point = 0, scored = 0, found = 0, stated = 0, right = 0;
            for (Outcome o : outcomes) {
                if (o.place() != null) withPlace++;
                if (o.district()) district++;
                if (o.reachable()) reachable++;
                if (o.truthByName()) byName++;
                if (o.point()) point++;
                scored += o.actorsScored().size();
                found += o.actorsScored().size() - o.actorsMissed().size();
                if (o.dateStated()) stated++;
                if (o.dateStated() && o.dateRight()) right++;
            }
            return new Totals(outcomes.size(), withPlace, district, reachable, byName, point, scored, found, stated, right);
        }

        public double districtRecall() {
            return events == 0 ? 0 : district / (double) events;
        }

        public double districtCeiling() {
            return events == 0 ? 0 : reachable / (double) events;
        }

        public double pointRecall() {
            return events == 0 ? 0 : point / (double) events;
        }

        public double actorRecall() {
            return actorsScored == 0 ? 0 : actorsFound / (double) actorsScored;
        }

        public double dateAccuracy() {
            return dateStated == 0 ? 0 : dateRight / (double) dateStated;
        }
    }
}
