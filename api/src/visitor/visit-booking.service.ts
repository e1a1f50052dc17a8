import { maskIdNumber, parsePlate } from '@park/core';
import { ApprovalKind } from '../approval/approval.enums.js';
import { checkWindow, submitApproval } from '../approval/approval.service.js';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { can, inTransaction, type RequestContext } from '../common/context.js';
import { forbidden } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { raiseAlarms } from '../devices/alarm.service.js';
import { AlarmKind } from '../devices/devices.enums.js';
import { Person } from '../identity/person.entity.js';
import { checkPhoto, storePersonPhoto } from '../identity/person-photo.service.js';
import {
  checkRealName,
  type RealName,
  realNamePerson,
  settleOwnRealName,
} from '../identity/real-name.service.js';
import { activePlateHolder } from '../identity/vehicle.service.js';
import type { BookVisitInput, CompanionInput, WalkInInput } from './book-visit.input.js';
import { localWindow } from './time-format.js';
import { Visit } from './visit.entity.js';
import { primeBooked } from './visit.loaders.js';
import { overlapping } from './visit.queries.js';
import { activeHost } from './visit-hosts.service.js';
import { VisitPerson } from './visit-person.entity.js';
import { requestedAreas, type VisitAreaCatalogue, visitAreaCatalogue } from './visit-policy.js';
import { VisitSource, VisitStatus } from './visitor.enums.js';
import { VisitorErrors } from './visitor.errors.js';
import { VisitChanged } from './visitor.events.js';
import type { VisitArea } from './visitor.types.js';
import { watchlistHits } from './watchlist.service.js';

/** What every visit needs, checked for format before anything is read or written. */
interface Draft {
  hostId: string;
  purpose: string;
  company: string | null;
  plate: string | null;
  from: Date;
  until: Date;
  areaIds: string[] | null | undefined;
  visitor: RealName;
  companions: RealName[];
}

function draftOf(
  ctx: RequestContext,
  input: {
    hostId: string;
    purpose: string;
    company?: string | null;
    plate?: string | null;
    areaIds?: string[] | null;
    companions?: CompanionInput[] | null;
    name: string;
    idNumber: string;
    phone?: string | null;
  },
  from: Date,
  until: Date,
): Draft {
  const purpose = input.purpose.trim();
  if (!purpose || purpose.length > 200) throw VisitorErrors.purposeRequired();
  const company = input.company?.trim() || null;
  if (company && company.length > 100) throw VisitorErrors.companyTooLong();
  let plate: string | null = null;
  if (input.plate?.trim()) {
    const parsed = parsePlate(input.plate);
    if (!parsed) throw VisitorErrors.badPlate();
    plate = parsed.plate;
  }
  const companions = input.companions ?? [];
  if (companions.length > ctx.config.VISIT_MAX_COMPANIONS)
    throw VisitorErrors.tooManyCompanions(ctx.config.VISIT_MAX_COMPANIONS);
  const visitor = checkRealName(input);
  const others = companions.map((c, i) => checkRealName(c, `companions[${i}]`));
  const seen = new Set([visitor.idNumber]);
  others.forEach((c, i) => {
    if (seen.has(c.idNumber)) throw VisitorErrors.duplicatePerson(`companions[${i}].idNumber`);
    seen.add(c.idNumber);
  });
  return {
    hostId: input.hostId,
    purpose,
    company,
    plate,
    from,
    until,
    areaIds: input.areaIds,
    visitor,
    companions: others,
  };
}

/**
 * A WeChat visitor books a visit. Their details go on their one Person record (identity safety: see
 * settleOwnRealName); companions are real-name people of their own. The host approves first, 保卫部
 * too when the visit reaches production, as the VISIT policy says. A booking naming someone on the
 * watchlist is stored refused with a neutral reason; the real one goes to 保卫部 only.
 * One transaction: any typed error leaves nothing written.
 */
