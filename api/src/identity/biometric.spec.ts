import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { open } from '../common/crypto.js';
import { CREATE_PERSON, failure, newEmployee, ok, rowCounts } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';

const ENROLL = `mutation($input: EnrollBiometricInput!) { enrollBiometric(input: $input) }`;
const TYPES = `{ __schema { types { name kind fields { name type { name kind ofType { name kind ofType { name } } } } } } }`;

let env: TestEnvironment;
let hr: string;
let personId: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
  personId = ok(await env.gql(CREATE_PERSON, { input: newEmployee() }, hr)).createPerson.id;
});
afterAll(() => env?.stop());

describe('enrolling a face template', () => {
  it('stores the template encrypted: the bytes in the database are not the template', async () => {
    const template = randomBytes(512);
    const input = { personId, kind: 'FACE', templateBase64: template.toString('base64'), consent: true };
    expect(ok(await env.gql(ENROLL, { input }, hr)).enrollBiometric).toBe(true);

    const [row] = await env.orm.em
      .getConnection()
      .execute<{ template_encrypted: Buffer }[]>(
        'select template_encrypted from biometric_template where person_id = ?',
        [personId],
      );
    const stored = row!.template_encrypted;
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(stored.equals(template)).toBe(false);
    expect(stored.includes(template.subarray(0, 32))).toBe(false);
    expect(open(env.api.services.config.dataKey, stored).equals(template)).toBe(true);

    const after = await env
      .context()
      .em.findOneOrFail(AuditEntry, { action: 'BIOMETRIC_ENROLL', entityId: { $ne: null } });
    expect(JSON.stringify(after.after)).not.toContain(input.templateBase64.slice(0, 40));
    const seen = ok(
      await env.gql(`query($id: ID!) { person(id: $id) { hasFace hasFingerprint } }`, { id: personId }, hr),
    );
    expect(seen.person).toEqual({ hasFace: true, hasFingerprint: false });
  });

  it('has no GraphQL output field that could carry a template', async () => {
    const schema = ok(await env.gql(TYPES, {}, hr)).__schema as {
      types: { name: string; kind: string; fields: { name: string }[] | null }[];
    };
    const fields = schema.types
      .filter((t) => (t.kind === 'OBJECT' || t.kind === 'INTERFACE') && !t.name.startsWith('__'))
      .flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    expect(fields).toContain('Person.hasFace');
    expect(fields.filter((f) => /template|encrypted|secret/i.test(f))).toEqual([]);
    // What is left about biometrics are yes/no flags and counts, never data.
    const biometric = fields.filter((f) => /face|fingerprint|biometric/i.test(f)).sort();
    expect(biometric).toEqual([
      'Mutation.enrollBiometric',
      'OffboardSummary.biometricsDeleted',
      'Person.hasFace',
      'Person.hasFingerprint',
    ]);
    expect(schema.types.map((t) => t.name)).not.toContain('BiometricTemplate');
  });

  it('refuses without consent with CONSENT_REQUIRED and writes nothing', async () => {
    const before = await rowCounts(env);
    const input = {
      personId,
      kind: 'FINGERPRINT',
      templateBase64: randomBytes(64).toString('base64'),
      consent: false,
    };
    const e = failure(await env.gql(ENROLL, { input }, hr));
    expect(e).toMatchObject({ code: 'CONSENT_REQUIRED', message: '采集生物特征须本人同意' });
    expect(await rowCounts(env)).toEqual(before);
  });
});
