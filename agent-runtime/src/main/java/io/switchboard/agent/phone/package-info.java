/**
 * Phone calls in an agent's room, as its tools see them: transfer a caller to another number
 * (a SIP REFER cold transfer), key DTMF to them, hang up, and call someone into the room
 * ({@code dial}, an outbound call through a trunk). {@link io.switchboard.agent.phone.PhoneControl}
 * is bound to the session's room ({@code session.phone()}); the server provides the
 * {@link io.switchboard.agent.phone.PhoneLines} behind it. Digits callers key arrive as
 * {@code AgentEvent.SipDtmfReceived}.
 */
package io.switchboard.agent.phone;
