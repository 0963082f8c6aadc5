import { defineConfig } from 'drizzle-kit';

/** The station's own database (staff, devices, audit log): see electron/core/db/station-schema. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/db/station-schema/index.ts',
  out: './resources/station-migrations',
});
