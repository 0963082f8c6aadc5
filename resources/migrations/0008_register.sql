CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_id` text NOT NULL,
	`printer_id` text NOT NULL,
	`copy` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`printed_at` integer,
	`open_drawer` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_copy` ON `print_jobs` (`receipt_id`,`printer_id`,`copy`);--> statement-breakpoint
CREATE INDEX `print_jobs_waiting` ON `print_jobs` (`printer_id`,`id`) WHERE "print_jobs"."status" = 'queued';--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`sale_id` text NOT NULL,
	`refund_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_till_number` ON `receipts` (`till_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_sale` ON `receipts` (`sale_id`) WHERE "receipts"."kind" = 'sale';--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`position` integer NOT NULL,
	`article_id` text,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`vat_rate` integer NOT NULL,
	`discount` text,
	`line_discount_cents` integer DEFAULT 0 NOT NULL,
	`sale_discount_cents` integer DEFAULT 0 NOT NULL,
	`gross_cents` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_lines_position` ON `sale_lines` (`sale_id`,`position`);--> statement-breakpoint
CREATE TABLE `sale_vat` (
	`sale_id` text NOT NULL,
	`vat_rate` integer NOT NULL,
	`gross_cents` integer NOT NULL,
	`net_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `vat_rate`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `sales` ADD `note` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `discount` text;