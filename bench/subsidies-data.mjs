// Deterministic data for `npm run bench -- subsidies`: N placements spread over many agencies, each
// agency's period input (AgencyPeriodInput, defaults filled) generated on demand from its index, so
// 1,000,000 placements never sit in memory at once and every run (and the flow leg) sees the same data.
//
// Per agency (default 100 placements): one worker per placement with 3-9 社保 months, a pool of 30
// employers (a third key enterprises, some 事业单位), ~10% graduates via the 双选 activity, ~3% bad
// input, ~5% of the contracts also claimed by the neighbouring agency (ledger), a few paid workers,
// and activity rows (A3 selections shared with the neighbours, A4 services, A5 downloads).

/** The policy the bench evaluates under: the defaults with TC0's test dates (subsidies.md §8). */
export function benchPolicy(defaultPolicy) {
  return {
    version: 'bench-tc0',
    values: {
      ...defaultPolicy.values,
      epidemicEndDate: '2020-06-30',
      cqLevel1ResponseEndDate: '2020-03-10',
    },
  };
}

export function datasetShape({ placements, perAgency }) {
  const agencies = Math.ceil(placements / perAgency);
  return { placements, perAgency, agencies };
}

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');
const month = (m) => `2020-${pad(m)}`;
const CATEGORIES = ['MIGRANT_WORKER', 'REGISTERED_UNEMPLOYED', 'EMPLOYMENT_DIFFICULTY', 'REGISTERED_POOR'];

function agencyId(i) {
  return `ag${i}`;
}

