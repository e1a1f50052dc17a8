import { onScopeDispose, type Ref, readonly, ref } from 'vue';

/** navigator.onLine, kept current. "Online" only means a network is up, not that the server answers. */
export function useOnline(onBackOnline?: () => void): Readonly<Ref<boolean>> {
  const online = ref(navigator.onLine);
  const goOnline = (): void => {
    online.value = true;
    onBackOnline?.();
  };
  const goOffline = (): void => {
    online.value = false;
  };
  window.addEventListener('online', goOnline);
  window.addEventListener('offline', goOffline);
  onScopeDispose(() => {
    window.removeEventListener('online', goOnline);
    window.removeEventListener('offline', goOffline);
  });
  return readonly(online);
}
