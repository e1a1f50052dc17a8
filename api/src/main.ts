import 'reflect-metadata';
import { boot } from './boot.js';
import { seedDemoPlant } from './seed/demo-plant.js';
import { DEMO_SITE_ID, seedDemoSite } from './seed/demo-site.js';
import { seedDemoVisits } from './seed/demo-visits.js';

const app = await boot();
if (app.services.config.SEED_DEMO) {
  const ctx = { ...app.services, em: app.orm.em.fork(), principal: null, requestId: 'system' };
  const seeded = await seedDemoPlant(ctx);
  app.log.info(seeded, seeded.created ? 'demo plant seeded' : 'demo plant already present');
  const site = await seedDemoSite({ ...ctx, em: app.orm.em.fork() }, DEMO_SITE_ID);
  app.log.info(site, site.created ? 'demo site (areas, doors, devices) seeded' : 'demo site already present');
  const visits = await seedDemoVisits({ ...ctx, em: app.orm.em.fork() });
  app.log.info(visits, visits.created ? 'demo visits seeded' : 'demo visits already present');
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  });
}
