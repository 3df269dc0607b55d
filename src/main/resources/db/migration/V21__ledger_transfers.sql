-- Transfers (cases), their approved end users and end-use terms, delivered lots, serial numbers, and the
-- clearance outcome of every delivery to a unit (cleared, or refused and overridden with a justification).

CREATE TABLE ledger_transfer (
    id                BIGSERIAL PRIMARY KEY,
    case_id           TEXT NOT NULL UNIQUE,
    supplier          TEXT NOT NULL,
    recipient_country TEXT NOT NULL,
    programme         TEXT NOT NULL,
    notification_date DATE,
    source            TEXT NOT NULL,
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ledger_transfer_recipient ON ledger_transfer(recipient_country);

CREATE TABLE ledger_transfer_end_user (
    transfer_id BIGINT NOT NULL REFERENCES ledger_transfer(id),
    unit_id     BIGINT NOT NULL REFERENCES ledger_org_unit(id),
    PRIMARY KEY (transfer_id, unit_id)
);
CREATE INDEX ledger_transfer_end_user_unit ON ledger_transfer_end_user(unit_id);

CREATE TABLE ledger_transfer_term (
    transfer_id BIGINT NOT NULL REFERENCES ledger_transfer(id),
    ordinal     INT    NOT NULL,
    term        TEXT   NOT NULL,
    PRIMARY KEY (transfer_id, ordinal)
);

-- A delivered lot: `quantity` of one article delivered on a date (or, for coarse sources such as
-- SIPRI, in a year) to a unit (NULL for country-level records). `designation` keeps the text as the
-- source wrote it; `article_id` is the catalogue article it resolved to, if any.
CREATE TABLE ledger_lot (
    id                  BIGSERIAL PRIMARY KEY,
    transfer_id         BIGINT  NOT NULL REFERENCES ledger_transfer(id),
    lot_no              TEXT    NOT NULL,
    article_id          TEXT    REFERENCES ledger_article(id),
    designation         TEXT    NOT NULL,
    category            TEXT    NOT NULL,
    quantity            INT     NOT NULL CHECK (quantity >= 0),
    quantity_estimated  BOOLEAN NOT NULL DEFAULT false,
    delivery_date       DATE,
    delivery_year       INT,
    unit_id             BIGINT  REFERENCES ledger_org_unit(id),
    UNIQUE (transfer_id, lot_no),
    CHECK (delivery_date IS NULL OR delivery_year IS NULL OR EXTRACT(YEAR FROM delivery_date) = delivery_year)
);
CREATE INDEX ledger_lot_unit ON ledger_lot(unit_id);
CREATE INDEX ledger_lot_article ON ledger_lot(article_id);

-- One row per serialised item. `serial` is as written; `serial_key` is upper-case letters and digits only
-- (so "AB-123 45" and "ab12345" meet) and is what lookups use.
CREATE TABLE ledger_serial (
    id          BIGSERIAL PRIMARY KEY,
    lot_id      BIGINT NOT NULL REFERENCES ledger_lot(id),
    article_id  TEXT   NOT NULL REFERENCES ledger_article(id),
    serial      TEXT   NOT NULL,
    serial_key  TEXT   NOT NULL,
    UNIQUE (article_id, serial_key)
);
CREATE INDEX ledger_serial_key ON ledger_serial(serial_key);
CREATE INDEX ledger_serial_lot ON ledger_serial(lot_id);

-- The clearance outcome of each delivery to a unit: CLEARED (basis from the clearance port) or
-- OVERRIDDEN (the port refused; a person recorded the delivery anyway with a written justification).
CREATE TABLE ledger_delivery_clearance (
    id              BIGSERIAL PRIMARY KEY,
    lot_id          BIGINT NOT NULL UNIQUE REFERENCES ledger_lot(id),
    unit_id         BIGINT NOT NULL REFERENCES ledger_org_unit(id),
    delivery_date   DATE   NOT NULL,
    outcome         TEXT   NOT NULL CHECK (outcome IN ('CLEARED','OVERRIDDEN')),
    basis           TEXT   NOT NULL,
    refusal_reason  TEXT,
    justification   TEXT,
    actor           TEXT   NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (outcome = 'CLEARED' OR (refusal_reason IS NOT NULL AND length(trim(justification)) > 0))
);
