-- One row per ledger file set imported, keyed by the SHA-256 of its bytes (and the import options), so
-- importing the identical material again is recognised and changes nothing.
CREATE TABLE ledger_import (
    content_hash TEXT PRIMARY KEY,
    source       TEXT        NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    summary      TEXT        NOT NULL
);
