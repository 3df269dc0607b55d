package org.custody.screening;

/**
 * Whether two listed words are one listed party's two spellings: "HIZBALLAH" and "HEZBOLLAH" among the names
 * of one entity, so the lists themselves say they spell one word. {@link NameConflicts} counts two listed words
 * one typo apart as two different names only when no listed party uses both.
 */
final class ListedVariants {
    private ListedVariants() { }

    /**
     * One entity has both terms among its names: a merge of the two terms' postings, which list names in
     * order, and an entity's names are contiguous in the index, so their entities come in order too. Asked
     * only for the few close pairs of a candidate's alignment, so nothing is precomputed.
     */
    static boolean oneEntityUsesBoth(NameIndex index, int termA, int termB) {
        int[] a = index.postings[termA], b = index.postings[termB];
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            int ea = index.nameEntity[a[i]], eb = index.nameEntity[b[j]];
            if (ea == eb) return true;
            if (ea < eb) i++;
            else j++;
        }
        return false;
    }
}
