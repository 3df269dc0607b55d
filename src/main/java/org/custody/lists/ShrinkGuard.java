package org.custody.lists;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a new list version that would silently empty or gut the live watchlist: one with no entities at
 * all, or one that drops more than {@code maxDropShare} of the current version's entities (by entity id).
 * A truncated download, an empty {@code sdn.csv} or a UN file with empty {@code <INDIVIDUALS/>} would
 * otherwise replace the list and sanctioned names would stop alerting without anyone noticing.
 *
 * @param maxDropShare share of the current version's entities a new version may drop (0..1)
 * @param allowShrink  the operator has said the shrink is intended ({@code --allow-shrink})
 */
public record ShrinkGuard(double maxDropShare, boolean allowShrink) {

    /** Default: a new version may drop at most 10 % of the current one's entities, and never all of them. */
    public static final double DEFAULT_MAX_DROP_SHARE = 0.10;

    public static final ShrinkGuard DEFAULT = new ShrinkGuard(DEFAULT_MAX_DROP_SHARE, false);

    public ShrinkGuard {
        if (!(maxDropShare >= 0 && maxDropShare <= 1)) {   // also refuses NaN
            throw new IllegalArgumentException("the share of entities a list update may drop must be between 0 and 1, got "
                    + maxDropShare);
        }
    }

    public ShrinkGuard allowingShrink() {
        return new ShrinkGuard(maxDropShare, true);
    }

    /**
     * Why replacing the current version ({@code currentIds}, or none) by {@code newIds} is refused, if it
     * is. The reason carries the counts.
     */
    public Optional<String> refusal(String listId, Long currentVersion, Collection<String> currentIds,
                                    Set<String> newIds) {
        long dropped = currentIds.stream().filter(id -> !newIds.contains(id)).count();
        return refusal(listId, currentVersion, currentIds.size(), newIds.size(), dropped);
    }

    /**
     * The same decision from counts alone, so an import that streams its entities to the database need not
     * hold either version's ids: {@code dropped} is how many of the current version's {@code currentCount}
     * entities the new version (of {@code newCount}) lacks.
     */
    public Optional<String> refusal(String listId, Long currentVersion, long currentCount, long newCount,
                                    long dropped) {
        if (allowShrink) return Optional.empty();
        if (newCount == 0) {
            return Optional.of(listId + ": the new version has 0 entities"
                    + (currentVersion == null ? "" : " and would replace version " + currentVersion + " ("
                    + currentCount + " entities)")
                    + "; refused (a list is never emptied by an import; use --allow-shrink if this is intended)");
        }
        if (currentCount == 0) return Optional.empty();
        double share = (double) dropped / currentCount;
        if (share > maxDropShare) {
            return Optional.of(String.format(Locale.ROOT, "%s: the new version (%d entities) drops %d of the %d entities of version %d (%.1f %%, "
                    + "more than the allowed %.1f %%); refused, the current version stays (use --allow-shrink if "
                    + "this is intended, or set lists.max-drop-share)", listId, newCount, dropped,
                    currentCount, currentVersion, share * 100, maxDropShare * 100));
        }
        return Optional.empty();
    }
}
