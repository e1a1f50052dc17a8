import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CHINESE, CREATE_PERSON, failure, newEmployee, ok, rowCounts } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { Vehicle } from './vehicle.entity.js';

const REGISTER = `mutation($input: VehicleInput!) { registerVehicle(input: $input) { id plate newEnergy type active personId } }`;

let env: TestEnvironment;
let hr: string;
let personId: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
  personId = ok(await env.gql(CREATE_PERSON, { input: newEmployee() }, hr)).createPerson.id;
});
afterAll(() => env?.stop());

describe('registering a vehicle', () => {
  it('normalises the plate, recognises a new-energy plate and audits the registration', async () => {
    const v = ok(await env.gql(REGISTER, { input: { personId, plate: ' 鲁b·d12345 ' } }, hr)).registerVehicle;
    expect(v).toMatchObject({ plate: '鲁BD12345', newEnergy: true, type: 'CAR', active: true, personId });
    const entry = await env.context().em.findOneOrFail(AuditEntry, { entityType: 'Vehicle', entityId: v.id });
    expect(entry).toMatchObject({ action: 'VEHICLE_REGISTER', after: { plate: '鲁BD12345', personId } });
    const listed = ok(
      await env.gql(`query($id: ID!) { person(id: $id) { vehicles { plate } } }`, { id: personId }, hr),
    );
    expect(listed.person.vehicles).toEqual([{ plate: '鲁BD12345' }]);
  });

  it.each([
    ['a malformed plate', async () => '鲁B1234', 'BAD_PLATE'],
    ['a plate with the letter I', async () => '鲁BI2345', 'BAD_PLATE'],
    [
      'a plate another active vehicle has',
      async () => (await env.context().em.findOneOrFail(Vehicle, { active: true })).plate,
      'DUPLICATE_PLATE',
    ],
  ])('refuses %s with a typed Chinese error and writes nothing', async (_what, plate, code) => {
    const before = await rowCounts(env);
    const e = failure(await env.gql(REGISTER, { input: { personId, plate: await plate() } }, hr));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(CHINESE);
    expect(await rowCounts(env)).toEqual(before);
  });

  it('is refused to an employee', async () => {
    const token = await env.login('zhangsan', 'zhangsan123');
    const e = failure(await env.gql(REGISTER, { input: { personId, plate: '鲁B54321' } }, token));
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
  });
});
