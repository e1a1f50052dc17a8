import { describe, expect, it } from 'vitest';
import { ID_LI, ID_WANG } from '../test/visitor-fixtures';
import { defaultWalkInUntil, emptyWalkIn, toWalkInInput, walkInProblems } from './walk-in-input';

const at = (h: number, m: number): number => new Date(2030, 4, 1, h, m).getTime();

describe('walk-in input', () => {
  it('lets a morning visitor stay until office hours end', () => {
    expect(defaultWalkInUntil(at(9, 12))).toBe('2030-05-01T17:30');
  });

  it('gives an evening visitor two hours, to the next quarter', () => {
    expect(defaultWalkInUntil(at(17, 10))).toBe('2030-05-01T19:15');
    expect(defaultWalkInUntil(at(22, 50))).toBe('2030-05-02T01:00');
  });

  it('names each missing or wrong field, companions by their row', () => {
    const values = {
      ...emptyWalkIn(at(9, 0)),
      idNumber: '370202199003071234',
      phone: '123',
      companions: [{ name: '', idNumber: ID_LI, phone: '' }],
    };
    expect(walkInProblems(values, at(9, 0))).toEqual({
      name: 'walkIn.nameRequired',
      idNumber: 'walkIn.idNumberInvalid',
      phone: 'walkIn.phoneInvalid',
      hostId: 'walkIn.hostRequired',
      purpose: 'walkIn.purposeRequired',
      'companions.0.name': 'walkIn.nameRequired',
    });
  });

  it('refuses a leaving time already past', () => {
    const values = { ...emptyWalkIn(at(9, 0)), validUntil: '2030-05-01T08:00' };
    expect(walkInProblems(values, at(9, 0)).validUntil).toBe('walkIn.untilPast');
  });

  it('sends trimmed values and leaves empty choices to the server’s defaults', () => {
    const input = toWalkInInput({
      ...emptyWalkIn(at(9, 0)),
      name: ' 王五 ',
      idNumber: ID_WANG,
      hostId: 'p-zs',
      purpose: ' 送货 ',
      plate: ' 鲁b 12345 ',
    });
    expect(input).toEqual({
      name: '王五',
      idNumber: ID_WANG,
      phone: null,
      company: null,
      hostId: 'p-zs',
      purpose: '送货',
      validUntil: new Date(2030, 4, 1, 17, 30).toISOString(),
      areaIds: null,
      plate: '鲁B12345',
      companions: null,
    });
  });
});
