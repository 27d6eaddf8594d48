import { describe, expect, it } from 'vitest';
import { decisionRequest, emptyDecisionForm } from './decisions';

describe('決定を記録: the form', () => {
  it('sends the text trimmed, with no vote, 全会一致 or counts (blank counts as 0)', () => {
    const form = { ...emptyDecisionForm(), text: '  原案のとおり可決 ' };
    expect(decisionRequest('i1', form, 5)).toEqual({ agendaItemId: 'i1', kind: 'resolution', text: '原案のとおり可決', vote: null });
    expect(decisionRequest('i1', { ...form, voteChoice: 'unanimous' }, 5)).toMatchObject({ vote: { unanimous: true } });
    expect(decisionRequest('i1', { ...form, kind: 'report', voteChoice: 'counts', for: '4', against: '', abstain: '1' }, 5)).toMatchObject({
      kind: 'report',
      vote: { for: 4, against: 0, abstain: 1 },
    });
  });

  it('says what is wrong: no text, counts that are not numbers, more votes than voters present', () => {
    expect(decisionRequest('i1', emptyDecisionForm(), 5)).toEqual({ problem: 'text' });
    const form = { ...emptyDecisionForm(), text: '可決', voteChoice: 'counts' as const };
    expect(decisionRequest('i1', { ...form, for: 'x' }, 5)).toEqual({ problem: 'counts' });
    expect(decisionRequest('i1', { ...form, for: '-1' }, 5)).toEqual({ problem: 'counts' });
    expect(decisionRequest('i1', { ...form, for: '4', against: '2' }, 5)).toEqual({ problem: 'countsOver' });
    expect(decisionRequest('i1', { ...form, voteChoice: 'unanimous' }, 0)).toEqual({ problem: 'countsOver' });
  });
});
