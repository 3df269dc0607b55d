-- End-use monitoring: inventory checks of serialised items (what was seen, not seen, damaged, destroyed,
-- with evidence) and follow-ups on items that were not accounted for.

CREATE TABLE eum_check (
    id           BIGSERIAL PRIMARY KEY,
    check_date   DATE NOT NULL,
    place        TEXT NOT NULL,
    lat          DOUBLE PRECISION CHECK (lat BETWEEN -90 AND 90),
    lon          DOUBLE PRECISION CHECK (lon BETWEEN -180 AND 180),
    inspector    TEXT NOT NULL,
    unit_id      BIGINT REFERENCES ledger_org_unit(id),
    kind         TEXT NOT NULL CHECK (kind IN ('ROUTINE','ENHANCED','FOLLOW_UP')),
    notes        TEXT NOT NULL DEFAULT '',
    recorded_by  TEXT NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX eum_check_unit ON eum_check(unit_id);

CREATE TABLE eum_observation (
    check_id  BIGINT NOT NULL REFERENCES eum_check(id),
    serial_id BIGINT NOT NULL REFERENCES ledger_serial(id),
    status    TEXT   NOT NULL CHECK (status IN ('SEEN','NOT_SEEN','DAMAGED','DESTROYED')),
    evidence  TEXT   NOT NULL DEFAULT '',
    PRIMARY KEY (check_id, serial_id),
    CHECK (status <> 'DESTROYED' OR length(trim(evidence)) > 0)
);
CREATE INDEX eum_observation_serial ON eum_observation(serial_id);

CREATE TABLE eum_follow_up (
    id             BIGSERIAL PRIMARY KEY,
    serial_id      BIGINT NOT NULL REFERENCES ledger_serial(id),
    check_id       BIGINT REFERENCES eum_check(id),
    follow_up_date DATE   NOT NULL,
    outcome        TEXT   NOT NULL CHECK (outcome IN ('PENDING','LOCATED','CONFIRMED_MISSING','CONFIRMED_DESTROYED',
                                                      'REPORTED')),
    note           TEXT   NOT NULL CHECK (length(trim(note)) > 0),
    actor          TEXT   NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX eum_follow_up_serial ON eum_follow_up(serial_id);
