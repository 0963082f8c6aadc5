CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`price_cents` integer NOT NULL,
	`vat_rate` integer NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`colour` text DEFAULT '#4a6fa5' NOT NULL,
	`barcode` text,
	`active` integer DEFAULT true NOT NULL,
	`shop_ids` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_barcode` ON `articles` (`barcode`) WHERE "articles"."barcode" is not null;--> statement-breakpoint
CREATE INDEX `articles_category` ON `articles` (`category`,`position`);--> statement-breakpoint
CREATE TABLE `printers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`port` integer DEFAULT 9100 NOT NULL,
	`paper_mm` integer DEFAULT 80 NOT NULL,
	`code_page` text DEFAULT 'cp858' NOT NULL,
	`drawer` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `till_printing` (
	`till_id` text PRIMARY KEY NOT NULL,
	`printer_id` text NOT NULL,
	`auto_print` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action
);
