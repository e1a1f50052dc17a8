import { BookVisitDocument, VisitBookingOptionsDocument, VisitHostsDocument } from '../../../../gql/graphql';
import { requestWithSession } from '../../../../utils/auth';
import { AppError, errorMessage } from '../../../../utils/errors';
import { Routes, withQuery } from '../../../../utils/routes';
import {
  type AreaChoice,
  type BookingDraft,
  type BookingErrors,
  type CompanionDraft,
  checkBooking,
  fieldOfServerError,
} from '../../utils/booking-form';
import { idNumberError } from '../../utils/id-number';
import { instanceState } from '../../utils/instance-state';
import { readPhotoBase64 } from '../../utils/photo';
import { leaveIfSessionLost, requireSession } from '../../utils/session-guard';
import { nextHalfHour, siteClock, siteDate } from '../../utils/site-time';

interface HostOption {
  id: string;
  name: string;
  /** "name · department", built here because WXML cannot call functions. */
  label: string;
}

const SEARCH_DELAY_MS = 300;
const MAX_COMPANIONS = 9;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const local = instanceState(() => ({
  searchTimer: null as ReturnType<typeof setTimeout> | null,
  /** Answers to an older keyword arrive late sometimes; only the latest search may fill the list. */
  searchSeq: 0,
  companionSeq: 0,
}));

function defaultWindow(now: number): { date: string; startTime: string; endTime: string } {
  const start = nextHalfHour(now);
  const end = start + 2 * 60 * 60_000;
  const date = siteDate(start);
  return { date, startTime: siteClock(start), endTime: siteDate(end) === date ? siteClock(end) : '23:59' };
}

