-- Serial lookups go by serial_key alone: lead the uniqueness index with serial_key so one index serves
-- both the uniqueness rule and the lookup, and drop the separate serial_key index (one index fewer to
-- maintain on bulk imports).
ALTER TABLE ledger_serial DROP CONSTRAINT ledger_serial_article_id_serial_key_key;
ALTER TABLE ledger_serial ADD CONSTRAINT ledger_serial_key_article_unique UNIQUE (serial_key, article_id);
DROP INDEX ledger_serial_key;
