import type { MethodName } from '../../../shared/contract';
import type { InboxFacts, InboxKind, InboxLink } from '../../../shared/contract/inbox-methods';

/** A message as a source derives it from the state that causes it. */
export interface InboxItem {
  /** Unique within its source's scope (the mode, or the station): `z:2026-12-03`. */
  key: string;
  kind: InboxKind;
  at: number;
  severity: 'error' | 'warning';
  facts: InboxFacts;
}

/**
 * Where messages of one kind come from. `actsWith` names the method a person uses to act on them:
 * whoever may call it sees them, and nobody else (one rule, the contract's permissions).
 */
export interface InboxSource {
  kind: InboxKind;
  actsWith: MethodName;
  link: InboxLink;
  /** `mode`: the message belongs to the running mode's books; `station`: to the station itself. */
  scope: 'mode' | 'station';
  read(now: number): Promise<InboxItem[]>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
