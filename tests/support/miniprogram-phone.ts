// A visitor's phone, in its own process: the WeChat mini-program's compiled pages rendered by
// miniprogram-simulate on a happy-dom document, with a `wx` whose requests really go to the API over
// HTTP and whose wx.login hands out the code the fake WeChat server knows. Run by ./miniprogram.ts:
// the flow's input comes as JSON in MP_FLOW, each step's outcome goes out as one JSON line on stdout.
//
// Its own process because the pages need browser globals (document, window, Element…) that the API,
// the bridge and Playwright in the scenario's process must not see.
import { randomFillSync } from 'node:crypto';
import { Window } from 'happy-dom';

export interface BookingFlow {
  apiUrl: string;
  /** What wx.login returns: the fake WeChat server maps "good-x" to openid "openid-x". */
  wechatCode: string;
  hostKeyword: string;
  purpose: string;
  /** Site-local, as the pickers give them: YYYY-MM-DD and HH:MM. */
  date: string;
  start: string;
  end: string;
  name: string;
  idNumber: string;
  phone: string;
}

export type PhoneReport =
  | { step: 'logged-in'; relaunchedTo: string }
  | { step: 'booked'; visitId: string; hostShown: string }
  | { step: 'visit-shown'; status: string; text: string }
  | { step: 'failed'; error: string; toasts: string[] };

const flow = JSON.parse(process.env.MP_FLOW ?? '{}') as BookingFlow;
const report = (r: PhoneReport) => process.stdout.write(`${JSON.stringify(r)}\n`);

const win = new Window({ url: 'http://localhost/' });
const g = globalThis as Record<string, unknown>;
// The DOM's event classes replace Node's own (the DOM's dispatchEvent takes only its own events);
// everything else Node already has (fetch, URL, timers…) stays Node's.
const DOM_FIRST = /^(?:Event|EventTarget|CustomEvent|\w+Event)$/;
for (const key of Object.getOwnPropertyNames(win)) {
  if (key in g && !DOM_FIRST.test(key)) continue;
  try {
    g[key] = (win as unknown as Record<string, unknown>)[key];
  } catch {
    // a getter that only works on a window object: not needed by the pages
  }
}
g.window = win;
g.document = win.document;
g.__PARK_API_BASE_URL__ = flow.apiUrl;

const { renderPage, tap, textOf } = await import('../../miniprogram/test/support/render-page');
type Page = ReturnType<typeof renderPage>;

const storage = new Map<string, unknown>();
const navigations: string[] = [];
const toasts: string[] = [];
type Callbacks<T> = { success?: (r: T) => void; fail?: (e: { errMsg: string }) => void };

const realWx = {
  login: (o: Callbacks<{ code: string; errMsg: string }>) =>
    setTimeout(() => o.success?.({ code: flow.wechatCode, errMsg: 'login:ok' }), 0),
  request: (
    o: {
      url: string;
      method?: string;
      header?: Record<string, string>;
      data?: unknown;
    } & Callbacks<{ statusCode: number; data: unknown; header: Record<string, string> }>,
  ) => {
    fetch(o.url, {
      method: o.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...o.header },
      body: o.data === undefined ? undefined : JSON.stringify(o.data),
    })
      .then(async (res) => o.success?.({ statusCode: res.status, data: await res.json(), header: {} }))
      .catch((e: Error) => o.fail?.({ errMsg: `request:fail ${e.message}` }));
  },
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  getStorageSync: (k: string) => storage.get(k) ?? '',
  removeStorageSync: (k: string) => void storage.delete(k),
  getRandomValues: (o: { length: number } & Callbacks<{ randomValues: ArrayBuffer }>) => {
    const bytes = randomFillSync(new Uint8Array(o.length));
    setTimeout(() => o.success?.({ randomValues: bytes.buffer }), 0);
  },
  showToast: (o: { title: string }) => void toasts.push(o.title),
  reLaunch: (o: { url: string }) => void navigations.push(o.url),
  navigateTo: (o: { url: string }) => void navigations.push(o.url),
  redirectTo: (o: { url: string }) => void navigations.push(o.url),
  stopPullDownRefresh: () => {},
  getWindowInfo: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667 }),
  getSystemInfoSync: () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667, platform: 'devtools' }),
};
// Merged over miniprogram-simulate's own wx, which holds what j-component itself needs.
g.wx = Object.assign((g.wx as object | undefined) ?? {}, realWx);

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function fire(page: Page, selector: string, event: string, detail: object): void {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent(event, { detail });
}

const call = (page: Page, method: string, arg?: unknown) =>
  (page.instance as unknown as Record<string, (a?: unknown) => unknown>)[method]!(arg);

try {
  // 1. 微信一键登录 on the login page: wx.login → wechatLogin → session stored → home.
  const login = renderPage('pages/login/index');
  call(login, 'onLoad', {});
  await tap(login, '.login-button');
  const home = await until('the login to land on home', () => navigations.find((u) => u.includes('home')));
  report({ step: 'logged-in', relaunchedTo: home });

  // 2. The booking page: host by name, purpose, window from the pickers, real name, ID, phone.
  const book = renderPage('packages/visitor/pages/book/index');
  call(book, 'onLoad', {});
  await until('the booking form', () => book.data.loading === false);
  fire(book, '.book-host-input', 'input', { value: flow.hostKeyword });
  await until('a host to choose', () => book.querySelector('.book-host-option'));
  const hostShown = textOf(book, '.book-host-option') ?? '';
  await tap(book, '.book-host-option');
  fire(book, '.book-purpose', 'input', { value: flow.purpose });
  fire(book, '.book-date', 'change', { value: flow.date });
  fire(book, '.book-start', 'change', { value: flow.start });
  fire(book, '.book-end', 'change', { value: flow.end });
  fire(book, '.book-name', 'input', { value: flow.name });
  fire(book, '.book-id', 'input', { value: flow.idNumber });
  fire(book, '.book-phone', 'input', { value: flow.phone });
  await Promise.resolve();
  await tap(book, '.book-submit');
  const landed = await until('the booking to land on its visit', () =>
    navigations.find((u) => u.includes('/visit/index?id=')),
  );
  const visitId = new URL(landed, 'http://mp/').searchParams.get('id')!;
  report({ step: 'booked', visitId, hostShown });

  // 3. The visit page it landed on, kept open: it polls, so the visitor sees the host's decision
  // arrive. Each status it shows is reported; the phone is put away when stdin closes.
  const visit = renderPage('packages/visitor/pages/visit/index');
  call(visit, 'onLoad', { id: visitId });
  call(visit, 'onShow');
  let last = '';
  const watch = setInterval(() => {
    const view = visit.data.visit as { statusLabel: string } | null;
    if (view && view.statusLabel !== last) {
      last = view.statusLabel;
      report({ step: 'visit-shown', status: last, text: visit.dom?.textContent ?? '' });
    }
  }, 50);
  process.stdin.resume().on('end', () => {
    clearInterval(watch);
    call(visit, 'onUnload');
    process.exit(0);
  });
} catch (e) {
  report({ step: 'failed', error: (e as Error).stack ?? String(e), toasts });
  process.exit(1);
}
