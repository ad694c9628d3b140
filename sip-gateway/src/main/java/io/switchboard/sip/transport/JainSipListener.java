package io.switchboard.sip.transport;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies stack callbacks into {@link SipEvent}s and queues them on the call's serial
 * executor. It never sends, blocks or locks: the only stack call it makes is creating the
 * server transaction, so retransmissions are absorbed before they reach a call.
 */
final class JainSipListener implements SipListenerExt {
  private static final Logger log = LoggerFactory.getLogger(JainSipListener.class);

  private final KeyedSerialExecutor executor;
  private final Consumer<SipEvent> sink;
  private final StatelessRejecter stateless;
  private final NatPeers natPeers;
  private volatile SipProvider provider;

  /** Answers a request that has no transaction with 400. */
  @FunctionalInterface
  interface StatelessRejecter {
    void reject(Request request, String reason);
  }

  JainSipListener(
      KeyedSerialExecutor executor, Consumer<SipEvent> sink, StatelessRejecter stateless, NatPeers natPeers) {
    this.executor = executor;
    this.sink = sink;
    this.stateless = stateless;
    this.natPeers = natPeers;
  }

  void attach(SipProvider provider) {
    this.provider = provider;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    boolean ack = Request.ACK.equals(request.getMethod());
    // An ACK is never answered: it may arrive matched to the INVITE's transaction, but we hide that.
    ServerTransaction transaction = ack ? null : event.getServerTransaction();
    if (transaction == null && !ack) {
      try {
        transaction = provider.getNewServerTransaction(request);
      } catch (TransactionAlreadyExistsException e) {
        return; // a retransmission: the transaction layer answers it
      } catch (TransactionUnavailableException e) {
        // The stack will not track it (an INVITE without Contact, say): refuse it statelessly,
        // off this thread.
        String reason = e.getMessage();
        executor.execute(JainMessageReader.callId(request), () -> stateless.reject(request, reason));
        return;
      }
    }
    var dialog = transaction != null && transaction.getDialog() != null ? transaction.getDialog() : event.getDialog();
    if (ack && dialog == null && event.getServerTransaction() != null) {
      dialog = event.getServerTransaction().getDialog();
    }
    if (Request.INVITE.equals(request.getMethod())
        && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null) {
      natPeers.onDialogForming(request);
    }
    IncomingRequest incoming = JainMessageReader.request(request, transaction, dialog);
    deliver(new SipEvent.RequestReceived(incoming));
  }

  @Override
  public void processResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    Response response = event.getResponse();
    if (response.getStatusCode() / 100 == 2
        && Request.INVITE.equals(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod())) {
      natPeers.onDialogForming(response);
    }
    deliver(new SipEvent.ResponseReceived(JainMessageReader.response(
        event.getResponse(), transaction == null ? null : new JainHandles.Client(transaction), event.getDialog())));
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      ServerTransaction transaction = event.getServerTransaction();
      Request request = transaction.getRequest();
      deliver(new SipEvent.ServerTransactionTimedOut(JainMessageReader.callId(request),
          new JainHandles.Server(transaction, request.getMethod())));
    } else {
      ClientTransaction transaction = event.getClientTransaction();
      deliver(new SipEvent.ClientTransactionTimedOut(JainMessageReader.callId(transaction.getRequest()),
          new JainHandles.Client(transaction)));
    }
  }

  @Override
  public void processDialogTimeout(DialogTimeoutEvent event) {
    var dialog = event.getDialog();
    String callId = dialog.getCallId().getCallId();
    if (event.getReason() == DialogTimeoutEvent.Reason.AckNotReceived) {
      deliver(new SipEvent.AckNotReceived(callId, new JainHandles.DialogRef(dialog)));
    } else {
      log.debug("dialog {} timed out: {}", callId, event.getReason());
    }
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    var dialog = event.getDialog();
    natPeers.forget(dialog.getCallId().getCallId());
    deliver(new SipEvent.DialogTerminated(dialog.getCallId().getCallId(), new JainHandles.DialogRef(dialog)));
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // Nothing to do: calls track their transactions through responses and timeouts.
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    log.info("SIP transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
  }

  private void deliver(SipEvent event) {
    executor.execute(event.callId(), () -> sink.accept(event));
  }
}
