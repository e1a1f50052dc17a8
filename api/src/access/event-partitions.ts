import type { EntityManager } from '@mikro-orm/postgresql';

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Month partitions of access_event: made ahead of time, so the default partition stays empty and
 * a new month never has to be carved out of it; retired whole once past retention.
 */
export class EventPartitions {
  private ensured = new Set<string>();

  /** Makes sure the months of these instants have partitions (cached: one query per new month). */
  async ensure(em: EntityManager, instants: Date[]): Promise<void> {
    const months = [...new Set(instants.map((i) => day(monthStart(i))))].filter((m) => !this.ensured.has(m));
    for (const m of months) {
      await em.getConnection().execute('select access_event_ensure_month(?::date)', [m]);
      this.ensured.add(m);
    }
  }

  /** Partitions for last month through `ahead` months from now, and drops months past retention. */
  async maintain(
    em: EntityManager,
    now: Date,
    retentionMonths: number,
    ahead = 3,
  ): Promise<{ dropped: string[] }> {
    const first = addMonths(monthStart(now), -1);
    await this.ensure(
      em,
      Array.from({ length: ahead + 2 }, (_, i) => addMonths(first, i)),
    );
    const oldestKept = day(addMonths(monthStart(now), -retentionMonths))
      .slice(0, 7)
      .replace('-', '');
    const rows = await em.getConnection().execute<{ name: string }[]>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'access_event'::regclass and c.relname ~ '^access_event_[0-9]{6}$'`,
    );
    const dropped = rows.map((r) => r.name).filter((n) => n.slice(-6) < oldestKept);
    for (const name of dropped) {
      await em.getConnection().execute(`alter table access_event detach partition "${name}"`);
      await em.getConnection().execute(`drop table "${name}"`);
    }
    return { dropped };
  }
}
