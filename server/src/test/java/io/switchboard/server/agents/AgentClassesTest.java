package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent classes named in the configuration: found, made, and refused with errors that say why. */
class AgentClassesTest {
  private final ClassLoader here = getClass().getClassLoader();

  /** Made by a static factory: its only constructor takes an argument. */
  static final class MadeByFactory extends Agent {
    private MadeByFactory(String desk) {
      super("You staff the " + desk + " desk.");
    }

    static MadeByFactory create() {
      return new MadeByFactory("front");
    }
  }

  static final class Ambiguous extends Agent {
    private Ambiguous() {
      this(0);
    }

    private Ambiguous(int unused) {
      super("?");
    }
  }

  static final class NoWayToMake extends Agent {
    NoWayToMake(String instructions) {
      super(instructions);
    }

    static NoWayToMake day() {
      return new NoWayToMake("day");
    }

    static NoWayToMake night() {
      return new NoWayToMake("night");
    }
  }

  static final class Failing extends Agent {
    Failing() {
      super("x");
      throw new IllegalStateException("no menu file");
    }
  }

  @Test
  void theReadmeExampleIsMadeByItsConstructorEachTimeAnew() throws Exception {
    var factory = AgentClasses.on(List.of(), here).factory("receptionist", "com.example.Receptionist");
    Agent agent = factory.get();
    assertInstanceOf(com.example.Receptionist.class, agent);
    assertTrue(agent != factory.get(), "a new agent per dispatch");
    assertEquals(List.of("opening_hours", "transfer_to_billing"),
        agent.tools().definitions().stream().map(d -> d.name()).sorted().toList());
  }

  @Test
  void aStaticFactoryServesWhenThereIsNoNoArgumentConstructor() throws Exception {
    Agent agent = AgentClasses.on(List.of(), here).factory("desk", MadeByFactory.class.getName()).get();
    assertEquals("You staff the front desk.", agent.instructions());
    assertInstanceOf(Ambiguous.class, AgentClasses.on(List.of(), here).factory("a", Ambiguous.class.getName()).get());
  }

  @Test
  void errorsNameTheAgentTheClassAndWhatIsMissing() throws Exception {
    AgentClasses classes = AgentClasses.on(List.of(), here);
    assertEquals("agent 'sales': class com.example.Sales is not on the classpath (add its jar or class directory to"
        + " agent_runtime.classpath)", assertThrows(AgentSetupException.class, () -> classes.factory("sales", "com.example.Sales")).getMessage());
    assertEquals("agent 'text': java.lang.String does not extend io.switchboard.agent.Agent",
        assertThrows(AgentSetupException.class, () -> classes.factory("text", "java.lang.String")).getMessage());
    assertEquals("agent 'shift': " + NoWayToMake.class.getName()
        + " needs a no-argument constructor or exactly one static no-argument method returning an Agent (found [day, night])",
        assertThrows(AgentSetupException.class, () -> classes.factory("shift", NoWayToMake.class.getName())).getMessage()
            .replace("[night, day]", "[day, night]"));
    var failing = classes.factory("broken", Failing.class.getName());
    var e = assertThrows(IllegalStateException.class, failing::get);
    assertEquals("creating agent 'broken' failed: java.lang.IllegalStateException: no menu file", e.getMessage());
    assertEquals("agent_runtime.classpath entry /nowhere/agents.jar does not exist",
        assertThrows(AgentSetupException.class, () -> AgentClasses.on(List.of("/nowhere/agents.jar"), here)).getMessage());
  }

  @Test
  void classesAreFoundOnTheConfiguredClasspath(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("src/org/sample/Concierge.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package org.sample;
        public class Concierge extends io.switchboard.agent.Agent {
          public Concierge() { super("You are the hotel concierge."); }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
    assertEquals(0, status, "javac failed");

    assertThrows(AgentSetupException.class, () -> AgentClasses.on(List.of(), here).factory("concierge", "org.sample.Concierge"));
    AgentClasses configured = AgentClasses.on(List.of(classes.toString()), here);
    Agent agent = configured.factory("concierge", "org.sample.Concierge").get();
    assertEquals("You are the hotel concierge.", agent.instructions());
    assertEquals("Concierge", agent.name());
    configured.close();
  }
}
