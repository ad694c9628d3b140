package io.switchboard.agent.tool;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@code Agent} (or of a toolset object given to it) as a function the
 * language model may call. The JSON schema of its arguments is derived from the method's
 * parameters; a parameter of type {@link RunContext} is supplied by the session and is not part
 * of the schema. Returning an {@code Agent} (or a {@link Handoff}) hands the conversation over.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FunctionTool {
  /** What the tool does, for the model. */
  String value();

  /** The tool's name as the model sees it; by default the method name in snake_case. */
  String name() default "";
}
