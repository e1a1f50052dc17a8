import { type Ref, ref } from 'vue';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

export interface SessionStore {
  readonly tokens: Readonly<Ref<SessionTokens | null>>;
  set(tokens: SessionTokens): void;
  clear(): void;
}

const STORAGE_KEY = 'park.session';

function parse(raw: string | null): SessionTokens | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<SessionTokens>;
    if (typeof value.accessToken === 'string' && typeof value.refreshToken === 'string') {
      return {
        accessToken: value.accessToken,
        refreshToken: value.refreshToken,
        accessTokenExpiresAt: value.accessTokenExpiresAt ?? '',
      };
    }
  } catch {
    // A corrupt entry means no session, not a crash at startup.
  }
  return null;
}

/** Tokens kept in localStorage so a reinstalled PWA window stays signed in. */
export function createLocalSessionStore(storage: Storage = localStorage): SessionStore {
  const tokens = ref<SessionTokens | null>(parse(storage.getItem(STORAGE_KEY)));
  // Refresh tokens rotate: when another tab refreshes, adopt its pair or our next refresh is a reuse.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) tokens.value = parse(event.newValue);
    });
  }
  return {
    tokens,
    set(next) {
      tokens.value = next;
      storage.setItem(STORAGE_KEY, JSON.stringify(next));
    },
    clear() {
      tokens.value = null;
      storage.removeItem(STORAGE_KEY);
    },
  };
}

export function createMemorySessionStore(initial: SessionTokens | null = null): SessionStore {
  const tokens = ref<SessionTokens | null>(initial);
  return {
    tokens,
    set: (next) => {
      tokens.value = next;
    },
    clear: () => {
      tokens.value = null;
    },
  };
}
