package org.custody.evidence.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.Claim;
import org.custody.evidence.ClaimKind;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.Stance;
import org.custody.evidence.extract.DateExtractor;
import org.custody.evidence.nlp.AnchoredPattern;
import org.custody.evidence.nlp.TextSpan;

/**
 * Claims from sentences: a trigger phrase names the relation (possession, use, transfer, supply,
 * training) and where its holder stands — before the trigger (the subject: "militias display", passive
 * "fighters being trained") or after it ("in the hands of X", "provided … to X", "draped in a X flag").
 * The holder is the nearest actor on that side (armed non-state actors preferred, the credited source
 * never); the article is the nearest article mention in the sentence, else one in the sentence before.
 * Stance comes from {@link StanceClassifier}, attribution from {@link Attribution}.
 */
public final class ClaimExtractor {

    private enum Side { BEFORE, AFTER }

    /**
     * A trigger's pattern, searched only at word starts where one of its alternatives' literal starts stands
     * ({@link AnchoredPattern}; the matches are those of a plain search).
     */
    private record Trigger(AnchoredPattern pattern, ClaimKind kind, Side side) {}

    private static final List<Trigger> TRIGGERS = List.of(
            t("(?:wind(?:ing|s)?|wound|end(?:ed|ing|s)?|fall(?:en|ing|s)?|fell|land(?:ed|ing|s)?|turn(?:ed|ing|s)?|show(?:ed|ing|s|n)?) up (?:in the hands of|with|among)|in the hands of|into the hands of", ClaimKind.POSSESSION, Side.AFTER),
            t("draped (?:in|with)|flying (?:(?:a|the|their|its) )?(?=(?:[\\w'’.-]+ ){0,3}(?:flags?|banners?)\\b)|belong(?:ing|s|ed)? to|held by|in the possession of|possessed by|seized by|captured by|recovered from|found with|in the arsenal of|arsenals? of|stockpiles? of", ClaimKind.POSSESSION, Side.AFTER),
            t("carr(?:y|ies|ied|ying)|armed with|equipped with|brandish(?:es|ed|ing)?|wield(?:s|ed|ing)?|possess(?:es|ed|ing)?|display(?:s|ed|ing)?|show(?:s|ed|ing)? off|parad(?:e|es|ed|ing)|pos(?:e|es|ed|ing) with|pictured with|seen with|spotted with|seiz(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|ha(?:s|ve) acquired|stockpil(?:e|es|ed|ing)|hold(?:s|ing)?", ClaimKind.POSSESSION, Side.BEFORE),
            t("(?:used|operated|fired|driven|flown|manned|employed) by", ClaimKind.USE, Side.AFTER),
            t("ha(?:s|ve|d) (?:no|any)|ha(?:s|ve|d)|(?:ha(?:s|ve|d) )?taken|took|field(?:s|ed|ing)", ClaimKind.POSSESSION, Side.BEFORE),
            t("(?:is|are|was|were|be|been|remains?|remained)(?: \\w+)? in possession of|b(?:uy|uys|uying|ought)|purchas(?:e|es|ed|ing)|recover(?:s|ed|ing)?"
                    + "|(?:photographed|filmed|seen|spotted|pictured|standing|sitting|riding) (?:on|in|atop|aboard|beside|next to)", ClaimKind.POSSESSION, Side.BEFORE),
            t("us(?:e|es|ed|ing)|fir(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|launch(?:es|ed|ing)?|operat(?:e|es|ed|ing)|dr(?:ive|ove|iving|iven)|fight(?:s|ing)? with|attack(?:ed|ing)? with", ClaimKind.USE, Side.BEFORE),
            t("(?:found|find|finds|finding|made|make|makes|making) (?:its|their) way (?:in)?to|turn(?:s|ed|ing)?(?: [\\w-]+){0,3} over to|hand(?:s|ed|ing)?(?! of)(?: [\\w.,'’-]+){0,4}? (?:over )?to|transferr?(?:s|ed|ing)?(?: [\\w.,'’-]+){0,4} to|divert(?:s|ed|ing)?(?: [\\w.,'’-]+){0,4} to|diversion(?: [\\w.,'’-]+){0,4} to|s(?:old|ell|ells|elling)(?: [\\w.,'’-]+){0,4} to|pass(?:es|ed|ing)?(?: [\\w-]+){0,3} (?:on )?to|smuggl(?:e|es|ed|ing)(?: [\\w.,'’-]+){0,4} to|funnel(?:l)?(?:s|ed|ing)?(?: [\\w.,'’-]+){0,4} to|leak(?:s|ed|ing)?(?: [\\w-]+){0,3} to", ClaimKind.TRANSFER, Side.AFTER),
            t("ends? up aiding|end(?:ed|ing)? up aiding|aid(?:s|ed|ing)", ClaimKind.SUPPLY, Side.AFTER),
            t("provid(?:e|es|ed|ing)(?: [\\w.,'’-]+){0,8} to|(?<!-)suppl(?:y|ies|ied|ying)(?: [\\w.,'’-]+){0,8} to|deliver(?:s|ed|ing)?(?: [\\w.,'’-]+){0,8} to|sen(?:d|ds|t|ding)(?: [\\w.,'’-]+){0,8} to|(?:issu|allocat|allott|assign|lent|loan|donat|gift|giv)(?:e|es|ed|en|ing)?(?: [\\w.,'’-]+){0,4}? to|gave|giv(?:e|es|en|ing)|ship(?:s|ped|ping)?(?: [\\w.,'’-]+){0,8} to", ClaimKind.SUPPLY, Side.AFTER),
            t("arm(?:s|ing)|to arm|equip(?:s|ped|ping)?|(?<!-)suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing) (?:weapons|arms|assistance|support) (?:and [\\w ]+ )?to|assist(?:s|ed|ing)?|backing", ClaimKind.SUPPLY, Side.AFTER),
            t("receiv(?:e|es|ed|ing)|obtain(?:ed)? from|get(?:s|ting)? (?:weapons|arms)", ClaimKind.SUPPLY, Side.BEFORE),
            t("train(?:s|ed|ing)?|trainers? for|advis(?:e|es|ed|ing)", ClaimKind.TRAINING, Side.AFTER));

