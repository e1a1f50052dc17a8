import type { AntiPassbackMode, AreaFieldsFragment, SecurityLevel } from '../gql/graphql';

export interface AreaNode {
  area: AreaFieldsFragment;
  depth: number;
  /** Names from the root down to this area. */
  names: string[];
}

export interface AreaOption {
  text: string;
  value: string;
}

export const SECURITY_LEVELS: readonly SecurityLevel[] = ['PUBLIC', 'OFFICE', 'PRODUCTION', 'KEY'];
export const ANTI_PASSBACK_MODES: readonly AntiPassbackMode[] = ['HARD', 'SOFT', 'OFF'];

/** What the server fills in when the form leaves a policy out; the form shows the same up front. */
export const DEFAULT_ANTI_PASSBACK: Readonly<Record<SecurityLevel, AntiPassbackMode>> = {
  PUBLIC: 'OFF',
  OFFICE: 'OFF',
  PRODUCTION: 'SOFT',
  KEY: 'HARD',
};

/**
 * Parents before children, siblings by code. An area whose parent is missing from the list is shown
 * as a root rather than dropped, and a cycle in bad data cannot loop forever.
 */
export function flattenAreaTree(areas: readonly AreaFieldsFragment[]): AreaNode[] {
  const ids = new Set(areas.map((area) => area.id));
  const children = new Map<string | null, AreaFieldsFragment[]>();
  for (const area of areas) {
    const parent = area.parentId && ids.has(area.parentId) ? area.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), area]);
  }
  const out: AreaNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, names: string[]): void => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const area of siblings) {
      if (seen.has(area.id)) continue;
      seen.add(area.id);
      const path = [...names, area.name];
      out.push({ area, depth, names: path });
      walk(area.id, depth + 1, path);
    }
  };
  walk(null, 0, []);
  return out;
}

/**
 * Choices for a picker. Vant's picker centres its rows, so there each area shows its whole path;
 * dropdown menus are left-aligned and read better indented.
 */
export function areaOptions(nodes: readonly AreaNode[], style: 'path' | 'indent' = 'path'): AreaOption[] {
  return nodes.map((node) => ({
    text: style === 'path' ? node.names.join(' / ') : `${'\u3000'.repeat(node.depth)}${node.area.name}`,
    value: node.area.id,
  }));
}

export function areaNames(areas: readonly AreaFieldsFragment[]): Map<string, string> {
  return new Map(areas.map((area) => [area.id, area.name]));
}
