CREATE TABLE "inbox_reads" (
	"staff_id" text NOT NULL,
	"message_key" text NOT NULL,
	"read_at" bigint NOT NULL,
	CONSTRAINT "inbox_reads_pkey" PRIMARY KEY("staff_id","message_key")
);
--> statement-breakpoint
CREATE INDEX "inbox_reads_at" ON "inbox_reads" USING btree ("read_at");