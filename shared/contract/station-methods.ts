import { z } from 'zod';
import { out } from './method-spec';
import type { StationStatus } from './views';

/** The live databases a new book can replace; training needs none (a damaged one is simply recreated). */
export const LIVE_DATABASE_FILES = ['kassa.sqlite', 'preprod.sqlite'] as const;
export type LiveDatabaseFile = (typeof LIVE_DATABASE_FILES)[number];

/** What starting a new book did. */
export interface NewBookView {
  databaseFile: LiveDatabaseFile;
  /** Where the old file (and its -wal/-shm) went, in the data folder; empty when there was none. */
  movedAside: string[];
  /** The first Z number the new book will issue: above every Z the old book issued. */
  nextZNumber: number;
  status: StationStatus;
}

/** The station itself, beyond its status; merged into `methods`. */
export const stationMethods = {
  /**
   * Moves the named live database aside (never deletes it) and starts a new, empty book whose Z
   * numbers continue above the old one's. The administrator types the file's name to confirm.
   */
  'station.startNewBook': {
    permission: 'administer',
    input: z
      .object({
        databaseFile: z.enum(LIVE_DATABASE_FILES),
        typedConfirmation: z.string().max(64),
      })
      .strict()
      .refine((input) => input.typedConfirmation.trim() === input.databaseFile, {
        message: 'type the database file name exactly to confirm',
        path: ['typedConfirmation'],
      }),
    output: out<NewBookView>(),
  },
} as const;
