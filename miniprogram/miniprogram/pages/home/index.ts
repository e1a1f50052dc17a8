import { MeDocument } from '../../gql/graphql';
import { isSessionLost, requestWithSession } from '../../utils/auth';
import { errorMessage } from '../../utils/errors';
import { displayName } from '../../utils/person';
import { type Route, Routes } from '../../utils/routes';
import { clearSession, hasSession } from '../../utils/session';

interface Tile {
  key: string;
  title: string;
  description: string;
  url: Route;
  /** Shows 即将上线 on a tile whose subpackage is still a placeholder. */
  comingSoon: boolean;
}

// Both audiences see both tiles for now; the API decides what each person may actually do.
const TILES: Tile[] = [
  {
    key: 'visitor',
    title: '访客预约',
    description: '预约到访、查看通行码',
    url: Routes.visitorBookings,
    comingSoon: false,
  },
  {
    key: 'contractor',
    title: '外协入场',
    description: '外协人员入场',
    url: Routes.contractorEntry,
    comingSoon: true,
  },
];

Component({
  data: {
    loading: true,
    name: '',
    errorMessage: '',
    tiles: TILES,
  },

  methods: {
    onLoad(): void {
      if (!hasSession()) {
        wx.reLaunch({ url: Routes.login });
        return;
      }
      void this.loadMe();
    },

    onRetry(): void {
      void this.loadMe();
    },

    async loadMe(): Promise<void> {
      this.setData({ loading: true, errorMessage: '' });
      try {
        const { me } = await requestWithSession(MeDocument, {});
        this.setData({ loading: false, name: displayName(me) });
      } catch (error) {
        if (isSessionLost(error)) {
          clearSession();
          wx.reLaunch({ url: Routes.login });
          return;
        }
        this.setData({ loading: false, errorMessage: errorMessage(error) });
      }
    },
  },
});
