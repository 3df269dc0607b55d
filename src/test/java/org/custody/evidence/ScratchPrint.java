package org.custody.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.custody.evidence.extract.ArticleResolver;
import org.custody.evidence.intake.Intake;
import org.junit.jupiter.api.Test;

class ScratchPrint {
    @Test
    void print() throws Exception {
        EvidenceAnalyzer a = EvidenceAnalyzer.standard(ArticleResolver.NONE, null);
        for (String f : System.getenv().getOrDefault("SCRATCH_FILES", "").split(",")) {
            if (f.isBlank()) continue;
            for (SourceDocument d : Intake.read(Path.of(f))) {
                Analysis an = a.analyze(d);
                System.out.println("== " + d.id() + " outlet=" + d.outlet() + " title=" + d.title() + " pub=" + d.published());
                for (Mention m : an.mentions()) System.out.println("  M " + m.type() + " [" + m.text() + "] " + (m.resolved() == null ? "-" : m.resolved().id() + " " + m.resolved().name()) + " " + m.detail());
                for (Claim c : an.claims()) System.out.println("  C " + c.kind() + " art=" + (c.article() == null ? null : c.article().text()) + " holder=" + c.holder().text() + " " + c.stance() + " by=" + c.attributedTo() + " :: " + c.sentence().substring(0, Math.min(90, c.sentence().length())) + " " + c.cues());
                for (Quote q : an.quotes()) System.out.println("  Q " + q.speaker() + " :: " + q.text().substring(0, Math.min(60, q.text().length())));
                for (Origin o : an.origins()) System.out.println("  O " + o);
            }
        }
    }
}
