package org.custody.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Arabic name compounds written many ways: "Abd al-Rahman", "Abdel Rahman", "Abdul Rahman",
 * "Abdulrahman", "Abdol Rahman" all become "abdul rahman"; "Abou" and "Abo" become "abu".
 */
public final class ArabicCompoundJoiner implements AnalysisStep.TokenStep {
    private static final List<String> ABD_FORMS = List.of("abdoul", "abdul", "abdel", "abdal", "abdol", "abdil", "abdu");

    @Override public String name() { return "abd-abu-compounds"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = new ArrayList<>(tokens.size() + 1);
        boolean changed = false;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken tok = tokens.get(i);
            String t = tok.text();
            if (t.equals("abd") && i + 1 < tokens.size() && isAllah(tokens.get(i + 1).text())) {
                out.add(tok.withText("abdullah"));
                i++;
                changed = true;
                continue;
            }
            if (t.equals("abd") && i + 1 < tokens.size() && isArticle(tokens.get(i + 1).text())) {
                out.add(tok.withText("abdul"));
                i++;
                changed = true;
                continue;
            }
            if (t.equals("abou") || t.equals("abo")) {
                out.add(tok.withText("abu"));
                changed = true;
                continue;
            }
            String form = abdForm(t);
            if (form != null) {
                String rest = t.substring(form.length());
                if (rest.equals("lah") || rest.equals("la") || rest.equals("llah")) {
                    out.add(tok.withText("abdullah"));
                    changed |= !t.equals("abdullah");
                    continue;
                }
                out.add(tok.withText("abdul"));
                if (rest.length() >= 3) out.add(new NameToken(rest, rest, false, tok.abjad()));
                changed |= !t.equals("abdul");
                continue;
            }
            out.add(tok);
        }
        return changed ? out : tokens;
    }

    private static String abdForm(String t) {
        for (String f : ABD_FORMS) {
            if (t.startsWith(f) && (t.length() == f.length() || t.length() - f.length() >= 3)) {
                if (f.equals("abdu") && t.length() > 4) return null;   // "abdullah" etc. handled by "abdul"
                return f;
            }
        }
        return null;
    }

    private static boolean isAllah(String t) {
        return t.equals("allah") || t.equals("ullah") || t.equals("alla") || t.equals("allh");
    }

    private static boolean isArticle(String t) {
        return t.equals("al") || t.equals("el") || t.equals("ul") || t.equals("ol") || t.equals("il");
    }
}
