package io.switchboard.server.api;

import io.switchboard.server.testing.RunningSwitchboard;

import static io.switchboard.server.api.SdkCalls.error;
import static io.switchboard.server.api.SdkCalls.ok;
import static io.switchboard.server.api.SdkCalls.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.AccessToken;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.SIPCall;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipDispatchRuleIndividual;
import io.livekit.server.SipService;
import io.livekit.server.SipServiceClient;
import io.livekit.server.UpdateSipDispatchRuleOptions;
import io.livekit.server.UpdateSipInboundTrunkOptions;
import io.livekit.server.UpdateSipOutboundTrunkOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTransport;
import livekit.LivekitSip.SIPTrunkInfo;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

/**
 * The SIP trunk and dispatch-rule API of a running Switchboard, driven by LiveKit's own Java
 * server SDK ({@code io.livekit:livekit-server}, which speaks Twirp with protobuf bodies).
 */
@SuppressWarnings("deprecation") // SIPTrunkInfo, what DeleteSIPTrunk answers
class SipServiceSdkTest {
  @TempDir Path data;
  RunningSwitchboard server;
  SipServiceClient sip;

  @BeforeEach
  void start() throws Exception {
    server = new RunningSwitchboard(data);
    sip = SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void inboundTrunkLifecycle() throws Exception {
    CreateSipInboundTrunkOptions options = new CreateSipInboundTrunkOptions();
    options.setAllowedAddresses(List.of("54.172.60.0/30", "54.244.51.0/30"));
    options.setAuthUsername("user");
    options.setAuthPassword("pass");
    options.setMetadata("{\"carrier\":\"twilio\"}");

    SIPInboundTrunkInfo created = ok(sip.createSipInboundTrunk("Twilio inbound", List.of("+15105550100"), options));
    String id = created.getSipTrunkId();
    assertTrue(id.matches("ST_[A-Za-z0-9]{12}"), id);
    assertTrue(created.hasCreatedAt() && created.hasUpdatedAt());
    assertEquals(List.of("54.172.60.0/30", "54.244.51.0/30"), created.getAllowedAddressesList());

    UpdateSipInboundTrunkOptions update = new UpdateSipInboundTrunkOptions();
    update.setName("Twilio main line");
    update.setNumbers(List.of("+15105550100", "+15105550101"));
    SIPInboundTrunkInfo updated = ok(sip.updateSipInboundTrunk(id, update));
    assertEquals("Twilio main line", updated.getName());
    assertEquals(List.of("+15105550100", "+15105550101"), updated.getNumbersList());
    assertEquals("user", updated.getAuthUsername(), "fields not in the update stay");

    JsonNode got = postJson(server.url(), "GetSIPInboundTrunk", "{\"sip_trunk_id\":\"" + id + "\"}");
    assertEquals("Twilio main line", got.at("/trunk/name").asText());
    assertEquals(List.of(id), ok(sip.listSipInboundTrunk()).stream().map(SIPInboundTrunkInfo::getSipTrunkId).toList());

    SIPTrunkInfo deleted = ok(sip.deleteSipTrunk(id));
    assertEquals(id, deleted.getSipTrunkId());
    assertEquals(List.of(), ok(sip.listSipInboundTrunk()));
  }

  @Test
  void outboundTrunkLifecycle() throws Exception {
    CreateSipOutboundTrunkOptions options = new CreateSipOutboundTrunkOptions();
    options.setTransport(SIPTransport.SIP_TRANSPORT_TLS);
    options.setAuthUsername("u");
    options.setAuthPassword("p");
    options.setDestinationCountry("US");

    SIPOutboundTrunkInfo created =
        ok(sip.createSipOutboundTrunk("Twilio outbound", "mytrunk.pstn.twilio.com", List.of("+15105550100"), options));
    String id = created.getSipTrunkId();
    assertEquals(SIPTransport.SIP_TRANSPORT_TLS, created.getTransport());
    assertEquals("US", created.getDestinationCountry());

    UpdateSipOutboundTrunkOptions update = new UpdateSipOutboundTrunkOptions();
    update.setAddress("sip.telnyx.com");
    update.setTransport(SIPTransport.SIP_TRANSPORT_UDP);
    SIPOutboundTrunkInfo updated = ok(sip.updateSipOutboundTrunk(id, update));
    assertEquals("sip.telnyx.com", updated.getAddress());
    assertEquals(SIPTransport.SIP_TRANSPORT_UDP, updated.getTransport());
    assertEquals(List.of("+15105550100"), updated.getNumbersList());

    JsonNode got = postJson(server.url(), "GetSIPOutboundTrunk", "{\"sip_trunk_id\":\"" + id + "\"}");
    assertEquals("sip.telnyx.com", got.at("/trunk/address").asText());
    assertEquals(
        List.of("sip.telnyx.com"), ok(sip.listSipOutboundTrunk()).stream().map(SIPOutboundTrunkInfo::getAddress).toList());

    assertEquals(SIPTrunkInfo.TrunkKind.TRUNK_OUTBOUND, ok(sip.deleteSipTrunk(id)).getKind());
    assertEquals(List.of(), ok(sip.listSipOutboundTrunk()));
  }

  @Test
  void dispatchRuleLifecycle() throws Exception {
    CreateSipDispatchRuleOptions options = new CreateSipDispatchRuleOptions();
    options.setName("support line");
    options.setTrunkIds(List.of("ST_support"));
    options.setAttributes(Map.of("department", "support"));
    options.setRoomConfig(
        RoomConfiguration.newBuilder()
            .setEmptyTimeout(120)
            .addAgents(RoomAgentDispatch.newBuilder().setAgentName("receptionist").setMetadata("{\"lang\":\"en\"}"))
            .build());

    SIPDispatchRuleInfo individual = ok(sip.createSipDispatchRule(new SipDispatchRuleIndividual("call-", ""), options));
    SIPDispatchRuleInfo direct = ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("conference", "4321")));
    String id = individual.getSipDispatchRuleId();
    assertTrue(id.matches("SDR_[A-Za-z0-9]{12}"), id);
    assertEquals("call-", individual.getRule().getDispatchRuleIndividual().getRoomPrefix());
    assertEquals("receptionist", individual.getRoomConfig().getAgents(0).getAgentName());
    assertEquals(120, individual.getRoomConfig().getEmptyTimeout());
    assertEquals("4321", direct.getRule().getDispatchRuleDirect().getPin());

