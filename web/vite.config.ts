import { defineConfig } from 'vite';

// The UI is static files served by `reunite serve --static web/dist` from the
// same origin as the API, so there is no proxy and no base path. The server's
// Content-Security-Policy forbids inline scripts and styles: Vite's output is
// module scripts and a stylesheet, and the code sets no inline style attribute.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One small bundle: no framework, so no chunk splitting is needed.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a local `reunite serve` on 8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
