import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = Number(process.env.API_PORT ?? 3000);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    // Same origin in development: the browser talks to Vite, Vite forwards the API. The Host header is kept
    // (changeOrigin: false) because the API compares the Origin of auth.refresh/logout with its own origin.
    proxy: {
      '/trpc': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
      '/health': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 400 },
});
