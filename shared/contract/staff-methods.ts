import { z } from 'zod';
import { LOCALES } from '../domain/money';
import { ROLES } from '../domain/roles';
import { out } from './method-spec';
import type { IdleLockView, StaffView } from './staff-views';

/** A person's name as the till shows it: one line, not blank. */
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}]*$/u, 'a name is one line without control characters');
/** A PIN or a password; its rule depends on the role, so the station checks it (WEAK_PASSWORD, INVALID_PIN). */
export const secretInput = z.string().min(1).max(128);
const staffRef = z.object({ staffId: z.string().min(1).max(64) }).strict();

/** Staff management (seed 000's user management, for a till): administrators only. */
export const staffMethods = {
  'staff.list': {
    permission: 'administer',
    input: z.object({ includeDeleted: z.boolean().default(false) }).strict(),
    output: out<StaffView[]>(),
  },
  /** Created *pending* (never signed in) with their first PIN or password. */
  'staff.create': {
    permission: 'administer',
    input: z
      .object({ name: personName, locale: z.enum(LOCALES), role: z.enum(ROLES), secret: secretInput })
      .strict(),
    output: out<StaffView>(),
  },
  /** A role change to or from cashier needs a new secret of the other kind (PIN ↔ password). */
  'staff.update': {
    permission: 'administer',
    input: z
      .object({
        staffId: z.string().min(1).max(64),
        name: personName.optional(),
        locale: z.enum(LOCALES).optional(),
        role: z.enum(ROLES).optional(),
        secret: secretInput.optional(),
      })
      .strict(),
    output: out<StaffView>(),
  },
  'staff.setSecret': {
    permission: 'administer',
    input: z.object({ staffId: z.string().min(1).max(64), secret: secretInput }).strict(),
    output: out<StaffView>(),
  },
  /** Ends their sessions at once; reactivate brings them back. */
  'staff.block': { permission: 'administer', input: staffRef, output: out<StaffView>() },
  'staff.reactivate': { permission: 'administer', input: staffRef, output: out<StaffView>() },
  /** Kept for the audit log and reports, but gone from lists and unable to sign in. */
  'staff.delete': { permission: 'administer', input: staffRef, output: out<StaffView>() },
  /** Lifts a lock after wrong tries before it runs out. */
  'staff.unlock': { permission: 'administer', input: staffRef, output: out<StaffView>() },
  /** Minutes without a call after which a person's session on any device ends (1–240). */
  'staff.setIdleLock': {
    permission: 'administer',
    input: z.object({ minutes: z.number().int().min(1).max(240) }).strict(),
    output: out<IdleLockView>(),
  },
} as const;
