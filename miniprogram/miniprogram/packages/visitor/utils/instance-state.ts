/**
 * Per-page state that must not go through setData (timers, request sequence numbers): kept beside
 * the instance rather than on it, because Component typings only know `data` and `methods`.
 */
export function instanceState<T extends object>(create: () => T): (instance: object) => T {
  const states = new WeakMap<object, T>();
  return (instance) => {
    let state = states.get(instance);
    if (!state) {
      state = create();
      states.set(instance, state);
    }
    return state;
  };
}
