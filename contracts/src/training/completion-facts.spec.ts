import { describe, expect, it } from 'vitest';
import {
  certificateCodeFromBytes,
  normalizeCertificateCode,
  CERTIFICATE_CODE_ALPHABET,
} from './certificate-code';
import { evaluateCompletion, CompletionInput } from './completion';
import { canonicalJson, completionDecisionKeySource, explainCompletionReason } from './completion-facts';

const input: CompletionInput = {
  now: '2020-06-01T00:00:00Z',
  trainee: { realNameVerified: true },
  class: {
    id: 'c1',
    jurisdiction: 'national',
    planApproved: true,
    approvedStart: '2020-03-01',
    approvedEnd: '2020-05-31',
    course: { kind: 'skills', modules: [{ name: '理论', kind: 'theory', hours: 1, delivery: 'online' }] },
    catalogue: { courseListed: true, institutionListed: true, platformSelected: true },
  },
  otherClasses: [],
  sessions: [
    session('s2', '2020-03-02T02:00:00Z', '2020-03-02T03:00:00Z'),
    session('s1', '2020-03-02T01:00:00Z', '2020-03-02T02:00:00Z'),
  ],
  offlineAttendance: [],
  signedIn: true,
  hasQaOrTest: true,
  attendanceRatio: 1,
  examScore: 90,
  appraisalSuspended: false,
};

function session(id: string, start: string, end: string): CompletionInput['sessions'][number] {
  return {
    id,
    classId: 'c1',
    module: '理论',
    source: 'server',
    start,
    end,
    faceVerifiedAtStart: true,
    hasRetainedMedia: true,
    checks: [],
    idle: [],
  };
}

const key = (i: CompletionInput, version = 'v1') =>
  completionDecisionKeySource(i, version, evaluateCompletion(i, undefined));

describe('the completion decision key (what makes a re-run add nothing)', () => {
  it('is the same for the same facts evaluated at another instant', () => {
    expect(key({ ...input, now: '2020-07-01T00:00:00Z' })).toBe(key(input));
  });

  it('does not depend on key order or on the order the sessions were loaded in', () => {
    const reordered = { ...input, sessions: [...input.sessions].reverse() };
    expect(key(reordered)).toBe(key(input));
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('changes when a fact, the policy version or the outcome changes', () => {
    expect(key({ ...input, examScore: 50 })).not.toBe(key(input));
    expect(key(input, 'v2')).not.toBe(key(input));
    // Same facts, but the evaluation instant makes a session lie in the future: a different decision.
    expect(key({ ...input, now: '2020-03-02T02:30:00Z' })).not.toBe(key(input));
  });
});

describe('certificate verification codes', () => {
  it('are 12 Crockford base32 characters in three groups, from any random bytes', () => {
    const code = certificateCodeFromBytes(Uint8Array.from({ length: 12 }, (_, i) => i * 37));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(CERTIFICATE_CODE_ALPHABET).toHaveLength(32);
    expect(certificateCodeFromBytes(new Uint8Array(12).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ');
  });

  it('survive what people do when typing them: case, spaces, dashes, O for 0, I or L for 1', () => {
    expect(normalizeCertificateCode(' 7q2m xk4d-9trb ')).toBe('7Q2M-XK4D-9TRB');
    expect(normalizeCertificateCode('O0IL-AAAA-BBBB')).toBe('0011-AAAA-BBBB');
    expect(normalizeCertificateCode('7Q2M-XK4D-9TR')).toBeNull();
    expect(normalizeCertificateCode('7Q2M-XK4D-9TRU')).toBeNull();
    expect(normalizeCertificateCode('<script>')).toBeNull();
  });
});

describe('reason explanations', () => {
  it('say how many 学时 are still missing', () => {
    const hours = {
      onlineTheory: 31,
      onlinePractical: 4,
      offlinePractical: 8,
      required: { theory: 40, practical: 20, offlineOnlyPractical: 8 },
    };
    expect(explainCompletionReason('THEORY_HOURS_SHORT', hours)).toContain('还差 9 学时');
    expect(explainCompletionReason('PRACTICAL_HOURS_SHORT', hours)).toContain('还差 8 学时');
    expect(explainCompletionReason('NO_QA_TEST_RECORD', hours)).toBe('没有答疑或测试记录。');
  });
});
