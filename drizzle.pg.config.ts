import { defineConfig } from 'drizzle-kit';

/** The books on PostgreSQL: twins of electron/core/db/schema (see electron/core/db/pg/pg-twin.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './electron/core/db/pg/books-schema.ts',
  out: './resources/pg-migrations',
});
