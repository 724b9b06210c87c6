import { describe, expect, it } from 'vitest';
import { createCaseBody } from '../../../shared/contract/accountability-cases';
import { createEngagementBody, createExpertBody, updateExpertBody } from '../../../shared/contract/experts';
import { recordAttendanceBody } from '../../../shared/contract/trainings';
import { attendeeIdentity } from '../../../shared/domain/trainings';
import { parseWith } from '../../../shared/http/validation';

const errorsOf = (schema: Parameters<typeof parseWith>[0], value: unknown) => {
  const result = parseWith(schema, value, 'body');
  return result.success ? [] : result.errors;
};

describe('engagement body', () => {
  const engagement = { date: '2026-04-01', topic: '印染行业提升方案' };

  it('names exactly one of issue and enterprise', () => {
    expect(errorsOf(createEngagementBody, { ...engagement, issueId: 'I1' })).toEqual([]);
    expect(errorsOf(createEngagementBody, { ...engagement, enterpriseId: 'E1' })).toEqual([]);
    expect(errorsOf(createEngagementBody, engagement)).toEqual([
      { path: 'body.issueId', message: 'Name exactly one of issueId and enterpriseId' },
    ]);
    expect(errorsOf(createEngagementBody, { ...engagement, issueId: 'I1', enterpriseId: 'E1' })).toHaveLength(
      1,
    );
  });

  it('takes a real date and refuses server-owned fields', () => {
    expect(
      errorsOf(createEngagementBody, { ...engagement, enterpriseId: 'E1', date: '2026-02-30' }),
    ).toMatchObject([{ path: 'body.date' }]);
    expect(errorsOf(createEngagementBody, { ...engagement, enterpriseId: 'E1', id: 'X' })).toEqual([
      { path: 'body.id', message: 'Unknown field' },
    ]);
  });
});

describe('accountability case body', () => {
  const exemption = {
    cadreId: 'C1',
    kind: 'exemption',
    situationCodes: ['E3'],
    date: '2026-05-06',
    summary: '为企业先行代办审批，程序瑕疵',
  };

  it('takes E-codes for an exemption and A-codes for accountability, never mixed', () => {
    expect(errorsOf(createCaseBody, exemption)).toEqual([]);
    expect(
      errorsOf(createCaseBody, { ...exemption, kind: 'accountability', situationCodes: ['A1', 'A3'] }),
    ).toEqual([]);
    expect(errorsOf(createCaseBody, { ...exemption, situationCodes: ['E3', 'A1'] })).toEqual([
      {
        path: 'body.situationCodes',
        message: 'Exemption cases take codes E1–E8, accountability cases A1–A6',
      },
    ]);
  });

  it('refuses unknown, repeated or missing codes', () => {
    expect(errorsOf(createCaseBody, { ...exemption, situationCodes: ['E9'] })[0]?.path).toBe(
      'body.situationCodes.0',
    );
    expect(errorsOf(createCaseBody, { ...exemption, situationCodes: ['E1', 'E1'] })).toHaveLength(1);
    expect(errorsOf(createCaseBody, { ...exemption, situationCodes: [] })).toHaveLength(1);
  });

  it('defaults evidence to none and cannot be given a decision or a decider', () => {
    const parsed = parseWith(createCaseBody, exemption, 'body');
    expect(parsed.success && parsed.data).toMatchObject({ evidence: [] });
    expect(errorsOf(createCaseBody, { ...exemption, decidedBy: 'me', status: 'decided' })).toEqual([
      { path: 'body.decidedBy', message: 'Unknown field' },
      { path: 'body.status', message: 'Unknown field' },
    ]);
  });
});

describe('attendance body', () => {
  it('takes a cadre, or a named person of an enterprise', () => {
    expect(
      errorsOf(recordAttendanceBody, {
        attendees: [{ cadreId: 'C1' }, { enterpriseId: 'E1', name: '王总' }],
      }),
    ).toEqual([]);
    expect(errorsOf(recordAttendanceBody, { attendees: [{ enterpriseId: 'E1' }] })).toMatchObject([
      { path: 'body.attendees.0' },
    ]);
    expect(errorsOf(recordAttendanceBody, { attendees: [{ cadreId: 'C1', name: '王总' }] })).toHaveLength(1);
    expect(errorsOf(recordAttendanceBody, { attendees: [] })).toHaveLength(1);
  });

  it('refuses the same attendee twice in one request, telling persons of an enterprise apart by name', () => {
    const twice = {
      attendees: [
        { enterpriseId: 'E1', name: '王总' },
        { enterpriseId: 'E1', name: ' 王总 ' },
      ],
    };
    expect(errorsOf(recordAttendanceBody, twice)).toEqual([
      { path: 'body.attendees', message: 'Attendees must not repeat' },
    ]);
    expect(attendeeIdentity({ enterpriseId: 'E1', name: '王总' })).not.toBe(
      attendeeIdentity({ enterpriseId: 'E1', name: '李总' }),
    );
    expect(attendeeIdentity({ cadreId: 'C1' })).toBe('CADRE#C1');
  });
});

describe('expert bodies', () => {
  it('take sectors from the industry list and refuse an empty patch', () => {
    expect(
      errorsOf(createExpertBody, { name: '陈教授', profession: 'professor', fields: ['dyeing', 'dyeing'] }),
    ).toHaveLength(1);
    expect(errorsOf(createExpertBody, { name: '陈教授', profession: 'astrologer', fields: [] })).toHaveLength(
      1,
    );
    expect(errorsOf(updateExpertBody, {})).toHaveLength(1);
  });
});
