import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { graphcacheSchema } from './build/graphcache-schema.ts';
import { precompress } from './build/precompress.ts';

const api = process.env.GLIMPSE_API ?? 'http://127.0.0.1:3000';

/** Paths the API process answers itself: never the app shell, never cached by the service worker. */
const API_PATHS = /^\/(graphql|graphiql|uploads|media|captcha|healthz|readyz|metrics)(\/|$)/;

/** In development Vite serves the app and proxies the API; in production the API process serves dist/. */
export default defineConfig({
  // The API process replaces this with a fresh nonce per page (apps/server/src/http/web.ts, which names
  // the same placeholder): the page's Content-Security-Policy runs only scripts that carry it.
  html: { cspNonce: '__GLIMPSE_CSP_NONCE__' },
  plugins: [
    react(),
    graphcacheSchema(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      // The glob below already precaches every icon.
      includeManifestIcons: false,
      manifest: {
        name: 'Glimpse',
        short_name: 'Glimpse',
        description: 'Share photos with your community.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#ffffff',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // A new deploy takes over open tabs at once (injectRegister 'auto' would set these implicitly).
        skipWaiting: true,
        clientsClaim: true,
        sourcemap: false,
        // The app shell: every chunk (screens are lazy, so offline navigation needs them all), styles, icons.
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [API_PATHS],
        cleanupOutdatedCaches: true,
        // Only GET routes are registered, so /graphql (always POST) goes straight to the network; offline
        // reading comes from Graphcache's IndexedDB copy, not from cached HTTP responses.
        runtimeCaching: [
          {
            // Post photos and avatars only: a story's files stop being served when it expires (24 hours),
            // and a cached copy must not outlive that.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && url.pathname.startsWith('/media/') && !url.pathname.startsWith('/media/s/'),
            handler: 'CacheFirst',
            options: {
              // Media keys are unguessable and the files immutable, so a cached copy never goes stale.
              cacheName: 'glimpse-media',
              expiration: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
    precompress(),
  ],
  server: {
    proxy: {
      // WebSocket upgrades too: subscriptions share the /graphql path.
      '/graphql': { target: api, ws: true },
      '/uploads': api,
      '/media': api,
      '/captcha': api,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Read by scripts/check-bundle.ts to measure the JavaScript of the first load.
    manifest: true,
  },
});
