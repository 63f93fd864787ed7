import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { VantResolver } from '@vant/auto-import-resolver';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The pages the bot serves: the workbench (/h5/) and the group-chat simulator (/simulator), built into dist/web by
 * `npm run build` (which `npm ci` and `npm start` run). Vant components are imported on demand; no CDN.
 */
export default defineConfig({
  root: here('.'),
  base: '/h5/',
  plugins: [vue(), Components({ resolvers: [VantResolver()], dts: false })],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: { workbench: here('index.html'), simulator: here('simulator.html') },
    },
  },
});
