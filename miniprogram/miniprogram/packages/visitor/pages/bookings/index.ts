import { MyVisitsDocument, type VisitSummaryFragment } from '../../../../gql/graphql';
import { requestWithSession } from '../../../../utils/auth';
import { errorMessage } from '../../../../utils/errors';
import { Routes, withQuery } from '../../../../utils/routes';
import { instanceState } from '../../utils/instance-state';
import { createPoller, type Poller } from '../../utils/poller';
import { leaveIfSessionLost, requireSession } from '../../utils/session-guard';
import { formatWindow } from '../../utils/site-time';
import { statusLook } from '../../utils/visit-status';

interface VisitRow {
  id: string;
  url: string;
  hostName: string;
  purpose: string;
  window: string;
  statusLabel: string;
  statusTone: string;
}

function toRow(visit: VisitSummaryFragment): VisitRow {
  const look = statusLook(visit.status);
  return {
    id: visit.id,
    url: withQuery(Routes.visitorVisit, { id: visit.id }),
    hostName: visit.host.department ? `${visit.host.name} · ${visit.host.department}` : visit.host.name,
    purpose: visit.purpose,
    window: formatWindow(visit.validFrom, visit.validUntil),
    statusLabel: look.label,
    statusTone: look.tone,
  };
}

const local = instanceState(() => ({ poller: null as Poller | null }));

Component({
  data: {
    loaded: false,
    visits: [] as VisitRow[],
    errorMessage: '',
  },

  methods: {
    // Polled while visible: approval happens on the host's phone, and this list should show it.
    onShow(): void {
      if (!requireSession()) return;
      const state = local(this);
      state.poller ??= createPoller(() => this.load());
      state.poller.start();
    },

    onHide(): void {
      local(this).poller?.stop();
    },

    onUnload(): void {
      local(this).poller?.stop();
    },

    onBook(): void {
      wx.navigateTo({ url: Routes.visitorBook });
    },

    async onPullDownRefresh(): Promise<void> {
      await this.load();
      wx.stopPullDownRefresh();
    },

    async load(): Promise<void> {
      try {
        const { myVisits } = await requestWithSession(MyVisitsDocument, {});
        this.setData({ loaded: true, visits: myVisits.map(toRow), errorMessage: '' });
      } catch (error) {
        if (leaveIfSessionLost(error)) {
          local(this).poller?.stop();
          return;
        }
        // The last list stays on screen; the message says it may be stale.
        this.setData({ loaded: true, errorMessage: errorMessage(error) });
      }
    },
  },
});
