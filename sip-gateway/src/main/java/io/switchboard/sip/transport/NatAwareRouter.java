package io.switchboard.sip.transport;

import gov.nist.javax.sip.stack.DefaultRouter;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.message.Request;

/**
 * JAIN-SIP's router (RFC 3261 §8.1.2, §16.12) with one exception: in-dialog requests to a peer
 * behind NAT go to the address it really sends from ({@link NatPeers}). The stack makes it by
 * reflection ({@code javax.sip.ROUTER_PATH}); {@link JainSipStack} hands it the peers afterwards.
 */
public final class NatAwareRouter extends DefaultRouter {
  private volatile NatPeers peers;

  public NatAwareRouter(SipStack stack, String outboundProxy) {
    super(stack, outboundProxy);
  }

  void use(NatPeers peers) {
    this.peers = peers;
  }

  @Override
  public Hop getNextHop(Request request) throws SipException {
    NatPeers known = peers;
    if (known != null) {
      var natted = known.hopFor(request);
      if (natted.isPresent()) {
        return natted.get();
      }
    }
    return super.getNextHop(request);
  }
}
