import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served by the app:// protocol in Electron and by the loopback bridge in
// browser tests, both from dist/renderer. Relative asset URLs (base './') work under either
// origin; nothing is inlined, because the Content-Security-Policy allows only 'self' scripts and
// styles.
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
    sourcemap: false,
  },
});
