CREATE TABLE `callback_receipts` (
	`jti` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL,
	`profile_id` text NOT NULL,
	`bancontact_id` text NOT NULL,
	`status` text NOT NULL,
	`body` text NOT NULL,
	`matched` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `callback_receipts_payment` ON `callback_receipts` (`bancontact_id`);--> statement-breakpoint
CREATE TABLE `callback_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`profile_id` text NOT NULL,
	`reason` text NOT NULL,
	`detail` text NOT NULL,
	`body_excerpt` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `payments` ADD `pos_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `wanted` integer DEFAULT true NOT NULL;