import 'vant/lib/index.css';
import './styles.css';
import { createApp } from 'vue';
import App from './App.vue';
import { applyLocale } from './composables/use-locale';
import { usePwaUpdate } from './composables/use-pwa-update';
import { i18n, isAppLocale } from './i18n';
import { createAppRouter } from './router';

const locale = i18n.global.locale.value;
applyLocale(isAppLocale(locale) ? locale : 'zh-CN', false);

const app = createApp(App);
app.use(i18n);
app.use(createAppRouter());
app.mount('#app');
usePwaUpdate();
