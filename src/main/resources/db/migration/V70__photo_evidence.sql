-- Photo evidence: every image stored once by the SHA-256 of its bytes (the bytes themselves in bytea, so an
-- image is written in its file's one transaction like everything else), its perceptual-hash views, its
-- metadata facts and the re-post family it belongs to; which documents carry it; text read from it; and
-- contradictions between a document and its pictures' metadata.
ALTER TABLE evidence_document DROP CONSTRAINT evidence_document_kind_check;
ALTER TABLE evidence_document ADD CONSTRAINT evidence_document_kind_check
    CHECK (kind IN ('text', 'html', 'social-post', 'field-report', 'photo'));
-- the earliest poster of a picture this document re-posts: its claims count under that poster's origin
ALTER TABLE evidence_document ADD COLUMN image_repost_of text REFERENCES evidence_document(id);

CREATE TABLE evidence_image (
    sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    format      text NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    width       integer NOT NULL CHECK (width > 0),
    height      integer NOT NULL CHECK (height > 0),
    byte_size   bigint NOT NULL,
    data        bytea NOT NULL,
    thumbnail   bytea NOT NULL,
    hashes      bigint[] NOT NULL,
    family      text NOT NULL,
    family_distance integer,
    taken       timestamp,
    taken_offset text,
    latitude    double precision,
    longitude   double precision,
    camera      text,
    software    text,
    edits       jsonb NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_image_family ON evidence_image(family);

CREATE TABLE evidence_document_image (
    document_id text    NOT NULL REFERENCES evidence_document(id),
    image_sha   text    NOT NULL REFERENCES evidence_image(sha256),
    position    integer NOT NULL,
    file_name   text    NOT NULL,
    caption     text,
    PRIMARY KEY (document_id, image_sha)
);
CREATE INDEX evidence_document_image_sha ON evidence_document_image(image_sha);

CREATE TABLE evidence_image_text (
    image_sha   text    NOT NULL REFERENCES evidence_image(sha256),
    seq         integer NOT NULL,
    text        text    NOT NULL,
    x integer NOT NULL, y integer NOT NULL, w integer NOT NULL, h integer NOT NULL,
    confidence  double precision NOT NULL,
    script      text,
    PRIMARY KEY (image_sha, seq)
);

CREATE TABLE evidence_document_flag (
    document_id text    NOT NULL REFERENCES evidence_document(id),
    seq         integer NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('posted-before-taken', 'far-from-claimed-place', 'edited-picture')),
    image_sha   text    REFERENCES evidence_image(sha256),
    detail      text    NOT NULL,
    PRIMARY KEY (document_id, seq)
);
