ALTER TABLE "cash_tenders" ADD COLUMN "at" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_daily" ADD COLUMN "sale_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_hourly" ADD COLUMN "sale_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_totals" ADD COLUMN "sale_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sale_refunds" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "sale_refunds" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "completed_by" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "counts" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sale_refunds" ADD CONSTRAINT "sale_refunds_idempotency_key_unique" UNIQUE("idempotency_key");
--> statement-breakpoint
-- Until now a cash tender counted when its sale was made: it keeps that moment.
UPDATE "cash_tenders" SET "at" = (SELECT "s"."created_at" FROM "sales" "s" WHERE "s"."id" = "cash_tenders"."sale_id");
--> statement-breakpoint
-- Each paid sale is counted once, by one of its tenders: its one tender, or for a split sale its
-- Bancontact payment, else its cash, else its wristband debit.
UPDATE "sales" SET "completed_by" = coalesce(
  (SELECT 'p:' || "p"."id" FROM "payments" "p" WHERE "p"."sale_id" = "sales"."id" AND "p"."status" = 'SUCCEEDED'
    ORDER BY "p"."updated_at" DESC, "p"."id" DESC LIMIT 1),
  (SELECT 'cash' FROM "cash_tenders" "c" WHERE "c"."sale_id" = "sales"."id"),
  (SELECT 'wristband' FROM "wristband_entries" "e" WHERE "e"."sale_id" = "sales"."id" AND "e"."kind" = 'debit' LIMIT 1))
  WHERE "status" = 'paid';
--> statement-breakpoint
UPDATE "transactions" SET "counts" = 1 WHERE EXISTS (SELECT 1 FROM "sales" "s" WHERE "s"."id" = "transactions"."sale_id" AND (
  "s"."completed_by" = "transactions"."source"
  OR ("s"."completed_by" = 'cash' AND "transactions"."source" LIKE 'c:%')
  OR ("s"."completed_by" = 'wristband' AND "transactions"."source" LIKE 'e:%' AND "transactions"."method" = 'wristband')));
--> statement-breakpoint
-- A manager's refund counts as a refund; a cancel's give-back does not.
UPDATE "transactions" SET "counts" = 1 WHERE "source" IN (SELECT 'r:' || "id" FROM "sale_refunds" WHERE "kind" = 'refund');
--> statement-breakpoint
-- One tender, one sale, as the books counted until now; the first start-up's rebuild counts split sales once.
UPDATE "report_totals" SET "sale_count" = "paid_count" WHERE "method" IN ('bancontact_display', 'bancontact_sticker', 'wristband', 'cash');
--> statement-breakpoint
UPDATE "report_daily" SET "sale_count" = "count" WHERE "method" IN ('bancontact_display', 'bancontact_sticker', 'wristband', 'cash');
--> statement-breakpoint
UPDATE "report_hourly" SET "sale_count" = "count" WHERE "method" IN ('bancontact_display', 'bancontact_sticker', 'wristband', 'cash');
