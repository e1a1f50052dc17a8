import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Role } from '../common/permission.js';
import { ApprovalKind } from './approval.enums.js';

/**
 * Who decides each kind of request, as data. Built-in defaults below; APPROVAL_POLICIES (inline JSON
 * or a path to a JSON file) replaces the policy of each kind it names. Read and validated once at
 * start-up; requests keep the steps they were planned with, so a policy change never reroutes one
 * already under way.
 */
const approverRule = z.discriminatedUnion('type', [
  /** A named person (e.g. the head of 安监部 for hot work). */
  z.object({ type: z.literal('PERSON'), personId: z.uuid() }).strict(),
  /** A person the request itself names, e.g. a visit's host (`hostPersonId`). */
  z.object({ type: z.literal('SUBJECT_PERSON'), field: z.string().min(1) }).strict(),
  /** The head of the requester's unit, or of the nearest unit above it that has one. */
  z.object({ type: z.literal('DEPARTMENT_HEAD') }).strict(),
  /** Every active person whose account holds the role, e.g. SECURITY = 保卫部. */
  z.object({ type: z.literal('ROLE'), role: z.enum(Role) }).strict(),
]);

const factValue = z.union([z.string(), z.number(), z.boolean()]);

const stepSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    approver: approverRule,
    /** Used when `approver` resolves to nobody; without it such a request is refused (NO_APPROVER). */
    fallback: approverRule.optional(),
    /** The step applies only when every named fact of the request has one of the listed values. */
    when: z.record(z.string(), z.array(factValue).min(1)).optional(),
  })
  .strict();

const policySchema = z
  .object({
    steps: z.array(stepSchema).min(1).max(10),
    /** Longest window (validFrom → validUntil) a request may ask for. */
    maxWindowHours: z.number().positive().max(8784).optional(),
    /** How far ahead a window may start. */
    maxLeadDays: z.number().positive().max(366).optional(),
  })
  .strict();

const policiesSchema = z.partialRecord(z.enum(ApprovalKind), policySchema);

export type ApproverRule = z.infer<typeof approverRule>;
export type PolicyStep = z.infer<typeof stepSchema>;
export type ApprovalPolicy = z.infer<typeof policySchema>;
export type ApprovalPolicies = z.infer<typeof policiesSchema>;
export type FactValue = z.infer<typeof factValue>;
/** What a kind tells the engine about one request, for `when` conditions: `{ areaLevel: 'KEY' }`. */
export type Facts = Record<string, FactValue | FactValue[]>;

const SECURITY: ApproverRule = { type: 'ROLE', role: Role.SECURITY };

export const DEFAULT_POLICIES: ApprovalPolicies = {
  // 作业审批临时权限: the department head vouches for the work; 保卫部 as well for key areas.
  [ApprovalKind.TEMPORARY_ACCESS]: {
    maxWindowHours: 72,
    maxLeadDays: 30,
    steps: [
      { name: '部门负责人审批', approver: { type: 'DEPARTMENT_HEAD' } },
      { name: '保卫部审批', approver: SECURITY, when: { areaLevel: ['KEY'] } },
    ],
  },
  // Visits: the host first; 保卫部 too when the visit reaches production or key areas.
  [ApprovalKind.VISIT]: {
    maxWindowHours: 24,
    maxLeadDays: 30,
    steps: [
      { name: '被访人审批', approver: { type: 'SUBJECT_PERSON', field: 'hostPersonId' } },
      { name: '保卫部审批', approver: SECURITY, when: { areaLevel: ['PRODUCTION', 'KEY'] } },
    ],
  },
};

/** The defaults with each kind named in `source` (JSON, or a path to a JSON file) replaced. */
export function loadApprovalPolicies(source?: string): ApprovalPolicies {
  if (!source?.trim()) return DEFAULT_POLICIES;
  const text = source.trim().startsWith('{') ? source : readFileSync(source.trim(), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`APPROVAL_POLICIES: not valid JSON (${(err as Error).message})`);
  }
  const parsed = policiesSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`APPROVAL_POLICIES: invalid policy\n${lines.join('\n')}`);
  }
  return { ...DEFAULT_POLICIES, ...parsed.data };
}

/** The policy's steps that apply to a request with these facts, in order. */
export function planSteps(policy: ApprovalPolicy, facts: Facts): PolicyStep[] {
  return policy.steps.filter((step) =>
    Object.entries(step.when ?? {}).every(([name, allowed]) => {
      const value = facts[name];
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      return values.some((v) => allowed.includes(v));
    }),
  );
}
