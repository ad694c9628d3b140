package io.switchboard.server.e2e.sipp;

import io.switchboard.sfu.room.Room;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The whole server on loopback, with a watch on its rooms and a user's SIP API client. */
final class ServerUnderCall implements AutoCloseable {
  final RunningSwitchboard server;
  final RoomWatch rooms;
  final Provisioning provisioning;
  private final List<Sipp.Run> carriers = new ArrayList<>();

  ServerUnderCall(Path dataDir, boolean hideInboundPort) throws Exception {
    server = new RunningSwitchboard(dataDir, hideInboundPort);
    rooms = new RoomWatch(server.server().rooms());
    provisioning = new Provisioning(server);
  }

  /** @param customize changes the test configuration (e.g. {@code sip.codecs}) before the server starts */
  ServerUnderCall(Path dataDir, UnaryOperator<SwitchboardConfig> customize) throws Exception {
    server = new RunningSwitchboard(dataDir, customize);
    rooms = new RoomWatch(server.server().rooms());
    provisioning = new Provisioning(server);
  }

  /** Starts a carrier scenario against the server's SIP port. */
  Sipp.Run call(String scenario, Map<String, String> vars) throws IOException {
    Sipp.Run run = Sipp.start(scenario, server.sipPort(), vars);
    carriers.add(run);
    return run;
  }

  Room room(String name) {
    return server.server().rooms().room(name).orElseThrow(() -> new AssertionError("no room " + name));
  }

  @Override
  public void close() {
    carriers.forEach(Sipp.Run::kill); // a failed test may leave one mid-scenario
    server.close();
  }
}
