import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import * as files from '../../lib/files';
import { signInAs } from '../../test/access-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import { trailEntry, visit } from '../../test/visitor-fixtures';
import VisitTrailPage from './visit-trail-page.vue';

const VISIT = visit('v1', { status: 'CHECKED_OUT' });
// Out of order on purpose: the page tells the story oldest first.
const TRAIL = [
  trailEntry({
    at: '2030-05-01T01:20:00Z',
    passagePointName: '锅炉房门禁',
    areaName: '锅炉房',
    result: 'DENIED',
    reason: 'ESCORT_REQUIRED',
    message: null,
  }),
  trailEntry({ at: '2030-05-01T01:05:00Z' }),
  trailEntry({ at: '2030-05-01T08:30:00Z', direction: 'OUT' }),
  trailEntry({
    at: '2030-05-01T01:40:00Z',
    passagePointName: '集控楼门禁',
    areaName: '集控室',
    result: 'DENIED',
    reason: 'NO_GRANT',
    message: '访客未获准进入集控室',
  }),
];
const FILE = {
  filename: '访客轨迹-王五.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  contentBase64: 'UEsDBA==',
  count: 4,
};

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'ExportVisitTrail') return { data: { exportVisitTrail: FILE } };
    return { data: { visit: VISIT, visitTrail: TRAIL } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(VisitTrailPage, { props: { id: 'v1' }, path: '/visits/v1/trail' });
  await flushPromises();
  return { wrapper, calls };
}

describe('visit trail', () => {
  beforeEach(async () => {
    resetLocale();
    await signInAs(['SECURITY'], ['ACCESS_READ', 'VISIT_DESK']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
  });

  it('tells every passage and refusal of the visit in time order, with the reason in Chinese', async () => {
    const { wrapper, calls } = await open();
    expect(calls.find((c) => c.operation === 'VisitTrail')?.variables).toEqual({ visitId: 'v1' });
    expect(wrapper.find('[data-test="trail-head"]').text()).toContain('王五');
    expect(wrapper.find('[data-test="trail-head"]').text()).toContain('已离场');
    expect(wrapper.text()).toContain('共 4 条记录');
    const rows = wrapper.findAll('[data-test="trail-entry"]');
    expect(rows.map((row) => row.attributes('data-result'))).toEqual([
      'GRANTED',
      'DENIED',
      'DENIED',
      'GRANTED',
    ]);
    expect(rows[0].text()).toContain('厂区大门闸机 · 厂区 · 进');
    expect(rows[0].text()).toContain('王五');
    expect(rows[1].text()).toContain('锅炉房门禁 · 锅炉房 · 进');
    expect(rows[1].find('[data-test="reason"]').text()).toBe('须被访人陪同');
    expect(rows[2].find('[data-test="reason"]').text()).toBe('无此区域权限');
    expect(rows[2].find('[data-test="message"]').text()).toBe('访客未获准进入集控室');
    expect(rows[3].text()).toContain('出');
    expect(rows[3].find('[data-test="reason"]').exists()).toBe(false);
  });

  it('exports the trail as an XLSX file', async () => {
    const download = vi.spyOn(files, 'downloadBase64File').mockImplementation(() => undefined);
    const { wrapper, calls } = await open();
    await wrapper.find('[data-test="export"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.operation === 'ExportVisitTrail')?.variables).toEqual({ visitId: 'v1' });
    expect(download).toHaveBeenCalledWith(FILE);
    expect(document.body.textContent).toContain('已导出 访客轨迹-王五.xlsx');
  });

  it('says why an export was refused', async () => {
    const download = vi.spyOn(files, 'downloadBase64File').mockImplementation(() => undefined);
    const { wrapper } = await open((operation) =>
      operation === 'ExportVisitTrail'
        ? { errors: [{ message: '访问不存在或无权查看', extensions: { code: 'VISIT_NOT_FOUND' } }] }
        : undefined,
    );
    await wrapper.find('[data-test="export"]').trigger('click');
    await flushPromises();
    expect(download).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('访问不存在或无权查看');
  });

  it('says so when nothing has passed yet', async () => {
    const { fetch } = fakeGraphQLFetch(() => ({ data: { visit: visit('v1'), visitTrail: [] } }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = await mountWithApp(VisitTrailPage, { props: { id: 'v1' }, path: '/visits/v1/trail' });
    await flushPromises();
    expect(wrapper.text()).toContain('暂无通行记录');
  });
});
