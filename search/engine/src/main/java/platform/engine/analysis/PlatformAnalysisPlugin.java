package platform.engine.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Chinese analysis for the local engine. Elastic does not publish the analysis-common module to
 * Maven Central, so the pieces the platform needs are registered here on top of Lucene's own
 * classes (lucene-analysis-common, which the server already ships, and lucene-analysis-smartcn).
 *
 * <p>Where a component exists in a stock Elasticsearch distribution it is registered under the
 * same name with the same parameters ({@code cjk_width}, {@code cjk_bigram}, {@code synonym_graph},
 * {@code smartcn_tokenizer}, {@code smartcn}), so index settings written against them also work on
 * a production cluster (the last two need the official analysis-smartcn plugin there). The
 * {@code zh_*} analyzers and {@code platform_synonym_graph} exist only here.
 */
public final class PlatformAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "cjk_width", (indexSettings, env, name, settings) -> new CjkWidthFilterFactory(name, settings),
            "cjk_bigram", CjkBigramFilterFactory::new,
            "synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymGraphFilterFactory::new),
            "platform_synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymGraphFilterFactory::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (indexSettings, env, name, settings) ->
            TokenizerFactory.newFactory(name, HMMChineseTokenizer::new));
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "zh_cjk", (indexSettings, env, name, settings) -> analyzer(name, settings, ZhCjkAnalyzer::new),
            "zh_smartcn", (indexSettings, env, name, settings) -> analyzer(name, settings, SmartChineseAnalyzer::new),
            "smartcn", (indexSettings, env, name, settings) -> analyzer(name, settings, SmartChineseAnalyzer::new)
        );
    }

    /** Folds full-width Latin and half-width Katakana; per character, so normalizers may use it. */
    private static final class CjkWidthFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        CjkWidthFilterFactory(String name, Settings settings) {
            super(name, settings);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new CJKWidthFilter(in);
        }
    }

    private static <A extends Analyzer> AnalyzerProvider<A> analyzer(String name, Settings settings, Supplier<A> factory) {
        A instance = factory.get();
        return new AbstractIndexAnalyzerProvider<>(name, settings) {
            @Override
            public A get() {
                return instance;
            }
        };
    }
}