    /** Possession verbs that say nothing alone ("has been", "fields questions"): they need an article right after. */
    private static final Pattern BARE_HAVE = Pattern.compile("(?i)ha(?:s|ve|d)(?: no| any)?|(?:ha(?:s|ve|d) )?taken|took|field(?:s|ed|ing)");
    /** What may stand between a bare possession verb and its article: determiners, quantities, adverbs, names. */
    private static final Pattern HAVE_GAP = Pattern.compile("(?:\\s*(?:also|now|still|already|reportedly|allegedly|apparently|at least|about|around|"
            + "more than|nearly|some|several|many|dozens of|hundreds of|thousands of|a|an|the|its|their|his|new|old|[\\d.,]+|[A-Z][\\w.'’-]*"
            + "|[\\w.]+-(?:made|built|supplied|manufactured|produced|designed|provided|origin)))*\\s*");
    /** A participle after "is"/"was"/"being" makes a passive ("was supplied to"); "is training" stays active. */
    private static final Pattern PARTICIPLE = Pattern.compile("(?i)^\\w+(?:ed|en|wn|nt|ld|ght)\\b");
    private static final Pattern ARTICLE_FREE = Pattern.compile("(?i)\\b(train|arm(s|ing)?\\b|to arm\\b|assist|advis|aid|equip|back)");
    private static final Pattern PASSIVE = Pattern.compile("(?i)(?:\\b(?:being|been|be|was|were|are|is|get|got|getting)\\s+)$");
    private static final Pattern NOT_VERB_ARMED = Pattern.compile("(?i)^armed\\b");
    private static final Set<String> SUPPLIER_CATEGORIES = Set.of("agency", "government", "state-force");

    private static Trigger t(String regex, ClaimKind kind, Side side) {
        return new Trigger(AnchoredPattern.compile("(?i)\\b(?:" + regex + ")\\b"), kind, side);
    }

