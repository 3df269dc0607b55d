package org.custody.names;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place the name-analysis chain is assembled (like a Lucene {@code Analyzer}). The analyser
 * is immutable and safe for concurrent use.
 */
public final class NameAnalyzer {

    private final List<AnalysisStep.TextStep> textSteps;
    private final NameTokenizer tokenizer;
    private final List<AnalysisStep.TokenStep> tokenSteps;

    public NameAnalyzer(List<AnalysisStep.TextStep> textSteps, NameTokenizer tokenizer,
                        List<AnalysisStep.TokenStep> tokenSteps) {
        this.textSteps = List.copyOf(textSteps);
        this.tokenizer = tokenizer;
        this.tokenSteps = List.copyOf(tokenSteps);
    }

    /** Custody's standard chain for names of people, organisations, vessels and aircraft. */
    public static NameAnalyzer standard() {
        List<AnalysisStep.TokenStep> tokenSteps = new ArrayList<>(tokenStepsThroughArticleRemoval());
        tokenSteps.addAll(List.of(
                new AcronymJoiner(),          // again: removing an article can bring letters together
                new TitleRemover(),
                new GivenNameVariants(),
                new AbbreviationExpander(),
                new OrganisationWordTranslator(),
                new OrganisationTypeMarker(),
                new RomanisationFolder()));
        return new NameAnalyzer(textSteps(), new NameTokenizer(), tokenSteps);
    }

    /**
     * The standard chain's first part, up to and including the removal of articles: what a word of a data file
     * in another script becomes before the vocabulary steps read it.
     */
    static NameAnalyzer throughArticleRemoval() {
        return new NameAnalyzer(textSteps(), new NameTokenizer(), tokenStepsThroughArticleRemoval());
    }

    private static List<AnalysisStep.TextStep> textSteps() {
        return List.of(new InvisibleCharacterRemover(),
                new UnicodeNormalizer(),
                new ScriptTransliterator(),
                new FamilyNameReorder(),
                new CaseDiacriticFolder(),
                new HamzaAynRemover());
    }

    private static List<AnalysisStep.TokenStep> tokenStepsThroughArticleRemoval() {
        return List.of(new AcronymJoiner(),
                new NumberWordFolder(),
                new RomanNumeralFolder(),
                new DigitCodeJoiner(),
                new ArabicCompoundJoiner(),
                new ArticleRemover());
    }

    /** The names of all steps in chain order (text steps, then token steps). */
    public List<String> stepNames() {
        List<String> names = new ArrayList<>();
        textSteps.forEach(s -> names.add(s.name()));
        tokenSteps.forEach(s -> names.add(s.name()));
        return names;
    }

    public AnalysedName analyse(String name) {
        List<String> applied = new ArrayList<>(4);
        boolean abjad = ScriptTransliterator.hasAbjadScript(name);
        String text = name;
        for (AnalysisStep.TextStep step : textSteps) {
            String next = step.apply(text);
            if (!next.equals(text)) applied.add(step.name());
            text = next;
        }
        List<NameToken> tokens = tokenizer.tokenize(text, abjad);
        for (AnalysisStep.TokenStep step : tokenSteps) {
            if (tokens.isEmpty()) break;
            List<NameToken> next = step.apply(tokens);
            if (!next.equals(tokens)) applied.add(step.name());
            tokens = next;
        }
        return new AnalysedName(name, tokens, applied);
    }
}
