package io.switchboard.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, as read from YAML (snake_case keys). Every key and its default is
 * documented in docs/config-reference.yaml; a test keeps the two in step.
 *
 * <p>{@code drainTimeout}: on shutdown (SIGTERM, Ctrl-C) Switchboard stops taking calls (OPTIONS
 * and INVITE get 503) and waits this long for calls in progress to end before hanging them up.
 * {@code agents}: agent classes by name, as dispatch rules name them. {@code egress}: recordings.
 */
public record SwitchboardConfig(
    List<String> bindAddresses,
    Integer port,
    String dataDir,
    Boolean development,
    Map<String, String> keys,
    String logLevel,
    SipConfig sip,
    RtpConfig rtp,
    RoomConfig room,
    WebhookConfig webhook,
    Duration drainTimeout,
    Map<String, String> agents,
    AgentRuntimeConfig agentRuntime,
    AgentTurnsConfig agentTurns,
    EgressConfig egress,
    RtcConfig rtc) {

  public SwitchboardConfig {
    bindAddresses = bindAddresses == null || bindAddresses.isEmpty() ? List.of("0.0.0.0") : List.copyOf(bindAddresses);
    port = port == null ? 7880 : port;
    dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
    development = development != null && development;
    keys = keys == null ? Map.of() : Map.copyOf(keys);
    logLevel = logLevel == null ? "info" : logLevel;
    sip = sip == null ? SipConfig.DEFAULTS : sip;
    rtp = rtp == null ? RtpConfig.DEFAULTS : rtp;
    room = room == null ? RoomConfig.DEFAULTS : room;
    webhook = webhook == null ? WebhookConfig.DEFAULTS : webhook;
    drainTimeout = drainTimeout == null ? Duration.ofSeconds(10) : drainTimeout;
    agents = agents == null ? Map.of() : Map.copyOf(agents);
    agentRuntime = agentRuntime == null ? AgentRuntimeConfig.DEFAULTS : agentRuntime;
    agentTurns = agentTurns == null ? AgentTurnsConfig.DEFAULTS : agentTurns;
    egress = egress == null ? EgressConfig.DEFAULTS : egress;
    rtc = rtc == null ? RtcConfig.DEFAULTS : rtc;
  }

  public static SwitchboardConfig defaults() {
    return new SwitchboardConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public String bindAddress() {
    return bindAddresses.getFirst();
  }

  public Path dataPath() {
    return Path.of(dataDir);
  }

  public SwitchboardConfig withBindAddress(String bind) {
    return new SwitchboardConfig(
        List.of(bind), port, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withPort(int httpPort) {
    return new SwitchboardConfig(
        bindAddresses, httpPort, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withDataDir(String dir) {
    return new SwitchboardConfig(
        bindAddresses, port, dir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withDevelopment(boolean dev) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, dev, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withKeys(Map<String, String> newKeys) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, newKeys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withSip(SipConfig newSip) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, newSip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withRtp(RtpConfig newRtp) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, newRtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withWebhook(WebhookConfig newWebhook) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, rtp, room, newWebhook, drainTimeout, agents, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withAgents(Map<String, String> classesByName) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, classesByName, agentRuntime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withAgentRuntime(AgentRuntimeConfig runtime) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, runtime, agentTurns, egress, rtc);
  }

  public SwitchboardConfig withAgentTurns(AgentTurnsConfig turns) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, turns, egress, rtc);
  }

  public SwitchboardConfig withEgress(EgressConfig newEgress) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, newEgress, rtc);
  }

  public SwitchboardConfig withRtc(RtcConfig newRtc) {
    return new SwitchboardConfig(
        bindAddresses, port, dataDir, development, keys, logLevel, sip, rtp, room, webhook, drainTimeout, agents, agentRuntime, agentTurns, egress, newRtc);
  }
}
