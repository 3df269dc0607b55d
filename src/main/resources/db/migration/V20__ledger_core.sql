-- Ledger core: recipient organisations (a hierarchy), persons, command posts and the article catalogue.
-- Transfers, lots, serials and deliveries follow in V21; end-use monitoring in V22.

-- A recipient organisation unit: ministry -> service -> division -> brigade -> battalion (echelon), in a
-- country, with an optional area of operation. `code` is the stable key import files use.
CREATE TABLE ledger_org_unit (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    echelon     TEXT NOT NULL CHECK (echelon IN ('MINISTRY','SERVICE','COMMAND','DIVISION','BRIGADE',
                                                 'REGIMENT','BATTALION','COMPANY','OTHER')),
    country     TEXT NOT NULL,
    parent_id   BIGINT REFERENCES ledger_org_unit(id),
    area_place  TEXT,
    area_lat    DOUBLE PRECISION CHECK (area_lat BETWEEN -90 AND 90),
    area_lon    DOUBLE PRECISION CHECK (area_lon BETWEEN -180 AND 180),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX ledger_org_unit_parent ON ledger_org_unit(parent_id);
CREATE INDEX ledger_org_unit_country ON ledger_org_unit(country);

CREATE TABLE ledger_org_unit_alias (
    unit_id BIGINT NOT NULL REFERENCES ledger_org_unit(id),
    alias   TEXT   NOT NULL,
    PRIMARY KEY (unit_id, alias)
);

-- A person who may hold command posts (commanders, officers to be vetted).
CREATE TABLE ledger_person (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT UNIQUE,
    name        TEXT NOT NULL,
    birth_date  DATE,
    nationality TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE ledger_person_alias (
    person_id BIGINT NOT NULL REFERENCES ledger_person(id),
    alias     TEXT   NOT NULL,
    PRIMARY KEY (person_id, alias)
);

-- A person holds a post (commander, deputy commander, ...) over a unit for a dated interval;
-- end_date NULL means the post is still held.
CREATE TABLE ledger_command_post (
    id          BIGSERIAL PRIMARY KEY,
    person_id   BIGINT NOT NULL REFERENCES ledger_person(id),
    unit_id     BIGINT NOT NULL REFERENCES ledger_org_unit(id),
    title       TEXT   NOT NULL,
    start_date  DATE   NOT NULL,
    end_date    DATE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ledger_command_post_unit ON ledger_command_post(unit_id);
CREATE INDEX ledger_command_post_person ON ledger_command_post(person_id);

-- The article catalogue as used by this installation: the shipped starter catalogue (source 'starter')
-- plus what users add (source 'user').
CREATE TABLE ledger_article (
    id                  TEXT PRIMARY KEY,
    category            TEXT    NOT NULL,
    designation         TEXT    NOT NULL,
    family              TEXT    NOT NULL,
    origin              TEXT    NOT NULL DEFAULT '',
    enhanced_monitoring BOOLEAN NOT NULL DEFAULT false,
    source              TEXT    NOT NULL CHECK (source IN ('starter','user')),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE ledger_article_alias (
    article_id TEXT NOT NULL REFERENCES ledger_article(id),
    alias      TEXT NOT NULL,
    PRIMARY KEY (article_id, alias)
);

CREATE TABLE ledger_family_alias (
    family TEXT NOT NULL,
    alias  TEXT NOT NULL,
    PRIMARY KEY (family, alias)
);
