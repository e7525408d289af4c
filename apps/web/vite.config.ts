import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const apiPort = Number(process.env.API_PORT ?? 3000);

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    tailwindcss(),
    // name.br and name.gz beside every text asset; the API picks one by Accept-Encoding (docs/ARCHITECTURE.md, "Request path").
    // Files under 1 KiB gain too little to be worth a second round trip through the decoder.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, exclude: [/\.map$/] }),
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
