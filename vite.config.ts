import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// Every build carries an id. It is compiled into the JS (so two builds always differ in content hash,
// which is what makes the service worker offer an update) and shown in the UI footer and on <html>.
const BUILD_ID = process.env.PATUH_BUILD_ID ?? new Date().toISOString().replace(/[-:]|\.\d+/g, "");

// The shell runs under a strict CSP: scripts and styles only from our own origin, nothing inline.
// The server may send the same policy as a header; the <meta> keeps the promise even when it does not.
// Only in builds: Vite's dev server injects its own inline helpers.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob:", // reads back the unsent-work file the page itself made
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

function shellMeta(): Plugin {
  const csp = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
  const build = `<meta name="patuh-build" content="${BUILD_ID.replace(/[^\w.-]/g, "")}" />`;
  return {
    name: "patuh-shell-meta",
    apply: "build",
    // Right after <meta charset>: a CSP <meta> only governs what comes after it, scripts included.
    transformIndexHtml: (html) => html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${csp}\n    ${build}`),
  };
}

export default defineConfig({
  define: {
    __PATUH_BUILD_ID__: JSON.stringify(BUILD_ID),
  },
  plugins: [
    preact(),
    shellMeta(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "service-worker",
      filename: "sw.ts",
      // We register with workbox-window ourselves and ship public/manifest.webmanifest as a file.
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The whole shell, icons and manifest included, so the app opens offline after one visit.
        globPatterns: ["**/*.{js,css,html,png,svg,ico,webmanifest}"],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: "dist/client",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // bench/bundle.ts reads the chunk graph from .vite/manifest.json to size each route.
    manifest: true,
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:8080", changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://127.0.0.1:8080", changeOrigin: false },
    },
  },
});