    /**
     * Claims of one document. {@code attributionOf} gives the credited source for a sentence (null when the
     * sentence credits none).
     */
    public List<Claim> extract(String text, List<TextSpan> sentences, List<Mention> mentions,
                               Function<TextSpan, String> attributionOf) {
        List<Claim> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int si = 0; si < sentences.size(); si++) {
            TextSpan s = sentences.get(si);
            List<Mention> articles = inSentence(mentions, s, MentionType.ARTICLE);
            List<Mention> previousArticles = si > 0 ? inSentence(mentions, sentences.get(si - 1), MentionType.ARTICLE) : List.of();
            String sentence = s.of(text);
            // without an article here or just before, only training or arming/assistance can be claimed
            if (articles.isEmpty() && previousArticles.isEmpty() && !ARTICLE_FREE.matcher(sentence).find()) continue;
            List<Mention> actors = new ArrayList<>(inSentence(mentions, s, MentionType.ACTOR));
            actors.addAll(anaphors(text, sentences, si, mentions));
            if (actors.isEmpty() && inSentence(mentions, s, MentionType.PLACE).stream()
                    .noneMatch(p -> "country".equals(p.detail().get("kind")))) continue;
            String masked = sentence;
            List<Attribution.Source> sources = Attribution.find(sentence);
            for (Trigger tr : TRIGGERS) {
                AnchoredPattern.Scan scan = tr.pattern().scan(masked);
                while (scan.find()) {
                    Matcher m = scan.matcher();
                    int ts = s.start() + m.start();
                    int te = s.start() + m.end();
                    if (insideMention(mentions, ts, te)) continue;
                    String triggerText = m.group();
                    Side side = tr.side();
                    if (PASSIVE.matcher(sentence.substring(0, m.start())).find() && side == Side.AFTER
                            && PARTICIPLE.matcher(triggerText).find()
                            && !triggerText.contains(" to") && !triggerText.endsWith(" by")) side = Side.BEFORE;
                    if (tr.kind() == ClaimKind.SUPPLY && NOT_VERB_ARMED.matcher(triggerText).find()) continue;
                    Mention holder = holder(text, actors, sources, s, ts, te, side, tr.kind());
                    ClaimKind kind = tr.kind();
                    if (holder == null && side == Side.AFTER && (kind == ClaimKind.SUPPLY || kind == ClaimKind.TRANSFER)) {
                        // "sold to Saudi Arabia", "delivered to the United Arab Emirates": a state receiving arms is supplied
                        holder = stateRecipient(text, mentions, s, te);
                        if (holder != null) kind = ClaimKind.SUPPLY;
                    }
                    if (holder == null) continue;
                    Mention article = nearest(articles, ts, te, holder);
                    // a bare "has"/"had taken" states possession only of an article named right after it
                    if (BARE_HAVE.matcher(triggerText).matches() && (article == null || article.start() < te
                            || article.start() - te > 40 || !HAVE_GAP.matcher(text.substring(te, article.start())).matches())) continue;
                    if (article == null && kind != ClaimKind.TRAINING) {
                        if (kind == ClaimKind.SUPPLY && ARTICLE_FREE.matcher(triggerText).find()) {
                            article = null; // "arming X", "aiding X" state supply without naming an article
                        } else if (!previousArticles.isEmpty()) {
                            article = previousArticles.getLast();
                        } else {
                            continue;
                        }
                    }
                    StanceClassifier.Decision stance = StanceClassifier.classify(sentence, m.start(), m.end());
                    String attributed = attributionOf.apply(s);
                    List<String> cues = new ArrayList<>();
                    cues.add(kind.label() + " trigger: " + triggerText);
                    cues.addAll(stance.cues());
                    if (attributed != null) cues.add("attributed to: " + attributed);
                    String key = kind + "|" + holder.start() + "|" + (article == null ? -1 : article.start()) + "|" + s.start();
                    if (!seen.add(key)) continue;
                    Mention place = nearestOf(inSentence(mentions, s, MentionType.PLACE), ts);
                    if (place == null && si > 0) place = nearestOf(inSentence(mentions, sentences.get(si - 1), MentionType.PLACE), ts);
                    Mention date = nearestOf(inSentence(mentions, s, MentionType.DATE).stream()
                            .filter(Mention::isResolved)
                            .filter(d -> !DateExtractor.PERIOD_START.equals(d.detail().get(DateExtractor.ROLE))).toList(), ts);
                    out.add(new Claim(kind, article, holder, stance.stance(), attributed, sentence, s.start(), s.end(),
                            place, date, serials(text, sentences, si), cues));
                }
            }
            possessives(text, s, si, sentences, actors, articles, attributionOf, out);
        }
        return dedupe(out);
    }

    private static final Pattern TO_THE = Pattern.compile("(?i)\\s*(?:the\\s+)?");

    /** A country named right after a supply or transfer trigger ending in "to": the state that received. */
    private static Mention stateRecipient(String text, List<Mention> mentions, TextSpan s, int te) {
        if (!text.regionMatches(true, te - 2, "to", 0, 2)) return null;
        for (Mention m : mentions) {
            if (m.type() != MentionType.PLACE || m.start() < te || m.end() > s.end() || !"country".equals(m.detail().get("kind"))) continue;
            if (TO_THE.matcher(text.substring(te, m.start())).matches()) {
                java.util.Map<String, String> d = new java.util.LinkedHashMap<>(m.detail());
                d.put("category", "government");
                d.put("kind", "state");
                return new Mention(MentionType.ACTOR, m.text(), m.start(), m.end(), null, d);
            }
        }
        return null;
    }

    /** Holders whose name can stand before an article as its owner ("an SDF Humvee", "Houthi drones"). */
    private static final Set<String> OWNER_CATEGORIES = Set.of("armed-group", "collective");
    private static final Pattern POSSESSIVE_GAP = Pattern.compile("\\s|['’]s\\s|['’]\\s");

    /**
     * A group's name right before an article names its owner: "an SDF Humvee", "Houthi drones", "the Giants
     * Brigades' vehicles" are possession claims without a verb. Only armed groups and collectives (a state
     * force's or a country's name before an article is more often its origin: "U.S. tanks", "Iraqi Army Humvees").
     */
    private static void possessives(String text, TextSpan s, int si, List<TextSpan> sentences, List<Mention> actors,
                                    List<Mention> articles, Function<TextSpan, String> attributionOf, List<Claim> out) {
        for (Mention art : articles) {
            for (Mention a : actors) {
                if (a.end() >= art.start() || art.start() - a.end() > 3) continue;
                if (!OWNER_CATEGORIES.contains(a.detail().getOrDefault("category", ""))) continue;
                if (a.detail().containsKey("antecedent")) continue;
                if (!POSSESSIVE_GAP.matcher(text.substring(a.end(), art.start())).matches()) continue;
                String sentence = s.of(text);
                StanceClassifier.Decision stance = StanceClassifier.classify(sentence, a.start() - s.start(), art.end() - s.start());
                List<String> cues = new ArrayList<>();
                cues.add("possession: owner's name before the article ('" + text.substring(a.start(), art.end()) + "')");
                // ownership is presupposed, not claimed: a hedge on the event ("claims … an SDF Humvee") does not hedge it
                Stance st = stance.stance() == Stance.DENIED ? Stance.DENIED : Stance.ASSERTED;
                if (st == Stance.DENIED) cues.addAll(stance.cues());
                String attributed = attributionOf.apply(s);
                if (attributed != null) cues.add("attributed to: " + attributed);
                out.add(new Claim(ClaimKind.POSSESSION, art, a, st, attributed, sentence, s.start(), s.end(),
                        null, null, serials(text, sentences, si), cues));
            }
        }
    }

    /**
     * "it", "the group", "its fighters": a reference back to the armed group named last (in this sentence
     * before it, or in the two sentences before), which can then hold a claim ("Kata'ib Hezbollah denied that
     * it had obtained rockets"; "a video released by the Islamic State shows its fighters driving Humvees").
     * The anaphor carries the group's resolution, and its detail names the antecedent.
     */
    static List<Mention> anaphors(String text, List<TextSpan> sentences, int si, List<Mention> mentions) {
        TextSpan s = sentences.get(si);
        List<Mention> out = new ArrayList<>();
        // the sentence alone, as the opaque region it was searched in ("^" at its start, nothing seen around it)
        AnchoredPattern.Scan scan = ANAPHOR.scan(s.of(text));
        while (scan.find()) {
            Matcher m = scan.matcher();
            int ms = s.start() + m.start();
            int me = s.start() + m.end();
            int from = sentences.get(Math.max(0, si - 2)).start();
            Mention antecedent = null;
            for (Mention a : mentions) {
                if (a.type() != MentionType.ACTOR || a.start() < from || a.end() > ms) continue;
                if (a.resolved() == null && !"group-name".equals(a.detail().get("kind"))) continue;
                String cat = a.detail().getOrDefault("category", "");
                boolean group = cat.equals("armed-group") || cat.equals("collective") || a.detail().containsKey("watchlists")
                        && !"person".equals(a.detail().get("kind"));
                if (group && (antecedent == null || a.start() > antecedent.start())) antecedent = a;
            }
            if (antecedent == null) continue;
            java.util.Map<String, String> detail = new java.util.LinkedHashMap<>(antecedent.detail());
            detail.put("antecedent", antecedent.text());
            out.add(new Mention(MentionType.ACTOR, m.group(), ms, me, antecedent.resolved(), detail));
        }
        return out;
    }

    private static final AnchoredPattern ANAPHOR = AnchoredPattern.compile("\\b(?:(?:[Tt]he|[Tt]hat|[Tt]his) (?:group|militia|organi[sz]ation|movement|faction|brigade|battalion|clan|tribe|council|regiment|front)(?!['’]?s? \\p{Lu})"
            + "|(?:^|(?<=[.!?:;]\\s))It(?= (?:\\w+ )?[a-z]+\\b)(?! (?:is|was|has been|had been|remains|remained|seems|seemed|appears|appeared|would be|will be)\\b)"
            + "|[Ii]ts (?:fighters|members|militants|units|forces|men|gunmen)|it(?= (?:\\w+ )?(?:had|has|have|was|is|would|could|may|might|did)\\b)"
            + "|(?<=\\b(?:to|by|from|with) )it(?=\\s*[.,;:)]))\\b");

    /** One claim per sentence, kind and holder: the one whose trigger came first in the trigger list wins. */
    private static List<Claim> dedupe(List<Claim> claims) {
        List<Claim> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Claim c : claims) {
            String k = c.start() + "|" + c.kind() + "|" + c.holder().start();
            if (keys.add(k)) out.add(c);
        }
        out.sort(Comparator.comparingInt(Claim::start));
        return out;
    }

    private static final Pattern SERIALS = Pattern.compile("(?i)\\b(?:serials?|hull|tail|registration|chassis|vin)(?:\\s+numbers?|\\s+nos?\\.?)?(?:\\s+(?:no\\.?|#|was|is|reads?|of))?[:#\\s]+"
            + "((?-i:[A-Z0-9][A-Z0-9-]{3,})(?:\\s*(?:,|and)\\s*(?-i:[A-Z0-9][A-Z0-9-]{3,}))*)");

    /** Serials in the claim's sentence and in the item lines ("- 2 M16A4 rifle (serials: …)") right after it. */
    static List<String> serials(String text, List<TextSpan> sentences, int si) {
        List<String> out = new ArrayList<>(serials(sentences.get(si).of(text)));
        for (int k = si + 1; k < sentences.size() && k <= si + 8; k++) {
            if (text.substring(sentences.get(k - 1).end(), sentences.get(k).start()).contains("\n\n")) break;
            String next = sentences.get(k).of(text);
            if (next.startsWith("- ")) out.addAll(serials(next));
        }
        return out;
    }

    /** Serial numbers a caption or other free text gives (see {@link #serials(String)}). */
    public static List<String> serialsIn(String text) {
        return serials(text);
    }

    /** Serial numbers given after "serial", "serials", "serial number(s)" (capitals and digits, 4+ characters). */
    static List<String> serials(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = SERIALS.matcher(sentence);
        while (m.find()) {
            for (String s : m.group(1).split("\\s*(?:,|and)\\s*")) if (s.chars().anyMatch(Character::isDigit)) out.add(s);
        }
        return out;
    }

    /** The mention closest to offset {@code at}, preferring the more specific place (city over country). */
    private static Mention nearestOf(List<Mention> ms, int at) {
        Mention best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Mention m : ms) {
            int d = Math.abs(m.start() - at);
            if ("country".equals(m.detail().get("kind"))) d += 10_000;
            if (d < bestScore) {
                best = m;
                bestScore = d;
            }
        }
        return best;
    }

    private static List<Mention> inSentence(List<Mention> ms, TextSpan s, MentionType type) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : ms) if (m.type() == type && m.start() >= s.start() && m.end() <= s.end()) out.add(m);
        return out;
    }

    private static boolean insideMention(List<Mention> ms, int s, int e) {
        for (Mention m : ms) if (m.start() <= s && m.end() >= e && m.type() != MentionType.DATE) return true;
        return false;
    }

    private static Mention holder(String text, List<Mention> actors, List<Attribution.Source> sources, TextSpan s, int ts, int te,
                                  Side side, ClaimKind kind) {
        Mention best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Mention a : actors) {
            boolean before = a.end() <= ts;
            // the speaker of "X denied ever possessing" is the subject of the possession too
            if (isSource(a, sources, s) && !(before && OWN_ACT.matcher(text.substring(a.end(), ts)).matches())) continue;
            boolean after = a.start() >= te;
            if (side == Side.BEFORE && !before) continue;
            if (side == Side.AFTER && !after) continue;
            int distance = before ? ts - a.end() : a.start() - te;
            String gap = before ? "" : text.substring(te, a.start());
            if (!before && gap.split("\\s+").length > 9) continue;
            if (!before && gap.matches("(?s).*\\bby\\s*$") ) continue;
            String category = a.detail().getOrDefault("category", "");
            int score = distance;
            if (SUPPLIER_CATEGORIES.contains(category)) score += (kind == ClaimKind.POSSESSION || kind == ClaimKind.USE) ? 60 : 25;
            if ("person".equals(a.detail().get("kind"))) score += 40;
            // "the Iraqi army's 1st Division": the owner named before the unit holds
            if ("unit".equals(a.detail().get("kind")) && a.start() >= 3 && text.substring(a.start() - 3, a.start()).matches("['’]s ")) score += 30;
            if (score < bestScore) {
                best = a;
                bestScore = score;
            }
        }
        return best;
    }

    /** Between a speaker and a gerund it is the subject of: "denied ever", "admitted having", "denies". */
    private static final Pattern OWN_ACT = Pattern.compile("(?i)\\s+(?:(?:has|have|had)\\s+)?(?:categorically\\s+|flatly\\s+|strongly\\s+)?"
            + "(?:(?:den(?:y|ies|ied)|admit(?:s|ted)?|acknowledg(?:es|ed)|confirm(?:s|ed))\\s+(?:ever\\s+)?(?:having\\s+)?(?:ever\\s+)?"
            + "|(?:said|says|say|claimed|claims|announced|stated|reported)(?:\\s+on\\s+\\w+)?(?:\\s+that)?\\s+(?:they|it)\\s+(?:had\\s+|have\\s+|has\\s+)?(?:\\w+ly\\s+)?)");

    private static boolean isSource(Mention a, List<Attribution.Source> sources, TextSpan s) {
        for (Attribution.Source src : sources) {
            int ss = s.start() + src.start();
            int se = s.start() + src.end();
            if (a.start() >= ss && a.end() <= se) return true;
        }
        return false;
    }

    private static Mention nearest(List<Mention> articles, int ts, int te, Mention holder) {
        Mention best = null;
        int bestD = Integer.MAX_VALUE;
        for (Mention a : articles) {
            if (a.overlaps(holder.start(), holder.end())) continue;
            int d = a.end() <= ts ? ts - a.end() : Math.max(0, a.start() - te);
            if (d < bestD) {
                best = a;
                bestD = d;
            }
        }
        return best;
    }
}