/** The input of agency `index` (0-based) holding placements [index*perAgency, min(N, ...)). */
export function agencyInput(index, { placements: total, perAgency }) {
  const random = rng(0x5eed + index * 7919);
  const pick = (arr) => arr[Math.floor(random() * arr.length)];
  const id = agencyId(index);
  const first = index * perAgency;
  const count = Math.min(perAgency, total - first);

  const employers = [];
  for (let e = 0; e < 30; e++) {
    const employerId = `${id}-e${e}`;
    employers.push({
      employerId,
      creditCode: `9150${String(index).padStart(8, '0')}${pad(e)}XX`,
      orgType: e % 10 === 9 ? 'PUBLIC_INSTITUTION' : 'ENTERPRISE',
      keyEnterprisePeriods: e % 3 === 0 ? [{ from: '2020-01-01', to: null }] : [],
      registeredAndNotDisqualified: e % 17 !== 5,
    });
  }

  const placementsOut = [];
  const workers = [];
  const socialInsurance = [];
  const claims = [];
  const paidPlacements = [];
  for (let k = 0; k < count; k++) {
    const g = first + k;
    const workerId = `w${g}`;
    const employer = pick(employers);
    const graduate = random() < 0.1;
    const signDay = 1 + Math.floor(random() * 9); // 2020-03-01..09: mostly inside the A1 window
    const signDate = `2020-03-${pad(signDay)}`;
    const referralDate = graduate ? '2020-03-05' : `2020-02-${pad(22 + Math.floor(random() * 6))}`;
    const months = 4 + Math.floor(random() * 6); // 4..9 months from 2020-03
    const left = random() < 0.15; // left the job: no row for August
    const bad = random() < 0.03;
    const placementId = `p${g}`;
    const contractId = `c${g}`;
    placementsOut.push({
      placementId,
      agencyId: id,
      workerId,
      employerId: employer.employerId,
      referralDate,
      referralVerified: random() > 0.02,
      channel: graduate ? 'A3_ACTIVITY' : 'OTHER',
      feeChargedToWorkerFen: bad ? -100 : random() < 0.1 ? 20_000 : 0,
      contract: {
        contractId,
        employerId: employer.employerId,
        signDate: graduate ? '2020-03-06' : signDate,
        startDate: graduate ? '2020-03-06' : signDate,
        endDate: random() < 0.1 ? '2020-12-31' : '2022-03-31',
        openEnded: false,
        taskBased: random() < 0.01,
      },
      claimDate: `2020-09-${pad(1 + Math.floor(random() * 20))}`,
      submittedAt: null,
    });
    workers.push({
      workerId,
      categories: graduate ? ['COLLEGE_GRAD', 'REGISTERED_UNEMPLOYED'] : [pick(CATEGORIES)],
      categoryEvidence: [],
      schoolLeaveDate: graduate ? '2019-06-30' : null,
      unemploymentRegistrationDate: graduate ? '2019-09-01' : null,
    });
    for (let m = 3; m < 3 + months && m <= 8; m++) {
      if (left && m === 8) break;
      socialInsurance.push({ workerId, employerId: employer.employerId, month: month(m), status: 'PAID' });
    }
    // ~5%: the neighbouring agency claims the same contract (earlier, later or the same day).
    if (random() < 0.05) {
      const rivalDay = 20 + Math.floor(random() * 10);
      claims.push({
        agencyId: agencyId(index + 1),
        placementId: `r${g}`,
        workerId,
        contractId,
        referralDate: `2020-02-${pad(Math.min(rivalDay, 29))}`,
        referralVerified: true,
      });
    }
    // ~1%: the worker was already paid for an earlier placement.
    if (random() < 0.01)
      paidPlacements.push({
        workerId,
        contractId: `old${g}`,
        agencyId: agencyId(index + 2),
        placementId: `old${g}`,
      });
  }

  // Activities: A3 selections of 20 employers, each also chosen by up to 3 neighbouring agencies.
  const a3 = [];
  for (let e = 0; e < 20; e++) {
    const employerId = employers[e].employerId;
    const others = Math.floor(random() * 4);
    for (let o = 0; o < others; o++)
      a3.push({
        employerId,
        agencyId: agencyId(index + 1 + o),
        selectedAt: `2020-03-05T0${o}:00:00+08:00`,
        served: true,
      });
    a3.push({
      employerId,
      agencyId: id,
      selectedAt: `2020-03-05T0${Math.floor(random() * 6)}:30:00+08:00`,
      served: random() < 0.9,
    });
  }
  const a4 = employers
    .slice(0, 10)
    .map((e) => ({ employerId: e.employerId, agencyId: id, served: random() < 0.8 }));
  const resumes = [];
  const a5 = [];
  for (let d = 0; d < 20; d++) {
    const resumeId = `${id}-r${d}`;
    resumes.push({
      resumeId,
      offeredAnnualSalary: 80_000 + Math.floor(random() * 100_000),
      employerRegion: pick(['MAIN_CITY', 'NORTHEAST_SOUTHEAST', 'OTHER']),
      degree: pick(['PHD', 'MASTER', 'BACHELOR', 'COLLEGE']),
      titleAssociateSeniorOrAbove: false,
      skillGradeSeniorTechnicianOrAbove: false,
      employerIsMunicipalUnivHospResearch: random() < 0.1,
    });
    a5.push({
      downloadId: `${id}-d${d}`,
      employerId: pick(employers).employerId,
      agencyId: id,
      resumeId,
      listPriceFen: pick([1_000, 1_500, 2_000, 3_000]),
      downloadedAt: `2020-0${4 + Math.floor(random() * 5)}-15`,
      countedByYingcai: random() < 0.95,
    });
  }

  return {
    agency: {
      agencyId: id,
      creditCode: `9150AG${String(index).padStart(10, '0')}`,
      licenceStatus: index % 97 === 13 ? 'NONE' : 'LICENSED',
      blacklisted: index % 101 === 7,
      district: null,
      a3ApprovedOn: index % 5 === 0 ? null : '2020-03-04',
      a3RegisteredOn: index % 5 === 0 ? null : '2020-03-03',
      a4Listed: index % 4 !== 0,
    },
    period: { from: '2020-09-01', to: '2020-09-30', activitySettlementDate: '2020-09-15' },
    asOf: '2020-09-30',
    placements: placementsOut,
    workers,
    employers,
    socialInsurance,
    activity: { a3, a4, a5 },
    resumes,
    ledger: { claims, paidPlacements },
  };
}

/** Every agency's input, in order. */
export function* agencyInputs(opts) {
  const { agencies } = datasetShape(opts);
  for (let i = 0; i < agencies; i++) yield agencyInput(i, opts);
}
