-- Ownership: every stored scenario, job and result belongs to the account that created it (a
-- result to its job's account) and is seen by others only once its owner shares it. Rows stored
-- before belong to the account 'admin' (the server gives any row still without an owner to
-- 'admin' when it starts, for databases that had no account yet). The account 'admin' gets its own
-- role, 'admin', the only one that manages accounts and roles.
-- Same SQL dialect as V1 (H2 2.x and PostgreSQL 14+).

ALTER TABLE scenario ADD COLUMN owner_id BIGINT REFERENCES account (id);
ALTER TABLE scenario ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE job ADD COLUMN owner_id BIGINT REFERENCES account (id);
ALTER TABLE job ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE result ADD COLUMN owner_id BIGINT REFERENCES account (id);
ALTER TABLE result ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE scenario SET owner_id = (SELECT id FROM account WHERE name = 'admin');
UPDATE job SET owner_id = (SELECT id FROM account WHERE name = 'admin');
UPDATE result SET owner_id = (SELECT id FROM account WHERE name = 'admin');
UPDATE account SET role = 'admin' WHERE name = 'admin';

CREATE INDEX scenario_owner ON scenario (owner_id);
CREATE INDEX job_owner_state ON job (owner_id, state);
CREATE INDEX result_owner ON result (owner_id);
