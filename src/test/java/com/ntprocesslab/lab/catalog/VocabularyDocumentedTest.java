package com.ntprocesslab.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.checkpoint.Projection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Lab authors read the README: every predicate with every argument, and every projection, is in it. */
class VocabularyDocumentedTest {

    @Test
    void theReadmeDocumentsEveryPredicateArgumentAndProjection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (PredicateSchema.Spec spec : PredicateSchema.SPECS.values()) {
            assertThat(readme).contains("| `" + spec.name() + "` |");
            for (PredicateSchema.Arg arg : spec.args().values()) {
                assertThat(readme).as(spec.name()).contains("`" + arg.name() + (arg.required() ? "" : "?") + "`");
            }
        }
        for (Projection projection : Projection.values()) {
            assertThat(readme).contains("`" + projection.yamlName() + "`");
        }
    }
}
