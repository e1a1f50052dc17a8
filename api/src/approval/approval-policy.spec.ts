import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DEFAULT_POLICIES, loadApprovalPolicies, planSteps } from './approval-policy.js';

const names = (steps: { name: string }[]) => steps.map((s) => s.name);
const temporary = DEFAULT_POLICIES.TEMPORARY_ACCESS!;

describe('approval policies are data', () => {
  it('asks the department head for any area and 保卫部 as well for a key area, by default', () => {
    expect(names(planSteps(temporary, { areaLevel: 'OFFICE' }))).toEqual(['部门负责人审批']);
    expect(names(planSteps(temporary, { areaLevel: 'KEY' }))).toEqual(['部门负责人审批', '保卫部审批']);
    expect(temporary.maxWindowHours).toBe(72);
  });

  it('asks the host first, and 保卫部 when any of a visit’s areas is a production area', () => {
    const visit = DEFAULT_POLICIES.VISIT!;
    expect(names(planSteps(visit, { areaLevel: ['OFFICE'] }))).toEqual(['被访人审批']);
    expect(names(planSteps(visit, { areaLevel: ['OFFICE', 'PRODUCTION'] }))).toEqual([
      '被访人审批',
      '保卫部审批',
    ]);
  });

  it('replaces the policy of each kind APPROVAL_POLICIES names, inline or from a file, keeping the others', () => {
    const override = {
      TEMPORARY_ACCESS: {
        maxWindowHours: 8,
        steps: [{ name: '安监部审批', approver: { type: 'ROLE', role: 'SECURITY' } }],
      },
    };
    const inline = loadApprovalPolicies(JSON.stringify(override));
    expect(inline.TEMPORARY_ACCESS).toEqual(override.TEMPORARY_ACCESS);
    expect(inline.VISIT).toEqual(DEFAULT_POLICIES.VISIT);
    const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'approval-policies.json');
    writeFileSync(file, JSON.stringify(override));
    expect(loadConfig({ APPROVAL_POLICIES: file }).approvalPolicies.TEMPORARY_ACCESS?.maxWindowHours).toBe(8);
    expect(loadConfig({}).approvalPolicies).toEqual(DEFAULT_POLICIES);
  });

  it('refuses to start on a policy it cannot use, saying where the problem is', () => {
    expect(() => loadApprovalPolicies('{"TEMPORARY_ACCESS":')).toThrow(/not valid JSON/);
    expect(() => loadApprovalPolicies('{"TEMPORARY_ACCESS":{"steps":[]}}')).toThrow(
      /TEMPORARY_ACCESS\.steps/,
    );
    expect(() =>
      loadApprovalPolicies('{"VISIT":{"steps":[{"name":"x","approver":{"type":"ROLE","role":"JANITOR"}}]}}'),
    ).toThrow(/VISIT\.steps\.0\.approver\.role/);
    expect(() => loadApprovalPolicies('{"PARKING":{"steps":[]}}')).toThrow(/APPROVAL_POLICIES/);
  });
});
