package io.switchboard.sip.api;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.DispatchRuleUpdate;
import io.switchboard.trunk.model.RoomRule;
import livekit.LivekitSip.CreateSIPDispatchRuleRequest;
import livekit.LivekitSip.SIPDispatchRule;
import livekit.LivekitSip.SIPDispatchRuleCallee;
import livekit.LivekitSip.SIPDispatchRuleDirect;
import livekit.LivekitSip.SIPDispatchRuleIndividual;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPDispatchRuleUpdate;

/** {@code SIPDispatchRuleInfo}, its update and the legacy create fields to and from {@link DispatchRule}. */
final class DispatchRuleMapper {

    private DispatchRuleMapper() {
    }

    static DispatchRule toModel(SIPDispatchRuleInfo p) {
        return DispatchRule.builder()
                .id(p.getSipDispatchRuleId())
                .name(p.getName())
                .metadata(p.getMetadata())
                .rule(p.hasRule() ? roomRule(p.getRule()) : null)
                .trunkIds(p.getTrunkIdsList())
                .inboundNumbers(p.getInboundNumbersList())
                .numbers(p.getNumbersList())
                .hidePhoneNumber(p.getHidePhoneNumber())
                .attributes(p.getAttributesMap())
                .roomPreset(p.getRoomPreset())
                .roomConfig(RoomConfigMapper.toModel(p.hasRoomConfig(), p.getRoomConfig()))
                .krispEnabled(p.getKrispEnabled())
                .mediaEncryption(ProtoValues.mediaEncryption(p.getMediaEncryption(), "media_encryption"))
                .createdAt(ProtoValues.instant(p.hasCreatedAt(), p.getCreatedAt()))
                .updatedAt(ProtoValues.instant(p.hasUpdatedAt(), p.getUpdatedAt()))
                .build();
    }

    /**
     * The rule described by the deprecated top-level fields of a create request, used when it has
     * no {@code dispatch_rule} (as LiveKit's {@code DispatchRuleInfo()}; the legacy
     * {@code inbound_numbers} field is the callers' numbers there too).
     */
    static DispatchRule fromLegacyCreate(CreateSIPDispatchRuleRequest r) {
        return DispatchRule.builder()
                .name(r.getName())
                .metadata(r.getMetadata())
                .rule(r.hasRule() ? roomRule(r.getRule()) : null)
                .trunkIds(r.getTrunkIdsList())
                .inboundNumbers(r.getInboundNumbersList())
                .hidePhoneNumber(r.getHidePhoneNumber())
                .attributes(r.getAttributesMap())
                .roomPreset(r.getRoomPreset())
                .roomConfig(RoomConfigMapper.toModel(r.hasRoomConfig(), r.getRoomConfig()))
                .build();
    }

    static SIPDispatchRuleInfo toProto(DispatchRule r) {
        SIPDispatchRuleInfo.Builder b = SIPDispatchRuleInfo.newBuilder()
                .setSipDispatchRuleId(r.id())
                .setName(r.name())
                .setMetadata(r.metadata())
                .addAllTrunkIds(r.trunkIds())
                .addAllInboundNumbers(r.inboundNumbers())
                .addAllNumbers(r.numbers())
                .setHidePhoneNumber(r.hidePhoneNumber())
                .putAllAttributes(r.attributes())
                .setRoomPreset(r.roomPreset())
                .setKrispEnabled(r.krispEnabled())
                .setMediaEncryption(ProtoValues.mediaEncryption(r.mediaEncryption()));
        if (r.rule() != null) {
            b.setRule(roomRule(r.rule()));
        }
        if (r.roomConfig() != null) {
            b.setRoomConfig(RoomConfigMapper.toProto(r.roomConfig()));
        }
        ProtoValues.ifInstant(r.createdAt(), b::setCreatedAt);
        ProtoValues.ifInstant(r.updatedAt(), b::setUpdatedAt);
        return b.build();
    }

    /** The partial update; absent fields are null (attributes: empty) and leave the stored value alone. */
    static DispatchRuleUpdate toUpdate(SIPDispatchRuleUpdate u) {
        RoomRule rule = null;
        if (u.hasRule()) {
            rule = roomRule(u.getRule());
            if (rule == null) {
                throw new InvalidFieldException("rule",
                        "must be one of dispatch_rule_direct, dispatch_rule_individual or dispatch_rule_callee");
            }
        }
        return new DispatchRuleUpdate(
                ProtoValues.listUpdate(u.hasTrunkIds(), u.getTrunkIds()),
                rule,
                u.hasName() ? u.getName() : null,
                u.hasMetadata() ? u.getMetadata() : null,
                u.getAttributesMap(),
                u.hasMediaEncryption() ? ProtoValues.mediaEncryption(u.getMediaEncryption(), "media_encryption") : null);
    }

    /** Null when the oneof is empty; the validator then names the missing rule. */
    static RoomRule roomRule(SIPDispatchRule p) {
        return switch (p.getRuleCase()) {
            case DISPATCH_RULE_DIRECT -> {
                SIPDispatchRuleDirect d = p.getDispatchRuleDirect();
                yield new RoomRule.Direct(d.getRoomName(), d.getPin());
            }
            case DISPATCH_RULE_INDIVIDUAL -> {
                SIPDispatchRuleIndividual i = p.getDispatchRuleIndividual();
                yield new RoomRule.Individual(i.getRoomPrefix(), i.getPin(), i.getNoRandomness());
            }
            case DISPATCH_RULE_CALLEE -> {
                SIPDispatchRuleCallee c = p.getDispatchRuleCallee();
                yield new RoomRule.Callee(c.getRoomPrefix(), c.getPin(), c.getRandomize());
            }
            case RULE_NOT_SET -> null;
        };
    }

    static SIPDispatchRule roomRule(RoomRule rule) {
        SIPDispatchRule.Builder b = SIPDispatchRule.newBuilder();
        switch (rule) {
            case RoomRule.Direct d -> b.setDispatchRuleDirect(
                    SIPDispatchRuleDirect.newBuilder().setRoomName(d.roomName()).setPin(d.pin()));
            case RoomRule.Individual i -> b.setDispatchRuleIndividual(SIPDispatchRuleIndividual.newBuilder()
                    .setRoomPrefix(i.roomPrefix()).setPin(i.pin()).setNoRandomness(i.noRandomness()));
            case RoomRule.Callee c -> b.setDispatchRuleCallee(SIPDispatchRuleCallee.newBuilder()
                    .setRoomPrefix(c.roomPrefix()).setPin(c.pin()).setRandomize(c.randomize()));
        }
        return b.build();
    }
}
