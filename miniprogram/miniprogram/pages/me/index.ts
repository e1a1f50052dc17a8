import { MeDocument } from '../../gql/graphql';
import { isSessionLost, logout, requestWithSession } from '../../utils/auth';
import { errorMessage } from '../../utils/errors';
import { displayName } from '../../utils/person';
import { roleLabels } from '../../utils/roles';
import { Routes } from '../../utils/routes';
import { clearSession, hasSession } from '../../utils/session';

Component({
  data: {
    loading: true,
    loggingOut: false,
    name: '',
    username: '',
    roles: '',
    errorMessage: '',
  },

  methods: {
    // onShow rather than onLoad: a tab page stays alive, and the session may have changed meanwhile.
    onShow(): void {
      if (!hasSession()) {
        wx.reLaunch({ url: Routes.login });
        return;
      }
      void this.loadMe();
    },

    async loadMe(): Promise<void> {
      this.setData({ loading: true, errorMessage: '' });
      try {
        const { me } = await requestWithSession(MeDocument, {});
        this.setData({
          loading: false,
          name: displayName(me),
          username: me.username,
          // WXML cannot call functions, so the list is joined here.
          roles: roleLabels(me.roles).join('、') || '—',
        });
      } catch (error) {
        if (isSessionLost(error)) {
          clearSession();
          wx.reLaunch({ url: Routes.login });
          return;
        }
        this.setData({ loading: false, errorMessage: errorMessage(error) });
      }
    },

    async onLogout(): Promise<void> {
      if (this.data.loggingOut) return;
      this.setData({ loggingOut: true });
      await logout();
      wx.reLaunch({ url: Routes.login });
    },
  },
});
