CREATE TABLE "transaction_vat" (
	"source" text NOT NULL,
	"vat_rate" bigint NOT NULL,
	"gross_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	CONSTRAINT "transaction_vat_pkey" PRIMARY KEY("source","vat_rate")
);
--> statement-breakpoint
ALTER TABLE "report_totals" ADD COLUMN "vat_cents" bigint DEFAULT 0 NOT NULL;