-- The language a person reads Carryover in (client pages, e-mails, reminders): 'en' or 'es'.
-- NULL until chosen: pages then follow the browser, messages go out in English.
ALTER TABLE account ADD COLUMN language text CHECK (language IN ('en', 'es'));
