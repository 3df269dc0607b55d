-- One case per holder identity: when two cases turn out to be about one identity (a registry actor that is
-- a listed organisation, two spellings of one group), the younger is merged into the older. The merged case
-- stays (cases are never deleted), pointing at the case that carries on; its links and history are copied.
ALTER TABLE diversion_case ADD COLUMN merged_into BIGINT REFERENCES diversion_case(id);
