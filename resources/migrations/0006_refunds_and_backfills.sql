DROP INDEX `wristband_refunds_wristband`;--> statement-breakpoint
CREATE UNIQUE INDEX `wristband_refunds_open_wristband` ON `wristband_refunds` (`wristband_id`) WHERE "wristband_refunds"."status" != 'exported';--> statement-breakpoint
-- A book that made refund files before the event's end existed: its event had ended.
INSERT OR IGNORE INTO `event_end` (`id`, `ended_at`) SELECT 1, min(`created_at`) FROM `refund_exports` HAVING count(*) > 0;
--> statement-breakpoint
-- Refused callbacks stored one by one before they were tallied: each hour's count from its rows.
INSERT OR IGNORE INTO `callback_rejection_tallies` (`profile_id`, `reason`, `hour_start`, `count`, `last_at`)
  SELECT `profile_id`, `reason`, (`received_at` / 3600000) * 3600000, count(*), max(`received_at`)
  FROM `callback_rejections` GROUP BY 1, 2, 3;
