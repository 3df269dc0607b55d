package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.custody.screening.Hit;

/**
 * Which watchlist entity a registry actor is, decided by agreement of its names, never by one name alone:
 * <ol>
 *   <li>each of the actor's names (canonical name, then aliases; Latin script, four letters or more) is
 *       screened; a name whose best alerts tie between two entities says nothing, unless exactly one of them
 *       is listed under that very name (not as an alias);</li>
 *   <li>the entity the canonical name hits wins; else the entity more than half of the hitting names hit
 *       ("Russian helicopters" hitting a helicopter maker while "Wagner Group" hits another entity links
 *       neither);</li>
 *   <li>an entity whose listed name is another registry actor's name belongs to that actor: an alias two
 *       groups share (HIZBALLAH's "ANSAR ALLAH", the Houthis' "Ansarallah") never pulls an actor into
 *       another group's identity.</li>
 * </ol>
 * Used by the extractor (mention → entity) and by case identities, so both agree.
 */
public final class ListedAgreement {

    /** The agreed entity: its best hit, the actor's name that reached it, and the vote. */
    public record Agreement(Hit hit, String via, int votes, int voting, boolean byCanonicalName) {
        public String explanation() {
            return byCanonicalName ? "its own name '" + via + "' is listed"
                    : votes + " of the " + voting + " registry names that alert agree on it";
        }
    }

    private ListedAgreement() {}

    /**
     * @param alerts a name's alerts, best first (already filtered for what may link)
     */
    public static Optional<Agreement> of(ActorRegistry registry, ActorRegistry.Actor actor, Function<String, List<Hit>> alerts) {
        List<String> names = new ArrayList<>();
        names.add(actor.name());
        names.addAll(actor.aliases());
        Map<String, Hit> best = new LinkedHashMap<>();
        Map<String, String> via = new LinkedHashMap<>();
        Map<String, Integer> votes = new LinkedHashMap<>();
        Agreement canonical = null;
        int voting = 0;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!screenable(n)) continue;
            Optional<Hit> hit = unambiguous(n, alerts.apply(n));
            if (hit.isEmpty()) continue;
            Hit h = hit.get();
            voting++;
            votes.merge(h.entityId(), 1, Integer::sum);
            if (!best.containsKey(h.entityId()) || h.score() > best.get(h.entityId()).score()) {
                best.put(h.entityId(), h);
                via.put(h.entityId(), n);
            }
            if (i == 0) canonical = new Agreement(h, n, 1, 1, true);
        }
        Agreement chosen = canonical;
        if (chosen == null) {
            for (Map.Entry<String, Integer> v : votes.entrySet()) {
                if (v.getValue() * 2 > voting) {
                    chosen = new Agreement(best.get(v.getKey()), via.get(v.getKey()), v.getValue(), voting, false);
                }
            }
        }
        if (chosen == null) return Optional.empty();
        Optional<ActorRegistry.Actor> owner = registry.lookup(chosen.hit().name());
        if (owner.isPresent() && !owner.get().id().equals(actor.id())) return Optional.empty();
        return Optional.of(chosen);
    }

    static boolean screenable(String name) {
        return name.length() >= 4 && name.chars().noneMatch(ch -> Character.isLetter(ch)
                && Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN);
    }

    /** The best alert, unless another entity's scores the same; of tied entities, the one listed under {@code name}. */
    static Optional<Hit> unambiguous(String name, List<Hit> alerts) {
        if (alerts.isEmpty()) return Optional.empty();
        Hit best = alerts.getFirst();
        List<Hit> tied = alerts.stream().filter(h -> h.score() >= best.score() - 1e-9).toList();
        if (tied.stream().map(Hit::entityId).distinct().count() == 1) return Optional.of(best);
        List<Hit> byListedName = tied.stream().filter(h -> letters(h.name()).equals(letters(name))).toList();
        return byListedName.size() == 1 ? Optional.of(byListedName.getFirst()) : Optional.empty();
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
