import { type FilterQuery, LockMode } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { Card } from './card.entity.js';
import { CardStatus, PersonStatus } from './identity.enums.js';
import { IdentityErrors, STATUS_NAMES } from './identity.errors.js';
import { CardRevoked } from './identity.events.js';
import { Person } from './person.entity.js';
import { CARD_NUMBER } from './person-rules.js';
import { personInScope } from './person-scope.js';

/**
 * Cards whose number nobody else may get: live ones, and any that went missing and never came back.
 * A lost card that was replaced or voided is still out there; reissuing its number would let it in
 * again. The partial unique index "card_number_taken_unique" says the same in the database.
 */
export const NUMBER_TAKEN = {
  $or: [
    { status: { $in: [CardStatus.ACTIVE, CardStatus.LOST] } },
    { lostAt: { $ne: null }, returnedAt: null },
  ],
} satisfies FilterQuery<Card>;

async function assertNumberFree(ctx: RequestContext, number: string): Promise<string> {
  const n = number.trim().toUpperCase();
  if (!CARD_NUMBER.test(n)) throw IdentityErrors.badCardNumber();
  if (await ctx.em.count(Card, { $and: [{ number: n }, NUMBER_TAKEN] }))
    throw IdentityErrors.duplicateCard(n);
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
    if (await tx.em.count(Card, { person: person.id, status: CardStatus.ACTIVE }))
      throw IdentityErrors.alreadyHasCard();
    const card = tx.em.create(Card, { number: n, person });
    await recordAudit(tx, {
      action: 'CARD_ISSUE',
      entityType: 'Card',
      entityId: card.id,
      after: cardSnapshot(card),
    });
    return card;
  });
}

/** Loads a card the caller may act on: their own (report lost) or any with CARD_MANAGE. */
async function cardInScope(ctx: RequestContext, cardId: string): Promise<Card> {
  // Waits for a concurrent change of the same card, so the second caller sees the state the first left.
  const card = isUuid(cardId)
    ? await ctx.em.findOne(Card, cardId, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  const own = card && card.person.id === ctx.principal?.personId;
  if (!card || (!own && !ctx.principal?.permissions.has(Permission.CARD_MANAGE))) throw notFound('卡');
  return card;
}

async function transition(
  ctx: RequestContext,
  cardId: string,
  action: string,
  allowed: CardStatus[],
  apply: (card: Card, tx: RequestContext) => Promise<Card> | Card,
): Promise<Card> {
  return inTransaction(ctx, async (tx) => {
    const card = await cardInScope(tx, cardId);
    if (!allowed.includes(card.status))
      throw IdentityErrors.cardState(STATUS_NAMES[card.status] ?? card.status);
    const before = cardSnapshot(card);
    const result = await apply(card, tx);
    await recordAudit(tx, {
      action,
      entityType: 'Card',
      entityId: card.id,
      before,
      after: cardSnapshot(card),
    });
    tx.emit?.(new CardRevoked(card.person.id, card.number, action));
    return result;
  });
}

export const reportCardLost = (ctx: RequestContext, cardId: string) =>
  transition(ctx, cardId, 'CARD_LOST', [CardStatus.ACTIVE], (card) => {
    card.status = CardStatus.LOST;
    card.lostAt = new Date();
    return card;
  });

export const returnCard = (ctx: RequestContext, cardId: string) =>
  transition(ctx, cardId, 'CARD_RETURN', [CardStatus.ACTIVE, CardStatus.LOST], (card) => {
    card.status = CardStatus.RETURNED;
    card.returnedAt = new Date();
    return card;
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
    await recordAudit(tx, {
      action: 'CARD_ISSUE',
      entityType: 'Card',
      entityId: fresh.id,
      after: cardSnapshot(fresh),
    });
    return fresh;
  });
