package io.switchboard.server.e2e.sipp;

import io.switchboard.sfu.room.Room;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The whole server on loopback, with a watch on its rooms and a user's SIP API client. */
final class ServerUnderCall implements AutoCloseable {
  final RunningSwitchboard server;
  final RoomWatch rooms;
  final Provisioning provisioning;

  ServerUnderCall(Path dataDir, boolean hideInboundPort) throws Exception {
    server = new RunningSwitchboard(dataDir, hideInboundPort);
    rooms = new RoomWatch(server.server().rooms());
    provisioning = new Provisioning(server);
  }

  /** Starts a carrier scenario against the server's SIP port. */
  Sipp.Run call(String scenario, Map<String, String> vars) throws IOException {
    return Sipp.start(scenario, server.sipPort(), vars);
  }

  Room room(String name) {
    return server.server().rooms().room(name).orElseThrow(() -> new AssertionError("no room " + name));
  }

  @Override
  public void close() {
    server.close();
  }
}
