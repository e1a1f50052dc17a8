import { onScopeDispose, type Ref, readonly, ref } from 'vue';

/**
 * The time, updated on every whole second while the page is visible. Ticks stop while the page is
 * hidden (a pass left open in a pocket should not drain the battery) and catch up when it is shown.
 */
export function useNow(): Readonly<Ref<number>> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    // Aligned just past the second boundary, so codes switch when their nbf (whole seconds) arrives.
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  }
  function tick(): void {
    now.value = Date.now();
    schedule();
  }
  function onVisibility(): void {
    clearTimeout(timer);
    timer = undefined;
    if (document.visibilityState !== 'hidden') tick();
  }

  document.addEventListener('visibilitychange', onVisibility);
  if (document.visibilityState !== 'hidden') schedule();
  onScopeDispose(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
  return readonly(now);
}
