package io.switchboard.sip.room;

import io.switchboard.sip.inbound.CallOptions;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.trunk.model.MediaEncryption;
import java.time.Duration;

/** From the trunk's call options to what the SIP layer applies to the call. */
final class SipCallOptions {
  private SipCallOptions() {}

  static CallOptions of(io.switchboard.trunk.match.CallOptions trunkOptions) {
    CallOptions options = CallOptions.defaults();
    Duration ringing = trunkOptions.ringingTimeout();
    if (ringing != null) {
      options = options.withRingingTimeout(ringing);
    }
    Duration max = trunkOptions.maxCallDuration();
    if (max != null) {
      options = options.withMaxCallDuration(max);
    }
    var headers = trunkOptions.headers().entrySet().stream().map(e -> new SipHeader(e.getKey(), e.getValue())).toList();
    var encryption = trunkOptions.mediaEncryption() == null ? MediaEncryption.DISABLE : trunkOptions.mediaEncryption();
    return new CallOptions(options.ringingTimeout(), options.maxCallDuration(),
        options.codecs().withEncryption(encryption), headers);
  }
}
