// Builds the renderer (renderer/ → out/renderer/), loaded by the app from app://bien-ban/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // The page's CSP allows only the app's own files: no inlined assets or module-preload polyfill script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome140',
  },
});