export async function bookVisit(ctx: RequestContext, input: BookVisitInput): Promise<Visit> {
  const me = ctx.principal?.personId;
  if (!me) throw VisitorErrors.noPerson();
  const draft = draftOf(ctx, input, input.validFrom, input.validUntil);
  const photo = input.photoBase64 ? checkPhoto(input.photoBase64, input.photoConsent) : null;
  const booked = await inTransaction(ctx, async (tx) => {
    const planned = await plan(tx, draft, me);
    const visitor = await settleOwnRealName(tx, me, draft.visitor);
    if (photo) await storePersonPhoto(tx, visitor.id, photo);
    return createVisit(tx, planned, VisitSource.BOOKING, visitor);
  });
  return answered(ctx, booked);
}

/**
 * A guard registers a visitor at the gate, from now until `validUntil`; the guard has seen the ID
 * card, so the visitor's record is found (or made) by ID number. The same approval runs; the guard
 * watches it on visitUpdated.
 */
export async function registerWalkIn(ctx: RequestContext, input: WalkInInput): Promise<Visit> {
  if (!can(ctx, Permission.VISIT_DESK)) throw forbidden();
  const draft = draftOf(ctx, input, new Date(), input.validUntil);
  const booked = await inTransaction(ctx, async (tx) => {
    const planned = await plan(tx, draft, null);
    const visitor = await realNamePerson(tx, draft.visitor, '', 'walk-in');
    if (visitor.id === planned.host.id) throw VisitorErrors.selfHost();
    return createVisit(tx, planned, VisitSource.WALK_IN, visitor);
  });
  return answered(ctx, booked);
}

interface Booked {
  visit: Visit;
  people: Person[];
  planned: Planned;
}

async function answered(ctx: RequestContext, { visit, people, planned }: Booked): Promise<Visit> {
  await primeBooked(ctx, visit, people, planned.host, planned.catalogue);
  return visit;
}

interface Planned {
  draft: Draft;
  host: Person;
  areas: VisitArea[];
  catalogue: VisitAreaCatalogue;
}

/** Window, areas and host, checked before any person is touched. */
async function plan(tx: RequestContext, draft: Draft, me: string | null): Promise<Planned> {
  // Host and booker in one read; the findOne calls after this one are answered from the identity map.
  const ids = [draft.hostId, me].filter((id): id is string => !!id && isUuid(id));
  if (ids.length > 1) await tx.em.find(Person, { id: { $in: ids } });
  const catalogue = await visitAreaCatalogue(tx);
  checkWindow(catalogue.policy, { from: draft.from, until: draft.until });
  const areas = requestedAreas(catalogue, draft.areaIds);
  const host = await activeHost(tx, draft.hostId);
  if (me && host.id === me) throw VisitorErrors.selfHost();
  return { draft, host, areas, catalogue };
}

async function createVisit(
  tx: RequestContext,
  planned: Planned,
  source: VisitSource,
  visitor: Person,
): Promise<Booked> {
  const { draft, host, areas } = planned;
  const companions: Person[] = [];
  for (const [i, c] of draft.companions.entries())
    companions.push(await realNamePerson(tx, c, `companions[${i}]`));
  const people = [visitor, ...companions];
  if (new Set(people.map((p) => p.id)).size !== people.length)
    throw VisitorErrors.duplicatePerson('companions');
  if (people.some((p) => p.id === host.id)) throw VisitorErrors.selfHost();
  const clash = await overlapping(
    tx.em,
    people.map((p) => p.id),
    draft.from,
    draft.until,
  );
  if (clash) throw VisitorErrors.overlap(clash);
  if (draft.plate) {
    const holder = await activePlateHolder(tx, draft.plate);
    if (holder && holder !== visitor.id) throw VisitorErrors.plateTaken();
  }
  const visit = tx.em.create(Visit, {
    source,
    purpose: draft.purpose,
    validFrom: draft.from,
    validUntil: draft.until,
    visitor,
    host,
    areaIds: areas.map((a) => a.id),
    company: draft.company,
    plate: draft.plate,
    registeredBy: source === VisitSource.WALK_IN ? (tx.principal?.username ?? null) : null,
  });
  for (const [seq, person] of people.entries())
    tx.em.create(VisitPerson, { visit, person, companion: seq > 0, seq });
  const hits = await watchlistHits(
    tx,
    people.map((p) => p.idNumber!),
  );
  if (hits.length > 0) await refuseWatchlisted(tx, visit, people, hits, host);
  else await submitForApproval(tx, visit, visitor, companions, areas, host);
  await recordAudit(tx, {
    action: source === VisitSource.WALK_IN ? 'VISIT_WALK_IN' : 'VISIT_BOOK',
    entityType: 'Visit',
    entityId: visit.id,
    after: {
      status: visit.status,
      visitorId: visitor.id,
      companionIds: companions.map((c) => c.id),
      hostId: host.id,
      areaIds: visit.areaIds,
      validFrom: visit.validFrom,
      validUntil: visit.validUntil,
      plate: visit.plate ?? null,
      approvalId: visit.approval?.id ?? null,
    },
  });
  tx.emit?.(
    new VisitChanged({ visitId: visit.id, visitorId: visitor.id, hostId: host.id }, 'BOOKED', visit.status),
  );
  return { visit, people, planned };
}

