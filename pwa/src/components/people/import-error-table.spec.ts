import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import ImportErrorTable from './import-error-table.vue';

describe('import error table', () => {
  it('shows row, column and message for each error, with a dash when no column applies', () => {
    const wrapper = mount(ImportErrorTable, {
      props: {
        errors: [
          { row: 2, column: '手机号', code: 'BAD_PHONE', message: '手机号格式不正确' },
          { row: 5, column: null, code: 'VALIDATION', message: '缺少姓名' },
        ],
      },
      global: { plugins: [i18n] },
    });
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['行', '列', '错误']);
    expect(rows).toEqual([
      ['2', '手机号', '手机号格式不正确'],
      ['5', '—', '缺少姓名'],
    ]);
  });
});
