package io.switchboard.agent.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.agent.Agent;
import io.switchboard.agent.llm.ToolDefinition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link FunctionTool} method bound to its owner object, with its derived definition. */
public final class BoundTool {
  private static final Logger log = LoggerFactory.getLogger(BoundTool.class);

  private final Object owner;
  private final Method method;
  private final ToolDefinition definition;
  private final List<Argument> arguments;
  private final ObjectMapper json;

  /** A method parameter: where its value comes from. */
  private record Argument(String name, Type type, boolean context) {}

  BoundTool(Object owner, Method method, ObjectMapper json) {
    this.owner = owner;
    this.method = method;
    this.json = json;
    FunctionTool tool = method.getAnnotation(FunctionTool.class);
    String name = tool.name().isBlank() ? snakeCase(method.getName()) : tool.name();
    String where = "tool " + name + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
    ObjectNode schema = json.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    var required = schema.putArray("required");
    Set<String> seen = new HashSet<>();
    List<Argument> args = new java.util.ArrayList<>();
    for (Parameter p : method.getParameters()) {
      if (p.getType() == RunContext.class) {
        args.add(new Argument("", RunContext.class, true));
        continue;
      }
      ToolParam param = p.getAnnotation(ToolParam.class);
      if (param == null && !p.isNamePresent()) {
        throw new IllegalArgumentException(where + ": parameter names are missing; compile with -parameters or use @ToolParam(name=...)");
      }
      String argName = param != null && !param.name().isBlank() ? param.name() : p.getName();
      if (!seen.add(argName)) {
        throw new IllegalArgumentException(where + ": two parameters are named '" + argName + "'");
      }
      properties.set(argName, JsonSchemas.of(p.getParameterizedType(), param == null ? null : param.value(), where + " parameter " + argName));
      if (!JsonSchemas.optional(p.getParameterizedType())) {
        required.add(argName);
      }
      args.add(new Argument(argName, p.getParameterizedType(), false));
    }
    schema.put("additionalProperties", false);
    this.arguments = List.copyOf(args);
    this.definition = new ToolDefinition(name, tool.value(), schema.toString());
    method.setAccessible(true);
  }

  public ToolDefinition definition() {
    return definition;
  }

  public String name() {
    return definition.name();
  }

  /**
   * Runs the tool with the model's arguments; failures become {@link ToolOutcome.Failed}, and a
   * tool stopped by interrupting its thread becomes {@link ToolOutcome.Cancelled}.
   */
  public ToolOutcome invoke(String argumentsJson, RunContext context) {
    Object[] values;
    try {
      values = bind(argumentsJson, context);
    } catch (IllegalArgumentException e) {
      return new ToolOutcome.Failed("invalid arguments for " + name() + ": " + e.getMessage());
    }
    Object result;
    try {
      result = method.invoke(owner, values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof ToolError error) {
        return new ToolOutcome.Failed(error.getMessage());
      }
      if (interruption(e.getCause())) {
        Thread.currentThread().interrupt(); // the reply that ran the tool stops too
        return ToolOutcome.Cancelled.of(name());
      }
      log.warn("tool {} failed", name(), e.getCause());
      return new ToolOutcome.Failed("internal error in " + name());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("tool " + name() + " is not accessible", e);
    }
    return outcome(result);
  }

  /** The tool stopped because its thread was interrupted (sleep, wait, or interruptible I/O). */
  private static boolean interruption(Throwable cause) {
    return cause instanceof InterruptedException
        || cause instanceof java.io.InterruptedIOException
        || cause instanceof java.nio.channels.ClosedByInterruptException
        || Thread.currentThread().isInterrupted();
  }

  private Object[] bind(String argumentsJson, RunContext context) {
    JsonNode root;
    try {
      root = json.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("arguments must be a JSON object, got " + root.getNodeType());
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (arguments.stream().noneMatch(a -> a.name().equals(field))) {
        throw new IllegalArgumentException("unknown argument '" + field + "'");
      }
    }
    Object[] values = new Object[arguments.size()];
    for (int i = 0; i < values.length; i++) {
      Argument a = arguments.get(i);
      if (a.context()) {
        values[i] = context;
        continue;
      }
      JsonNode node = root.get(a.name());
      boolean absent = node == null || node.isNull();
      if (absent && !JsonSchemas.optional(a.type())) {
        throw new IllegalArgumentException("missing required argument '" + a.name() + "'");
      }
      try {
        values[i] = absent ? Optional.empty() : json.convertValue(node, json.constructType(a.type()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("argument '" + a.name() + "': " + firstLine(e.getMessage()));
      }
    }
    return values;
  }

  private ToolOutcome outcome(Object result) {
    return switch (result) {
      case null -> new ToolOutcome.Output("");
      case Agent next -> new ToolOutcome.HandedOff(next, "Transferred to " + next.name());
      case Handoff h -> new ToolOutcome.HandedOff(h.next(), h.message());
      case String s -> new ToolOutcome.Output(s);
      default -> {
        try {
          yield new ToolOutcome.Output(json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
          yield new ToolOutcome.Failed("internal error in " + name() + ": result is not serialisable");
        }
      }
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "bad value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
