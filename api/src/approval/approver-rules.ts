import { FlushMode } from '@mikro-orm/core';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Role } from '../common/permission.js';
import { PersonStatus } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';
import { ApprovalErrors } from './approval.errors.js';
import type { ApproverRule } from './approval-policy.js';
import type { StepRule } from './approval-step.entity.js';

const ROLE_NAMES: Record<Role, string> = {
  [Role.ADMIN]: '系统管理员',
  [Role.HR]: '人力资源部',
  [Role.SECURITY]: '保卫部',
  [Role.APPROVER]: '审批人',
  [Role.CANTEEN]: '食堂管理',
  [Role.EMPLOYEE]: '职工',
  [Role.CONTRACTOR]: '外协人员',
  [Role.VISITOR]: '访客',
  [Role.DEVICE]: '设备',
};

interface Resolved {
  ids: string[];
  /** Why nobody was found, for the NO_APPROVER message. */
  why: string;
}

/**
 * The active people a rule names, without the requester: nobody approves their own request (a
 * security officer's own key-area request goes to the other officers).
 */
async function approversFor(
  tx: RequestContext,
  rule: ApproverRule,
  requester: Person,
  subject: Record<string, unknown>,
): Promise<Resolved> {
  const active = async (ids: string[], why: string): Promise<Resolved> => {
    const wanted = ids.filter((id) => isUuid(id) && id !== requester.id);
    // flushMode COMMIT: asking who is active must not first flush the caller's pending writes (a
    // booking's visit and visitor), which then would go out in two round trips instead of one; no
    // caller changes an approver's status in the transaction that asks for their approval.
    const found = wanted.length
      ? await tx.em.find(
          Person,
          { id: { $in: wanted }, status: PersonStatus.ACTIVE },
          { fields: ['id'], flushMode: FlushMode.COMMIT },
        )
      : [];
    const ok = new Set(found.map((p) => p.id));
    return { ids: wanted.filter((id) => ok.has(id)), why };
  };
  switch (rule.type) {
    case 'PERSON':
      return active([rule.personId], '指定审批人不在职');
    case 'SUBJECT_PERSON': {
      const id = subject[rule.field];
      return active(typeof id === 'string' ? [id] : [], '申请中指定的审批人无效或不在职');
    }
    case 'DEPARTMENT_HEAD': {
      // The nearest unit, from the requester's own up to the company, whose head is someone else and active.
      const org = await tx.org.ready(tx.em);
      const unit = org.unit(requester.orgUnit?.id);
      const heads = (unit?.path.split('/').filter(Boolean).reverse() ?? [])
        .map((id) => org.unit(id)?.headPersonId)
        .filter((id): id is string => !!id && id !== requester.id);
      const { ids } = await active(heads, '');
      const head = heads.find((id) => ids.includes(id));
      return {
        ids: head ? [head] : [],
        why: unit ? '所在部门及上级均未设置在职负责人' : '申请人未归属任何部门',
      };
    }
    case 'ROLE': {
      const rows = await tx.em.execute<{ id: string }[]>(
        `select distinct a.person_id as id from user_account a join person p on p.id = a.person_id
          where a.roles @> array[?]::text[] and not a.disabled and p.status = 'ACTIVE' and p.id <> ?`,
        [rule.role, requester.id],
      );
      return { ids: rows.map((r) => r.id).sort(), why: `没有「${ROLE_NAMES[rule.role]}」角色的在职人员` };
    }
  }
}

/** The step's candidates: its approver rule, else its fallback, else a typed NO_APPROVER error. */
export async function resolveStep(
  tx: RequestContext,
  step: StepRule & { name: string },
  requester: Person,
  subject: Record<string, unknown>,
): Promise<string[]> {
  const first = await approversFor(tx, step.approver, requester, subject);
  if (first.ids.length) return first.ids;
  if (step.fallback) {
    const fallback = await approversFor(tx, step.fallback, requester, subject);
    if (fallback.ids.length) return fallback.ids;
  }
  throw ApprovalErrors.noApprover(step.name, first.why);
}
