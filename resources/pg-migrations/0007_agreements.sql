CREATE TABLE "agreement_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"period" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"ppro_charge_id" text,
	"status" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"due_at" bigint NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint,
	"last_error" text,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"refund_id" text,
	"refund_status" text,
	"receipt_mailed_at" bigint,
	"receipt_mail_attempts" bigint DEFAULT 0 NOT NULL,
	"receipt_mail_error" text,
	"captured_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "agreement_charges_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "agreement_charges_ppro_charge_id_unique" UNIQUE("ppro_charge_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"ppro_id" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"ppro_status" text,
	"shop_id" text NOT NULL,
	"till_id" text NOT NULL,
	"cashier_id" text NOT NULL,
	"sale_id" text,
	"article_id" text,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"vat_rate" bigint,
	"period" text,
	"charge_count" bigint,
	"wristband_id" text,
	"threshold_cents" bigint,
	"consumer_name" text NOT NULL,
	"consumer_email" text,
	"consumer_locale" text DEFAULT 'nl' NOT NULL,
	"terms_version" text NOT NULL,
	"terms_accepted_at" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"anchor_at" bigint,
	"next_charge_at" bigint,
	"revoked_at" bigint,
	"revoked_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "agreements_ppro_id_unique" UNIQUE("ppro_id"),
	CONSTRAINT "agreements_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "agreement_charges" ADD CONSTRAINT "agreement_charges_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_charges_period" ON "agreement_charges" USING btree ("agreement_id","period");--> statement-breakpoint
CREATE INDEX "agreement_charges_waiting" ON "agreement_charges" USING btree ("next_attempt_at") WHERE "agreement_charges"."status" in ('due', 'sent');--> statement-breakpoint
CREATE INDEX "agreement_charges_mail" ON "agreement_charges" USING btree ("captured_at") WHERE "agreement_charges"."status" = 'captured' and "agreement_charges"."receipt_mailed_at" is null;--> statement-breakpoint
CREATE INDEX "agreements_status" ON "agreements" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "agreements_due" ON "agreements" USING btree ("next_charge_at") WHERE "agreements"."status" = 'active';--> statement-breakpoint
CREATE INDEX "agreements_wristband" ON "agreements" USING btree ("wristband_id") WHERE "agreements"."wristband_id" is not null;--> statement-breakpoint
CREATE INDEX "agreements_sale" ON "agreements" USING btree ("sale_id") WHERE "agreements"."sale_id" is not null;