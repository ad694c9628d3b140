package io.switchboard.sip.outbound;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.concurrent.Scheduler;
import io.switchboard.sip.inbound.MediaSession;
import io.switchboard.sip.incall.TransferOutcome;
import io.switchboard.sip.incall.TransferRequest;
import io.switchboard.sip.sdp.SdpParser;
import io.switchboard.sip.transport.SipEvent;
import io.switchboard.sip.transport.SipSignalling;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The live outbound calls by Call-ID: places new ones and hands each SIP event for their
 * Call-IDs to them, on the Call-ID's serial executor (the same one the stack delivers on).
 */
public final class OutboundCalls {
  private final OutboundEnvironment env;
  private final ConcurrentHashMap<String, OutboundCall> calls = new ConcurrentHashMap<>();
  private volatile boolean draining;

  public OutboundCalls(SipSignalling sip, Scheduler scheduler, KeyedSerialExecutor executor, RandomGenerator random) {
    this.env = new OutboundEnvironment(sip, scheduler, executor, random, new SdpParser(),
        call -> calls.remove(call.callId(), call));
  }

  /** A fresh Call-ID, so the caller can record it (room attributes) before dialing. */
  public String newCallId() {
    byte[] raw = new byte[16];
    env.random().nextBytes(raw);
    return HexFormat.of().formatHex(raw) + "@switchboard";
  }

  /**
   * Places a call: the INVITE goes out on the call's executor, and {@code listener} hears what
   * follows there. {@code media} is open already (its port is in our offer); the call closes it.
   */
  public OutboundCallHandle dial(String callId, DialPlan plan, MediaSession media, OutboundListener listener) {
    var call = new OutboundCall(env, callId, plan, media, listener);
    if (calls.putIfAbsent(callId, call) != null) {
      throw new IllegalArgumentException("Call-ID already in use: " + callId);
    }
    env.executor().execute(callId, call::start);
    return new OutboundCallHandle() {
      @Override
      public String callId() {
        return callId;
      }

      @Override
      public void hangup() {
        env.executor().execute(callId, () -> call.onEvent(new OutboundEvent.Hangup(OutboundEnd.Reason.LOCAL_HANGUP)));
      }

      @Override
      public CompletionStage<TransferOutcome> transfer(TransferRequest request) {
        return call.inDialog.transfer(request);
      }

      @Override
      public void sendDtmfInfo(DtmfDigit digit) {
        call.inDialog.sendDtmfInfo(digit);
      }
    };
  }

  /** No new calls from now on (the server is draining); calls in progress carry on. */
  public void drain() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }

  /** Takes the event when its Call-ID is one of our calls; false otherwise. */
  public boolean route(SipEvent event) {
    OutboundCall call = calls.get(event.callId());
    if (call == null) {
      return false;
    }
    call.onEvent(new OutboundEvent.Sip(event));
    return true;
  }

  public int activeCalls() {
    return calls.size();
  }

  /** Hangs up every call (CANCEL or BYE); completes once each has been told. */
  public CompletableFuture<Void> stopAll() {
    List<CompletableFuture<Void>> told = new ArrayList<>();
    for (OutboundCall call : calls.values()) {
      var done = new CompletableFuture<Void>();
      env.executor().execute(call.callId(), () -> {
        try {
          call.onEvent(new OutboundEvent.Hangup(OutboundEnd.Reason.SERVER_STOPPED));
        } finally {
          done.complete(null);
        }
      });
      told.add(done);
    }
    return CompletableFuture.allOf(told.toArray(CompletableFuture[]::new));
  }
}
