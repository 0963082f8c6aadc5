-- The audit log is append-only: no code path, and no hand-typed SQL, can change or remove an entry
-- (the twin of the SQLite station migration's triggers).
CREATE FUNCTION kassa_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		RAISE EXCEPTION 'the audit log is append-only: an entry cannot be changed';
	END IF;
	RAISE EXCEPTION 'the audit log is append-only: an entry cannot be removed';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION kassa_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_not_truncated BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION kassa_audit_append_only();