Component({
  data: {
    loading: true,
    loadError: '',
    hostKeyword: '',
    hostResults: [] as HostOption[],
    hostSearched: false,
    host: null as HostOption | null,
    purpose: '',
    minDate: '',
    date: '',
    startTime: '',
    endTime: '',
    areas: [] as AreaChoice[],
    name: '',
    idNumber: '',
    /** "已登记 110105********002X" for a returning visitor, who types the full number to confirm it. */
    idNumberHint: '',
    phone: '',
    company: '',
    plate: '',
    companions: [] as CompanionDraft[],
    photoPath: '',
    photoConsent: false,
    hasPhoto: false,
    errors: {} as BookingErrors,
    submitting: false,
    submitError: '',
  },

  methods: {
    onLoad(): void {
      if (!requireSession()) return;
      const now = Date.now();
      this.setData({ minDate: siteDate(now), ...defaultWindow(now) });
      void this.loadOptions();
    },

    onUnload(): void {
      const state = local(this);
      if (state.searchTimer !== null) clearTimeout(state.searchTimer);
    },

    onRetry(): void {
      void this.loadOptions();
    },

    async loadOptions(): Promise<void> {
      this.setData({ loading: true, loadError: '' });
      try {
        const { visitAreas, myVisitorProfile: profile } = await requestWithSession(
          VisitBookingOptionsDocument,
          {},
        );
        const areas = visitAreas.map(({ id, name, needsSecurity, escortRequired, isDefault }) => ({
          id,
          name,
          needsSecurity,
          escortRequired,
          selected: isDefault,
        }));
        // Only fields the visitor has not started typing into are prefilled.
        const filled = (current: string, stored: string | null | undefined): string =>
          current || stored || '';
        this.setData({
          loading: false,
          areas,
          name: filled(this.data.name, profile?.name),
          phone: filled(this.data.phone, profile?.phone),
          company: filled(this.data.company, profile?.company),
          plate: filled(this.data.plate, profile?.plate),
          idNumberHint: profile?.idNumberMasked ? `已登记 ${profile.idNumberMasked}，请输入完整号码核验` : '',
          hasPhoto: profile?.hasPhoto ?? false,
        });
      } catch (error) {
        if (leaveIfSessionLost(error)) return;
        this.setData({ loading: false, loadError: errorMessage(error) });
      }
    },

    /** Plain text fields: data-field names the field, and its error clears as the visitor types. */
    onInput(event: WechatMiniprogram.Input): void {
      const field = String(event.currentTarget.dataset.field);
      this.setData({ [field]: event.detail.value, [`errors.${field}`]: '' });
    },

    onIdNumberBlur(): void {
      if (this.data.idNumber) this.setData({ 'errors.idNumber': idNumberError(this.data.idNumber) });
    },

    onHostInput(event: WechatMiniprogram.Input): void {
      const keyword = event.detail.value;
      const state = local(this);
      if (state.searchTimer !== null) clearTimeout(state.searchTimer);
      state.searchSeq++;
      this.setData({ hostKeyword: keyword, host: null, 'errors.host': '' });
      if (!keyword.trim()) {
        this.setData({ hostResults: [], hostSearched: false });
        return;
      }
      const seq = state.searchSeq;
      state.searchTimer = setTimeout(() => void this.searchHosts(keyword.trim(), seq), SEARCH_DELAY_MS);
    },

    async searchHosts(keyword: string, seq: number): Promise<void> {
      try {
        const { visitHosts } = await requestWithSession(VisitHostsDocument, { keyword });
        if (seq !== local(this).searchSeq) return;
        const hostResults = visitHosts.map(({ id, name, department }) => ({
          id,
          name,
          label: department ? `${name} · ${department}` : name,
        }));
        this.setData({ hostResults, hostSearched: true });
      } catch (error) {
        if (seq !== local(this).searchSeq || leaveIfSessionLost(error)) return;
        this.setData({ hostResults: [], hostSearched: false, 'errors.host': errorMessage(error) });
      }
    },

    onPickHost(event: WechatMiniprogram.TouchEvent): void {
      const host = this.data.hostResults[Number(event.currentTarget.dataset.index)];
      if (!host) return;
      this.setData({
        host,
        hostKeyword: host.label,
        hostResults: [],
        hostSearched: false,
        'errors.host': '',
      });
    },

    onPickerChange(event: WechatMiniprogram.PickerChange): void {
      const field = String(event.currentTarget.dataset.field);
      this.setData({ [field]: String(event.detail.value), 'errors.window': '' });
    },

    onAreasChange(event: WechatMiniprogram.CheckboxGroupChange): void {
      const chosen = new Set(event.detail.value);
      this.setData({
        areas: this.data.areas.map((area) => ({ ...area, selected: chosen.has(area.id) })),
        'errors.areas': '',
      });
    },

    onAddCompanion(): void {
      if (this.data.companions.length >= MAX_COMPANIONS) {
        wx.showToast({ title: `同行人最多 ${MAX_COMPANIONS} 位`, icon: 'none' });
        return;
      }
      const key = `companion-${++local(this).companionSeq}`;
      this.setData({ companions: [...this.data.companions, { key, name: '', idNumber: '', error: '' }] });
    },

    onRemoveCompanion(event: WechatMiniprogram.TouchEvent): void {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({
        companions: this.data.companions.filter((_, i) => i !== index),
        'errors.companions': '',
      });
    },

    onCompanionInput(event: WechatMiniprogram.Input): void {
      const { index, field } = event.currentTarget.dataset as { index: number; field: 'name' | 'idNumber' };
      this.setData({
        [`companions[${index}].${field}`]: event.detail.value,
        [`companions[${index}].error`]: '',
        'errors.companions': '',
      });
    },

    onCompanionIdBlur(event: WechatMiniprogram.InputBlur): void {
      const index = Number(event.currentTarget.dataset.index);
      const companion = this.data.companions[index];
      if (companion?.idNumber)
        this.setData({ [`companions[${index}].error`]: idNumberError(companion.idNumber) });
    },

    onChoosePhoto(): void {
      wx.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        sizeType: ['compressed'],
        camera: 'front',
        success: ({ tempFiles }) => {
          const [file] = tempFiles;
          if (!file) return;
          if (file.size > MAX_PHOTO_BYTES) {
            this.setData({ 'errors.photo': '照片不能超过 2MB，请重新拍摄' });
            return;
          }
          this.setData({ photoPath: file.tempFilePath, 'errors.photo': '' });
        },
      });
    },

    onRemovePhoto(): void {
      this.setData({ photoPath: '', 'errors.photo': '' });
    },

    onConsentChange(event: WechatMiniprogram.CheckboxGroupChange): void {
      this.setData({ photoConsent: event.detail.value.length > 0, 'errors.photo': '' });
    },

    draft(): BookingDraft {
      const d = this.data;
      return {
        hostId: d.host?.id ?? null,
        purpose: d.purpose,
        date: d.date,
        startTime: d.startTime,
        endTime: d.endTime,
        areas: d.areas,
        name: d.name,
        idNumber: d.idNumber,
        phone: d.phone,
        company: d.company,
        plate: d.plate,
        companions: d.companions,
        photoPath: d.photoPath,
        photoConsent: d.photoConsent,
      };
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const checked = checkBooking(this.draft(), Date.now());
      this.setData({
        errors: checked.errors,
        companions: this.data.companions.map((companion, i) => ({
          ...companion,
          error: checked.companionErrors[i] ?? '',
        })),
        submitError: checked.firstError,
      });
      if (!checked.input) {
        wx.showToast({ title: checked.firstError, icon: 'none' });
        return;
      }
      this.setData({ submitting: true });
      try {
        // The photo travels only with the consent that makes sending it lawful.
        const photo = this.data.photoPath ? await readPhotoBase64(this.data.photoPath) : null;
        const input = photo ? { ...checked.input, photoBase64: photo, photoConsent: true } : checked.input;
        const { bookVisit } = await requestWithSession(BookVisitDocument, { input });
        // Redirect, not navigate: "back" from the new visit should not reopen a form already sent.
        wx.redirectTo({ url: withQuery(Routes.visitorVisit, { id: bookVisit.id }) });
      } catch (error) {
        if (leaveIfSessionLost(error)) return;
        const message = errorMessage(error);
        const field = error instanceof AppError ? fieldOfServerError(error.field) : null;
        this.setData({
          submitting: false,
          submitError: message,
          ...(field ? { [`errors.${field}`]: message } : {}),
        });
        wx.showToast({ title: message, icon: 'none' });
      }
    },
  },
});
