-- A teaching game shows each human seat the engine's utility of its candidate moves; in any other
-- game the seats choose without them, so that players do not anchor on the engine's choice.
-- Games stored before are not teaching games. Same SQL dialect as V1 (H2 2.x and PostgreSQL 14+).

ALTER TABLE game ADD COLUMN teaching BOOLEAN DEFAULT FALSE NOT NULL;
