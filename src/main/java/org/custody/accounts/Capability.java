package org.custody.accounts;

/**
 * What a request may do. Every server route names the one capability it needs; {@link Role} says which
 * roles hold it. Reading is one capability on purpose: every signed-in role sees the whole record.
 */
public enum Capability {
    /** See lists, screening results, ledger, monitoring, vetting, evidence, cases, risk and the audit log. */
    READ("read the record and screen names"),
    /** Import or update watchlists. */
    MANAGE_LISTS("import and update watchlists"),
    /** Import ledger files (units, transfers, lots, serials). */
    WRITE_LEDGER("import ledger files"),
    /** Record end-use-monitoring inventory checks and observations. */
    RECORD_MONITORING("record inventory checks"),
    /** Open vetting requests, run checks, dismiss findings. */
    WORK_VETTING("open vetting requests, run checks, dismiss findings"),
    /** Decide vetting requests (approve, deny, restrict). */
    DECIDE_VETTING("decide vetting requests"),
    /** Ingest open-source evidence and group stories. */
    INGEST_EVIDENCE("ingest evidence"),
    /** Run diversion detection. */
    RUN_DETECTION("run diversion detection"),
    /** Move diversion cases through their workflow and add notes. */
    WORK_CASES("update diversion cases and add notes"),
    /** Issue oversight reports (the quarterly report), each recorded in the audit log. */
    ISSUE_REPORTS("issue oversight reports"),
    /** Manage accounts, roles and API tokens. */
    MANAGE_ACCOUNTS("manage accounts and tokens");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
