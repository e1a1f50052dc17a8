import { vi } from 'vitest';

/** What the code under test handed to wx.request, with the body already parsed. */
export interface SentRequest {
  url: string;
  method: string | undefined;
  header: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
}

export interface FakeResponse {
  statusCode?: number;
  body: unknown;
}

type Reply = FakeResponse | 'network-failure';

/** Answers each request; return a promise to hold the answer back until the test releases it. */
type Responder = (request: SentRequest) => Reply | Promise<Reply>;

/**
 * A stand-in for the parts of `wx` the app touches, recording every call. miniprogram-simulate's own
 * `wx` is mostly no-ops, so each test installs this over it.
 */
export interface FakeWx {
  sent: SentRequest[];
  storage: Map<string, unknown>;
  respondWith(responder: Responder): void;
  loginCode: string;
  login: ReturnType<typeof vi.fn>;
  request: ReturnType<typeof vi.fn>;
  setStorageSync: ReturnType<typeof vi.fn>;
  getStorageSync: ReturnType<typeof vi.fn>;
  removeStorageSync: ReturnType<typeof vi.fn>;
  showToast: ReturnType<typeof vi.fn>;
  reLaunch: ReturnType<typeof vi.fn>;
}

type Callbacks<T> = { success?: (result: T) => void; fail?: (error: { errMsg: string }) => void };

export function installFakeWx(): FakeWx {
  let responder: Responder = () => ({ body: { data: null } });
  const fake: FakeWx = {
    sent: [],
    storage: new Map(),
    loginCode: 'wx-code-0001',
    respondWith(next) {
      responder = next;
    },
    login: vi.fn((options: Callbacks<{ code: string; errMsg: string }>) => {
      // Asynchronous like the real API, so the page shows its loading state first.
      setTimeout(() => options.success?.({ code: fake.loginCode, errMsg: 'login:ok' }), 0);
    }),
    request: vi.fn(
      (
        options: Callbacks<{ statusCode: number; data: unknown; header: object }> & {
          url: string;
          method?: string;
          header?: Record<string, string>;
          data?: { query: string; variables: Record<string, unknown> };
        },
      ) => {
        const sent: SentRequest = {
          url: options.url,
          method: options.method,
          header: options.header ?? {},
          // Round-trip through JSON as the real transport would, turning String objects into strings.
          ...JSON.parse(JSON.stringify(options.data ?? {})),
        };
        fake.sent.push(sent);
        // Always answer on a later task, as the real transport does.
        void Promise.resolve(responder(sent)).then((reply) =>
          setTimeout(() => {
            if (reply === 'network-failure') options.fail?.({ errMsg: 'request:fail' });
            else options.success?.({ statusCode: reply.statusCode ?? 200, data: reply.body, header: {} });
          }, 0),
        );
      },
    ),
    setStorageSync: vi.fn((key: string, value: unknown) => {
      fake.storage.set(key, value);
    }),
    getStorageSync: vi.fn((key: string) => fake.storage.get(key) ?? ''),
    removeStorageSync: vi.fn((key: string) => {
      fake.storage.delete(key);
    }),
    showToast: vi.fn(),
    reLaunch: vi.fn(),
  };

  const { sent, storage, respondWith, loginCode, ...api } = fake;
  // Merge rather than replace: miniprogram-simulate's own `wx` holds the APIs j-component needs.
  const holder = globalThis as { wx?: object };
  holder.wx = Object.assign(holder.wx ?? {}, api);
  return fake;
}
