package org.custody.cli;

import org.custody.evidence.Analysis;
import org.custody.screening.ScreeningResult;

/**
 * The JSON Lines {@code custody screen --json} and {@code custody ingest --json} print, for callers outside
 * the CLI that must print exactly the same (batch jobs on other engines): one entry point each, the same code.
 */
public final class BatchLines {

    private BatchLines() {}

    /** One {@code screen --json} line (lean, or with {@code explain} the full explanations). */
    public static String screening(ScreeningResult result, boolean explain) {
        return Json.line(ScreenCommand.jsonShape(result, explain));
    }

    /**
     * One {@code ingest --json} line of a document analysed but not stored (its story fields are null), read
     * without pictures (no {@code photos}, no intake notes).
     */
    public static String ingest(Analysis analysis) {
        return Json.line(ingestShape(analysis));
    }

    /**
     * The value {@link #ingest} renders as its line: maps (field order kept), lists, strings, whole numbers, booleans
     * and nulls only, for a caller that writes the same record in another format (Parquet) without parsing the line.
     */
    public static java.util.Map<String, Object> ingestShape(Analysis analysis) {
        return EvidenceJson.ingest(analysis, null, java.util.List.of(), java.util.List.of());
    }
}
