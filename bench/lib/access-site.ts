import type { Api } from './harness.js';

export interface AccessSite {
  site: string;
  prod: string;
  ccr: string;
  /** The turnstile site → production, then the door production → 集控室. */
  points: [string, string];
  /** The demo plant's first 200 people and their active card numbers. */
  people: { id: string; cards: string[] }[];
}

/**
 * 厂区 ⊃ 生产区 ⊃ 集控室 with a turnstile and a key-area door, made through the API as security, plus
 * the people the demo plant seeded. Half of them may enter production, a tenth the control room, so
 * decisions and passages exercise both answers.
 */
export async function createAccessSite(api: Api, security: string): Promise<AccessSite> {
  const area = async (code: string, securityLevel: string, parentId?: string) =>
    (
      await api.gql<{ createArea: { id: string } }>(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: code, code, securityLevel, parentId } },
        security,
      )
    ).createArea.id;
  const site = await area('SITE', 'PUBLIC');
  const prod = await area('PROD', 'PRODUCTION', site);
  const ccr = await area('CCR', 'KEY', prod);
  const point = async (code: string, from: string, to: string) =>
    (
      await api.gql<{ createPassagePoint: { id: string } }>(
        `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
        { i: { name: code, code, kind: 'TURNSTILE', fromAreaId: from, toAreaId: to } },
        security,
      )
    ).createPassagePoint.id;
  const points: [string, string] = [await point('T-PROD', site, prod), await point('D-CCR', prod, ccr)];
  const { people } = await api.gql<{
    people: { items: { id: string; cards: { number: string; status: string }[] }[] };
  }>('{ people(limit: 200) { items { id cards { number status } } } }', {}, security);
  const grant = (personId: string, areaId: string) =>
    api.gql('mutation($i:GrantInput!){grantAccess(input:$i){id}}', { i: { personId, areaId } }, security);
  for (const [i, p] of people.items.entries()) {
    if (i % 2 === 0) await grant(p.id, prod);
    if (i % 10 === 0) await grant(p.id, ccr);
  }
  return {
    site,
    prod,
    ccr,
    points,
    people: people.items.map((p) => ({
      id: p.id,
      cards: p.cards.filter((c) => c.status === 'ACTIVE').map((c) => c.number),
    })),
  };
}
