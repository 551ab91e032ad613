import type { PostingRuleSet } from './types';

const HUBEI_TARGETED_EXEMPTION = {
  employerTypes: ['public_institution' as const],
  employerProvinces: ['湖北'],
  specialRecruitment: true,
  because:
    'R-DIS-6: 湖北省事业单位可以面向湖北省高校的毕业生或湖北籍高校毕业生开展专项招聘 (S3:6485-6487; S3:2518-2520)',
};

const ORIGIN_SUBJECTS = ['湖北', '武汉', '鄂籍', '疫区', '疫情严重地区', '重点地区', '高风险地区'];

/**
 * The posting rules of the 2020 national and Chongqing notices (shared/domain/recruitment.md
 * §3.4). Rules marked EXTERNAL come from the "三严禁" notice outside the seed documents and are
 * shown as such to reviewers until verified.
 */
export const POSTING_RULES_2020: PostingRuleSet = {
  version: '2020.1',
  effectiveFrom: '2020-02-01',
  rules: [
    {
      id: 'R-DIS-1',
      code: 'POSITION_ORIGIN_DISCRIMINATION',
      severity: 'reject',
      label: 'SRC',
      citation: 'S3:2778-2784; S3:2524-2526; S3:3876-3878',
      explanation: {
        zh: '不得发布拒绝招录疫情严重地区劳动者的招聘信息，不得以来自疫情严重地区为由拒绝招用。',
        en: 'Postings may not refuse workers from severely affected areas such as Hubei, nor reject people for coming from there.',
      },
      detect: {
        kind: 'near',
        subjects: ORIGIN_SUBJECTS,
        triggers: [
          '不招',
          '谢绝',
          '勿扰',
          '拒绝',
          '除外',
          '限非',
          '不接受',
          '不考虑',
          '不予录用',
          '免谈',
          '不要',
        ],
        window: 8,
      },
      exemptWhen: HUBEI_TARGETED_EXEMPTION,
    },
    {
      id: 'R-DIS-6',
      code: 'POSITION_ORIGIN_TARGETING',
      severity: 'review',
      label: 'SRC',
      citation: 'S3:6485-6487; S3:2518-2520',
      explanation: {
        zh: '只有湖北省事业单位的专项招聘可以限定湖北籍或湖北高校毕业生；其他单位的此类限定需审核。',
        en: 'Only Hubei public institutions running a targeted recruitment may restrict a posting to Hubei graduates; elsewhere it goes to review.',
      },
      detect: {
        kind: 'near',
        subjects: ['湖北籍', '湖北省高校', '湖北高校', '武汉高校'],
        triggers: ['面向', '仅限', '只限', '限', '只招'],
        window: 4,
        // With an exclusion word nearby it is R-DIS-1's discrimination, not targeting.
        unless: ['不限', '勿扰', '不招', '谢绝', '拒绝', '除外', '不接受', '不考虑', '免谈', '不要'],
      },
      exemptWhen: HUBEI_TARGETED_EXEMPTION,
    },
    {
      id: 'R-DIS-4a-school',
      code: 'POSITION_ELITE_SCHOOL_ONLY',
      severity: 'reject',
      label: 'EXTERNAL',
      citation: 'S3:3872-3874 (三严禁, term only); 教育部办公厅 2013 notice (external, to verify)',
      explanation: {
        zh: '“三严禁”：严禁发布含有限定985高校、211高校等字样的招聘信息。',
        en: '"Three prohibitions": no posting may restrict applicants to 985/211 universities.',
      },
      detect: {
        kind: 'pattern',
        patterns: [
          '(仅限|只限|限定|限|只招|只要|必须是?|须为)[^。；;，,]{0,6}(985|211|双一流)',
          '(985|211|双一流)[^。；;，,]{0,8}(院校|高校|大学)?(毕业生?)?(以上|及以上|优先|才可|方可)',
        ],
      },
    },
    {
      id: 'R-DIS-4a-gender',
      code: 'POSITION_GENDER_RESTRICTION',
      severity: 'reject',
      label: 'EXTERNAL',
      citation: 'S3:3872-3874 (三严禁, term only); 《就业促进法》第二十七条 (external)',
      explanation: {
        zh: '“三严禁”：严禁发布有关性别的歧视性条款。',
        en: '"Three prohibitions": no posting may restrict or prefer applicants by gender.',
      },
      detect: {
        kind: 'pattern',
        patterns: ['(仅限|只限|限|只招|只要)(男|女)(性|生)?', '(男|女)(性|生)?优先'],
      },
    },
    {
      id: 'R-DIS-4a-hukou',
      code: 'POSITION_HUKOU_RESTRICTION',
      severity: 'reject',
      label: 'EXTERNAL',
      citation: 'S3:3872-3874 (三严禁, term only); 教育部办公厅 2013 notice (external, to verify)',
      explanation: {
        zh: '“三严禁”：严禁发布有关户籍的歧视性条款。',
        en: '"Three prohibitions": no posting may restrict applicants by household registration (户籍).',
      },
      detect: {
        kind: 'near',
        subjects: ['户籍', '户口'],
        triggers: ['仅限', '只限', '限', '只招', '须为', '须有', '必须是'],
        window: 6,
        unless: ['不限'],
      },
    },
    {
      id: 'R-QUAL-1',
      code: 'POSITION_CERTIFICATE_PRECONDITION',
      severity: 'reject',
      label: 'SRC',
      citation: 'S3:5536-5552 (reading it as covering all six certificates is INFERRED)',
      explanation: {
        zh: '2020年12月31日前，招用高校毕业生不得将教师、护士、渔业船员、执业兽医、演出经纪人员、专利代理师资格作为限制性条件（先上岗、再考证）。',
        en: 'Until 2020-12-31, graduate positions may not require teacher, nurse, fishing crew, veterinarian, performance broker or patent attorney certificates up front.',
      },
      detect: {
        kind: 'near',
        subjects: ['教师资格', '护士执业', '渔业船员', '执业兽医', '演出经纪', '专利代理师'],
        triggers: ['须', '必须', '需', '要求', '持有', '具有', '具备', '取得'],
        window: 6,
        unless: ['入职后', '上岗后'],
      },
      appliesWhen: { graduatePosition: true, submittedOnOrBefore: '2020-12-31' },
    },
    {
      id: 'R-SOE-1',
      code: 'POSITION_SOE_INTERNSHIP_PRECONDITION',
      severity: 'reject',
      label: 'SRC',
      citation: 'S3:2436-2438',
      explanation: {
        zh: '国有企业不得将本单位实习期限作为招聘入职的前提条件。',
        en: 'State-owned enterprises may not make an internship at the unit a precondition of hiring.',
      },
      detect: {
        kind: 'pattern',
        patterns: ['实习[^。；;]{0,10}(方可|才能|才可|后方可|后才)[^。；;]{0,2}(录用|入职|签约|聘用)'],
      },
      appliesWhen: { employerTypes: ['soe'] },
    },
  ],
};
