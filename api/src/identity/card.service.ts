import { recordAudit } from '../audit/audit.service.js';
import { type RequestContext, inTransaction } from '../common/context.js';
import { notFound } from '../common/errors.js';
import { Permission } from '../common/permission.js';
import { Card } from './card.entity.js';
import { IdentityErrors, STATUS_NAMES } from './identity.errors.js';
import { CardStatus, PersonStatus } from './identity.enums.js';
import { CardRevoked } from './identity.events.js';
import { Person } from './person.entity.js';
import { CARD_NUMBER } from './person-rules.js';
import { personInScope } from './person-scope.js';

const LIVE = [CardStatus.ACTIVE, CardStatus.LOST];

async function assertNumberFree(ctx: RequestContext, number: string): Promise<string> {
  const n = number.trim().toUpperCase();
  if (!CARD_NUMBER.test(n)) throw IdentityErrors.badCardNumber();
  if (await ctx.em.count(Card, { number: n, status: { $in: LIVE } })) throw IdentityErrors.duplicateCard(n);
  return n;
}

function cardSnapshot(c: Card) {
  return { number: c.number, status: c.status, personId: c.person.id };
}

export async function issueCard(ctx: RequestContext, personId: string, number: string): Promise<Card> {
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, personId);
    if (person.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    const n = await assertNumberFree(tx, number);
    if (await tx.em.count(Card, { person: person.id, status: CardStatus.ACTIVE })) throw IdentityErrors.alreadyHasCard();
    const card = tx.em.create(Card, { number: n, person });
    await recordAudit(tx, { action: 'CARD_ISSUE', entityType: 'Card', entityId: card.id, after: cardSnapshot(card) });
    return card;
  });
}

/** Loads a card the caller may act on: their own (report lost) or any with CARD_MANAGE. */
async function cardInScope(ctx: RequestContext, cardId: string): Promise<Card> {
  const card = await ctx.em.findOne(Card, cardId, { lockMode: 4 });
  const own = card && card.person.id === ctx.principal?.personId;
  if (!card || (!own && !ctx.principal?.permissions.has(Permission.CARD_MANAGE))) throw notFound('卡');
  return card;
}

async function transition(
  ctx: RequestContext,
  cardId: string,
  action: string,
  allowed: CardStatus[],
  apply: (card: Card, tx: RequestContext) => Promise<Card | void> | Card | void,
): Promise<Card> {
  return inTransaction(ctx, async (tx) => {
    const card = await cardInScope(tx, cardId);
    if (!allowed.includes(card.status)) throw IdentityErrors.cardState(STATUS_NAMES[card.status] ?? card.status);
    const before = cardSnapshot(card);
    const result = (await apply(card, tx)) ?? card;
    await recordAudit(tx, { action, entityType: 'Card', entityId: card.id, before, after: cardSnapshot(card) });
    tx.emit?.(new CardRevoked(card.person.id, card.number, action));
    return result;
  });
}

export const reportCardLost = (ctx: RequestContext, cardId: string) =>
  transition(ctx, cardId, 'CARD_LOST', [CardStatus.ACTIVE], (card) => {
    card.status = CardStatus.LOST;
    card.lostAt = new Date();
  });

export const returnCard = (ctx: RequestContext, cardId: string) =>
  transition(ctx, cardId, 'CARD_RETURN', [CardStatus.ACTIVE, CardStatus.LOST], (card) => {
    card.status = CardStatus.RETURNED;
    card.returnedAt = new Date();
  });

/** The old card (active or lost) dies and a new number is issued to the same person, atomically. */
export const replaceCard = (ctx: RequestContext, cardId: string, newNumber: string) =>
  transition(ctx, cardId, 'CARD_REPLACE', [CardStatus.ACTIVE, CardStatus.LOST], async (card, tx) => {
    const person = await tx.em.findOneOrFail(Person, card.person.id);
    if (person.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    const n = await assertNumberFree(tx, newNumber);
    card.status = CardStatus.REPLACED;
    const fresh = tx.em.create(Card, { number: n, person });
    card.replacedById = fresh.id;
    await recordAudit(tx, { action: 'CARD_ISSUE', entityType: 'Card', entityId: fresh.id, after: cardSnapshot(fresh) });
    return fresh;
  });
