import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { miniprogramRoot } from './paths';

/** Loads the compiled page (pages are Components, see pages/login/index.ts) and attaches it to a DOM. */
export function renderPage(pagePath: string) {
  const id = simulate.load(path.join(miniprogramRoot, pagePath), {
    compiler: 'simulate',
    rootPath: miniprogramRoot,
  });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

export type RenderedPage = ReturnType<typeof renderPage>;

/** j-component delivers events on a microtask; awaiting lets the handler start. */
export async function tap(page: RenderedPage, selector: string): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
  await Promise.resolve();
}

/** j-component prefixes classes in the DOM, so nodes are found through the component tree. */
export function textOf(page: RenderedPage, selector: string): string | undefined {
  return page.querySelector(selector)?.dom?.textContent ?? undefined;
}

interface RenderedNode {
  tagName: string;
  attrs: { name: string; value: unknown }[];
  children: (RenderedNode | string)[];
}

function textIn(node: RenderedNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textIn).join('');
}

/** Each rendered <navigator> as its visible text and its url attribute, in document order. */
export function navigators(page: RenderedPage): { text: string; url: unknown }[] {
  const found: { text: string; url: unknown }[] = [];
  const visit = (node: RenderedNode | string): void => {
    if (typeof node === 'string') return;
    if (node.tagName === 'wx-navigator') {
      found.push({ text: textIn(node), url: node.attrs.find(({ name }) => name === 'url')?.value });
    }
    node.children.forEach(visit);
  };
  visit(page.toJSON() as unknown as RenderedNode);
  return found;
}
