-- Watchlists: every imported version of every list, which one was current when, and its entities.

CREATE TABLE list_version (
    list_id       text        NOT NULL,
    version       integer     NOT NULL CHECK (version > 0),
    published_at  text,                       -- the publisher's date when the files carry one
    imported_at   timestamptz NOT NULL,
    content_hash  char(64)    NOT NULL,       -- SHA-256 over the source files
    entity_count  integer     NOT NULL,
    source        text        NOT NULL,       -- paths or URLs the files came from
    valid_from    timestamptz NOT NULL,       -- became current
    valid_to      timestamptz,                -- replaced by the next version (null while current)
    is_current    boolean     NOT NULL,
    counts        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    warnings      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    -- gzip'd JSON array of the version's entities: what start-up decodes to build the screening index
    snapshot      bytea       NOT NULL,
    PRIMARY KEY (list_id, version),
    CHECK (is_current = (valid_to IS NULL))
);

CREATE UNIQUE INDEX list_version_one_current ON list_version (list_id) WHERE is_current;

CREATE TABLE list_entity (
    list_id       text    NOT NULL,
    version       integer NOT NULL,
    entity_id     text    NOT NULL,
    source_id     text    NOT NULL,
    schema        text    NOT NULL,
    primary_name  text    NOT NULL,
    programs      text[]  NOT NULL,
    entity        jsonb   NOT NULL,
    PRIMARY KEY (list_id, version, entity_id),
    FOREIGN KEY (list_id, version) REFERENCES list_version (list_id, version)
);

CREATE INDEX list_entity_by_id ON list_entity (entity_id);
