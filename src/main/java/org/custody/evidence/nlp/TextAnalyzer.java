package org.custody.evidence.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentences and tokens from Apache OpenNLP's pre-trained English (UD English Web Treebank) models, which
 * the build takes from Maven Central. Text is first cut at blank lines (paragraphs, list items); the
 * sentence model splits each paragraph. The models are shared; the (not thread-safe) detectors are kept
 * one per thread.
 */
public final class TextAnalyzer {

    public static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    public static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private static volatile TextAnalyzer english;

    private static volatile TextAnalyzer englishModelTokens;

    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<Tokenizer> tokens;

    private TextAnalyzer(SentenceModel sm, TokenizerModel tm) {
        this.sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sm));
        this.tokens = tm == null ? ThreadLocal.withInitial(() -> SimpleTokenizer.INSTANCE)
                : ThreadLocal.withInitial(() -> new TokenizerME(tm));
    }

    /**
     * The English analyser of the extraction pipeline: the UD-EWT sentence model and OpenNLP's
     * {@link SimpleTokenizer} (character classes; extraction re-splits tokens into word pieces anyway, and
     * the maximum-entropy token model costs most of the time budget without changing those pieces).
     */
    public static TextAnalyzer english() {
        TextAnalyzer a = english;
        if (a == null) {
            synchronized (TextAnalyzer.class) {
                a = english;
                if (a == null) {
                    try (InputStream s = open(SENTENCE_MODEL)) {
                        a = new TextAnalyzer(new SentenceModel(s), null);
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot load the OpenNLP English models: " + e.getMessage(), e);
                    }
                    english = a;
                }
            }
        }
        return a;
    }

    /** Sentences and the UD-EWT maximum-entropy token model (more accurate tokens, several times slower). */
    public static TextAnalyzer englishModelTokens() {
        TextAnalyzer a = englishModelTokens;
        if (a == null) {
            synchronized (TextAnalyzer.class) {
                a = englishModelTokens;
                if (a == null) {
                    try (InputStream s = open(SENTENCE_MODEL); InputStream t = open(TOKEN_MODEL)) {
                        a = new TextAnalyzer(new SentenceModel(s), new TokenizerModel(t));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot load the OpenNLP English models: " + e.getMessage(), e);
                    }
                    englishModelTokens = a;
                }
            }
        }
        return a;
    }

    private static InputStream open(String resource) {
        InputStream in = TextAnalyzer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath "
                    + "(dependencies opennlp-models-sentdetect-en / opennlp-models-tokenizer-en)");
        }
        return in;
    }

    /** Abbreviations after which the model sometimes ends a sentence although a name follows. */
    private static final Pattern TITLE_END = Pattern.compile(
            "(?:^|[\\s(])(?:Gen|Col|Lt|Maj|Sgt|Capt|Cpl|Pvt|Adm|Brig|Cmdr|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.$");

    /** Sentence spans of {@code text} (offsets into it). */
    public List<TextSpan> sentences(String text) {
        List<TextSpan> raw = detect(text);
        List<TextSpan> out = new ArrayList<>(raw.size());
        for (TextSpan s : raw) {
            if (!out.isEmpty()) {
                TextSpan prev = out.getLast();
                String gap = text.substring(prev.end(), s.start());
                if (!gap.contains("\n") && TITLE_END.matcher(text.substring(prev.start(), prev.end())).find()
                        && Character.isUpperCase(text.charAt(s.start()))) {
                    out.set(out.size() - 1, new TextSpan(prev.start(), s.end()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private List<TextSpan> detect(String text) {
        List<TextSpan> out = new ArrayList<>();
        SentenceDetectorME sd = sentences.get();
        for (TextSpan p : paragraphs(text)) {
            int base = p.start();
            String para = text.substring(p.start(), p.end());
            for (Span s : sd.sentPosDetect(para)) {
                int st = base + s.getStart();
                int en = base + s.getEnd();
                while (st < en && Character.isWhitespace(text.charAt(st))) st++;
                while (en > st && Character.isWhitespace(text.charAt(en - 1))) en--;
                if (en > st) out.add(new TextSpan(st, en));
            }
        }
        return out;
    }

    /**
     * Paragraphs: runs of non-empty lines; a blank (or whitespace-only) line or a line starting with
     * "- " (a list item) starts a new one. A plain scan, linear in the text and without recursion, so a
     * file of thousands of single-newline lines cannot exhaust the stack (a regular expression with a
     * repeated group did).
     */
    public static List<TextSpan> paragraphs(String text) {
        List<TextSpan> out = new ArrayList<>();
        int n = text.length();
        int start = -1;        // start of the open paragraph, -1: none
        int end = -1;          // end of its last line
        int line = 0;
        while (line <= n) {
            int nl = text.indexOf('\n', line);
            int lineEnd = nl < 0 ? n : nl;
            if (lineEnd == line) {                                   // an empty line closes the paragraph
                if (start >= 0) out.add(new TextSpan(start, end));
                start = -1;
            } else {
                boolean blankThenBreak = nl >= 0 && text.substring(line, lineEnd).isBlank();
                if (start >= 0 && (blankThenBreak || text.startsWith("- ", line))) {
                    out.add(new TextSpan(start, end));
                    start = -1;
                }
                if (start < 0) start = line;
                end = lineEnd;
            }
            if (nl < 0) break;
            line = nl + 1;
        }
        if (start >= 0) out.add(new TextSpan(start, end));
        return out;
    }

    /** Token spans of one sentence, offsets into the whole text. */
    public List<TextSpan> tokens(String text, TextSpan sentence) {
        String s = text.substring(sentence.start(), sentence.end());
        Span[] spans = tokens.get().tokenizePos(s);
        List<TextSpan> out = new ArrayList<>(spans.length);
        for (Span sp : spans) out.add(new TextSpan(sentence.start() + sp.getStart(), sentence.start() + sp.getEnd()));
        return out;
    }

    /** Sentences, their OpenNLP tokens and the word pieces that lexicons are matched on. */
    public AnalyzedText analyze(String text) {
        List<TextSpan> sents = sentences(text);
        List<List<TextSpan>> toks = new ArrayList<>(sents.size());
        for (TextSpan s : sents) toks.add(tokens(text, s));
        return AnalyzedText.of(text, sents, toks);
    }
}
