-- Evidence intake: documents (stored once per content hash), what extraction found in them, and the
-- stories (groups of documents re-reporting one origin) they belong to.
CREATE TABLE evidence_story (
    id          text PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evidence_document (
    id                 text PRIMARY KEY,
    content_hash       text NOT NULL UNIQUE,
    kind               text NOT NULL CHECK (kind IN ('text', 'html', 'social-post', 'field-report')),
    source_name        text NOT NULL,
    outlet             text,
    url                text,
    title              text,
    author             text,
    platform           text,
    published          date,
    retrieved          timestamptz,
    body               text NOT NULL,
    minhash            integer[] NOT NULL,
    near_duplicate_of  text REFERENCES evidence_document(id),
    near_similarity    double precision,
    story_id           text NOT NULL REFERENCES evidence_story(id),
    ingested_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_document_story ON evidence_document(story_id);

CREATE TABLE evidence_minhash_band (
    document_id  text NOT NULL REFERENCES evidence_document(id),
    band         smallint NOT NULL,
    hash         bigint NOT NULL,
    PRIMARY KEY (document_id, band)
);
CREATE INDEX evidence_minhash_band_lookup ON evidence_minhash_band(band, hash);

CREATE TABLE evidence_mention (
    document_id    text NOT NULL REFERENCES evidence_document(id),
    seq            integer NOT NULL,
    type           text NOT NULL CHECK (type IN ('article', 'actor', 'place', 'date', 'amount')),
    text           text NOT NULL,
    start_offset   integer NOT NULL,
    end_offset     integer NOT NULL,
    resolved_id    text,
    resolved_name  text,
    resolved_by    text,
    detail         jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (document_id, seq),
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX evidence_mention_resolved ON evidence_mention(resolved_id);

CREATE TABLE evidence_claim (
    document_id    text NOT NULL REFERENCES evidence_document(id),
    seq            integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('possession', 'use', 'transfer', 'supply', 'training')),
    article_text   text,
    article_id     text,
    article_name   text,
    holder_text    text NOT NULL,
    holder_id      text,
    holder_name    text,
    stance         text NOT NULL CHECK (stance IN ('asserted', 'denied', 'hedged')),
    attributed_to  text,
    origin_key     text NOT NULL,
    sentence       text NOT NULL,
    start_offset   integer NOT NULL,
    end_offset     integer NOT NULL,
    cues           jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (document_id, seq)
);
CREATE INDEX evidence_claim_holder ON evidence_claim(holder_id);
CREATE INDEX evidence_claim_article ON evidence_claim(article_id);

CREATE TABLE evidence_quote (
    document_id   text NOT NULL REFERENCES evidence_document(id),
    seq           integer NOT NULL,
    text          text NOT NULL,
    speaker       text,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    quote_hash    text NOT NULL,
    PRIMARY KEY (document_id, seq)
);
CREATE INDEX evidence_quote_hash ON evidence_quote(quote_hash);

CREATE TABLE evidence_origin (
    document_id  text NOT NULL REFERENCES evidence_document(id),
    origin_key   text NOT NULL,
    outlet       text NOT NULL,
    reporters    text[] NOT NULL DEFAULT '{}',
    credited     boolean NOT NULL,
    PRIMARY KEY (document_id, origin_key)
);
CREATE INDEX evidence_origin_key ON evidence_origin(origin_key);
