-- A write whose COMMIT reached the server but whose answer was lost (the connection cut at that moment)
-- is retried by the station; its receipt, written in the same transaction, tells the retry that it
-- already committed and what it answered, so it is never booked twice (db/pg/postgres-store.ts).
-- It belongs to the unit-of-work machinery, not to the data model: schema kassa, beside public.
CREATE SCHEMA IF NOT EXISTS kassa;
--> statement-breakpoint
CREATE TABLE kassa.unit_receipts (
	unit_id uuid PRIMARY KEY,
	result text NOT NULL,
	at bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX unit_receipts_at ON kassa.unit_receipts (at);
