package io.switchboard.sip.testing;

import io.switchboard.sip.inbound.AuthorizationDecision;
import io.switchboard.sip.inbound.CallControl;
import io.switchboard.sip.inbound.CallOptions;
import io.switchboard.sip.inbound.DispatchDecision;
import io.switchboard.sip.inbound.InboundCallHandler;
import io.switchboard.sip.inbound.InviteInfo;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A routing side whose answers each test sets; it records every question it is asked. */
public final class ScriptedHandler implements InboundCallHandler<String> {
  public final BlockingQueue<InviteInfo> authorizations = new LinkedBlockingQueue<>();
  public final BlockingQueue<InviteInfo> dispatches = new LinkedBlockingQueue<>();
  public final BlockingQueue<String> dispatchContexts = new LinkedBlockingQueue<>();
  public final BlockingQueue<CallControl> controls = new LinkedBlockingQueue<>();
  public final RecordingListener listener = new RecordingListener();

  public volatile Function<InviteInfo, AuthorizationDecision<String>> onAuthorize =
      info -> AuthorizationDecision.Accept.withoutCredentials("trunk-1");
  public volatile BiFunction<InviteInfo, CallControl, DispatchDecision> onDispatch =
      (info, call) -> join(CompletableFuture.completedFuture(null), CallOptions.defaults());

  public DispatchDecision join(CompletionStage<Void> ready, CallOptions options) {
    return new DispatchDecision.Join(ready, options, listener);
  }

  @Override
  public CompletionStage<AuthorizationDecision<String>> authorize(InviteInfo invite) {
    authorizations.add(invite);
    return CompletableFuture.completedFuture(onAuthorize.apply(invite));
  }

  @Override
  public CompletionStage<DispatchDecision> dispatch(InviteInfo invite, String context, CallControl call) {
    dispatches.add(invite);
    dispatchContexts.add(context);
    controls.add(call);
    return CompletableFuture.completedFuture(onDispatch.apply(invite, call));
  }

  public CallControl awaitControl() throws InterruptedException {
    return RecordingListener.require(controls.poll(20, TimeUnit.SECONDS), "dispatch");
  }
}
