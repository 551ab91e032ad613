import type { AgencyPeriodInput, PlacementFacts } from '../input';
import { candidatePlacements } from './placements';

/**
 * The minimal input that decides one line, stored with the line so it can be replayed
 * (replayLine). A slice evaluated on its own gives the same line as the whole input did.
 */

/**
 * A placement line depends on its placement, the agency's other placements in the period for the
 * same worker (repeat submissions, the per-worker cap), that worker's facts, 社保 rows and ledger
 * entries, and the employers involved.
 */
export function placementSlice(input: AgencyPeriodInput, placementId: string): AgencyPeriodInput {
  const target = input.placements.find((p) => p.placementId === placementId);
  if (!target) throw new RangeError(`no placement ${placementId} in the input`);
  const workerId = target.workerId;
  const placements = candidatePlacements(input).filter((p) => p.workerId === workerId);
  if (!placements.includes(target)) placements.push(target);
  const employerIds = new Set(placements.flatMap((p) => [p.employerId, p.contract.employerId]));
  return {
    agency: input.agency,
    period: { ...input.period, activitySettlementDate: null },
    asOf: input.asOf,
    placements,
    workers: input.workers.filter((w) => w.workerId === workerId),
    employers: input.employers.filter((e) => employerIds.has(e.employerId)),
    socialInsurance: input.socialInsurance.filter((r) => r.workerId === workerId),
    activity: { a3: [], a4: [], a5: [] },
    resumes: [],
    ledger: {
      claims: input.ledger.claims.filter((c) => c.workerId === workerId),
      paidPlacements: input.ledger.paidPlacements.filter((c) => c.workerId === workerId),
    },
  };
}

/**
 * The activity lines depend on this agency's rows, every agency's A3 selections of the same
 * employers (first-3 rule, by credit code), those employers, and the downloaded résumés.
 */
export function activitySlice(input: AgencyPeriodInput): AgencyPeriodInput {
  const id = input.agency.agencyId;
  const creditOf = new Map(input.employers.map((e) => [e.employerId, e.creditCode]));
  const key = (employerId: string) => creditOf.get(employerId) ?? `?${employerId}`;
  const myA3 = new Set(input.activity.a3.filter((r) => r.agencyId === id).map((r) => key(r.employerId)));
  const a3 = input.activity.a3.filter((r) => myA3.has(key(r.employerId)));
  const a4 = input.activity.a4.filter((r) => r.agencyId === id);
  const a5 = input.activity.a5.filter((r) => r.agencyId === id);
  const employerIds = new Set([...a3, ...a4, ...a5].map((r) => r.employerId));
  const resumeIds = new Set(a5.map((r) => r.resumeId));
  return {
    agency: input.agency,
    period: input.period,
    asOf: input.asOf,
    placements: [],
    workers: [],
    employers: input.employers.filter((e) => employerIds.has(e.employerId)),
    socialInsurance: [],
    activity: { a3, a4, a5 },
    resumes: input.resumes.filter((r) => resumeIds.has(r.resumeId)),
    ledger: { claims: [], paidPlacements: [] },
  };
}

/**
 * The slices of many lines of one input (a chunk's lines): the input is grouped by worker once,
 * so each placement line's slice is a few map reads, not scans of the whole input (n lines:
 * O(n), where sliceForLine for each is O(n²)). `forLine` gives what sliceForLine gives: the same
 * values, in the same order. The slice's own objects are written with their keys in sorted order,
 * so a slice of an input whose objects have sorted keys serialises to canonical JSON.
 */
export class SliceIndex {
  private readonly placementById = new Map<string, PlacementFacts>();
  private readonly candidates: Map<string, PlacementFacts[]>;
  private readonly workers: Map<string, AgencyPeriodInput['workers']>;
  private readonly socialInsurance: Map<string, AgencyPeriodInput['socialInsurance']>;
  private readonly claims: Map<string, AgencyPeriodInput['ledger']['claims']>;
  private readonly paid: Map<string, AgencyPeriodInput['ledger']['paidPlacements']>;
  /** Each employer id's positions in input.employers (a slice keeps the input's order). */
  private readonly employerAt = new Map<string, number[]>();
  private readonly period: AgencyPeriodInput['period'];
  private activity?: AgencyPeriodInput;

