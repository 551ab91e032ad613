package platform.engine.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Lucene's SynonymGraphFilter with rules in Solr format. Parameters: {@code synonyms} (inline list,
 * e.g. {@code ["会计, 财务", "前端, web前端"]}) or {@code synonyms_path} (file under the config dir),
 * {@code expand} (default true) and {@code lenient} (default false: a rule whose words analyze to
 * nothing fails the index creation; true: such a rule is skipped).
 *
 * <p>The rules are run through the same tokenizer and filters that precede this filter in the
 * analyzer, so a rule written as "财务" matches the bigram "财务" that cjk_bigram produced. Best used
 * in a search_analyzer: a graph at index time is flattened and loses multi-word synonyms.
 */
final class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {

    private final List<String> rules;
    private final boolean expand;
    private final boolean lenient;

    SynonymGraphFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.rules = Analysis.getWordList(env, settings, "synonyms");
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        if (rules == null) {
            throw new IllegalArgumentException("synonym filter [" + name + "] needs [synonyms] or [synonyms_path]");
        }
        String format = settings.get("format", "solr");
        if (format.equals("solr") == false) {
            throw new IllegalArgumentException("synonym filter [" + name + "] supports only format [solr], got [" + format + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream in) {
        throw new IllegalStateException("[" + name() + "] is built per analyzer through getChainAwareTokenFilterFactory");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        Analyzer ruleAnalyzer = new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
        SynonymMap map = buildMap(ruleAnalyzer);
        String name = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream in) {
                return map.fst == null ? in : new SynonymGraphFilter(in, map, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                // a later synonym filter parses its rules without applying this one
                return IDENTITY_FILTER;
            }
        };
    }

    private SynonymMap buildMap(Analyzer ruleAnalyzer) {
        try (ruleAnalyzer) {
            SolrSynonymParser parser = new RuleParser(expand, lenient, ruleAnalyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (ParseException e) {
            throw new IllegalArgumentException("failed to parse synonyms of [" + name() + "]: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Solr-format parser that, when lenient, drops rules whose words analyze to no token. */
    private static final class RuleParser extends SolrSynonymParser {
        private final boolean lenient;

        RuleParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient == false) {
                    throw e;
                }
                return new CharsRef();
            }
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient && (input.length == 0 || output.length == 0)) {
                return;
            }
            super.add(input, output, includeOrig);
        }
    }
}
