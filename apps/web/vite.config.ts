import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react-swc';

// The api serves dist/ (apps/api/src/web.ts); `vite` alone proxies the API to a running api on API_URL.
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const apiPrefixes = ['/auth', '/accounts', '/audit', '/public', '/lots', '/tenders', '/land', '/rural', '/procurement', '/projects', '/rule-sets', '/scheduling', '/supervision', '/expert-draws', '/experts', '/specialties', '/organisations', '/milestones', '/health', '/docs'];

export default defineConfig({
  root: __dirname,
  // apps/web/public holds the landing page the api shows when the web is not built; it is not part of the build.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: { react: ['react', 'react-dom', 'react-router-dom'], antd: ['antd', '@ant-design/icons'], echarts: ['echarts'] },
      },
    },
  },
  server: {
    proxy: {
      ...Object.fromEntries(apiPrefixes.map((p) => [p, { target: api, bypass: (req: { headers: { accept?: string } }) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined) }])),
      '/socket.io': { target: api, ws: true },
    },
  },
});
