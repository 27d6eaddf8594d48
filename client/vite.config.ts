import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const API_SERVER = '127.0.0.1:8787';

/**
 * Writes which source modules (packages, by name) each chunk holds to
 * `.vite/chunk-modules.json`, so that `pnpm bench:client` can check that the entry
 * chunk carries no editor (TipTap, ProseMirror, Yjs) and report what each route loads.
 */
function chunkModules(): Plugin {
  const packageOf = (id: string) => {
    const at = id.lastIndexOf('node_modules/');
    if (at < 0) return id.replace(/^.*\/(client|shared)\//, '$1/');
    const [scope, name] = id.slice(at + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? id);
  };
  return {
    name: 'sakutei:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, unknown> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[output.fileName] = {
          isEntry: output.isEntry,
          isDynamicEntry: output.isDynamicEntry,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          packages: [...new Set(Object.keys(output.modules).map(packageOf))].sort(),
        };
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: JSON.stringify(chunks, null, 2) });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    chunkModules(),
    // Brotli and gzip twins of every text asset, made once here so that the server never
    // compresses on a request (server/src/middleware/staticClient picks one per request).
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(js|css|svg|html)$/,
      // .vite/ is the build's own record, never served.
      exclude: /\.vite\//,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
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
    // Which chunk each route loads, for the benchmark's bundle report (.vite/ is never served).
    manifest: true,
    // The editor chunk is TipTap, ProseMirror and Yjs; it loads only on plan pages.
    chunkSizeWarningLimit: 800,
  },
});
