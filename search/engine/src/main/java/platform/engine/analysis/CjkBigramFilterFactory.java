package platform.engine.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

import java.util.List;
import java.util.Locale;

/**
 * {@code cjk_bigram} with the parameters of the stock filter: {@code ignored_scripts} (any of han,
 * hiragana, katakana, hangul) and {@code output_unigrams} (default false).
 */
final class CjkBigramFilterFactory extends AbstractTokenFilterFactory {

    private final int scripts;
    private final boolean outputUnigrams;

    CjkBigramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.outputUnigrams = settings.getAsBoolean("output_unigrams", false);
        int flags = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String script : settings.getAsList("ignored_scripts", List.of())) {
            flags &= ~scriptFlag(script);
        }
        this.scripts = flags;
    }

    private static int scriptFlag(String script) {
        return switch (script.toLowerCase(Locale.ROOT)) {
            case "han" -> CJKBigramFilter.HAN;
            case "hiragana" -> CJKBigramFilter.HIRAGANA;
            case "katakana" -> CJKBigramFilter.KATAKANA;
            case "hangul" -> CJKBigramFilter.HANGUL;
            default -> throw new IllegalArgumentException("unknown script [" + script + "] in ignored_scripts");
        };
    }

    @Override
    public TokenStream create(TokenStream in) {
        return new CJKBigramFilter(in, scripts, outputUnigrams);
    }
}
