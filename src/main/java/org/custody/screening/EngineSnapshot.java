package org.custody.screening;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;

/**
 * A built engine's analysed names in a compact binary form (magic "CSN1"): the analysis step names, the
 * vocabulary of analysed tokens, and every indexed name's entity, alias, step mask, weak-alias flag and
 * token ids. Analysing every listed name is most of an engine build; a later process that has the same
 * entities restores the engine from this without analysing anything, and gets the same answers. Where
 * the bytes live, and when they are still current, is the caller's business.
 */
public final class EngineSnapshot {

    private static final int MAGIC = 0x43534e32; // "CSN2": CSN1 and the deletion channel's entries

    private EngineSnapshot() {}

    public static void write(ScreeningEngine engine, DataOutputStream out) throws IOException {
        NameIndex.Layout l = engine.layout();
        out.writeInt(MAGIC);
        out.writeInt(engine.entityCount());
        List<String> steps = engine.stepNames();
        out.writeInt(steps.size());
        for (String s : steps) out.writeUTF(s);
        out.writeInt(l.termText().length);
        for (int t = 0; t < l.termText().length; t++) {
            out.writeUTF(l.termText()[t]);
            out.writeByte((l.termWeak()[t] ? 1 : 0) | (l.termAbjad()[t] ? 2 : 0));
        }
        out.writeInt(l.nameEntity().length);
        for (int n = 0; n < l.nameEntity().length; n++) {
            out.writeInt(l.nameEntity()[n]);
            out.writeInt(l.nameAlias()[n]);
            out.writeInt(l.nameSteps()[n]);
            out.writeBoolean(l.nameWeakAlias()[n]);
            int[] terms = l.nameTerms()[n];
            out.writeShort(terms.length);
            for (int t : terms) out.writeInt(t);
        }
        long[] near = engine.nearTerms().entries();
        out.writeInt(near.length);
        ByteBuffer bytes = ByteBuffer.allocate(near.length * Long.BYTES);
        bytes.asLongBuffer().put(near);
        out.write(bytes.array());
    }

    /**
     * The engine over {@code entities} (the ones the snapshot was written for, in the same order) with its
     * analysed names read from {@code in}. The index is built before the entities are asked for, so a
     * caller can decode them meanwhile on another thread. Refuses a snapshot of another format, another
     * analysis chain or other entities with an {@link IOException} saying which.
     */
    public static ScreeningEngine read(DataInputStream in, Supplier<List<ListEntity>> entitySource,
                                       List<ListVersion> versions, ScreeningConfig config) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException("not a screening snapshot");
        int entityCount = in.readInt();
        int stepCount = in.readInt();
        List<String> steps = new ArrayList<>(stepCount);
        for (int i = 0; i < stepCount; i++) steps.add(in.readUTF());
        int v = in.readInt();
        String[] text = new String[v];
        boolean[] weak = new boolean[v], abjad = new boolean[v];
        for (int t = 0; t < v; t++) {
            text[t] = in.readUTF();
            int flags = in.readByte();
            weak[t] = (flags & 1) != 0;
            abjad[t] = (flags & 2) != 0;
        }
        int names = in.readInt();
        int[] entity = new int[names], alias = new int[names], stepMask = new int[names];
        boolean[] weakAlias = new boolean[names];
        int[][] terms = new int[names][];
        for (int n = 0; n < names; n++) {
            entity[n] = in.readInt();
            alias[n] = in.readInt();
            stepMask[n] = in.readInt();
            weakAlias[n] = in.readBoolean();
            int[] ids = new int[in.readUnsignedShort()];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = in.readInt();
                if (ids[k] < 0 || ids[k] >= v) throw new IOException("snapshot name " + n + " has an unknown token");
            }
            terms[n] = ids;
        }
        int nearCount = in.readInt();
        if (nearCount < 0 || nearCount > (1 << 28)) throw new IOException("snapshot has " + nearCount + " deletion entries");
        byte[] nearBytes = new byte[nearCount * Long.BYTES];
        in.readFully(nearBytes);
        long[] near = new long[nearCount];
        ByteBuffer.wrap(nearBytes).asLongBuffer().get(near);
        NameIndex index = new NameIndex(new NameIndex.Layout(text, weak, abjad, entity, alias, stepMask, weakAlias, terms),
                config.weakTokenFactor());
        List<ListEntity> entities = entitySource.get();
        if (entityCount != entities.size()) {
            throw new IOException("snapshot is of " + entityCount + " entities, not " + entities.size());
        }
        for (int n = 0; n < names; n++) {
            // the primary name and the aliases (allNames() would copy them into a new list for each name)
            if (entity[n] < 0 || entity[n] >= entities.size()
                    || alias[n] < 0 || alias[n] > entities.get(entity[n]).aliases().size()) {
                throw new IOException("snapshot name " + n + " refers to a name the entities do not have");
            }
        }
        ScreeningEngine engine = ScreeningEngine.restore(entities, versions, config, index);
        try {
            engine.restoreNearTerms(DeletionNeighbourhood.restore(near, v));
        } catch (IllegalArgumentException e) {
            throw new IOException("snapshot's deletion channel: " + e.getMessage(), e);
        }
        if (!engine.stepNames().equals(steps)) {
            throw new IOException("snapshot was written by another analysis chain " + steps);
        }
        return engine;
    }
}
