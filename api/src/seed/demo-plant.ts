import { ref } from '@mikro-orm/core';
import { genderFromIdNumber, parsePlate } from '@park/core';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { UserAccount } from '../auth/user-account.entity.js';
import type { RequestContext } from '../common/context.js';
import { inTransaction } from '../common/context.js';
import { Role } from '../common/permission.js';
import { Card } from '../identity/card.entity.js';
import { ContractorCompany } from '../identity/contractor-company.entity.js';
import { Gender, OrgUnitKind, PersonType, VehicleType } from '../identity/identity.enums.js';
import { OrgChanged } from '../identity/org-directory.js';
import { OrgUnit } from '../identity/org-unit.entity.js';
import { Person } from '../identity/person.entity.js';
import { personSnapshot } from '../identity/person.snapshot.js';
import { Post } from '../identity/post.entity.js';
import { Vehicle } from '../identity/vehicle.entity.js';
import {
  CONTRACTORS,
  chineseName,
  DEPARTMENTS,
  idNumber,
  mobile,
  PLANT,
  pick,
  plate,
  prng,
  VISITORS,
} from './demo-data.js';

export const DEMO_LOGINS = [
  { username: 'admin', password: 'admin123', roles: [Role.ADMIN], who: '系统管理员' },
  { username: 'hr', password: 'hr123456', roles: [Role.HR], who: '人力资源专员' },
  { username: 'security', password: 'security123', roles: [Role.SECURITY], who: '保卫部值班员' },
  {
    username: 'yunxing',
    password: 'yunxing123',
    roles: [Role.EMPLOYEE, Role.APPROVER],
    who: '运行部经理（部门负责人）',
  },
  { username: 'zhangsan', password: 'zhangsan123', roles: [Role.EMPLOYEE], who: '运行一值 巡检员' },
] as const;

/** Seeds 东港发电有限公司: org tree, posts, ~300 people with cards and vehicles. Idempotent. */
export async function seedDemoPlant(ctx: RequestContext): Promise<{ created: boolean; people: number }> {
  if (await ctx.em.count(OrgUnit, { code: PLANT.code }))
    return { created: false, people: await ctx.em.count(Person, {}) };
  const r = prng(20261124);
  const hashes = await Promise.all(
    DEMO_LOGINS.map((l) =>
      hashPassword(l.password, {
        memoryKib: ctx.config.ARGON2_MEMORY_KIB,
        timeCost: ctx.config.ARGON2_TIME_COST,
      }),
    ),
  );
  let people = 0;
  await inTransaction(ctx, async (tx) => {
    const em = tx.em;
    const unit = (name: string, code: string, kind: OrgUnitKind, parent?: OrgUnit) => {
      const u = em.create(OrgUnit, {
        name,
        code,
        kind,
        path: '',
        fullName: parent ? `${parent.fullName}/${name}` : name,
        parent,
      });
      u.path = `${parent?.path ?? '/'}${u.id}/`;
      return u;
    };
    const company = unit(PLANT.name, PLANT.code, OrgUnitKind.COMPANY);
    const posts = new Map<string, Post>();
    const post = (name: string) => {
      if (!posts.has(name)) posts.set(name, em.create(Post, { name, code: `P${posts.size + 1}`, company }));
      return posts.get(name)!;
    };
    let serial = 0;
    const person = (data: Partial<Person> & { type: PersonType }) => {
      serial++;
      const id = idNumber(r, serial);
      const p = em.create(Person, {
        name: chineseName(r),
        idNumber: id,
        gender: genderFromIdNumber(id) as Gender,
        phone: mobile(r),
        photoUrl: r() < 0.97 ? `/photos/${serial}.jpg` : null,
        entryDate: `20${String(5 + Math.floor(r() * 20)).padStart(2, '0')}-0${1 + Math.floor(r() * 9)}-15`,
        ...data,
      });
      if (p.type !== PersonType.VISITOR)
        em.create(Card, { number: `DG${String(100000 + serial)}`, person: p });
      if (r() < 0.25 && p.type !== PersonType.VISITOR) {
        const info = parsePlate(plate(r, serial))!;
        em.create(Vehicle, {
          plate: info.plate,
          newEnergy: info.newEnergy,
          type: VehicleType.CAR,
          person: p,
        });
      }
      people++;
      return p;
    };
    const named = new Map<string, Person>();
    let empNo = 1000;
    for (const d of DEPARTMENTS) {
      const dept = unit(d.name, `${PLANT.code}-${d.code}`, OrgUnitKind.DEPARTMENT, company);
      const teams = d.teams.map((t, i) =>
        unit(t, `${PLANT.code}-${d.code}-${i + 1}`, OrgUnitKind.TEAM, dept),
      );
      for (let i = 0; i < d.size; i++) {
        const p = person({
          type: PersonType.EMPLOYEE,
          employeeNo: `E${++empNo}`,
          orgUnit: ref(i === 0 || teams.length === 0 ? dept : teams[i % teams.length]!),
          post: ref(post(i === 0 && d.posts.includes('部门经理') ? '部门经理' : pick(r, d.posts))),
        });
        if (i === 0) dept.headPersonId = p.id;
        if (d.code === 'YX' && i === 0) named.set('yunxing', p);
        if (d.code === 'YX' && i === 1)
          named.set(
            'zhangsan',
            Object.assign(p, { name: '张三', orgUnit: ref(teams[0]!), post: ref(post('巡检员')) }),
          );
        if (d.code === 'RZ' && i === 1) named.set('hr', p);
        if (d.code === 'BW' && i === 1) named.set('security', p);
      }
    }
    for (const c of CONTRACTORS) {
      const co = em.create(ContractorCompany, {
        name: c.name,
        creditCode: c.creditCode,
        contactName: chineseName(r),
        contactPhone: mobile(r),
      });
      for (let i = 0; i < c.workers; i++) person({ type: PersonType.CONTRACTOR, company: ref(co) });
    }
    for (let i = 0; i < VISITORS; i++) person({ type: PersonType.VISITOR, photoUrl: null, entryDate: null });
    DEMO_LOGINS.forEach((l, i) => {
      em.create(UserAccount, {
        username: l.username,
        passwordHash: hashes[i],
        roles: [...l.roles],
        person: named.get(l.username) ?? null,
      });
    });
    await em.flush();
    const all = await em.find(Person, {});
    await recordAudit(
      tx,
      ...all.map((p) => ({
        action: 'PERSON_CREATE',
        entityType: 'Person',
        entityId: p.id,
        after: { ...personSnapshot(p), via: 'seed' },
      })),
    );
    tx.emit?.(new OrgChanged());
    await recordAudit(tx, {
      action: 'SEED_DEMO_PLANT',
      entityType: 'OrgUnit',
      entityId: company.id,
      after: { people },
    });
  });
  return { created: true, people };
}
