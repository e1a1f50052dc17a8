import { registerSW } from 'virtual:pwa-register';
import { showConfirmDialog, showToast } from 'vant';
import { i18n } from '../i18n';

// Control-room tablets keep the app open for days; without this they would only see a new version
// after someone happens to reload.
const UPDATE_CHECK_MS = 60 * 60 * 1000;

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
        message: t('pwa.updateMessage'),
        confirmButtonText: t('pwa.refresh'),
        cancelButtonText: t('pwa.later'),
      })
        .then(() => {
          // The plugin reloads only for updates it found while registering, not for ones found by a
          // later update check; reload whenever the new worker takes over.
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
            once: true,
          });
          return updateSW(true);
        })
        .catch(() => undefined);
    },
    onOfflineReady() {
      showToast(t('pwa.offlineReady'));
    },
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });
}
