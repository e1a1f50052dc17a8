import { type ComponentMountingOptions, mount } from '@vue/test-utils';
import { vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { applyLocale } from '../composables/use-locale';
import { i18n } from '../i18n';
import { routes } from '../router/routes';

export interface GraphQLReply {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code: string; field?: string } }>;
}

/** A fetch that answers GraphQL POSTs by operation, recording each request body and auth header. */
export function fakeGraphQLFetch(
  answer: (operation: string, variables: Record<string, unknown>) => GraphQLReply,
) {
  const calls: Array<{
    operation: string;
    variables: Record<string, unknown>;
    authorization: string | null;
    contentType: string | null;
  }> = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation|subscription)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const headers = new Headers(init.headers);
    calls.push({
      operation,
      variables: body.variables,
      authorization: headers.get('authorization'),
      contentType: headers.get('content-type'),
    });
    return new Response(JSON.stringify(answer(operation, body.variables)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { fetch, calls };
}

export async function createTestRouter(path = '/'): Promise<Router> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  await router.isReady();
  return router;
}

export function resetLocale(): void {
  localStorage.removeItem('park.locale');
  applyLocale('zh-CN', false);
}

export async function mountWithApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { path?: string } = {},
) {
  const router = await createTestRouter(options.path);
  const wrapper = mount(component, {
    ...options,
    global: { ...options.global, plugins: [i18n, router, ...(options.global?.plugins ?? [])] },
    attachTo: document.body,
  } as ComponentMountingOptions<C>);
  return { wrapper, router };
}
