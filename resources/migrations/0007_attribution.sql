ALTER TABLE `sales` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `refund_exports` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `refund_exports` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `topup_attention` ADD `resolved_by_staff_id` text;--> statement-breakpoint
ALTER TABLE `topup_attention` ADD `resolved_by_device_id` text;--> statement-breakpoint
ALTER TABLE `topup_batches` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `topup_batches` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `wristband_entries` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `wristband_entries` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `drawer_movements` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `drawer_movements` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `drawer_sessions` ADD `device_id` text;--> statement-breakpoint
ALTER TABLE `drawer_sessions` ADD `closed_by_staff_id` text;--> statement-breakpoint
ALTER TABLE `drawer_sessions` ADD `closed_by_device_id` text;--> statement-breakpoint
ALTER TABLE `z_reports` ADD `staff_id` text;--> statement-breakpoint
ALTER TABLE `z_reports` ADD `device_id` text;