package io.switchboard.agent.tool;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a tool parameter or a record component for the model. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface ToolParam {
  /** What the value means. */
  String value();

  /** The JSON property name; by default the Java name (compile with -parameters). */
  String name() default "";
}
