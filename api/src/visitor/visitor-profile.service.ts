import { maskIdNumber } from '@park/core';
import type { RequestContext } from '../common/context.js';
import { Person } from '../identity/person.entity.js';
import { hasPersonPhoto } from '../identity/person-photo.service.js';
import { Visit } from './visit.entity.js';
import type { VisitorProfile } from './visitor.types.js';

/**
 * What the booking form is prefilled with for a returning visitor: read from their one Person record
 * (name, masked ID number, phone, whether a photo is on file) and their last visit (company, plate),
 * never copied anywhere. Null until they have told us who they are.
 */
export async function myVisitorProfile(ctx: RequestContext): Promise<VisitorProfile | null> {
  const me = ctx.principal?.personId;
  const person = me ? await ctx.em.findOne(Person, me) : null;
  if (!person?.idNumber) return null;
  const last = await ctx.em.findOne(Visit, { visitor: person.id }, { orderBy: { createdAt: 'desc' } });
  return {
    name: person.name,
    idNumberMasked: maskIdNumber(person.idNumber),
    phone: person.phone ?? null,
    company: last?.company ?? null,
    plate: last?.plate ?? null,
    hasPhoto: await hasPersonPhoto(ctx, person.id),
  };
}
