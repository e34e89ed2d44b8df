-- An account a facilitator has disabled: it cannot log in, and its sessions were ended when it
-- was disabled (a session of a disabled account is not honoured either).

ALTER TABLE account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
