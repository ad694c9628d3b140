package io.switchboard.agent.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Schema (the subset function-calling models accept) for Java types: primitives and their
 * boxes, String, enums (by constant name), records (by component), lists, sets, arrays, string
 * maps, and Optional (which makes a property not required).
 */
final class JsonSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private JsonSchemas() {}

  /** Whether a property of this type may be left out. */
  static boolean optional(Type type) {
    return raw(type) == Optional.class;
  }

  static ObjectNode of(Type type, String description, String where) {
    ObjectNode schema = of(type, where, 0);
    if (description != null && !description.isBlank()) {
      schema.put("description", description);
    }
    return schema;
  }

  private static ObjectNode of(Type type, String where, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(where + ": type nests deeper than " + MAX_DEPTH + " levels (recursive record?)");
    }
    Class<?> raw = raw(type);
    ObjectNode schema = JSON.objectNode();
    if (raw == Optional.class) {
      return of(typeArgument(type, 0, where), where, depth + 1);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return schema.put("type", "boolean");
    }
    if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class
        || raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class
        || raw == BigInteger.class) {
      return schema.put("type", "integer");
    }
    if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
        || raw == BigDecimal.class) {
      return schema.put("type", "number");
    }
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return schema.put("type", "string");
    }
    if (raw.isEnum()) {
      ArrayNode values = schema.put("type", "string").putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      return schema;
    }
    if (raw.isRecord()) {
      return objectOf(raw, where, depth);
    }
    if (raw.isArray()) {
      Type item = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
      schema.put("type", "array").set("items", of(item, where, depth + 1));
      return schema;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      schema.put("type", "array").set("items", of(typeArgument(type, 0, where), where, depth + 1));
      if (Set.class.isAssignableFrom(raw)) {
        schema.put("uniqueItems", true);
      }
      return schema;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (raw(typeArgument(type, 0, where)) != String.class) {
        throw new IllegalArgumentException(where + ": map keys must be String, got " + type.getTypeName());
      }
      schema.put("type", "object").set("additionalProperties", of(typeArgument(type, 1, where), where, depth + 1));
      return schema;
    }
    throw new IllegalArgumentException(
        where + ": type " + type.getTypeName()
            + " has no JSON schema (use primitives, String, enums, records, lists, maps or Optional)");
  }

  private static ObjectNode objectOf(Class<?> record, String where, int depth) {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (RecordComponent component : record.getRecordComponents()) {
      ToolParam param = component.getAnnotation(ToolParam.class);
      String name = param != null && !param.name().isBlank() ? param.name() : component.getName();
      ObjectNode property = of(component.getGenericType(), where + "." + name, depth + 1);
      if (param != null) {
        property.put("description", param.value());
      }
      properties.set(name, property);
      if (!optional(component.getGenericType())) {
        required.add(name);
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case GenericArrayType g -> raw(g.getGenericComponentType()).arrayType();
      default -> throw new IllegalArgumentException("unsupported type " + type.getTypeName());
    };
  }

  private static Type typeArgument(Type type, int index, String where) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException(where + ": raw type " + type.getTypeName() + " needs its type arguments");
  }
}
