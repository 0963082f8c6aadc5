import type { StationDb } from '../db/open-station-database';
import { staffAudit, type StaffAuditSink } from './audit-trail';
import { Administration } from './first-administrator';
import { SessionStore } from './session-store';
import { SignIn } from './sign-in';
import { StaffService } from './staff-service';
import { trainingAdministrator } from './training-administrator';

export interface StaffDeps {
  db: StationDb;
  now: () => number;
  /** The audit log; its `refused` counts repeated refusals per minute. */
  audit: StaffAuditSink;
  /** Session tokens: 32 random bytes as base64url unless a test says otherwise. */
  newToken?: () => string;
}

/**
 * Everything about people at the station, built on station.sqlite: the staff list, signing in with its
 * locks, sessions on devices with the idle lock, and the training and first administrators.
 * The lead wires it once into the station; the shells resolve each call's cookie with `sessions.resolve`.
 */
export function createStaff({ db, now, audit: sink, newToken }: StaffDeps) {
  const audit = staffAudit(sink);
  const sessions = new SessionStore({ db, now, newToken });
  const training = trainingAdministrator({ db, now, audit, sessions });
  const parts = { db, now, audit, sessions, training };
  return {
    db,
    now,
    audit,
    sessions,
    training,
    service: new StaffService(parts),
    signIn: new SignIn(parts),
    administration: new Administration(parts),
  };
}

export type Staff = ReturnType<typeof createStaff>;
