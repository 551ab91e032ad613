import type { estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from '../index-lifecycle';
import { POSITIONS_INDEX } from '../positions-index';

export type AnalyzerVariant = 'cjk_bigram' | 'smartcn';

/**
 * The positions definition with its Chinese analysis swapped, derived from POSITIONS_INDEX so
 * that mappings, boosts and synonyms stay the production ones. `smartcn` segments words with
 * Lucene's HMM segmenter (`smartcn_tokenizer`: the analysis-smartcn plugin on a stock cluster,
 * built in on the local engine) instead of cutting overlapping bigrams; the synonym filter stays
 * in the search analyzer, so its rules are segmented the same way.
 */
export function positionsIndexWith(variant: AnalyzerVariant): IndexDefinition {
  if (variant === 'cjk_bigram') return POSITIONS_INDEX;
  const analysis = POSITIONS_INDEX.settings!.analysis!;
  const analyzers = analysis.analyzer as Record<string, estypes.AnalysisCustomAnalyzer>;
  const segmented = Object.fromEntries(
    Object.entries(analyzers).map(([name, analyzer]) => [
      name,
      {
        ...analyzer,
        tokenizer: 'smartcn_tokenizer',
        filter: [analyzer.filter ?? []].flat().filter((f) => f !== 'cjk_bigram'),
      },
    ]),
  );
  return {
    ...POSITIONS_INDEX,
    name: `${POSITIONS_INDEX.name}_smartcn`,
    settings: { ...POSITIONS_INDEX.settings, analysis: { ...analysis, analyzer: segmented } },
  };
}
