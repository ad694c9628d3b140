package io.switchboard.server.cli;

import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.RtpConfig;
import io.switchboard.server.config.SwitchboardConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the command line, the config file and the environment into one configuration. */
public final class ConfigResolver {
  /** LiveKit's development key pair, which every quickstart uses. */
  public static final Map<String, String> DEV_KEYS = Map.of("devkey", "secret");

  private final ConfigLoader loader;

  public ConfigResolver(ConfigLoader loader) {
    this.loader = loader;
  }

  public SwitchboardConfig resolve(CommandLine cli, Map<String, String> env) throws ConfigException {
    SwitchboardConfig config =
        cli.configFile() != null ? loader.load(cli.configFile()) : SwitchboardConfig.defaults();
    if (cli.dev()) {
      config = config.withDevelopment(true);
    }
    if (cli.bind() != null) {
      config = config.withBindAddress(cli.bind());
    }
    if (cli.httpPort() != null) {
      config = config.withPort(cli.httpPort());
    }
    if (cli.sipPort() != null) {
      config = config.withSip(config.sip().withPort(cli.sipPort()));
    }
    if (cli.rtpPorts() != null) {
      try {
        config = config.withRtp(RtpConfig.parseRange(cli.rtpPorts(), config.rtp()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage(), e);
      }
    }
    if (cli.dataDir() != null) {
      config = config.withDataDir(cli.dataDir());
    }
    Map<String, String> keys = new LinkedHashMap<>(config.keys());
    keys.putAll(ConfigLoader.keysFromEnvironment(env));
    if (keys.isEmpty() && config.development()) {
      keys.putAll(DEV_KEYS);
    }
    if (keys.isEmpty()) {
      throw new ConfigException(
          "no API keys: set LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or 'keys:' in the config"
              + " file, or run 'switchboard dev'",
          null);
    }
    return config.withKeys(keys);
  }
}
