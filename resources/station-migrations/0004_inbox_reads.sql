CREATE TABLE `inbox_reads` (
	`staff_id` text NOT NULL,
	`message_key` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `message_key`)
);
--> statement-breakpoint
CREATE INDEX `inbox_reads_at` ON `inbox_reads` (`read_at`);