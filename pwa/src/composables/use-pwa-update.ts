import { registerSW } from 'virtual:pwa-register';
import { showConfirmDialog, showToast } from 'vant';
import { i18n } from '../i18n';

/**
 * Registers the service worker and asks before swapping in a new version, because a silent reload
 * could throw away a half-filled form.
 */
export function usePwaUpdate(): void {
  if (!('serviceWorker' in navigator)) return;
  const { t } = i18n.global;
  const updateSW = registerSW({
    onNeedRefresh() {
      showConfirmDialog({
        title: t('pwa.updateTitle'),
        message: t('pwa.updateMessage'),
        confirmButtonText: t('pwa.refresh'),
        cancelButtonText: t('pwa.later'),
      })
        .then(() => updateSW(true))
        .catch(() => undefined);
    },
    onOfflineReady() {
      showToast(t('pwa.offlineReady'));
    },
  });
}
