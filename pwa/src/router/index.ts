import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useAuth } from '../composables/use-auth';
import { installAuthGuard } from './guards';
import { routes } from './routes';

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes });
  installAuthGuard(router, useAuth());
  return router;
}
