package io.switchboard.server.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Remote control of a running baresip through its {@code ctrl_tcp} module: commands go in and
 * events come out as netstrings ({@code <length>:<json>,}) carrying JSON, e.g.
 * {@code {"command":"sndcode","params":"1234#","token":"1"}} and
 * {@code {"event":true,"type":"CALL_ESTABLISHED",...}}.
 */
final class BaresipControl implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private int token;

  private BaresipControl(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    Thread.ofVirtual().name("baresip-ctrl").start(this::readLoop);
  }

  static BaresipControl connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    return new BaresipControl(socket);
  }

  /** Runs a long command ({@code dial}, {@code sndcode}, {@code hangup}, {@code quit}). */
  synchronized void command(String command, String params) throws IOException {
    String json = "{\"command\":\"" + escape(command) + "\",\"params\":\"" + escape(params)
        + "\",\"token\":\"" + (++token) + "\"}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.write(',');
    out.flush();
  }

  /** Waits for the next event of {@code type}; earlier events of other types are skipped. */
  String awaitEvent(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String wanted = "\"type\":\"" + type + "\"";
    while (true) {
      long left = deadline - System.nanoTime();
      String message = left > 0 ? pending.poll(left, TimeUnit.NANOSECONDS) : null;
      if (message == null) {
        throw new AssertionError("baresip sent no " + type + " event within " + timeout + "; saw " + events());
      }
      if (message.contains(wanted)) {
        return message;
      }
    }
  }

  /** Every event so far, for failure messages. */
  List<String> events() {
    return seen.stream().filter(m -> m.contains("\"event\":true")).map(m -> m.replaceAll(",\"accountaor.*", "}")).toList();
  }

  private void readLoop() {
    try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
      while (true) {
        String message = readNetstring(in);
        if (message == null) {
          return;
        }
        seen.add(message);
        if (message.contains("\"event\":true")) {
          pending.add(message);
        }
      }
    } catch (IOException closed) {
      // baresip quit or we closed the socket
    }
  }

  private static String readNetstring(InputStream in) throws IOException {
    int length = 0;
    int c;
    while ((c = in.read()) != ':') {
      if (c < 0) {
        return null;
      }
      if (c < '0' || c > '9') {
        throw new IOException("not a netstring length digit: " + (char) c);
      }
      length = length * 10 + (c - '0');
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length || in.read() != ',') {
      throw new IOException("truncated netstring");
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
