-- A Z report is frozen the moment it is written: no code path, and no hand-typed SQL, can change or
-- remove it (the twin of the SQLite migration 0004_z_frozen).
CREATE FUNCTION kassa_z_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		RAISE EXCEPTION 'a Z report is frozen and cannot be changed';
	END IF;
	RAISE EXCEPTION 'a Z report is frozen and cannot be removed';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER z_reports_frozen BEFORE UPDATE OR DELETE ON z_reports
	FOR EACH ROW EXECUTE FUNCTION kassa_z_report_frozen();
--> statement-breakpoint
-- TRUNCATE skips row triggers; it is refused too.
CREATE TRIGGER z_reports_not_truncated BEFORE TRUNCATE ON z_reports
	FOR EACH STATEMENT EXECUTE FUNCTION kassa_z_report_frozen();
