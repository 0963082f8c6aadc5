import { defineConfig } from 'drizzle-kit';

/** The station database on PostgreSQL: twins of electron/core/db/station-schema. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './electron/core/db/pg/station-schema.ts',
  out: './resources/pg-station-migrations',
});
