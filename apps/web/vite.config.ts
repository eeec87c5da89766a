import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.GLIMPSE_API ?? 'http://127.0.0.1:3000';

/** In development Vite serves the app and proxies the API; in production the API process serves dist/. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': api,
      '/uploads': api,
      '/media': api,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
