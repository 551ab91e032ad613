import type { CandidateList, RecommendationList } from '@platform/contracts/matching/api';
import { api } from './client';
import { read } from './read';

/** 为你推荐: positions for the seeker's resume, each with its factor breakdown. */
export function myRecommendations(): Promise<RecommendationList> {
  return read(api.GET('/api/seekers/me/recommendations'));
}

/** 候选人: applicants and searchable resumes ranked for one of the unit's positions. */
export function candidatesFor(positionId: string, limit = 50): Promise<CandidateList> {
  return read(
    api.GET('/api/positions/{id}/candidates', { params: { path: { id: positionId }, query: { limit } } }),
  );
}
