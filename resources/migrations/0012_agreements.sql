CREATE TABLE `agreement_charges` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`period` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`ppro_charge_id` text,
	`status` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`refunded_cents` integer DEFAULT 0 NOT NULL,
	`refund_id` text,
	`refund_status` text,
	`receipt_mailed_at` integer,
	`receipt_mail_attempts` integer DEFAULT 0 NOT NULL,
	`receipt_mail_error` text,
	`captured_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_charges_idempotency_key_unique` ON `agreement_charges` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_charges_ppro_charge_id_unique` ON `agreement_charges` (`ppro_charge_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_charges_period` ON `agreement_charges` (`agreement_id`,`period`);--> statement-breakpoint
CREATE INDEX `agreement_charges_waiting` ON `agreement_charges` (`next_attempt_at`) WHERE "agreement_charges"."status" in ('due', 'sent');--> statement-breakpoint
CREATE INDEX `agreement_charges_mail` ON `agreement_charges` (`captured_at`) WHERE "agreement_charges"."status" = 'captured' and "agreement_charges"."receipt_mailed_at" is null;--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`ppro_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`ppro_status` text,
	`shop_id` text NOT NULL,
	`till_id` text NOT NULL,
	`cashier_id` text NOT NULL,
	`sale_id` text,
	`article_id` text,
	`description` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`vat_rate` integer,
	`period` text,
	`charge_count` integer,
	`wristband_id` text,
	`threshold_cents` integer,
	`consumer_name` text NOT NULL,
	`consumer_email` text,
	`consumer_locale` text DEFAULT 'nl' NOT NULL,
	`terms_version` text NOT NULL,
	`terms_accepted_at` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`anchor_at` integer,
	`next_charge_at` integer,
	`revoked_at` integer,
	`revoked_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_ppro_id_unique` ON `agreements` (`ppro_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_idempotency_key_unique` ON `agreements` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `agreements_status` ON `agreements` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `agreements_due` ON `agreements` (`next_charge_at`) WHERE "agreements"."status" = 'active';--> statement-breakpoint
CREATE INDEX `agreements_wristband` ON `agreements` (`wristband_id`) WHERE "agreements"."wristband_id" is not null;--> statement-breakpoint
CREATE INDEX `agreements_sale` ON `agreements` (`sale_id`) WHERE "agreements"."sale_id" is not null;