import { getCurrentScope, onScopeDispose, type Ref, ref } from 'vue';

export interface VisibleInterval {
  /** False while the user paused it; the page being hidden does not change it. */
  running: Ref<boolean>;
  pause(): void;
  resume(): void;
}

/**
 * Calls `tick` every `ms` while the page is visible and not paused, and once at once when the page
 * comes back into view: a hidden tab or a locked phone does not keep asking the server.
 */
export function useVisibleInterval(tick: () => unknown, ms: number): VisibleInterval {
  const running = ref(true);
  let timer: ReturnType<typeof setInterval> | null = null;
  const visible = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden';

  function stop(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function start(): void {
    stop();
    if (running.value && visible()) timer = setInterval(() => void tick(), ms);
  }

  function onVisibility(): void {
    if (visible() && running.value) void tick();
    start();
  }

  document.addEventListener('visibilitychange', onVisibility);
  start();
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  return {
    running,
    pause() {
      running.value = false;
      stop();
    },
    resume() {
      running.value = true;
      void tick();
      start();
    },
  };
}