  constructor(private readonly input: AgencyPeriodInput) {
    for (const p of input.placements)
      if (!this.placementById.has(p.placementId)) this.placementById.set(p.placementId, p);
    this.candidates = byWorker(candidatePlacements(input));
    this.workers = byWorker(input.workers);
    this.socialInsurance = byWorker(input.socialInsurance);
    this.claims = byWorker(input.ledger.claims);
    this.paid = byWorker(input.ledger.paidPlacements);
    input.employers.forEach((e, i) => {
      const at = this.employerAt.get(e.employerId);
      if (at) at.push(i);
      else this.employerAt.set(e.employerId, [i]);
    });
    const period = { ...input.period, activitySettlementDate: null };
    this.period = Object.fromEntries(
      Object.entries(period).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ) as typeof period;
  }

  forLine(lineKey: string): AgencyPeriodInput {
    const parsed = parseLineKey(lineKey);
    if (parsed.kind === 'placement') return this.placement(parsed.placementId);
    if (parsed.agencyId !== this.input.agency.agencyId)
      throw new RangeError(`line ${lineKey} is not of agency ${this.input.agency.agencyId}`);
    if (!this.activity) {
      const a = activitySlice(this.input);
      this.activity = {
        activity: { a3: a.activity.a3, a4: a.activity.a4, a5: a.activity.a5 },
        agency: a.agency,
        asOf: a.asOf,
        employers: a.employers,
        ledger: { claims: a.ledger.claims, paidPlacements: a.ledger.paidPlacements },
        period: a.period,
        placements: a.placements,
        resumes: a.resumes,
        socialInsurance: a.socialInsurance,
        workers: a.workers,
      };
    }
    return this.activity;
  }

  /** placementSlice, from the groups. */
  private placement(placementId: string): AgencyPeriodInput {
    const target = this.placementById.get(placementId);
    if (!target) throw new RangeError(`no placement ${placementId} in the input`);
    const workerId = target.workerId;
    const placements = [...(this.candidates.get(workerId) ?? [])];
    if (!placements.includes(target)) placements.push(target);
    const at = new Set<number>();
    for (const p of placements)
      for (const id of [p.employerId, p.contract.employerId])
        for (const i of this.employerAt.get(id) ?? []) at.add(i);
    const input = this.input;
    return {
      activity: { a3: [], a4: [], a5: [] },
      agency: input.agency,
      asOf: input.asOf,
      employers: [...at].sort((a, b) => a - b).map((i) => input.employers[i]),
      ledger: {
        claims: [...(this.claims.get(workerId) ?? [])],
        paidPlacements: [...(this.paid.get(workerId) ?? [])],
      },
      period: this.period,
      placements,
      resumes: [],
      socialInsurance: [...(this.socialInsurance.get(workerId) ?? [])],
      workers: [...(this.workers.get(workerId) ?? [])],
    };
  }
}

/** Rows grouped by worker id, each group in the rows' order. */
function byWorker<T extends { workerId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.workerId);
    if (group) group.push(row);
    else groups.set(row.workerId, [row]);
  }
  return groups;
}

/** `P:<placementId>[:<scheme>]` → placementSlice; `A3:|A4:|A5:<agencyId>` → activitySlice. */
export function sliceForLine(input: AgencyPeriodInput, lineKey: string): AgencyPeriodInput {
  const parsed = parseLineKey(lineKey);
  if (parsed.kind === 'placement') return placementSlice(input, parsed.placementId);
  if (parsed.agencyId !== input.agency.agencyId)
    throw new RangeError(`line ${lineKey} is not of agency ${input.agency.agencyId}`);
  return activitySlice(input);
}

export type ParsedLineKey =
  | { kind: 'placement'; placementId: string; scheme: string | null }
  | { kind: 'activity'; scheme: 'A3' | 'A4' | 'A5'; agencyId: string };

export function parseLineKey(lineKey: string): ParsedLineKey {
  const m = /^(P|A3|A4|A5):(.+)$/.exec(lineKey);
  if (!m) throw new RangeError(`not a line key: ${lineKey}`);
  if (m[1] !== 'P') return { kind: 'activity', scheme: m[1] as 'A3' | 'A4' | 'A5', agencyId: m[2] };
  // Placement ids may contain ':'; a stacked line ends in ':<scheme>' (A1_BASIC, A2_GRAD...).
  const stacked = /^(.*):(A\d_[A-Z_]+)$/.exec(m[2]);
  return stacked
    ? { kind: 'placement', placementId: stacked[1], scheme: stacked[2] }
    : { kind: 'placement', placementId: m[2], scheme: null };
}
