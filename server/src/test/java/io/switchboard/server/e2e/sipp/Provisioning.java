package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRule;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipDispatchRuleIndividual;
import io.livekit.server.SipServiceClient;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import retrofit2.Call;
import retrofit2.Response;

/** Creates trunks and dispatch rules the way a user does: LiveKit's Java SDK over Twirp. */
final class Provisioning {
  private final SipServiceClient sip;

  Provisioning(RunningSwitchboard server) {
    sip = SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
  }

  /** An inbound trunk for {@code numbers}; {@code options} sets addresses, credentials... Returns its ID. */
  String inboundTrunk(String name, List<String> numbers, Consumer<CreateSipInboundTrunkOptions> options)
      throws IOException {
    var trunkOptions = new CreateSipInboundTrunkOptions();
    options.accept(trunkOptions);
    String id = ok(sip.createSipInboundTrunk(name, numbers, trunkOptions)).getSipTrunkId();
    assertTrue(id.startsWith("ST_"), id);
    return id;
  }

  /** Every caller of the trunk into one room. Returns the rule's ID. */
  String directRule(String trunkId, String room) throws IOException {
    return rule(trunkId, new SipDispatchRuleDirect(room, ""));
  }

  /** Each caller into a new room {@code prefix_<caller>_<random>}. Returns the rule's ID. */
  String individualRule(String trunkId, String prefix) throws IOException {
    return rule(trunkId, new SipDispatchRuleIndividual(prefix, ""));
  }

  private String rule(String trunkId, SipDispatchRule rule) throws IOException {
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunkId));
    String id = ok(sip.createSipDispatchRule(rule, ruleOptions)).getSipDispatchRuleId();
    assertTrue(id.startsWith("SDR_"), id);
    return id;
  }

  private static <T> T ok(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    String error = response.isSuccessful() || response.errorBody() == null ? "" : response.errorBody().string();
    assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + ": " + error);
    return response.body();
  }
}
