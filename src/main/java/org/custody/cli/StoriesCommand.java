package org.custody.cli;

import org.custody.evidence.Corroboration;
import org.custody.evidence.Story;
import org.custody.store.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code custody stories [--json]}: stories with their documents, origins and independent-source counts. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "List stories (documents re-reporting one origin) and how many independent sources each has.")
final class StoriesCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--json", description = "One JSON object per story.")
    boolean json;

    @Option(names = "--claims", description = "Also list claims by relation with independent-origin counts.")
    boolean claims;

    StoriesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        EvidenceStore store = new EvidenceStore(context.database());
        for (Story s : store.stories()) {
            if (json) {
                System.out.println(Json.line(EvidenceJson.story(s)));
                continue;
            }
            System.out.printf("%s  %d document(s), %d independent source(s)  origins: %s%n", s.id(), s.documents().size(),
                    s.independentSources(), String.join("; ", s.origins()));
            for (Story.StoryDocument d : s.documents()) {
                System.out.printf("    %s  %s  %s  %s%s%n", d.id(), d.published() == null ? "----------" : d.published(),
                        d.outlet() == null ? "-" : d.outlet(), d.title() == null ? "" : d.title(),
                        d.nearDuplicateOf() == null ? "" : "  (near-duplicate of " + d.nearDuplicateOf() + ")");
            }
        }
        if (claims) {
            for (Corroboration c : store.corroboration()) {
                if (json) {
                    System.out.println(Json.line(c));
                } else {
                    System.out.printf("claim %-10s %s <- %s: %d document(s); origins asserting %d, hedging %d, denying %d%n",
                            c.kind().label(), c.holderName(), c.articleName() == null ? "(no article named)" : c.articleName(),
                            c.documents(), c.assertingOrigins(), c.hedgingOrigins(), c.denyingOrigins());
                }
            }
        }
    }
}
