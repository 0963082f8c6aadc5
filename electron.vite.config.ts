import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Batch PDFs render in a worker thread; the station finds it next to itself (jobs/worker-script.ts).
          'pdf/print-worker': resolve(__dirname, 'electron/core/topup/pdf/print-worker.ts'),
          // Backups copy the database in a worker thread of their own (backup/backup-runner.ts).
          'backup-worker': resolve(__dirname, 'electron/core/backup/backup-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // Linked tablets load the UI over the shop's Wi-Fi: ship it minified.
      minify: true,
      // The closing screen's chunk (with its chart library) is ~530 kB, loaded only when opened.
      chunkSizeWarningLimit: 600,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
