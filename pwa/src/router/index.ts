import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useAuth } from '../composables/use-auth';
import { installAuthGuard } from './guards';
import { routes } from './routes';

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installAuthGuard(router, useAuth());
  return router;
}
