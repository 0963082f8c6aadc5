CREATE TABLE `cash_tenders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` text NOT NULL,
	`session_id` text NOT NULL,
	`due_cents` integer NOT NULL,
	`tendered_cents` integer NOT NULL,
	`change_cents` integer NOT NULL,
	`rounding_cents` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `drawer_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_tenders_sale_id_unique` ON `cash_tenders` (`sale_id`);--> statement-breakpoint
CREATE TABLE `drawer_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `drawer_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drawer_movements_session` ON `drawer_movements` (`session_id`);--> statement-breakpoint
CREATE TABLE `drawer_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`status` text NOT NULL,
	`cashier_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`float_cents` integer NOT NULL,
	`cash_sales_cents` integer DEFAULT 0 NOT NULL,
	`cash_in_cents` integer DEFAULT 0 NOT NULL,
	`cash_out_cents` integer DEFAULT 0 NOT NULL,
	`closed_at` integer,
	`expected_cents` integer,
	`counted_cents` integer,
	`difference_cents` integer,
	`business_day` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drawer_sessions_open_till` ON `drawer_sessions` (`till_id`) WHERE "drawer_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX `drawer_sessions_day` ON `drawer_sessions` (`business_day`);--> statement-breakpoint
CREATE INDEX `drawer_sessions_till` ON `drawer_sessions` (`till_id`,`opened_at`);--> statement-breakpoint
CREATE TABLE `report_daily` (
	`business_day` integer NOT NULL,
	`shop_id` text NOT NULL,
	`method` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`business_day`, `shop_id`, `method`)
);
--> statement-breakpoint
CREATE TABLE `report_hourly` (
	`business_day` integer NOT NULL,
	`hour` integer NOT NULL,
	`method` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`business_day`, `hour`, `method`)
);
--> statement-breakpoint
CREATE TABLE `report_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_totals` (
	`business_day` integer NOT NULL,
	`shop_id` text NOT NULL,
	`till_id` text NOT NULL,
	`cashier_id` text NOT NULL,
	`method` text NOT NULL,
	`vat_rate` integer NOT NULL,
	`paid_count` integer DEFAULT 0 NOT NULL,
	`paid_cents` integer DEFAULT 0 NOT NULL,
	`cancelled_count` integer DEFAULT 0 NOT NULL,
	`expired_count` integer DEFAULT 0 NOT NULL,
	`refused_count` integer DEFAULT 0 NOT NULL,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`rounding_cents` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`business_day`, `shop_id`, `till_id`, `cashier_id`, `method`, `vat_rate`)
);
--> statement-breakpoint
CREATE TABLE `transactions` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`payment_status` text,
	`business_day` integer NOT NULL,
	`created_at` integer NOT NULL,
	`booked_at` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`rounding_cents` integer DEFAULT 0 NOT NULL,
	`shop_id` text NOT NULL,
	`till_id` text NOT NULL,
	`cashier_id` text NOT NULL,
	`vat_rate` integer,
	`profile_id` text NOT NULL,
	`sale_id` text,
	`payment_id` text,
	`bancontact_id` text,
	`wristband_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_source_unique` ON `transactions` (`source`);--> statement-breakpoint
CREATE INDEX `transactions_day` ON `transactions` (`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_shop` ON `transactions` (`shop_id`,`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_till` ON `transactions` (`till_id`,`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_cashier` ON `transactions` (`cashier_id`,`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_profile` ON `transactions` (`profile_id`,`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_method` ON `transactions` (`method`,`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_status` ON `transactions` (`status`,`business_day`);--> statement-breakpoint
CREATE INDEX `transactions_sale` ON `transactions` (`sale_id`) WHERE "transactions"."sale_id" is not null;--> statement-breakpoint
CREATE INDEX `transactions_bancontact` ON `transactions` (`bancontact_id`) WHERE "transactions"."bancontact_id" is not null;--> statement-breakpoint
CREATE INDEX `transactions_wristband` ON `transactions` (`wristband_id`) WHERE "transactions"."wristband_id" is not null;--> statement-breakpoint
CREATE TABLE `z_reports` (
	`number` integer PRIMARY KEY NOT NULL,
	`business_day` integer NOT NULL,
	`closed_at` integer NOT NULL,
	`event_mark` integer NOT NULL,
	`entry_mark` integer NOT NULL,
	`cash_mark` integer NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `z_reports_business_day_unique` ON `z_reports` (`business_day`);--> statement-breakpoint
ALTER TABLE `sales` ADD `shop_id` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `cashier_id` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `vat_rate` integer;