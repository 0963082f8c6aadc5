CREATE TABLE `refund_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`count` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`xml` text NOT NULL,
	`csv` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refund_exports_message_id_unique` ON `refund_exports` (`message_id`);--> statement-breakpoint
CREATE TABLE `topup_attention` (
	`bancontact_id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`reference` text,
	`amount_cents` integer NOT NULL,
	`reason` text NOT NULL,
	`received_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_to` text
);
--> statement-breakpoint
CREATE TABLE `topup_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`count` integer NOT NULL,
	`amount_mode` text NOT NULL,
	`amount_cents` integer,
	`description` text NOT NULL,
	`event_name` text NOT NULL,
	`logo` text,
	`payload_host` text NOT NULL,
	`reissue_of` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `topup_batches_created` ON `topup_batches` (`created_at`);--> statement-breakpoint
CREATE TABLE `wristband_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wristband_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`bancontact_id` text,
	`sale_id` text,
	`payer_name` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`wristband_id`) REFERENCES `wristbands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wristband_entries_bancontact_id_unique` ON `wristband_entries` (`bancontact_id`);--> statement-breakpoint
CREATE INDEX `wristband_entries_wristband` ON `wristband_entries` (`wristband_id`,`at`);--> statement-breakpoint
CREATE TABLE `wristband_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`wristband_id` text NOT NULL,
	`bancontact_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`creditor_name` text,
	`iban` text,
	`status` text NOT NULL,
	`problem` text,
	`export_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`wristband_id`) REFERENCES `wristbands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wristband_refunds_wristband` ON `wristband_refunds` (`wristband_id`);--> statement-breakpoint
CREATE INDEX `wristband_refunds_status` ON `wristband_refunds` (`status`);--> statement-breakpoint
CREATE TABLE `wristbands` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`position` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`balance_cents` integer DEFAULT 0 NOT NULL,
	`moved_to` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `topup_batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "wristbands_balance_not_negative" CHECK("wristbands"."balance_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wristbands_batch_position` ON `wristbands` (`batch_id`,`position`);--> statement-breakpoint
CREATE INDEX `wristbands_balance` ON `wristbands` (`balance_cents`);--> statement-breakpoint
ALTER TABLE `sales` ADD `tender` text DEFAULT 'bancontact' NOT NULL;--> statement-breakpoint
ALTER TABLE `sales` ADD `wristband_id` text;