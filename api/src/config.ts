import { z } from 'zod';
import { type ApprovalPolicies, loadApprovalPolicies } from './approval/approval-policy.js';

// The only module that reads process.env. Everything else receives the typed, validated object.
const BYTE_UNITS = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('park-one-card'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(8192).default(19456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).default(2),
  WECHAT_API_BASE: z.string().url().optional(),
  WECHAT_APPID: z.string().default(''),
  WECHAT_SECRET: z.string().default(''),
  ARCHIVE_REQUIRED_FIELDS: z
    .string()
    .default(
      'EMPLOYEE:name,gender,idNumber,phone,orgUnit,post,photo;CONTRACTOR:name,gender,idNumber,phone,company,photo',
    ),
  ARCHIVE_COMPLETENESS_TARGET: z.coerce.number().min(0).max(1).default(0.98),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(20000),
  GRAPHQL_INTROSPECTION: bool.optional(),
  BODY_LIMIT: z
    .string()
    .default('30mb')
    .transform((text, ctx) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
      if (m)
        return Math.floor(Number(m[1]) * BYTE_UNITS[(m[2] ?? 'b').toLowerCase() as keyof typeof BYTE_UNITS]);
      ctx.addIssue({ code: 'custom', message: `not a size: "${text}" (e.g. 30mb, 512kb)` });
      return z.NEVER;
    }),
  CORS_ORIGINS: csv.default([]),
  PWA_DIST: z.string().optional(),
  SEED_DEMO: bool.default(false),
  ACCESS_EVENT_RETENTION_MONTHS: z.coerce.number().int().min(12).max(120).default(13),
  DEVICE_OFFLINE_AFTER_SECONDS: z.coerce.number().int().min(10).max(3600).default(90),
  DEVICE_COMMAND_TTL_SECONDS: z.coerce.number().int().min(5).max(86400).default(120),
  DEVICE_FAILURE_ALARM_COUNT: z.coerce.number().int().min(2).max(100).default(5),
  SYNC_POLL_MS: z.coerce.number().int().min(100).max(60000).default(2000),
  SYNC_MAX_PATCH_ENTRIES: z.coerce.number().int().min(10).max(100000).default(2000),
  APPROVAL_POLICIES: z.string().optional(),
  APPROVAL_REMIND_AFTER_MINUTES: z.coerce.number().int().min(1).max(10080).default(120),
  APPROVAL_REMIND_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  APPROVAL_MAX_REMINDERS: z.coerce.number().int().min(0).max(100).default(3),
  VISIT_DEFAULT_AREAS: csv.default([]),
  VISIT_REQUESTABLE_LEVELS: csv
    .pipe(z.array(z.enum(['OFFICE', 'PRODUCTION'])).min(1))
    .default(['OFFICE', 'PRODUCTION']),
  VISIT_ESCORT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
  VISIT_MAIN_GATES: csv.default([]),
  VISIT_MAX_COMPANIONS: z.coerce.number().int().min(0).max(50).default(9),
  VISIT_MAX_ESCORTS: z.coerce.number().int().min(0).max(20).default(5),
  VISIT_HOST_SEARCH_LIMIT: z.coerce.number().int().min(1).max(50).default(10),
  VISIT_SWEEP_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  VISIT_ONLINE_REVIEW_TARGET: z.coerce.number().min(0).max(1).default(0.9),
  VISIT_REFUSAL_MESSAGE: z.string().trim().min(1).max(60).default('暂无法预约，请联系被访人'),
  WECHAT_VISIT_TEMPLATE_ID: z.string().trim().optional(),
  WECHAT_VISIT_TEMPLATE_FIELDS: z
    .string()
    .default('name:thing1,time:time2,result:phrase3,note:thing4')
    .transform((v, c) => {
      const pairs = v.split(',').map((p) => p.split(':').map((x) => x.trim()));
      const known = ['name', 'time', 'result', 'note'];
      if (pairs.some(([k, f]) => !k || !f || !known.includes(k) || !/^[a-z_]+\d+$/.test(f))) {
        c.addIssue({ code: 'custom', message: 'expected name:thing1,time:time2,result:phrase3,note:thing4' });
        return z.NEVER;
      }
      return Object.fromEntries(pairs) as Partial<Record<'name' | 'time' | 'result' | 'note', string>>;
    }),
  WECHAT_VISIT_PAGE: z.string().default('packages/visitor/pages/detail/index'),
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
});

export type Env = z.infer<typeof schema>;

export interface Config extends Env {
  production: boolean;
  dataKey: Buffer;
  introspection: boolean;
  requiredFields: Record<string, string[]>;
  approvalPolicies: ApprovalPolicies;
}

// A fixed, public key for development and tests only; production refuses to start without its own.
const DEV_DATA_KEY = Buffer.alloc(32, 'park-one-card-development-key!!').toString('base64');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.DATA_ENCRYPTION_KEY) throw new Error('DATA_ENCRYPTION_KEY is required in production');
  const dataKey = Buffer.from(e.DATA_ENCRYPTION_KEY ?? DEV_DATA_KEY, 'base64');
  if (dataKey.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  return {
    ...e,
    production,
    dataKey,
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    requiredFields: parseRequiredFields(e.ARCHIVE_REQUIRED_FIELDS),
    approvalPolicies: loadApprovalPolicies(e.APPROVAL_POLICIES),
  };
}

const ARCHIVE_FIELDS = [
  'name',
  'gender',
  'idNumber',
  'phone',
  'employeeNo',
  'photo',
  'orgUnit',
  'post',
  'company',
  'entryDate',
];
const PERSON_TYPES = ['EMPLOYEE', 'CONTRACTOR', 'VISITOR', 'OTHER'];

function parseRequiredFields(spec: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of spec.split(';')) {
    const [type, fields] = part.split(':');
    if (!type || !fields || !PERSON_TYPES.includes(type.trim()))
      throw new Error(`ARCHIVE_REQUIRED_FIELDS: cannot read "${part}"`);
    out[type.trim()] = fields.split(',').map((f) => f.trim());
    const unknown = out[type.trim()]!.filter((f) => !ARCHIVE_FIELDS.includes(f));
    if (unknown.length) throw new Error(`ARCHIVE_REQUIRED_FIELDS: unknown field(s) ${unknown.join(', ')}`);
  }
  return out;
}
