package io.switchboard.agent.tool;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.switchboard.agent.llm.ToolDefinition;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link FunctionTool} methods found on some objects, by name. Immutable. */
public final class Toolset {
  private final Map<String, BoundTool> tools;

  private Toolset(Map<String, BoundTool> tools) {
    this.tools = tools;
  }

  /** Finds the annotated methods of each object (declared in its class or superclasses). */
  public static Toolset of(List<?> owners) {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Map<String, BoundTool> found = new LinkedHashMap<>();
    for (Object owner : owners) {
      for (Class<?> c = owner.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (!m.isAnnotationPresent(FunctionTool.class) || m.isSynthetic() || m.isBridge()) {
            continue;
          }
          if (Modifier.isStatic(m.getModifiers())) {
            throw new IllegalArgumentException("@FunctionTool method " + c.getSimpleName() + "." + m.getName() + " must not be static");
          }
          BoundTool tool = new BoundTool(owner, m, json);
          BoundTool previous = found.putIfAbsent(tool.name(), tool);
          if (previous != null) {
            throw new IllegalArgumentException("two tools are named '" + tool.name() + "' (" + c.getSimpleName() + "." + m.getName() + ")");
          }
        }
      }
    }
    return new Toolset(java.util.Collections.unmodifiableMap(found));
  }

  public Optional<BoundTool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<ToolDefinition> definitions() {
    List<ToolDefinition> out = new ArrayList<>(tools.size());
    tools.values().forEach(t -> out.add(t.definition()));
    return out;
  }

  public int size() {
    return tools.size();
  }
}
