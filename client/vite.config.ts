import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_SERVER = '127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Two copies of Yjs or ProseMirror break silently (instanceof checks, duplicate
    // plugin keys), so every importer must share one of each.
    dedupe: [
      'yjs',
      'y-protocols',
      'lib0',
      '@tiptap/core',
      '@tiptap/pm',
      'prosemirror-model',
      'prosemirror-state',
      'prosemirror-view',
    ],
  },
  server: {
    proxy: {
      '/api': { target: `http://${API_SERVER}` },
      '/collab': { target: `ws://${API_SERVER}`, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // The editor chunk is TipTap, ProseMirror and Yjs; it loads only on plan pages.
    chunkSizeWarningLimit: 600,
  },
});
