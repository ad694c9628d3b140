package io.switchboard.sip.outbound;

import io.switchboard.sip.concurrent.Cancellable;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.transport.SipSignalling;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** What every outbound call shares: the stack, timers, the per-Call-ID executor. */
record OutboundEnvironment(
    SipSignalling sip,
    Scheduler scheduler,
    KeyedSerialExecutor executor,
    RandomGenerator random,
    SdpParser sdp,
    Consumer<OutboundCall> onEnded) {

  /** A timer whose event runs on the call's executor. */
  Cancellable schedule(String callId, Duration delay, OutboundEvent event, OutboundCall call) {
    return scheduler.schedule(delay, () -> executor.execute(callId, () -> call.onEvent(event)));
  }

  void ended(OutboundCall call) {
    onEnded.accept(call);
  }
}
