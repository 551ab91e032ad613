import {
  EDUCATION_LEVELS,
  type EducationLevel,
  UNIT_TYPES,
  type UnitType,
} from '@platform/contracts/fairs/catalog';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { PositionSearchQuery } from '@/api/search';

export const SORTS = ['relevance', 'newest', 'salary'] as const;
export type Sort = (typeof SORTS)[number];

/** Everything a search is, kept in the URL so it can be shared and reloaded. */
export interface SearchState {
  q: string;
  district: string[];
  industry: string[];
  education: EducationLevel[];
  unitType: UnitType[];
  salaryFrom?: number;
  maxExperienceYears?: number;
  keyEnterpriseOnly: boolean;
  graduateSuitable: boolean;
  fairId?: string;
  sort: Sort;
}

export type ListFilter = 'district' | 'industry' | 'education' | 'unitType';
export const LIST_FILTERS: readonly ListFilter[] = ['district', 'industry', 'education', 'unitType'];

/** One active filter, shown as a removable chip. */
export type Chip =
  | { kind: ListFilter; value: string }
  | { kind: 'salaryFrom' | 'maxExperienceYears'; value: number }
  | { kind: 'keyEnterpriseOnly' | 'graduateSuitable' | 'fairId' };

export function emptyState(): SearchState {
  return {
    q: '',
    district: [],
    industry: [],
    education: [],
    unitType: [],
    keyEnterpriseOnly: false,
    graduateSuitable: false,
    sort: 'relevance',
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function strings(value: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return [...new Set(list.flatMap((v) => (v ?? '').split(',')).map((v) => v.trim()))].filter(
    (v) => v && v.length <= 50,
  );
}

function first(value: LocationQuery[string] | undefined): string | undefined {
  return strings(value)[0];
}

function wholeNumber(value: LocationQuery[string] | undefined, max: number): number | undefined {
  const text = first(value);
  if (!text || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/**
 * The state a URL describes. A hand-edited or outdated link never breaks the page: values the
 * api would refuse (an unknown education, a negative salary) are dropped, not sent.
 */
export function stateFromQuery(query: LocationQuery): SearchState {
  const oneOf = <T extends string>(values: readonly T[], raw: string[]) =>
    raw.filter((v): v is T => (values as readonly string[]).includes(v));
  const sort = first(query.sort);
  const fairId = first(query.fairId);
  return {
    q: (first(query.q) ?? '').slice(0, 50),
    district: strings(query.district),
    industry: strings(query.industry),
    education: oneOf(EDUCATION_LEVELS, strings(query.education)),
    unitType: oneOf(UNIT_TYPES, strings(query.unitType)),
    salaryFrom: wholeNumber(query.salaryFrom, 1_000_000),
    maxExperienceYears: wholeNumber(query.maxExperienceYears, 50),
    keyEnterpriseOnly: first(query.keyEnterpriseOnly) === 'true',
    graduateSuitable: first(query.graduateSuitable) === 'true',
    fairId: fairId && UUID.test(fairId) ? fairId : undefined,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance',
  };
}

/** The URL query of a state; defaults are left out so links stay short. */
export function queryFromState(state: SearchState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.q.trim()) query.q = state.q.trim();
  for (const key of LIST_FILTERS) if (state[key].length) query[key] = state[key].join(',');
  if (state.salaryFrom !== undefined) query.salaryFrom = String(state.salaryFrom);
  if (state.maxExperienceYears !== undefined) query.maxExperienceYears = String(state.maxExperienceYears);
  if (state.keyEnterpriseOnly) query.keyEnterpriseOnly = 'true';
  if (state.graduateSuitable) query.graduateSuitable = 'true';
  if (state.fairId) query.fairId = state.fairId;
  if (state.sort !== 'relevance') query.sort = state.sort;
  return query;
}

/** The api request for a state, one page of `size` after `cursor`. */
export function apiQuery(state: SearchState, size: number, cursor?: string): PositionSearchQuery {
  const query: PositionSearchQuery = { sort: state.sort, size };
  if (state.q.trim()) query.q = state.q.trim();
  for (const key of LIST_FILTERS) if (state[key].length) Object.assign(query, { [key]: state[key] });
  if (state.salaryFrom !== undefined) query.salaryFrom = state.salaryFrom;
  if (state.maxExperienceYears !== undefined) query.maxExperienceYears = state.maxExperienceYears;
  if (state.keyEnterpriseOnly) query.keyEnterpriseOnly = 'true';
  if (state.graduateSuitable) query.graduateSuitable = 'true';
  if (state.fairId) query.fairId = state.fairId;
  if (cursor) query.after = cursor;
  return query;
}

/** The active filters, in the order the facets list them. */
export function activeChips(state: SearchState): Chip[] {
  const chips: Chip[] = LIST_FILTERS.flatMap((kind) => state[kind].map((value) => ({ kind, value })));
  if (state.salaryFrom !== undefined) chips.push({ kind: 'salaryFrom', value: state.salaryFrom });
  if (state.maxExperienceYears !== undefined)
    chips.push({ kind: 'maxExperienceYears', value: state.maxExperienceYears });
  if (state.keyEnterpriseOnly) chips.push({ kind: 'keyEnterpriseOnly' });
  if (state.graduateSuitable) chips.push({ kind: 'graduateSuitable' });
  if (state.fairId) chips.push({ kind: 'fairId' });
  return chips;
}

/** The state without one chip's filter. */
export function withoutChip(state: SearchState, chip: Chip): SearchState {
  const next: SearchState = { ...state };
  switch (chip.kind) {
    case 'district':
    case 'industry':
      next[chip.kind] = state[chip.kind].filter((v) => v !== chip.value);
      break;
    case 'education':
      next.education = state.education.filter((v) => v !== chip.value);
      break;
    case 'unitType':
      next.unitType = state.unitType.filter((v) => v !== chip.value);
      break;
    case 'keyEnterpriseOnly':
    case 'graduateSuitable':
      next[chip.kind] = false;
      break;
    default:
      next[chip.kind] = undefined;
  }
  return next;
}

/** The facets of the api, and the filter a click on one of their values sets (or clears). */
export type FacetName = ListFilter | 'salary' | 'experience' | 'keyEnterprise' | 'graduateSuitable';

export function isFacetActive(state: SearchState, facet: FacetName, value: string): boolean {
  switch (facet) {
    case 'salary':
      return state.salaryFrom === Number(value);
    case 'experience':
      return state.maxExperienceYears === Number(value);
    case 'keyEnterprise':
      return state.keyEnterpriseOnly;
    case 'graduateSuitable':
      return state.graduateSuitable;
    default:
      return (state[facet] as string[]).includes(value);
  }
}

/** A click on a facet value: adds it, or takes it away when it is already chosen. */
export function toggleFacet(state: SearchState, facet: FacetName, value: string): SearchState {
  const on = !isFacetActive(state, facet, value);
  switch (facet) {
    case 'salary':
      return { ...state, salaryFrom: on ? Number(value) : undefined };
    case 'experience':
      return { ...state, maxExperienceYears: on ? Number(value) : undefined };
    case 'keyEnterprise':
      return { ...state, keyEnterpriseOnly: on };
    case 'graduateSuitable':
      return { ...state, graduateSuitable: on };
    default: {
      const list = state[facet] as string[];
      return { ...state, [facet]: on ? [...list, value] : list.filter((v) => v !== value) };
    }
  }
}
