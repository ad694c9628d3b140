package io.switchboard.server;

import io.switchboard.server.cli.CommandLine;
import io.switchboard.server.cli.ConfigResolver;
import io.switchboard.server.config.ConfigException;
import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.SwitchboardConfig;

/** The {@code switchboard} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine cli;
    SwitchboardConfig config;
    try {
      cli = CommandLine.parse(args);
      if (cli.help()) {
        System.out.print(CommandLine.USAGE);
        return;
      }
      config = new ConfigResolver(new ConfigLoader()).resolve(cli, System.getenv());
    } catch (CommandLine.UsageException e) {
      System.err.println("switchboard: " + e.getMessage());
      System.err.print(CommandLine.USAGE);
      System.exit(2);
      return;
    } catch (ConfigException e) {
      System.err.println("switchboard: " + e.getMessage());
      System.exit(2);
      return;
    }
    Logging.configure(config.logLevel());
    Switchboard switchboard = new Switchboard(config);
    try {
      switchboard.start();
    } catch (Exception e) {
      System.err.println("switchboard: could not start: " + e.getMessage());
      switchboard.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    int left = switchboard.drain(config.drainTimeout());
                    if (left > 0) {
                      System.err.println("switchboard: hanging up " + left + " calls still in progress");
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  switchboard.close();
                },
                "shutdown"));
    System.out.println(switchboard.describe());
  }
}
