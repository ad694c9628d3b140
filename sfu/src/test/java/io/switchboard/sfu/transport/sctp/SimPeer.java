package io.switchboard.sfu.transport.sctp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One side of an association test: our association on a simulated link, recording what arrives. */
final class SimPeer implements DataChannelListener {
  final SimulatedNetwork.Link out;
  final SctpAssociation association;
  final Map<String, DataChannel> channels = new LinkedHashMap<>();
  final Map<String, List<byte[]>> received = new LinkedHashMap<>();
  final List<String> closedChannels = new ArrayList<>();
  String closedReason;
  boolean established;

  SimPeer(SimulatedNetwork net, SctpConfig config, long seed) {
    out = net.link();
    association =
        SctpAssociation.create(config, out, this, net.scheduler, net.clock, new Random(seed));
  }

  static void connect(SimPeer a, SimPeer b) {
    a.out.connect(p -> b.association.receive(p, 0, p.length));
    b.out.connect(p -> a.association.receive(p, 0, p.length));
  }

  DataChannel open(String label, ChannelOptions options) {
    DataChannel ch = association.createDataChannel(label, options);
    watch(ch);
    return ch;
  }

  private void watch(DataChannel ch) {
    channels.put(ch.label(), ch);
    List<byte[]> messages = received.computeIfAbsent(ch.label(), l -> new ArrayList<>());
    ch.onMessage((payload, binary) -> messages.add(payload));
    ch.onClose(() -> closedChannels.add(ch.label()));
  }

  List<byte[]> messages(String label) {
    return received.getOrDefault(label, List.of());
  }

  List<String> texts(String label) {
    return messages(label).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  @Override
  public void onDataChannel(DataChannel channel) {
    watch(channel);
  }

  @Override
  public void onEstablished() {
    established = true;
  }

  @Override
  public void onClosed(String reason) {
    closedReason = reason;
  }
}
