-- What a list of stored scenarios shows, kept beside each text so that listing parses nothing:
-- the ladder's id, the initiating event's rung, whether the scenario has an escalation model and a
-- negotiation (null where the text no longer parses), and the text's size in bytes (UTF-8).
-- Rows stored before this migration have listed = FALSE until the server computes their facts
-- (once, at its next start). Same SQL dialect as V1 (H2 2.x and PostgreSQL 14+).

ALTER TABLE scenario ADD COLUMN ladder VARCHAR(200);
ALTER TABLE scenario ADD COLUMN initiating_rung INT;
ALTER TABLE scenario ADD COLUMN escalation BOOLEAN;
ALTER TABLE scenario ADD COLUMN negotiation BOOLEAN;
ALTER TABLE scenario ADD COLUMN size_bytes BIGINT;
ALTER TABLE scenario ADD COLUMN listed BOOLEAN DEFAULT FALSE NOT NULL;
