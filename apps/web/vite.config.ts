import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const apiPort = Number(process.env.API_PORT ?? 3000);

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    tailwindcss(),
    // name.br and name.gz beside every text asset; the API picks one by Accept-Encoding (docs/ARCHITECTURE.md, "Request path").
    // Files under 1 KiB gain too little to be worth a second round trip through the decoder.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, exclude: [/\.map$/] }),
    // Installable on a phone: the manifest, icons and a service worker (Workbox) that keeps the app shell and the
    // last menu for a fast start and for reading offline. Ordering always needs the network (docs/ARCHITECTURE.md).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Canteen',
        short_name: 'Canteen',
        description: 'The workplace canteen: the menu, your wallet and your orders.',
        lang: 'en',
        start_url: '/menu',
        scope: '/',
        display: 'standalone',
        background_color: '#fafafa',
        theme_color: '#047857',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Only the app's own pages fall back to the shell; the API, exports, health and the card sandbox never do.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/trpc/, /^\/export/, /^\/health/, /^\/metrics/, /^\/sandbox/, /^\/webhooks/],
        runtimeCaching: [
          {
            // The menu (MENU_QUERY_PATHS, sent unbatched): the network first, the last answer when offline.
            urlPattern: ({ url }) => /^\/trpc\/(product\.list|product\.counts|product\.byId|category\.list)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'canteen-menu',
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 60, maxAgeSeconds: 7 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    // Same origin in development: the browser talks to Vite, Vite forwards the API. The Host header is kept
    // (changeOrigin: false) because the API compares the Origin of auth.refresh/logout with its own origin.
    proxy: {
      '/trpc': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
      '/health': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
      '/export': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  // Source maps only for development builds: production serves none (the API refuses *.map as well).
  build: { target: 'es2022', sourcemap: mode !== 'production', chunkSizeWarningLimit: 400 },
}));