async function submitForApproval(
  tx: RequestContext,
  visit: Visit,
  visitor: Person,
  companions: Person[],
  areas: VisitArea[],
  host: Person,
): Promise<void> {
  const walkIn = visit.source === VisitSource.WALK_IN;
  const parts = [
    localWindow(visit.validFrom, visit.validUntil),
    areas.map((a) => a.name).join('、'),
    `事由：${visit.purpose}`,
    ...(visit.company ? [`单位：${visit.company}`] : []),
    ...(companions.length ? [`同行 ${companions.length} 人`] : []),
    ...(visit.plate ? [`车辆：${visit.plate}`] : []),
  ];
  const request = await submitApproval(tx, {
    kind: ApprovalKind.VISIT,
    requesterId: visitor.id,
    // What approvers read (the engine shows it to them): no full ID numbers.
    subject: {
      visitId: visit.id,
      hostPersonId: host.id,
      visitorName: visitor.name,
      visitorIdNumber: maskIdNumber(visitor.idNumber ?? ''),
      companions: companions.map((c) => c.name),
      company: visit.company ?? null,
      purpose: visit.purpose,
      areas: areas.map((a) => a.name),
      validFrom: visit.validFrom.toISOString(),
      validUntil: visit.validUntil.toISOString(),
      plate: visit.plate ?? null,
      source: visit.source,
    },
    facts: { areaLevel: [...new Set(areas.map((a) => a.securityLevel))] },
    window: { from: visit.validFrom, until: visit.validUntil },
    title: `${walkIn ? '现场来访' : '访客预约'}：${visitor.name}${visit.company ? `（${visit.company}）` : ''}`,
    summary: parts.join('；'),
  });
  visit.approval = tx.em.getReference(ApprovalRequest, request.id, { wrapped: true });
}

/**
 * Someone of the visit is on the watchlist: the visit is stored refused, with the neutral reason the
 * visitor (and host) see, and the real one told to 保卫部 alone — an alarm on their console and the
 * visit's securityNote. No approval is asked for.
 */
async function refuseWatchlisted(
  tx: RequestContext,
  visit: Visit,
  people: Person[],
  hits: Awaited<ReturnType<typeof watchlistHits>>,
  host: Person,
): Promise<void> {
  const now = new Date();
  const named = hits.map(({ idNumber, entry }) => {
    const who = people.find((p) => p.idNumber === idNumber);
    return `${who?.name ?? entry.name ?? ''}（${entry.idNumberMasked}）：${entry.reason}`;
  });
  visit.status = VisitStatus.REJECTED;
  visit.rejectionReason = tx.config.VISIT_REFUSAL_MESSAGE;
  visit.decidedAt = now;
  visit.watchlistHit = true;
  visit.securityNote = `观察名单：${named.join('；')}`;
  const how = visit.source === VisitSource.WALK_IN ? '门岗登记来访' : '预约来访';
  await raiseAlarms(tx, [
    {
      kind: AlarmKind.WATCHLIST_HIT,
      dedupeKey: `watchlist:${visit.id}`,
      device: null,
      deviceCode: '',
      message: `观察名单人员${how}（被访人 ${host.name}）— ${named.join('；')}`.slice(0, 250),
      raisedAt: now,
    },
  ]);
  await recordAudit(tx, {
    action: 'VISIT_WATCHLIST_REFUSED',
    entityType: 'Visit',
    entityId: visit.id,
    after: { entryIds: hits.map((h) => h.entry.id), visitorId: visit.visitor.id },
  });
}
