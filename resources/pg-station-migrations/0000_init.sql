CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"mode" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"staff_id" text,
	"staff_name" text,
	"device_id" text,
	"device_name" text,
	"subject" text,
	"detail" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_refusal_tallies" (
	"minute" bigint NOT NULL,
	"caller_key" text NOT NULL,
	"action" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "audit_refusal_tallies_pkey" PRIMARY KEY("minute","caller_key","action")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rights" text NOT NULL,
	"kind" text NOT NULL,
	"till_id" text,
	"credential_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"created_by" text,
	"last_seen_at" bigint,
	"last_address" text,
	"revoked_at" bigint,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"device_name" text NOT NULL,
	"rights" text NOT NULL,
	"kind" text NOT NULL,
	"till_id" text,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"device_id" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"device_id" text NOT NULL,
	"staff_id" text,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint NOT NULL,
	"ended_at" bigint,
	"ended_reason" text
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"locale" text NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"secret_hash" text NOT NULL,
	"training" bigint DEFAULT 0 NOT NULL,
	"failed_attempts" bigint DEFAULT 0 NOT NULL,
	"lock_count" bigint DEFAULT 0 NOT NULL,
	"locked_until" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"last_sign_in_at" bigint
);
--> statement-breakpoint
CREATE TABLE "station_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_action" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_device" ON "sessions" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "staff_name" ON "staff" USING btree ("name");