CREATE TABLE `site_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`generation` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `site_rate_slots` (
	`profile_id` text NOT NULL,
	`slot` integer NOT NULL,
	`ended_at` integer NOT NULL,
	`holder` text,
	PRIMARY KEY(`profile_id`, `slot`)
);
