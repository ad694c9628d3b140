package io.switchboard.protocol.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRoom.RoomConfiguration;

/**
 * Everything a LiveKit access token grants, with the token's validity window.
 *
 * <p>{@code roomConfig} is kept as the parsed {@link RoomConfiguration} message rather than its
 * JSON text: the token carries it as proto3 JSON, so parsing it while verifying rejects a broken
 * one at the door (as LiveKit does) and hands rooms a typed value (agents, timeouts) to apply.
 * Unknown members inside it are ignored so tokens from newer SDKs still verify.
 *
 * <p>Absent strings are {@code ""}, as in LiveKit. A verified token always has {@code expiresAt};
 * grants built for {@link TokenIssuer} may leave the timestamps empty, the issuer stamps them.
 *
 * @param kind lower-case participant kind as LiveKit writes it ({@code standard}, {@code sip},
 *             {@code agent}, ...), {@code ""} when absent
 */
public record ClaimGrants(
        String identity,
        String name,
        String kind,
        String metadata,
        Map<String, String> attributes,
        String sha256,
        VideoGrant video,
        SipGrant sip,
        Optional<RoomConfiguration> roomConfig,
        String roomPreset,
        Optional<Instant> issuedAt,
        Optional<Instant> notBefore,
        Optional<Instant> expiresAt) {

    public ClaimGrants {
        identity = Objects.requireNonNullElse(identity, "");
        name = Objects.requireNonNullElse(name, "");
        kind = Objects.requireNonNullElse(kind, "");
        metadata = Objects.requireNonNullElse(metadata, "");
        attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
        sha256 = Objects.requireNonNullElse(sha256, "");
        video = Objects.requireNonNullElse(video, VideoGrant.DEFAULTS);
        sip = Objects.requireNonNullElse(sip, SipGrant.NONE);
        roomConfig = Objects.requireNonNullElse(roomConfig, Optional.empty());
        roomPreset = Objects.requireNonNullElse(roomPreset, "");
        issuedAt = Objects.requireNonNullElse(issuedAt, Optional.empty());
        notBefore = Objects.requireNonNullElse(notBefore, Optional.empty());
        expiresAt = Objects.requireNonNullElse(expiresAt, Optional.empty());
    }

    /** The participant kind as LiveKit maps it: absent or unknown names mean {@code STANDARD}. */
    public ParticipantInfo.Kind participantKind() {
        if (kind.isEmpty()) {
            return ParticipantInfo.Kind.STANDARD;
        }
        try {
            ParticipantInfo.Kind parsed = ParticipantInfo.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            return parsed == ParticipantInfo.Kind.UNRECOGNIZED ? ParticipantInfo.Kind.STANDARD : parsed;
        } catch (IllegalArgumentException unknown) {
            return ParticipantInfo.Kind.STANDARD;
        }
    }

    /** The lower-case claim value LiveKit writes for a participant kind, e.g. {@code sip}. */
    public static String kindName(ParticipantInfo.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().identity(identity).name(name).kind(kind).metadata(metadata)
                .attributes(attributes).sha256(sha256).video(video).sip(sip)
                .roomConfig(roomConfig.orElse(null)).roomPreset(roomPreset);
    }

    /** Builder for grants to issue; timestamps are left to {@link TokenIssuer}. */
    public static final class Builder {
        private String identity = "";
        private String name = "";
        private String kind = "";
        private String metadata = "";
        private Map<String, String> attributes = Map.of();
        private String sha256 = "";
        private VideoGrant video = VideoGrant.DEFAULTS;
        private SipGrant sip = SipGrant.NONE;
        private RoomConfiguration roomConfig;
        private String roomPreset = "";

        private Builder() {
        }

        public Builder identity(String value) { identity = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder kind(String value) { kind = value; return this; }
        public Builder kind(ParticipantInfo.Kind value) { kind = kindName(value); return this; }
        public Builder metadata(String value) { metadata = value; return this; }
        public Builder attributes(Map<String, String> value) { attributes = value; return this; }
        public Builder sha256(String value) { sha256 = value; return this; }
        public Builder video(VideoGrant value) { video = value; return this; }
        public Builder sip(SipGrant value) { sip = value; return this; }
        public Builder roomConfig(RoomConfiguration value) { roomConfig = value; return this; }
        public Builder roomPreset(String value) { roomPreset = value; return this; }

        public ClaimGrants build() {
            return new ClaimGrants(identity, name, kind, metadata, attributes, sha256, video, sip,
                    Optional.ofNullable(roomConfig), roomPreset,
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