    UpdateSipDispatchRuleOptions update = new UpdateSipDispatchRuleOptions();
    update.setName("support line (PIN)");
    update.setRule(new SipDispatchRuleIndividual("call-", "1234"));
    SIPDispatchRuleInfo updated = ok(sip.updateSipDispatchRule(id, update));
    assertEquals("support line (PIN)", updated.getName());
    assertEquals("1234", updated.getRule().getDispatchRuleIndividual().getPin());
    assertEquals("receptionist", updated.getRoomConfig().getAgents(0).getAgentName(), "room config stays");

    assertEquals(2, ok(sip.listSipDispatchRule()).size());
    assertEquals(id, ok(sip.deleteSipDispatchRule(id)).getSipDispatchRuleId());
    assertEquals(
        List.of(direct.getSipDispatchRuleId()),
        ok(sip.listSipDispatchRule()).stream().map(SIPDispatchRuleInfo::getSipDispatchRuleId).toList());
  }

  @Test
  void conflictingTrunkIsRefusedNamingTheOtherTrunk() throws Exception {
    String first = ok(sip.createSipInboundTrunk("first", List.of("+15105550100"))).getSipTrunkId();

    JsonNode refused = error(sip.createSipInboundTrunk("second", List.of("+1 510 555 0100")), 400);

    assertEquals("invalid_argument", refused.get("code").asText());
    assertEquals(first, refused.at("/meta/conflicting_id").asText());
    assertTrue(refused.get("msg").asText().contains(first), refused.toString());
    assertEquals(1, ok(sip.listSipInboundTrunk()).size());
  }

  @Test
  void invalidRuleIsRefusedNamingTheField() throws Exception {
    JsonNode refused = error(sip.createSipDispatchRule(new SipDispatchRuleDirect("", "12#")), 400);

    assertEquals("invalid_argument", refused.get("code").asText());
    assertEquals("dispatch_rule.rule.dispatch_rule_direct.room_name", refused.at("/meta/argument").asText());
    assertTrue(refused.get("msg").asText().contains("dispatch_rule.rule.dispatch_rule_direct.pin"), refused.toString());
  }

  @Test
  void tokenWithoutSipAdminIsRefused() throws Exception {
    SipService raw =
        new Retrofit.Builder()
            .baseUrl(server.url())
            .addConverterFactory(ProtoConverterFactory.create())
            .client(new OkHttpClient())
            .build()
            .create(SipService.class);
    AccessToken callOnly = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    callOnly.addSIPGrants(new SIPCall(true));
    CreateSIPInboundTrunkRequest request =
        CreateSIPInboundTrunkRequest.newBuilder()
            .setTrunk(SIPInboundTrunkInfo.newBuilder().addNumbers("+15105550100"))
            .build();

    JsonNode denied = error(raw.createSipInboundTrunk(request, "Bearer " + callOnly.toJwt()), 401);
    JsonNode wrongSecret =
        error(SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, "not-the-secret").listSipDispatchRule(), 401);

    assertEquals("unauthenticated", denied.get("code").asText(), "LiveKit's twirpAuthError code");
    assertTrue(denied.get("msg").asText().contains("sip.admin"), denied.toString());
    assertEquals("unauthenticated", wrongSecret.get("code").asText());
    assertEquals(List.of(), ok(sip.listSipInboundTrunk()));
  }

  @Test
  void configurationSurvivesARestart() throws Exception {
    String in = ok(sip.createSipInboundTrunk("in", List.of("+15105550100"))).getSipTrunkId();
    String out = ok(sip.createSipOutboundTrunk("out", "sip.example.com", List.of("+15105550100"))).getSipTrunkId();
    String rule = ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("lobby", ""))).getSipDispatchRuleId();
    server.close();

    server = new RunningSwitchboard(data);
    sip = SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);

    assertEquals(List.of(in), ok(sip.listSipInboundTrunk()).stream().map(SIPInboundTrunkInfo::getSipTrunkId).toList());
    assertEquals(List.of(out), ok(sip.listSipOutboundTrunk()).stream().map(SIPOutboundTrunkInfo::getSipTrunkId).toList());
    SIPDispatchRuleInfo restored = ok(sip.listSipDispatchRule()).getFirst();
    assertEquals(rule, restored.getSipDispatchRuleId());
    assertEquals("lobby", restored.getRule().getDispatchRuleDirect().getRoomName());
  }
}
