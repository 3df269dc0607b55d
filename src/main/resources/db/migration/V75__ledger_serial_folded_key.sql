-- The ledger's serials as a picture reader sees them: the serial key with the characters paint and stencil
-- confuse folded to one (O→0, I→1, L→1, S→5, B→8, Z→2, G→6; photo.ocr.ConfusionFold is the same mapping), so
-- a serial read from a photograph is looked up by its folded form and two serials that fold alike are told
-- apart by nobody: the reader reports them both.
ALTER TABLE ledger_serial ADD COLUMN folded_key text
    GENERATED ALWAYS AS (translate(serial_key, 'OILSBZG', '0115826')) STORED;
CREATE INDEX ledger_serial_folded ON ledger_serial(folded_key);
