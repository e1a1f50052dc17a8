import { vi } from 'vitest';
import { FakeCanvas } from './fake-canvas';

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
  navigateTo: ReturnType<typeof vi.fn>;
  redirectTo: ReturnType<typeof vi.fn>;
  stopPullDownRefresh: ReturnType<typeof vi.fn>;
  /** Answers with `modalConfirm` (true unless a test says otherwise). */
  showModal: ReturnType<typeof vi.fn>;
  modalConfirm: boolean;
  /** Answers with `chosenMedia`, the way the camera or album would. */
  chooseMedia: ReturnType<typeof vi.fn>;
  chosenMedia: { tempFilePath: string; size: number }[];
  /** readFile answers every path with `fileBase64`. */
  getFileSystemManager: ReturnType<typeof vi.fn>;
  fileBase64: string;
  /** Every `<canvas type="2d">` the page looks up gets this one canvas. */
  canvas: FakeCanvas;
  createSelectorQuery: ReturnType<typeof vi.fn>;
  getWindowInfo: ReturnType<typeof vi.fn>;
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
    navigateTo: vi.fn(),
    redirectTo: vi.fn(),
    stopPullDownRefresh: vi.fn(),
    modalConfirm: true,
    showModal: vi.fn((options: Callbacks<{ confirm: boolean; cancel: boolean }>) => {
      setTimeout(() => options.success?.({ confirm: fake.modalConfirm, cancel: !fake.modalConfirm }), 0);
    }),
    chosenMedia: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 120_000 }],
    chooseMedia: vi.fn((options: Callbacks<{ tempFiles: { tempFilePath: string; size: number }[] }>) => {
      setTimeout(() => options.success?.({ tempFiles: fake.chosenMedia }), 0);
    }),
    fileBase64: '/9j/4AAQSkZJRg==',
    getFileSystemManager: vi.fn(() => ({
      readFile: (options: Callbacks<{ data: string }>) =>
        setTimeout(() => options.success?.({ data: fake.fileBase64 }), 0),
    })),
    canvas: new FakeCanvas(),
    createSelectorQuery: vi.fn(() => fakeSelectorQuery(fake.canvas)),
    getWindowInfo: vi.fn(() => ({ pixelRatio: 2 })),
  };

  const { sent, storage, respondWith, loginCode, modalConfirm, chosenMedia, fileBase64, canvas, ...api } =
    fake;
  // Merge rather than replace: miniprogram-simulate's own `wx` holds the APIs j-component needs.
  const holder = globalThis as { wx?: object };
  holder.wx = Object.assign(holder.wx ?? {}, api);
  return fake;
}

/** Enough of SelectorQuery for `select(…).fields({ node, size }).exec(cb)` on a canvas. */
function fakeSelectorQuery(canvas: FakeCanvas) {
  const query = {
    in: () => query,
    select: () => query,
    fields: () => query,
    exec: (callback: (results: unknown[]) => void) => {
      setTimeout(() => callback([{ node: canvas, width: canvas.cssWidth, height: canvas.cssWidth }]), 0);
      return query;
    },
  };
  return query;
}
