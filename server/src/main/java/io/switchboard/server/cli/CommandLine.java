package io.switchboard.server.cli;

import java.nio.file.Path;

/** The parsed {@code switchboard} command line. */
public record CommandLine(
    boolean dev,
    boolean help,
    Path configFile,
    String bind,
    Integer httpPort,
    Integer sipPort,
    String rtpPorts,
    String dataDir) {

  public static final String USAGE =
      """
      Usage:
        switchboard dev [FLAGS]            run on embedded defaults (key devkey, secret secret)
        switchboard --config FILE [FLAGS]  run with a configuration file

      Flags (override the file):
        --bind ADDRESS        address to listen on (default 0.0.0.0)
        --http-port PORT      HTTP, WebSocket and Twirp port (default 7880)
        --sip-port PORT       SIP port, UDP and TCP (default 5060)
        --rtp-ports LOW-HIGH  RTP port range (default 10000-20000)
        --data-dir DIR        where trunks, rules and recordings are kept (default ./data)
        --help                this text

      Every configuration key is documented in docs/config-reference.yaml.
      """;

  /** Parses {@code args}; errors say which argument is wrong and what to do. */
  public static CommandLine parse(String... args) throws UsageException {
    boolean dev = false;
    boolean help = false;
    Path config = null;
    String bind = null;
    Integer http = null;
    Integer sip = null;
    String rtp = null;
    String data = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      switch (flag) {
        case "dev" -> dev = true;
        case "--dev" -> dev = true;
        case "--help", "-h", "help" -> help = true;
        case "--config" -> config = Path.of(value(args, i++, flag, inline));
        case "--bind" -> bind = value(args, i++, flag, inline);
        case "--http-port" -> http = port(value(args, i++, flag, inline), flag);
        case "--sip-port" -> sip = port(value(args, i++, flag, inline), flag);
        case "--rtp-ports" -> rtp = value(args, i++, flag, inline);
        case "--data-dir" -> data = value(args, i++, flag, inline);
        default -> throw new UsageException("unknown argument '" + arg + "'");
      }
      if (inline != null) {
        i--;
      }
    }
    if (!dev && !help && config == null) {
      throw new UsageException("say how to run: 'switchboard dev' or 'switchboard --config FILE'");
    }
    return new CommandLine(dev, help, config, bind, http, sip, rtp, data);
  }

  private static String value(String[] args, int i, String flag, String inline)
      throws UsageException {
    if (inline != null) {
      return inline;
    }
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new UsageException(flag + " needs a value");
    }
    return args[i + 1];
  }

  private static int port(String text, String flag) throws UsageException {
    try {
      int p = Integer.parseInt(text);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " wants a port number 0-65535, not '" + text + "'");
    }
  }

  /** A command line that cannot be run. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }
}
