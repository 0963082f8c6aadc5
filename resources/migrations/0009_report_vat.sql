CREATE TABLE `transaction_vat` (
	`source` text NOT NULL,
	`vat_rate` integer NOT NULL,
	`gross_cents` integer NOT NULL,
	`net_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	PRIMARY KEY(`source`, `vat_rate`)
);
--> statement-breakpoint
ALTER TABLE `report_totals` ADD `vat_cents` integer DEFAULT 0 NOT NULL;