import { describe, expect, it } from 'vitest';
import { checkPosting } from './check-posting';
import { POSTING_RULES_2020 } from './ruleset-2020';
import type { PostingContext, PostingText } from './types';

const chongqingEnterprise: PostingContext = {
  employerType: 'enterprise',
  employerProvince: '重庆',
  specialRecruitment: false,
  graduatePosition: true,
  submittedOn: '2020-05-10',
};
const hubeiInstitutionSpecial: PostingContext = {
  ...chongqingEnterprise,
  employerType: 'public_institution',
  employerProvince: '湖北',
  specialRecruitment: true,
};
const posting = (requirements: string, title = '行政助理'): PostingText => ({ title, requirements });
const check = (text: PostingText, context = chongqingEnterprise) =>
  checkPosting(text, context, POSTING_RULES_2020);
const codes = (text: PostingText, context = chongqingEnterprise) =>
  check(text, context).findings.map((f) => f.code);

describe('AS-16: discrimination against Hubei and severely affected areas', () => {
  it.each([
    ['湖北籍勿扰', '湖北籍勿扰'],
    ['不招湖北人员', '不招湖北'],
    ['近期去过疫区者谢绝', '疫区者谢绝'],
  ])('rejects "%s" and shows the words that triggered it ("%s")', (phrase, words) => {
    const requirements = `本科及以上学历，${phrase}。`;
    const result = check(posting(requirements));
    expect(result.verdict).toBe('reject');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'R-DIS-1',
        code: 'POSITION_ORIGIN_DISCRIMINATION',
        field: 'requirements',
        matched: words,
        citation: expect.stringContaining('S3:2778-2784'),
      }),
    ]);
    const { start, end } = result.findings[0];
    expect(requirements.slice(start, end)).toBe(words);
  });

  it('does not tie words across clauses', () => {
    expect(codes(posting('工作地点在武汉分公司。不接受实习生。'))).toEqual([]);
  });
});

describe('AS-17: positive targeting by Hubei public institutions', () => {
  const text = posting('面向湖北籍高校毕业生开展专项招聘', '综合管理岗');

  it('passes the origin filter for a Hubei 事业单位 running a 专项招聘, and says why', () => {
    const result = check(text, hubeiInstitutionSpecial);
    expect(result.verdict).toBe('clean');
    expect(result.exemptions).toEqual([
      expect.objectContaining({ ruleId: 'R-DIS-6', because: expect.stringContaining('S3:6485-6487') }),
    ]);
  });

  it('holds the same text from a Chongqing enterprise for review', () => {
    const result = check(text);
    expect(result.verdict).toBe('review');
    expect(result.findings.map((f) => f.code)).toEqual(['POSITION_ORIGIN_TARGETING']);
  });
});

describe('AS-19: SOE internship precondition', () => {
  const text = posting('须在本单位实习满3个月方可录用');

  it('flags a state-owned enterprise that makes an internship the precondition', () => {
    expect(codes(text, { ...chongqingEnterprise, employerType: 'soe' })).toEqual([
      'POSITION_SOE_INTERNSHIP_PRECONDITION',
    ]);
  });

  it('leaves the rule to SOEs, as the source does', () => {
    expect(codes(text)).toEqual([]);
  });
});

describe('AS-20: "三严禁" pedigree and gender restrictions (external rule, labelled so)', () => {
  it.each([
    ['仅限985/211院校', 'POSITION_ELITE_SCHOOL_ONLY'],
    ['985/211院校优先', 'POSITION_ELITE_SCHOOL_ONLY'],
    ['限男性', 'POSITION_GENDER_RESTRICTION'],
    ['女性优先', 'POSITION_GENDER_RESTRICTION'],
    ['限本市户籍', 'POSITION_HUKOU_RESTRICTION'],
    ['须有重庆户口', 'POSITION_HUKOU_RESTRICTION'],
  ])('rejects "%s" as %s', (phrase, code) => {
    const result = check(posting(phrase));
    expect(result.verdict).toBe('reject');
    expect(result.findings).toEqual([
      expect.objectContaining({ code, label: 'EXTERNAL', matched: expect.any(String) }),
    ]);
  });

  it.each(['男女不限', '户籍不限', '户口所在地不限', '需提供户口本复印件', '211国道旁办公'])(
    'accepts "%s"',
    (phrase) => {
      expect(codes(posting(phrase))).toEqual([]);
    },
  );
});

describe('R-QUAL-1: 先上岗、再考证 for graduates until 2020-12-31', () => {
  const text = posting('须持有教师资格证', '小学语文教师');

  it('rejects a graduate position that requires a teacher certificate in 2020', () => {
    expect(codes(text)).toEqual(['POSITION_CERTIFICATE_PRECONDITION']);
  });

  it('no longer applies from 2021, nor to non-graduate positions', () => {
    expect(codes(text, { ...chongqingEnterprise, submittedOn: '2021-01-01' })).toEqual([]);
    expect(codes(text, { ...chongqingEnterprise, graduatePosition: false })).toEqual([]);
  });

  it('accepts a certificate earned after starting work', () => {
    expect(codes(posting('入职后取得教师资格证即可'))).toEqual([]);
  });
});

describe('the check as a whole', () => {
  it('is clean for an ordinary posting and names the rule-set version it used', () => {
    const result = check({
      title: 'Java开发工程师',
      requirements: '本科及以上学历，熟悉Spring，男女不限',
      benefits: '五险一金，双休',
    });
    expect(result).toEqual({ ruleSetVersion: '2020.1', findings: [], exemptions: [], verdict: 'clean' });
  });

  it('reports every rule a text breaks, field by field', () => {
    const result = check({ title: '销售代表（限男性）', requirements: '湖北籍勿扰；仅限985院校' });
    expect(result.findings.map((f) => [f.field, f.code])).toEqual([
      ['requirements', 'POSITION_ORIGIN_DISCRIMINATION'],
      ['requirements', 'POSITION_ELITE_SCHOOL_ONLY'],
      ['title', 'POSITION_GENDER_RESTRICTION'],
    ]);
  });
});

describe('overlapping rules', () => {
  it('an exclusion next to a gender restriction is discrimination only, not also targeting', () => {
    const check = checkPosting(
      { title: '行政助理', requirements: '限女性，湖北籍勿扰' },
      {
        employerType: 'enterprise',
        employerProvince: '重庆市',
        specialRecruitment: false,
        graduatePosition: true,
        submittedOn: '2020-03-05',
      },
      POSTING_RULES_2020,
    );
    expect(check.findings.map((f) => f.code).sort()).toEqual([
      'POSITION_GENDER_RESTRICTION',
      'POSITION_ORIGIN_DISCRIMINATION',
    ]);
  });
});
