CREATE TABLE "articles" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"price_cents" bigint NOT NULL,
	"vat_rate" bigint NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"colour" text DEFAULT '#4a6fa5' NOT NULL,
	"barcode" text,
	"active" bigint DEFAULT 1 NOT NULL,
	"shop_ids" text DEFAULT '[]' NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "printers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"port" bigint DEFAULT 9100 NOT NULL,
	"paper_mm" bigint DEFAULT 80 NOT NULL,
	"code_page" text DEFAULT 'cp858' NOT NULL,
	"drawer" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "till_printing" (
	"till_id" text PRIMARY KEY NOT NULL,
	"printer_id" text NOT NULL,
	"auto_print" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "till_printing" ADD CONSTRAINT "till_printing_printer_id_printers_id_fk" FOREIGN KEY ("printer_id") REFERENCES "public"."printers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_barcode" ON "articles" USING btree ("barcode") WHERE "articles"."barcode" is not null;--> statement-breakpoint
CREATE INDEX "articles_category" ON "articles" USING btree ("category","position");