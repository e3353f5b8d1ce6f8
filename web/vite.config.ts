// The web app's build. Root is this folder, so `vite build web` (or `npm run build`)
// writes web/dist, which the local AppSync serves and which is deployed beside
// the API on AWS. Absolute base: /p/<code>/screen must still find /assets/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // aws-amplify (API, real-time and auth) is most of the one chunk: ~550 kB, ~160 kB gzipped.
    chunkSizeWarningLimit: 700,
  },
});
