/**
 * Every reason code Algorithm 1 (subsidies.md §5.3) can put on a line, with the sentence the UI
 * shows (Chinese first). Codes are stable: stored lines and the claims UI refer to them.
 */
export interface ReasonCodeInfo {
  zh: string;
  en: string;
  /** The engine status a line with this code ends in (input-detail codes travel in reasonDetails). */
  status: 'PENDING_MATURITY' | 'HELD' | 'REJECTED' | 'DETAIL';
}

export const AGENCY_SUBSIDY_REASON_CODES = {
  // Step 0: agency gate (INFERRED gates, 003:L5220-5226, L5253-5257)
  AGENCY_NOT_LICENSED: {
    zh: '机构未取得人力资源服务许可或备案，不予补贴。',
    en: 'The agency holds no HR service licence or filing.',
    status: 'REJECTED',
  },
  AGENCY_BLACKLISTED: {
    zh: '机构已列入黑名单，不予补贴。',
    en: 'The agency is blacklisted.',
    status: 'REJECTED',
  },
  // Step 1a: bad input (every detail code below is listed in reasonDetails)
  INVALID_INPUT: {
    zh: '申报数据有误，详见明细代码。',
    en: 'The claim data are invalid; see the detail codes.',
    status: 'REJECTED',
  },
  FEE_NEGATIVE_OR_MISSING: {
    zh: '向劳动者收取的费用缺失或为负数。',
    en: 'The fee charged to the worker is missing or negative.',
    status: 'DETAIL',
  },
  FEE_IMPLAUSIBLE: {
    zh: '向劳动者收取的费用超过合理上限（10万元），疑为录入错误。',
    en: 'The fee charged to the worker exceeds the plausibility bound (100,000 yuan).',
    status: 'DETAIL',
  },
  CONTRACT_DATES_MISSING: {
    zh: '劳动合同缺少签订日期或起始日期。',
    en: 'The contract has no signing or start date.',
    status: 'DETAIL',
  },
  CONTRACT_END_BEFORE_START: {
    zh: '劳动合同终止日期早于起始日期（或固定期限合同缺少终止日期）。',
    en: 'The contract ends before it starts (or a fixed-term contract has no end date).',
    status: 'DETAIL',
  },
  REFERRAL_AFTER_CONTRACT: {
    zh: '推荐日期晚于合同签订日期，签约后无法再"介绍"。',
    en: 'The referral is dated after the contract was signed.',
    status: 'DETAIL',
  },
  CLAIM_BEFORE_REFERRAL: {
    zh: '申报日期早于推荐日期。',
    en: 'The claim is dated before the referral.',
    status: 'DETAIL',
  },
  CLAIM_IN_FUTURE: {
    zh: '申报日期晚于计算日（未来日期）。',
    en: 'The claim date lies in the future.',
    status: 'DETAIL',
  },
  CONTRACT_SIGNED_IN_FUTURE: {
    zh: '合同签订日期晚于计算日（未来日期）。',
    en: 'The contract signing date lies in the future.',
    status: 'DETAIL',
  },
  DUPLICATE_SI_MONTH_ROWS: {
    zh: '同一月份的社保缴费记录重复。',
    en: 'The same social-insurance month appears more than once.',
    status: 'DETAIL',
  },
  SI_MONTH_IN_FUTURE: {
    zh: '社保缴费记录的月份晚于计算日所在月份。',
    en: 'A social-insurance month lies in the future.',
    status: 'DETAIL',
  },
  WORKER_FACTS_MISSING: {
    zh: '缺少劳动者信息。',
    en: 'The worker facts are missing.',
    status: 'DETAIL',
  },
  EMPLOYER_FACTS_MISSING: {
    zh: '缺少用人单位信息。',
    en: 'The employer facts are missing.',
    status: 'DETAIL',
  },
  // Step 1: placement rules
  CONTRACT_NOT_WITH_TARGET_EMPLOYER: {
    zh: '劳动合同未与被介绍的用人单位签订（如劳务派遣），不属于介绍就业。',
    en: 'The labour contract is not with the employer the worker was introduced to (e.g. dispatch).',
    status: 'REJECTED',
  },
  REHIRE_NOT_A_PLACEMENT: {
    zh: '劳动者推荐前12个月内曾在该单位参保，属于重新录用，不视为介绍就业。',
    en: 'The worker was insured with this employer within the look-back period: a re-hire, not a placement.',
    status: 'REJECTED',
  },
  TASK_BASED_CONTRACT_REVIEW: {
    zh: '以完成一定工作任务为期限的合同无法计算期限，需人工审核。',
    en: 'A task-based contract has no computable term; a reviewer decides.',
    status: 'HELD',
  },
  CONTRACT_SHORTER_THAN_1_YEAR: {
    zh: '劳动合同期限不满1年。',
    en: 'The contract term is shorter than one year.',
    status: 'REJECTED',
  },
  PENDING_MATURITY: {
    zh: '社保缴费尚不满6个月但仍在职，待满期后重新计算。',
    en: 'Fewer than six insured months so far but still employed: re-evaluated later.',
    status: 'PENDING_MATURITY',
  },
  SI_LESS_THAN_6_MONTHS: {
    zh: '社保缴费不满6个月且已离职。',
    en: 'Fewer than six insured months and the job has ended.',
    status: 'REJECTED',
  },
  NO_SCHEME_MATCHED: {
    zh: '不符合任何补贴项目的条件（重点企业、时间窗口、人员类别、离校两年内登记失业、免费介绍等）。',
    en: 'No subsidy scheme applies (key enterprise, window, worker class, graduate conditions, free service...).',
    status: 'REJECTED',
  },
  POLICY_VALUE_MISSING: {
    zh: '所需的政策参数尚未设定（如疫情结束日期），需人工处理，系统不作推测。',
    en: 'A policy value the rule needs is not set (e.g. the epidemic end date); handled manually, never guessed.',
    status: 'HELD',
  },
  CLAIM_AFTER_DEADLINE: {
    zh: '超过申报截止日期。',
    en: 'The claim was filed after the deadline.',
    status: 'REJECTED',
  },
  // Step 2: de-duplication
  DUPLICATE_SUBMISSION: {
    zh: '同一机构重复申报同一劳动者同一合同，仅保留最早的申报。',
    en: 'The agency submitted the same worker and contract more than once; the earliest submission is kept.',
    status: 'REJECTED',
  },
  DUPLICATE_CLAIM_OTHER_AGENCY_WINS: {
    zh: '其他机构对同一劳动者同一合同的推荐（已核实）更早，由其享受补贴。',
    en: 'Another agency has the earlier verified referral for this worker and contract.',
    status: 'REJECTED',
  },
  DUPLICATE_NEEDS_REVIEW: {
    zh: '多家机构申报同一劳动者同一合同且无法自动判定（推荐日期相同或未核实），需人工审核。',
    en: 'Several agencies claim the same worker and contract and no rule decides (same or unverified referral dates).',
    status: 'HELD',
  },
  WORKER_ALREADY_SUBSIDISED: {
    zh: '该劳动者已享受过介绍就业补贴，同一人不重复补贴。',
    en: 'This worker has already been subsidised once; a worker is never paid twice.',
    status: 'REJECTED',
  },
  WORKER_CAP_NEEDS_REVIEW: {
    zh: '同一劳动者在本期有多条符合条件的介绍记录，超过每人补贴次数上限，需人工审核。',
    en: 'The same worker has several eligible placements in this period, above the per-worker cap.',
    status: 'HELD',
  },
  // Step 3: activities (A3-A5)
  SETTLEMENT_AFTER_DEADLINE: {
    zh: '结算日期晚于疫情结束后3个月的结算期限。',
    en: 'The settlement date is after the settlement deadline (epidemic end + 3 months).',
    status: 'REJECTED',
  },
  A3_AGENCY_NOT_APPROVED: {
    zh: '机构未获网络双选活动参与资格。',
    en: 'The agency was not approved for the online job fair.',
    status: 'REJECTED',
  },
  A3_REGISTERED_LATE: {
    zh: '机构报名晚于2020年3月4日的截止时间。',
    en: 'The agency registered after the deadline (2020-03-04).',
    status: 'REJECTED',
  },
  A4_AGENCY_NOT_LISTED: {
    zh: '机构不在市里公布的线上引才机构名单内。',
    en: 'The agency is not on the published list of the online talent campaign.',
    status: 'REJECTED',
  },
  NOTHING_COUNTED: {
    zh: '没有可计入结算的服务单位或简历下载。',
    en: 'No served employer or download counts for settlement.',
    status: 'REJECTED',
  },
  INVALID_PRICE: {
    zh: '简历下载价格为负数，该条记录不计入。',
    en: 'A download has a negative price and is not counted.',
    status: 'DETAIL',
  },
  DOWNLOAD_IN_FUTURE: {
    zh: '简历下载日期晚于计算日，该条记录不计入。',
    en: 'A download is dated in the future and is not counted.',
    status: 'DETAIL',
  },
} as const satisfies Record<string, ReasonCodeInfo>;

export type AgencySubsidyReasonCode = keyof typeof AGENCY_SUBSIDY_REASON_CODES;

/** The codes as a list, for the UI's legend. */
export const AGENCY_SUBSIDY_REASON_CODE_LIST: ({ code: AgencySubsidyReasonCode } & ReasonCodeInfo)[] = (
  Object.keys(AGENCY_SUBSIDY_REASON_CODES) as AgencySubsidyReasonCode[]
).map((code) => ({
  code,
  ...AGENCY_SUBSIDY_REASON_CODES[code],
}));
