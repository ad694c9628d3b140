package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.RoomRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Turns a selected dispatch rule into a room and participant, exactly as LiveKit's
 * {@code EvaluateDispatchRule}:
 * <ul>
 *   <li>direct: {@code room_name};</li>
 *   <li>individual: {@code prefix_caller_suffix} ({@code caller_suffix} without a prefix),
 *       without {@code _suffix} when {@code no_randomness};</li>
 *   <li>callee: {@code prefix_called} ({@code called} without a prefix), plus {@code _suffix}
 *       when {@code randomize};</li>
 *   <li>identity {@code sip_<caller>}, name {@code Phone <caller>}; with {@code hide_phone_number}
 *       the identity is {@code sip_} + hex of the first 8 bytes of SHA-256(caller), the shown
 *       number (also in the individual room name) is its last 4 characters, and the number
 *       attributes are left out.</li>
 * </ul>
 * The suffix is 12 characters of LiveKit's GUID alphabet drawn from the injected generator.
 */
public final class DispatchEvaluator {
    /** LiveKit's GUID alphabet (shortuuid's: no 0, 1, I, O, l). */
    static final String SUFFIX_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final int SUFFIX_LENGTH = 12;

    private final RandomGenerator random;

    public DispatchEvaluator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param trunk the matched trunk, or null if the call matched none
     * @param rule  the rule {@link DispatchRuleSelector} chose
     */
    public Dispatch evaluate(InboundTrunk trunk, DispatchRule rule, InboundCall call, PinEntry pin) {
        RoomRule roomRule = Objects.requireNonNull(rule.rule(), "dispatch rule " + rule.id() + " has no rule");
        String trunkId = trunk == null ? "" : trunk.id();
        CallOptions options = options(trunk, rule);
        if (roomRule.hasPin()) {
            switch (pin) {
                case PinEntry.NotAsked n -> {
                    return new Dispatch.RequestPin(trunkId, rule.id(), options);
                }
                case PinEntry.Entered(String digits) -> {
                    if (!digits.equals(roomRule.pin())) {
                        return new Dispatch.WrongPin(trunkId, rule.id());
                    }
                }
            }
        }
        // A PIN keyed in for an open room is ignored: the caller pressed a key by accident.
        String caller = call.callerNumber();
        String shownNumber = caller;
        String identity = "sip_" + caller;
        Map<String, String> attributes = new LinkedHashMap<>(rule.attributes());
        attributes.put(SipAttributes.TRUNK_ID, trunkId);
        if (rule.hidePhoneNumber()) {
            identity = "sip_" + HexFormat.of().formatHex(sha256(caller), 0, 8);
            shownNumber = caller.substring(caller.length() - (caller.length() <= 4 ? Math.min(1, caller.length()) : 4));
        } else {
            attributes.put(SipAttributes.PHONE_NUMBER, caller);
            attributes.put(SipAttributes.HOSTNAME, call.callerHost());
            attributes.put(SipAttributes.TRUNK_PHONE_NUMBER, call.calledNumber());
        }
        attributes.put(SipAttributes.RULE_ID, rule.id());
        String room = switch (roomRule) {
            case RoomRule.Direct d -> d.roomName();
            case RoomRule.Individual i -> withSuffix(prefixed(i.roomPrefix(), shownNumber), !i.noRandomness());
            case RoomRule.Callee c -> withSuffix(prefixed(c.roomPrefix(), call.calledNumber()), c.randomize());
        };
        Dispatch.SipParticipant participant =
                new Dispatch.SipParticipant(identity, "Phone " + shownNumber, rule.metadata(), attributes);
        return new Dispatch.Route(room, participant, rule.roomPreset(), rule.roomConfig(), trunkId, rule.id(), options);
    }

    private static CallOptions options(InboundTrunk trunk, DispatchRule rule) {
        if (trunk == null) {
            return new CallOptions(Map.of(), Map.of(), Map.of(), IncludeHeaders.NONE,
                    null, null, rule.krispEnabled(), MediaEncryption.DISABLE.overriddenBy(rule.mediaEncryption()));
        }
        return new CallOptions(trunk.headers(), trunk.headersToAttributes(), trunk.attributesToHeaders(),
                trunk.includeHeaders(), trunk.ringingTimeout(), trunk.maxCallDuration(),
                trunk.krispEnabled() || rule.krispEnabled(),
                trunk.mediaEncryption().overriddenBy(rule.mediaEncryption()));
    }

    private static String prefixed(String prefix, String number) {
        return prefix.isEmpty() ? number : prefix + "_" + number;
    }

    private String withSuffix(String room, boolean random) {
        if (!random) {
            return room;
        }
        StringBuilder b = new StringBuilder(room.length() + 1 + SUFFIX_LENGTH).append(room).append('_');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            b.append(SUFFIX_ALPHABET.charAt(this.random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return b.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
