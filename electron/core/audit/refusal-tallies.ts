import type Database from 'better-sqlite3';
import type { AuditEntryInput } from './audit-entry';
import type { Appender } from './audit-writer';

export const MINUTE_MS = 60_000;

export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

interface TallyRow {
  minute: number;
  callerKey: string;
  action: string;
  count: number;
}

function statements(sqlite: Database.Database) {
  return {
    bump: sqlite.prepare(
      'UPDATE audit_refusal_tallies SET count = count + 1 WHERE minute = ? AND caller_key = ? AND action = ?',
    ),
    start: sqlite.prepare(
      'INSERT INTO audit_refusal_tallies (minute, caller_key, action, count) VALUES (?, ?, ?, 1)',
    ),
    ended: sqlite.prepare<[number], TallyRow>(
      `SELECT minute, caller_key AS callerKey, action, count FROM audit_refusal_tallies
       WHERE minute < ? ORDER BY minute, caller_key, action`,
    ),
    remove: sqlite.prepare('DELETE FROM audit_refusal_tallies WHERE minute < ?'),
    deviceName: sqlite.prepare<[string], string>('SELECT name FROM devices WHERE id = ?').pluck(),
  };
}

/**
 * Repeated refusals of one caller and action, counted per minute in `audit_refusal_tallies`: the
 * first one of a minute is an entry, the rest only bump a counter, and when the minute is over the
 * counter becomes one entry "refused N more times". A flood costs a handful of entries, not one each.
 */
export function createRefusalTallies(sqlite: Database.Database, append: Appender) {
  const { bump, start, ended, remove, deviceName } = statements(sqlite);

  /** Turns the tallies of minutes before `minute` into entries; inside the caller's transaction. */
  function closeMinutesBefore(minute: number, at: number): void {
    for (const tally of ended.all(minute)) {
      if (tally.count <= 1) continue;
      const name = deviceName.get(tally.callerKey);
      append(
        {
          action: tally.action,
          outcome: 'refused',
          staff: null,
          // The caller key is a device id when the call came from a linked device, else an address.
          device: name === undefined ? null : { id: tally.callerKey, name },
          subject: null,
          detail: {
            repeated: tally.count - 1,
            minute: new Date(tally.minute * MINUTE_MS).toISOString(),
            caller: tally.callerKey,
          },
        },
        at,
      );
    }
    remove.run(minute);
  }

  /** True when this refusal is the first of its minute (the caller then writes it as an entry). */
  function count(entry: AuditEntryInput, callerKey: string, minute: number): boolean {
    if (bump.run(minute, callerKey, entry.action).changes > 0) return false;
    start.run(minute, callerKey, entry.action);
    return true;
  }

  return { closeMinutesBefore, count };
}
