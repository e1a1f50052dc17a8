import { CancelVisitDocument, VisitByIdDocument, type VisitDetailFragment } from '../../../../gql/graphql';
import { requestWithSession } from '../../../../utils/auth';
import { errorMessage } from '../../../../utils/errors';
import { Routes, withQuery } from '../../../../utils/routes';
import { instanceState } from '../../utils/instance-state';
import { createPoller, type Poller } from '../../utils/poller';
import { leaveIfSessionLost, requireSession } from '../../utils/session-guard';
import { formatDateTime, formatWindow } from '../../utils/site-time';
import { canCancel, hasPass, statusLook } from '../../utils/visit-status';

interface VisitView {
  id: string;
  statusLabel: string;
  statusTone: string;
  host: string;
  /** Colleagues the host named to escort the visitor, besides the host; empty when none. */
  escorts: string;
  purpose: string;
  window: string;
  areas: { id: string; name: string; needsSecurity: boolean; escortRequired: boolean }[];
  visitor: string;
  companions: { personId: string; text: string }[];
  plate: string;
  rejectionReason: string;
  checkedInAt: string;
  checkedOutAt: string;
  canCancel: boolean;
  hasPass: boolean;
}

function toView(visit: VisitDetailFragment): VisitView {
  const look = statusLook(visit.status);
  return {
    id: visit.id,
    statusLabel: look.label,
    statusTone: look.tone,
    host: visit.host.department ? `${visit.host.name} · ${visit.host.department}` : visit.host.name,
    escorts: visit.escorts.map((e) => (e.department ? `${e.name} · ${e.department}` : e.name)).join('、'),
    purpose: visit.purpose,
    window: formatWindow(visit.validFrom, visit.validUntil),
    areas: visit.areas.map(({ id, name, needsSecurity, escortRequired }) => ({
      id,
      name,
      needsSecurity,
      escortRequired,
    })),
    visitor: `${visit.visitor.name}（${visit.visitor.idNumberMasked}）`,
    companions: visit.companions.map((c) => ({
      personId: c.personId,
      text: `${c.name}（${c.idNumberMasked}）`,
    })),
    plate: visit.plate ?? '',
    rejectionReason: visit.status === 'REJECTED' ? (visit.rejectionReason ?? '') : '',
    checkedInAt: formatDateTime(visit.checkedInAt),
    checkedOutAt: formatDateTime(visit.checkedOutAt),
    canCancel: canCancel(visit.status),
    hasPass: hasPass(visit.status),
  };
}

const local = instanceState(() => ({ id: '', poller: null as Poller | null }));

Component({
  data: {
    loading: true,
    errorMessage: '',
    visit: null as VisitView | null,
    cancelling: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      local(this).id = decodeURIComponent(query.id ?? '');
    },

    // Polled while visible, so an approval or a rejection shows up without leaving the page.
    onShow(): void {
      if (!requireSession()) return;
      const state = local(this);
      if (!state.id) {
        this.setData({ loading: false, errorMessage: '访问记录不存在' });
        return;
      }
      state.poller ??= createPoller(() => this.load());
      state.poller.start();
    },

    onHide(): void {
      local(this).poller?.stop();
    },

    onUnload(): void {
      local(this).poller?.stop();
    },

    async load(): Promise<void> {
      try {
        const { visit } = await requestWithSession(VisitByIdDocument, { id: local(this).id });
        this.setData({ loading: false, errorMessage: '', visit: toView(visit) });
      } catch (error) {
        if (leaveIfSessionLost(error)) {
          local(this).poller?.stop();
          return;
        }
        this.setData({ loading: false, errorMessage: errorMessage(error) });
      }
    },

    onShowPass(): void {
      wx.navigateTo({ url: withQuery(Routes.visitorPass, { id: local(this).id }) });
    },

    onCancel(): void {
      if (this.data.cancelling) return;
      wx.showModal({
        title: '取消访问',
        content: '取消后通行码立即失效，如需到访须重新预约。确定取消吗？',
        confirmText: '确定取消',
        cancelText: '再想想',
        success: ({ confirm }) => {
          if (confirm) void this.cancel();
        },
      });
    },

    async cancel(): Promise<void> {
      this.setData({ cancelling: true });
      try {
        const { cancelVisit } = await requestWithSession(CancelVisitDocument, { id: local(this).id });
        this.setData({ cancelling: false, visit: toView(cancelVisit) });
        wx.showToast({ title: '已取消', icon: 'success' });
      } catch (error) {
        if (leaveIfSessionLost(error)) return;
        this.setData({ cancelling: false });
        wx.showToast({ title: errorMessage(error), icon: 'none' });
      }
    },
  },
});
