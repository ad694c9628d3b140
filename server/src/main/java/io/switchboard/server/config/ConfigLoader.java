package io.switchboard.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the YAML configuration; unknown keys are errors that name the key and where it is. */
public final class ConfigLoader {
  private final ObjectMapper yaml;

  public ConfigLoader() {
    SimpleModule durations = new SimpleModule("go-durations");
    durations.addDeserializer(
        Duration.class,
        new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
              return DurationText.parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
              throw JsonMappingException.from(p, e.getMessage(), e);
            }
          }
        });
    yaml =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(durations);
  }

  public SwitchboardConfig load(Path file) throws ConfigException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  public SwitchboardConfig parse(InputStream in, String source) throws ConfigException {
    try {
      byte[] text = in.readAllBytes();
      if (new String(text, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
        return SwitchboardConfig.defaults();
      }
      SwitchboardConfig config = yaml.readValue(text, SwitchboardConfig.class);
      return config == null ? SwitchboardConfig.defaults() : config;
    } catch (UnrecognizedPropertyException e) {
      String path =
          e.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .collect(Collectors.joining("."));
      throw new ConfigException(
          "unknown config key '" + path + "' in " + source
              + "; every key is listed in docs/config-reference.yaml", e);
    } catch (JsonMappingException e) {
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigException(
          "invalid value for '" + path + "' in " + source + ": " + firstLine(cause.getMessage()), e);
    } catch (IOException e) {
      throw new ConfigException("cannot parse " + source + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * API keys from the environment, as LiveKit reads them: {@code LIVEKIT_API_KEY} +
   * {@code LIVEKIT_API_SECRET}, or {@code LIVEKIT_KEYS} as {@code "key1: secret1, key2: secret2"}.
   */
  public static Map<String, String> keysFromEnvironment(Map<String, String> env) throws ConfigException {
    Map<String, String> keys = new LinkedHashMap<>();
    String key = env.get("LIVEKIT_API_KEY");
    String secret = env.get("LIVEKIT_API_SECRET");
    if (key != null || secret != null) {
      if (key == null || secret == null || key.isBlank() || secret.isBlank()) {
        throw new ConfigException("set both LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or neither", null);
      }
      keys.put(key, secret);
    }
    String list = env.get("LIVEKIT_KEYS");
    if (list != null && !list.isBlank()) {
      for (String pair : list.split("[,\n]")) {
        String[] kv = pair.split(":", 2);
        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
          throw new ConfigException("LIVEKIT_KEYS wants 'key: secret' pairs, got '" + pair.trim() + "'", null);
        }
        keys.put(kv[0].trim(), kv[1].trim());
      }
    }
    return keys;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
