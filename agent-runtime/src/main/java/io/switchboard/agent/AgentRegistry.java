package io.switchboard.agent;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Agents by name, for explicit dispatch ("receptionist" → a new Receptionist per call). */
public final class AgentRegistry {
  private final Map<String, Supplier<? extends Agent>> factories = new ConcurrentHashMap<>();

  /** Registers {@code factory} under {@code name}; each dispatch gets a new agent. */
  public void register(String name, Supplier<? extends Agent> factory) {
    Objects.requireNonNull(factory, "agent factory");
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("agent name must be 1-64 of [A-Za-z0-9_.-], starting with a letter or digit: '" + name + "'");
    }
    if (factories.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("an agent named '" + name + "' is already registered");
    }
  }

  /** A new agent of the kind registered as {@code name}. */
  public Agent create(String name) {
    Supplier<? extends Agent> factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("no agent named '" + name + "' is registered (known: " + names() + ")");
    }
    return Objects.requireNonNull(factory.get(), "factory for agent '" + name + "' returned null");
  }

  public Set<String> names() {
    return new TreeSet<>(factories.keySet());
  }
}
