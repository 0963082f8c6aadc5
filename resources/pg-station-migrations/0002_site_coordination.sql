CREATE TABLE "site_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"generation" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_rate_slots" (
	"profile_id" text NOT NULL,
	"slot" bigint NOT NULL,
	"ended_at" bigint NOT NULL,
	"holder" text,
	CONSTRAINT "site_rate_slots_pkey" PRIMARY KEY("profile_id","slot")
);
