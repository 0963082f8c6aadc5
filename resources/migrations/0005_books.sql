CREATE TABLE `callback_rejection_tallies` (
	`profile_id` text NOT NULL,
	`reason` text NOT NULL,
	`hour_start` integer NOT NULL,
	`count` integer NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`profile_id`, `reason`, `hour_start`)
);
--> statement-breakpoint
CREATE TABLE `book_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`book_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`z_floor` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_end` (
	`id` integer PRIMARY KEY NOT NULL,
	`ended_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recovered_payments` (
	`bancontact_id` text PRIMARY KEY NOT NULL,
	`restore_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`succeeded_at` integer NOT NULL,
	`sale_id` text,
	`wristband_id` text,
	`recovered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `restores` (
	`id` text PRIMARY KEY NOT NULL,
	`restored_at` integer NOT NULL,
	`from_file` text NOT NULL,
	`backup_taken_at` integer NOT NULL,
	`searched_from` integer NOT NULL,
	`searched_at` integer
);
