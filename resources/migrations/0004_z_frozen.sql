-- A Z report is frozen the moment it is written: no code path, and no hand-typed SQL, can change or remove it.
CREATE TRIGGER `z_reports_frozen_update` BEFORE UPDATE ON `z_reports`
BEGIN
	SELECT RAISE(ABORT, 'a Z report is frozen and cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `z_reports_frozen_delete` BEFORE DELETE ON `z_reports`
BEGIN
	SELECT RAISE(ABORT, 'a Z report is frozen and cannot be removed');
END;
