package io.switchboard.agent.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.agent.Agent;
import io.switchboard.agent.llm.ToolDefinition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolsetTest {
  enum Day { MONDAY, SATURDAY, SUNDAY }

  record Address(@ToolParam("street and number") String street, String city, Optional<String> postcode) {}

  static final class Shop {
    String lastBooking;

    @FunctionTool("Opening hours on a day")
    String openingHours(@ToolParam("day of the week") Day day) {
      return day == Day.SUNDAY ? "closed" : "9 to 5";
    }

    @FunctionTool("Book a delivery")
    String bookDelivery(Address address, int parcels, double weightKg, boolean express, List<String> notes, Optional<Integer> floor) {
      lastBooking = address.street() + "/" + address.city() + "/" + address.postcode().orElse("-")
          + "/" + parcels + "/" + weightKg + "/" + express + "/" + notes + "/" + floor.orElse(0);
      return "booked";
    }

    @FunctionTool(value = "Fails on purpose", name = "check_stock")
    String stock(String item, RunContext context) {
      if (item.equals("unicorn")) {
        throw new ToolError("we do not sell unicorns");
      }
      throw new IllegalStateException("database down");
    }

    @FunctionTool("Hand over")
    Agent transfer() {
      return new Agent("billing");
    }
  }

  static final class Depot {
    @FunctionTool("Waits for a courier")
    String awaitCourier() throws InterruptedException {
      new java.util.concurrent.CountDownLatch(1).await();
      return "arrived";
    }
  }

  private static JsonNode schema(Toolset tools, String name) throws Exception {
    ToolDefinition d = tools.tool(name).orElseThrow().definition();
    return new ObjectMapper().readTree(d.parametersSchemaJson());
  }

  @Test
  void enumParameterBecomesStringEnumWithDescription() throws Exception {
    Toolset tools = Toolset.of(List.of(new Shop()));
    JsonNode s = schema(tools, "opening_hours");
    assertEquals("object", s.get("type").asText());
    JsonNode day = s.get("properties").get("day");
    assertEquals("string", day.get("type").asText());
    assertEquals("[\"MONDAY\",\"SATURDAY\",\"SUNDAY\"]", day.get("enum").toString());
    assertEquals("day of the week", day.get("description").asText());
    assertEquals("[\"day\"]", s.get("required").toString());
    assertEquals("Opening hours on a day", tools.tool("opening_hours").orElseThrow().definition().description());
  }

  @Test
  void recordsPrimitivesListsAndOptionalsMapToSchema() throws Exception {
    JsonNode s = schema(Toolset.of(List.of(new Shop())), "book_delivery");
    JsonNode p = s.get("properties");
    assertEquals("integer", p.get("parcels").get("type").asText());
    assertEquals("number", p.get("weightKg").get("type").asText());
    assertEquals("boolean", p.get("express").get("type").asText());
    assertEquals("array", p.get("notes").get("type").asText());
    assertEquals("string", p.get("notes").get("items").get("type").asText());
    assertEquals("integer", p.get("floor").get("type").asText());
    JsonNode address = p.get("address");
    assertEquals("object", address.get("type").asText());
    assertEquals("street and number", address.get("properties").get("street").get("description").asText());
    assertEquals("[\"street\",\"city\"]", address.get("required").toString());
    assertEquals("[\"address\",\"parcels\",\"weightKg\",\"express\",\"notes\"]", s.get("required").toString());
    assertEquals(false, s.get("additionalProperties").asBoolean());
  }

  @Test
  void invokesWithModelArguments() {
    Shop shop = new Shop();
    Toolset tools = Toolset.of(List.of(shop));
    ToolOutcome out = tools.tool("book_delivery").orElseThrow().invoke(
        "{\"address\":{\"street\":\"1 High St\",\"city\":\"Leeds\"},\"parcels\":2,\"weightKg\":1.5,"
            + "\"express\":true,\"notes\":[\"fragile\"]}", null);
    assertEquals(new ToolOutcome.Output("booked"), out);
    assertEquals("1 High St/Leeds/-/2/1.5/true/[fragile]/0", shop.lastBooking);
    assertEquals(new ToolOutcome.Output("closed"),
        tools.tool("opening_hours").orElseThrow().invoke("{\"day\":\"SUNDAY\"}", null));
  }

  @Test
  void badArgumentsAreExplainedToTheModel() {
    var tool = Toolset.of(List.of(new Shop())).tool("opening_hours").orElseThrow();
    assertEquals("invalid arguments for opening_hours: missing required argument 'day'", tool.invoke("{}", null).output());
    assertEquals("invalid arguments for opening_hours: unknown argument 'weekday'", tool.invoke("{\"day\":\"MONDAY\",\"weekday\":1}", null).output());
    assertTrue(tool.invoke("{\"day\":\"FUNDAY\"}", null).output().startsWith("invalid arguments for opening_hours: argument 'day':"));
    assertTrue(tool.invoke("[1]", null).output().contains("must be a JSON object"));
    assertTrue(tool.invoke("{nope", null).output().contains("not JSON"));
  }

  @Test
  void toolErrorsReachTheModelOtherFailuresDoNot() {
    var tool = Toolset.of(List.of(new Shop())).tool("check_stock").orElseThrow();
    assertEquals("[\"item\"]", tool.definition().parametersSchemaJson().replaceAll(".*\"required\":(\\[[^]]*]).*", "$1"));
    assertEquals(new ToolOutcome.Failed("we do not sell unicorns"), tool.invoke("{\"item\":\"unicorn\"}", null));
    assertEquals(new ToolOutcome.Failed("internal error in check_stock"), tool.invoke("{\"item\":\"pen\"}", null));
  }

  @Test
  void aToolStoppedByInterruptingItsThreadIsCancelledAndTheThreadStaysInterrupted() {
    var tool = Toolset.of(List.of(new Depot())).tool("await_courier").orElseThrow();
    Thread.currentThread().interrupt();
    try {
      assertEquals(ToolOutcome.Cancelled.of("await_courier"), tool.invoke("{}", null));
      assertTrue(Thread.currentThread().isInterrupted(), "the caller of the tool sees the interruption too");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void returningAnAgentIsAHandoff() {
    ToolOutcome out = Toolset.of(List.of(new Shop())).tool("transfer").orElseThrow().invoke("{}", null);
    assertInstanceOf(ToolOutcome.HandedOff.class, out);
    assertEquals("Transferred to Agent", out.output());
  }

  @Test
  void agentToolsIncludeItsOwnMethodsAndToolsets() {
    class Receptionist extends Agent {
      Receptionist() {
        super("help", io.switchboard.agent.AgentModels.INHERIT, new Shop());
      }

      @FunctionTool("Say hi")
      String greet() {
        return "hi";
      }
    }
    assertEquals(java.util.Set.of("greet", "opening_hours", "book_delivery", "check_stock", "transfer"),
        new Receptionist().tools().definitions().stream().map(ToolDefinition::name).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void unsupportedTypesAndDuplicatesAreRejectedByName() {
    Object bad = new Object() {
      @FunctionTool("bad")
      String take(Thread t) {
        return "";
      }
    };
    var e = assertThrows(IllegalArgumentException.class, () -> Toolset.of(List.of(bad)));
    assertTrue(e.getMessage().contains("tool take") && e.getMessage().contains("parameter t") && e.getMessage().contains("java.lang.Thread"), e.getMessage());
    var dup = assertThrows(IllegalArgumentException.class, () -> Toolset.of(List.of(new Shop(), new Shop())));
    assertTrue(dup.getMessage().startsWith("two tools are named '"), dup.getMessage());
  }

  @Test
  void snakeCaseNames() {
    assertEquals("look_up_order", BoundTool.snakeCase("lookUpOrder"));
    assertEquals("get_url_status", BoundTool.snakeCase("getURLStatus"));
  }
}
