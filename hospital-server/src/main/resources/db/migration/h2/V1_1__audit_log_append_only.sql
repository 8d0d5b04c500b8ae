-- H2 has no procedural triggers: the guard is a small Java trigger class in the server.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    CALL 'org.hospital.server.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    CALL 'org.hospital.server.audit.AppendOnlyTrigger';
