package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's agent example is these compiled test sources, word for word (bar their javadoc
 * line), so the example a reader copies is one the build compiles and the tests run.
 */
class ReadmeExampleTest {
  @Test
  void theReadmeShowsTheCompiledExample() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    for (String file : new String[] {"Receptionist.java", "Billing.java", "FrontDesk.java", "Concierge.java"}) {
      String source = Files.readString(Path.of("src/test/java/com/example", file))
          .replaceAll("(?m)^/\\*\\* .*\\*/\\n", "");
      assertTrue(readme.contains("```java\n" + source + "```"), file + " differs from the README's copy");
    }
  }
}
