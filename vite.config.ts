import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'ui',
  plugins: [svelte()],
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // The window loads everything from the app bundle; no inline scripts for the CSP to refuse.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // One bundle for a desktop window read from disk; CodeMirror's Markdown mode is most of it.
    chunkSizeWarningLimit: 1024,
  },
  test: {
    root: '.',
    include: ['ui/src/**/*.test.ts'],
    environment: 'node',
  },
});
