-- Practice settings the homework loop needs.
ALTER TABLE practice ADD COLUMN backdate_days int NOT NULL DEFAULT 3 CHECK (backdate_days BETWEEN 0 AND 14);
ALTER TABLE practice ADD COLUMN emergency_contacts text CHECK (length(emergency_contacts) <= 2000);
