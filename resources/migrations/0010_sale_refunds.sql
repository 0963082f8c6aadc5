CREATE TABLE `sale_refund_lines` (
	`refund_id` integer NOT NULL,
	`sale_line_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`gross_cents` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `sale_line_id`),
	FOREIGN KEY (`refund_id`) REFERENCES `sale_refunds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_line_id`) REFERENCES `sale_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sale_refund_lines_line` ON `sale_refund_lines` (`sale_line_id`);--> statement-breakpoint
CREATE TABLE `sale_refund_vat` (
	`refund_id` integer NOT NULL,
	`vat_rate` integer NOT NULL,
	`gross_cents` integer NOT NULL,
	`net_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	PRIMARY KEY(`refund_id`, `vat_rate`),
	FOREIGN KEY (`refund_id`) REFERENCES `sale_refunds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sale_refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` text NOT NULL,
	`kind` text NOT NULL,
	`method` text NOT NULL,
	`payment_id` text,
	`wristband_id` text,
	`wristband_entry_id` integer,
	`drawer_session_id` text,
	`amount_cents` integer NOT NULL,
	`reason` text,
	`status` text NOT NULL,
	`bancontact_refund_id` text,
	`iban` text,
	`problem_code` text,
	`till_id` text NOT NULL,
	`staff_id` text,
	`device_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_refunds_bancontact_refund_id_unique` ON `sale_refunds` (`bancontact_refund_id`);--> statement-breakpoint
CREATE INDEX `sale_refunds_sale` ON `sale_refunds` (`sale_id`);--> statement-breakpoint
ALTER TABLE `report_totals` ADD `refund_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_totals` ADD `refund_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_totals` ADD `refund_vat_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `z_reports` ADD `refund_mark` integer DEFAULT 0 NOT NULL;