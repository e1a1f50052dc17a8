import { VisitPassesDocument } from '../../../../gql/graphql';
import { requestWithSession } from '../../../../utils/auth';
import { AppError, ClientErrorCode, errorMessage } from '../../../../utils/errors';
import { installationId, resetInstallationId } from '../../../../utils/installation-id';
import { instanceState } from '../../utils/instance-state';
import { readVisitPasses, removeVisitPasses, writeVisitPasses } from '../../utils/pass-cache';
import { needsRefill, passState, toVisitPassBatch, type VisitPassBatch } from '../../utils/pass-codes';
import { drawQr } from '../../utils/qr/draw';
import { encodeQr } from '../../utils/qr/encode';
import { type CanvasNode, pixelRatio, queryCanvas } from '../../utils/qr-canvas';
import { leaveIfSessionLost, requireSession } from '../../utils/session-guard';
import { formatDateTime, formatWindow } from '../../utils/site-time';

/**
 * Failures after which the stored codes are still the visitor's best bet: the server was not reached
 * or could not answer. Any other refusal (visit cancelled, not found) ends the pass on this phone too.
 */
const KEEP_CODES_ON: readonly string[] = [
  ClientErrorCode.Network,
  ClientErrorCode.Http,
  ClientErrorCode.BadResponse,
  ClientErrorCode.Unknown,
  'INTERNAL_SERVER_ERROR',
];
const RETRY_FIRST_MS = 10_000;
const RETRY_MAX_MS = 5 * 60_000;
const TICK_MS = 1_000;

type View = 'loading' | 'valid' | 'upcoming' | 'expired' | 'none';

const local = instanceState(() => ({
  visitId: '',
  batch: null as VisitPassBatch | null,
  ticker: null as ReturnType<typeof setInterval> | null,
  canvas: null as CanvasNode | null,
  /** The token on the canvas (or being drawn): redrawing the same one every second would flicker. */
  drawn: '',
  fetching: false,
  failures: 0,
  retryAt: 0,
}));

function peopleOf(batch: VisitPassBatch): { personId: string; name: string }[] {
  return batch.passes.map(({ personId, name }) => ({ personId, name }));
}

Component({
  data: {
    view: 'loading' as View,
    people: [] as { personId: string; name: string }[],
    selected: 0,
    secondsLeft: 0,
    startsAt: '',
    window: '',
    offline: false,
    /** With view 'expired': false when only the stored codes ran out and the network would bring more. */
    windowOver: true,
    errorMessage: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      const state = local(this);
      state.visitId = decodeURIComponent(query.id ?? '');
      // Codes from storage first: at a gate with no signal they are all there is.
      state.batch = state.visitId ? readVisitPasses(state.visitId) : null;
      if (state.batch) this.showBatch(state.batch);
    },

    // The canvas can only be found once the page is laid out; a code from storage is drawn right then.
    onReady(): void {
      this.render();
    },

    onShow(): void {
      if (!requireSession()) return;
      const state = local(this);
      if (!state.visitId) {
        this.setData({ view: 'none', errorMessage: '访问记录不存在' });
        return;
      }
      if (state.ticker === null) state.ticker = setInterval(() => this.tick(), TICK_MS);
      state.retryAt = 0;
      void this.refresh();
    },

    onHide(): void {
      this.stopTicker();
    },

    onUnload(): void {
      this.stopTicker();
    },

    stopTicker(): void {
      const state = local(this);
      if (state.ticker !== null) clearInterval(state.ticker);
      state.ticker = null;
    },

    onSelectPerson(event: WechatMiniprogram.TouchEvent): void {
      this.setData({ selected: Number(event.currentTarget.dataset.index) });
      this.render();
    },

    showBatch(batch: VisitPassBatch): void {
      const selected = this.data.selected < batch.passes.length ? this.data.selected : 0;
      this.setData({
        people: peopleOf(batch),
        selected,
        window: formatWindow(
          new Date(batch.validFrom).toISOString(),
          new Date(batch.validUntil).toISOString(),
        ),
      });
      this.render();
    },

    tick(): void {
      const state = local(this);
      const now = Date.now();
      if (!state.fetching && now >= state.retryAt && needsRefill(state.batch, now)) void this.refresh();
      this.render();
    },

    /** Shows the selected person's current code; the canvas is redrawn only when the token changes. */
    render(): void {
      const { batch } = local(this);
      const pass = batch?.passes[this.data.selected];
      if (!batch || !pass) {
        if (this.data.view !== 'loading' && this.data.view !== 'none') this.setData({ view: 'none' });
        return;
      }
      const state = passState(batch, pass, Date.now());
      if (state.kind === 'valid') {
        if (this.data.view !== 'valid' || this.data.secondsLeft !== state.secondsLeft)
          this.setData({ view: 'valid', secondsLeft: state.secondsLeft });
        void this.draw(state.token);
      } else if (state.kind === 'upcoming') {
        const startsAt = formatDateTime(state.startsAt);
        if (this.data.view !== 'upcoming' || this.data.startsAt !== startsAt)
          this.setData({ view: 'upcoming', startsAt });
      } else if (this.data.view !== 'expired' || this.data.windowOver !== state.windowOver) {
        this.setData({ view: 'expired', windowOver: state.windowOver });
      }
    },

    async draw(token: string): Promise<void> {
      const state = local(this);
      if (state.drawn === token) return;
      state.drawn = token;
      state.canvas ??= await queryCanvas(this, '#pass-qr');
      if (!state.canvas) {
        state.drawn = ''; // not laid out yet; the next tick tries again
        return;
      }
      if (state.drawn !== token) return; // a newer token took over while the canvas was looked up
      drawQr(state.canvas.node, encodeQr(token, { level: 'M' }), state.canvas.width, pixelRatio());
    },

    async refresh(): Promise<void> {
      const state = local(this);
      if (state.fetching) return;
      state.fetching = true;
      const visitId = state.visitId;
      try {
        const data = await requestWithSession(VisitPassesDocument, {
          visitId,
          installationId: installationId(),
        });
        const batch = toVisitPassBatch(visitId, data, Date.now());
        writeVisitPasses(batch);
        state.batch = batch;
        state.failures = 0;
        state.retryAt = 0;
        this.setData({ offline: false, errorMessage: '' });
        this.showBatch(batch);
      } catch (error) {
        if (leaveIfSessionLost(error)) {
          this.stopTicker();
          return;
        }
        this.fail(error);
      } finally {
        state.fetching = false;
      }
    },

    fail(error: unknown): void {
      const state = local(this);
      state.failures++;
      state.retryAt = Date.now() + Math.min(RETRY_FIRST_MS * 2 ** (state.failures - 1), RETRY_MAX_MS);
      const code = error instanceof AppError ? error.code : ClientErrorCode.Unknown;
      if (KEEP_CODES_ON.includes(code)) {
        // Offline is not an error while stored codes still work: the hint says so instead.
        this.setData({
          offline: state.batch !== null,
          errorMessage: state.batch ? '' : `${errorMessage(error)}，本机暂无可用的通行码`,
        });
        if (!state.batch) this.setData({ view: 'none' });
        return;
      }
      if (code === 'VALIDATION') {
        // The stored installation id was damaged somehow; a fresh one lets the next attempt succeed.
        resetInstallationId();
        return;
      }
      removeVisitPasses(state.visitId);
      state.batch = null;
      state.drawn = '';
      const ended = code === 'VISIT_ENDED';
      this.setData({
        view: ended ? 'expired' : 'none',
        windowOver: true,
        offline: false,
        people: [],
        errorMessage: ended ? '' : errorMessage(error),
      });
    },
  },
});
