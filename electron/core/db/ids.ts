import { randomBytes } from 'node:crypto';

/** A new row id: 24 hex digits, random, so ids from two stations or a restored backup never collide. */
export const newId = (): string => randomBytes(12).toString('hex');
