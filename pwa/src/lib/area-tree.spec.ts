import { describe, expect, it } from 'vitest';
import { AREAS, area } from '../test/access-fixtures';
import { areaOptions, flattenAreaTree } from './area-tree';

describe('area tree', () => {
  it('puts parents before children and orders siblings by code', () => {
    const nodes = flattenAreaTree(AREAS);
    expect(nodes.map((n) => [n.area.name, n.depth])).toEqual([
      ['东港电厂', 0],
      ['办公楼', 1],
      ['生产区', 1],
      ['集控室', 2],
    ]);
    expect(nodes[3].names).toEqual(['东港电厂', '生产区', '集控室']);
  });

  it('shows an area whose parent is missing as a root instead of losing it', () => {
    const nodes = flattenAreaTree([area('orphan', '油库', { parentId: 'gone' })]);
    expect(nodes.map((n) => [n.area.name, n.depth])).toEqual([['油库', 0]]);
  });

  it('survives a cycle in bad data', () => {
    const a = area('a', '甲', { parentId: 'b' });
    const b = area('b', '乙', { parentId: 'a' });
    expect(flattenAreaTree([a, b])).toEqual([]);
  });

  it('labels picker rows with the whole path, and dropdown rows indented', () => {
    const nodes = flattenAreaTree(AREAS);
    expect(areaOptions(nodes)[3]).toEqual({ text: '东港电厂 / 生产区 / 集控室', value: 'ctrl' });
    expect(areaOptions(nodes, 'indent')[3].text).toBe('\u3000\u3000集控室');
  });
});
