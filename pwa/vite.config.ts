import vue from '@vitejs/plugin-vue';
import { defineConfig, loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOR = '#1565c0';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const api = env.VITE_API_PROXY || 'http://127.0.0.1:4000';
  return {
    plugins: [
      vue(),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        registerType: 'prompt',
        // main.ts registers the worker itself so it can ask before activating a new version.
        injectRegister: false,
        includeAssets: ['icons/apple-touch-icon.png', 'icons/favicon-32.png'],
        manifest: {
          name: '智慧园区一卡通',
          short_name: '一卡通',
          description: '电厂智慧园区一卡通：通行、人员、消费、考勤',
          lang: 'zh-CN',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          theme_color: THEME_COLOR,
          background_color: '#f7f8fa',
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        },
      }),
    ],
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    server: {
      proxy: {
        '/graphql': { target: api, ws: true, changeOrigin: true },
        '/health': { target: api, changeOrigin: true },
        '/.well-known': { target: api, changeOrigin: true },
      },
    },
    preview: {
      proxy: {
        '/graphql': { target: api, ws: true, changeOrigin: true },
        '/health': { target: api, changeOrigin: true },
      },
    },
  };
});
