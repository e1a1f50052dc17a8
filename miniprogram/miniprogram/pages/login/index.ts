import { login } from '../../utils/auth';
import { errorMessage } from '../../utils/errors';
import { Routes } from '../../utils/routes';
import { hasSession } from '../../utils/session';

// Pages are built with Component rather than Page so miniprogram-simulate can load and tap them.
Component({
  data: {
    loading: false,
    errorMessage: '',
  },

  methods: {
    onLoad(): void {
      // A returning visitor with a stored session goes straight in; requests refresh it as needed.
      if (hasSession()) wx.reLaunch({ url: Routes.home });
    },

    async onLogin(): Promise<void> {
      // Each wx.login code can be exchanged once, so a second tap must not race the first.
      if (this.data.loading) return;
      this.setData({ loading: true, errorMessage: '' });
      try {
        await login();
        // loading stays on: the page is about to be replaced and the button must not flash back.
        wx.reLaunch({ url: Routes.home });
      } catch (error) {
        const message = errorMessage(error);
        this.setData({ loading: false, errorMessage: message });
        wx.showToast({ title: message, icon: 'none' });
      }
    },
  },
});
