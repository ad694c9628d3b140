package io.switchboard.server.agents;

import io.switchboard.agent.Agent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Agent classes named in the configuration ({@code agents: {receptionist: com.example.Receptionist}}):
 * loaded from the server's classpath or the configured {@code agent_runtime.classpath}, and made
 * by their no-argument constructor or, failing that, their one static no-argument method that
 * returns an agent. Errors name the agent, the class and what is missing.
 */
final class AgentClasses {
  private final ClassLoader loader;

  private AgentClasses(ClassLoader loader) {
    this.loader = loader;
  }

  /** Classes come from {@code parent} (the server's classpath) or else from {@code classpath} (jars, directories). */
  static AgentClasses on(List<String> classpath, ClassLoader parent) throws AgentSetupException {
    if (classpath.isEmpty()) {
      return new AgentClasses(parent);
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath) {
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new AgentSetupException("agent_runtime.classpath entry " + entry + " does not exist");
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new AgentSetupException("agent_runtime.classpath entry " + entry + " is not a usable path: " + e.getMessage());
      }
    }
    return new AgentClasses(new URLClassLoader("agents", urls.toArray(URL[]::new), parent));
  }

  /** How to make a new agent of {@code className}, registered as {@code name}. */
  Supplier<Agent> factory(String name, String className) throws AgentSetupException {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AgentSetupException("agent '" + name + "': class " + className
          + " is not on the classpath (add its jar or class directory to agent_runtime.classpath)");
    }
    if (!Agent.class.isAssignableFrom(type)) {
      throw new AgentSetupException("agent '" + name + "': " + className + " does not extend " + Agent.class.getName());
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new AgentSetupException("agent '" + name + "': " + className + " is abstract");
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return () -> (Agent) invoke(name, () -> constructor.newInstance());
    } catch (NoSuchMethodException noConstructor) {
      Method method = staticFactory(name, type);
      method.setAccessible(true);
      return () -> (Agent) invoke(name, () -> method.invoke(null));
    }
  }

  private static Method staticFactory(String name, Class<?> type) throws AgentSetupException {
    List<Method> factories = Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
        .filter(m -> Agent.class.isAssignableFrom(m.getReturnType()))
        .toList();
    if (factories.size() != 1) {
      throw new AgentSetupException("agent '" + name + "': " + type.getName()
          + " needs a no-argument constructor or exactly one static no-argument method returning an Agent"
          + (factories.isEmpty() ? "" : " (found " + factories.stream().map(Method::getName).toList() + ")"));
    }
    return factories.getFirst();
  }

  private interface Reflective {
    Object call() throws ReflectiveOperationException;
  }

  private static Object invoke(String name, Reflective call) {
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException("creating agent '" + name + "' failed: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create agent '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Closes the class loader of {@code agent_runtime.classpath}, if there is one. */
  void close() throws IOException {
    if (loader instanceof URLClassLoader own) {
      own.close();
    }
  }
}
