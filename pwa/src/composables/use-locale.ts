import { Locale as VantLocale } from 'vant';
import vantEn from 'vant/es/locale/lang/en-US';
import vantZh from 'vant/es/locale/lang/zh-CN';
import { computed, type WritableComputedRef } from 'vue';
import { type AppLocale, i18n, LOCALE_STORAGE_KEY, LOCALES } from '../i18n';

/** Switches app text, Vant's own component text and <html lang> together, and remembers the choice. */
export function applyLocale(locale: AppLocale, persist = true): void {
  i18n.global.locale.value = locale;
  if (locale === 'en') VantLocale.use('en-US', vantEn);
  else VantLocale.use('zh-CN', vantZh);
  document.documentElement.lang = locale;
  if (persist) localStorage.setItem(LOCALE_STORAGE_KEY, locale);
}

export function useLocale(): { locale: WritableComputedRef<AppLocale>; locales: readonly AppLocale[] } {
  const locale = computed<AppLocale>({
    get: () => i18n.global.locale.value as AppLocale,
    set: (value) => applyLocale(value),
  });
  return { locale, locales: LOCALES };
}
