-- Diversion cases: one per holder and article group (case_key), scored and explained, worked to a verdict.
-- Cases are never deleted (trigger below); a case whose support drops is annotated (below_threshold).

CREATE TABLE diversion_case (
    id                  BIGSERIAL PRIMARY KEY,
    case_key            TEXT NOT NULL UNIQUE,
    status              TEXT NOT NULL CHECK (status IN ('open','under_review','confirmed','dismissed','referred')),
    score               DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
    holder_id           TEXT,
    holder_name         TEXT NOT NULL,
    holder_unit_id      TEXT,
    holder_status       TEXT NOT NULL,
    designation         TEXT,
    article_designation TEXT,
    article_family      TEXT,
    article_category    TEXT,
    factors             JSONB NOT NULL,
    reason              TEXT NOT NULL,
    below_threshold     BOOLEAN NOT NULL DEFAULT false,
    assignee            TEXT,
    opened_at           TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX diversion_case_status ON diversion_case(status);

-- What a case rests on: evidence claims, candidate transfers, vetting records, screening hits.
-- current = false when the latest evaluation no longer used the link (kept for the record).
CREATE TABLE diversion_case_link (
    case_id   BIGINT NOT NULL REFERENCES diversion_case(id),
    kind      TEXT   NOT NULL CHECK (kind IN ('evidence','transfer','vetting','screening')),
    ref       TEXT   NOT NULL,
    detail    JSONB  NOT NULL,
    current   BOOLEAN NOT NULL DEFAULT true,
    linked_at TIMESTAMPTZ NOT NULL,
    linked_by TEXT   NOT NULL,
    PRIMARY KEY (case_id, kind, ref)
);

-- Every change to a case, with who and when (the audit log gets the same, hash-chained).
CREATE TABLE diversion_case_event (
    id      BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES diversion_case(id),
    at      TIMESTAMPTZ NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    detail  JSONB NOT NULL
);
CREATE INDEX diversion_case_event_case ON diversion_case_event(case_id, id);

-- Notifications to send (outbox, written in the transaction that opened or escalated the case) ...
CREATE TABLE diversion_notification (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT NOT NULL REFERENCES diversion_case(id),
    event_type   TEXT NOT NULL CHECK (event_type IN ('case.opened','case.escalated')),
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX diversion_notification_pending ON diversion_notification(id) WHERE delivered_at IS NULL;

-- ... and every attempt to deliver one.
CREATE TABLE notify_delivery (
    id          BIGSERIAL PRIMARY KEY,
    delivery_id TEXT NOT NULL,
    event_type  TEXT NOT NULL,
    url         TEXT NOT NULL,
    attempt     INT  NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    status      INT  NOT NULL,
    error       TEXT,
    delivered   BOOLEAN NOT NULL
);
-- attempt counts within one dispatch round; a notification retried in a later run starts again at 1
CREATE INDEX notify_delivery_by_id ON notify_delivery(delivery_id, id);

CREATE FUNCTION diversion_case_never_deleted() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'diversion cases are never deleted (dismiss or annotate instead)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER diversion_case_no_delete BEFORE DELETE ON diversion_case
    FOR EACH ROW EXECUTE FUNCTION diversion_case_never_deleted();
CREATE TRIGGER diversion_case_no_truncate BEFORE TRUNCATE ON diversion_case
    FOR EACH STATEMENT EXECUTE FUNCTION diversion_case_never_deleted();
CREATE TRIGGER diversion_case_event_no_delete BEFORE UPDATE OR DELETE ON diversion_case_event
    FOR EACH ROW EXECUTE FUNCTION diversion_case_never_deleted();
