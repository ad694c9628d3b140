package io.switchboard.sip.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.google.protobuf.Timestamp;

import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.ListUpdate;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.SipTransport;
import livekit.LivekitSip.SIPHeaderOptions;
import livekit.LivekitSip.SIPMediaEncryption;
import livekit.LivekitSip.SIPTransport;

/**
 * Conversions of the scalar protobuf types shared by the trunk and rule mappers: durations,
 * timestamps, the SIP enums and {@code ListUpdate}. An enum number this server does not know
 * (a newer SDK, or a typo in a protobuf body) is refused naming its field rather than silently
 * read as the default.
 */
final class ProtoValues {

    private ProtoValues() {
    }

    /** Null for an absent or zero duration, which LiveKit reads as "use the default". */
    static Duration duration(boolean present, com.google.protobuf.Duration value) {
        if (!present) {
            return null;
        }
        Duration d = Duration.ofSeconds(value.getSeconds(), value.getNanos());
        return d.isZero() ? null : d;
    }

    static com.google.protobuf.Duration duration(Duration value) {
        return com.google.protobuf.Duration.newBuilder()
                .setSeconds(value.getSeconds()).setNanos(value.getNano()).build();
    }

    /** Sets {@code setter} only when {@code value} is present. */
    static void ifDuration(Duration value, Consumer<com.google.protobuf.Duration> setter) {
        if (value != null) {
            setter.accept(duration(value));
        }
    }

    static Instant instant(boolean present, Timestamp value) {
        return present ? Instant.ofEpochSecond(value.getSeconds(), value.getNanos()) : null;
    }

    static void ifInstant(Instant value, Consumer<Timestamp> setter) {
        if (value != null) {
            setter.accept(Timestamp.newBuilder().setSeconds(value.getEpochSecond()).setNanos(value.getNano()).build());
        }
    }

    static SipTransport transport(SIPTransport value, String field) {
        return switch (value) {
            case SIP_TRANSPORT_AUTO -> SipTransport.AUTO;
            case SIP_TRANSPORT_UDP -> SipTransport.UDP;
            case SIP_TRANSPORT_TCP -> SipTransport.TCP;
            case SIP_TRANSPORT_TLS -> SipTransport.TLS;
            case UNRECOGNIZED -> throw unknownEnum(field,
                    "SIP_TRANSPORT_AUTO, SIP_TRANSPORT_UDP, SIP_TRANSPORT_TCP or SIP_TRANSPORT_TLS");
        };
    }

    static SIPTransport transport(SipTransport value) {
        return switch (value) {
            case AUTO -> SIPTransport.SIP_TRANSPORT_AUTO;
            case UDP -> SIPTransport.SIP_TRANSPORT_UDP;
            case TCP -> SIPTransport.SIP_TRANSPORT_TCP;
            case TLS -> SIPTransport.SIP_TRANSPORT_TLS;
        };
    }

    static IncludeHeaders includeHeaders(SIPHeaderOptions value, String field) {
        return switch (value) {
            case SIP_NO_HEADERS -> IncludeHeaders.NONE;
            case SIP_X_HEADERS -> IncludeHeaders.X_HEADERS;
            case SIP_ALL_HEADERS -> IncludeHeaders.ALL;
            case UNRECOGNIZED -> throw unknownEnum(field, "SIP_NO_HEADERS, SIP_X_HEADERS or SIP_ALL_HEADERS");
        };
    }

    static SIPHeaderOptions includeHeaders(IncludeHeaders value) {
        return switch (value) {
            case NONE -> SIPHeaderOptions.SIP_NO_HEADERS;
            case X_HEADERS -> SIPHeaderOptions.SIP_X_HEADERS;
            case ALL -> SIPHeaderOptions.SIP_ALL_HEADERS;
        };
    }

    static MediaEncryption mediaEncryption(SIPMediaEncryption value, String field) {
        return switch (value) {
            case SIP_MEDIA_ENCRYPT_DISABLE -> MediaEncryption.DISABLE;
            case SIP_MEDIA_ENCRYPT_ALLOW -> MediaEncryption.ALLOW;
            case SIP_MEDIA_ENCRYPT_REQUIRE -> MediaEncryption.REQUIRE;
            case UNRECOGNIZED -> throw unknownEnum(field,
                    "SIP_MEDIA_ENCRYPT_DISABLE, SIP_MEDIA_ENCRYPT_ALLOW or SIP_MEDIA_ENCRYPT_REQUIRE");
        };
    }

    static SIPMediaEncryption mediaEncryption(MediaEncryption value) {
        return switch (value) {
            case DISABLE -> SIPMediaEncryption.SIP_MEDIA_ENCRYPT_DISABLE;
            case ALLOW -> SIPMediaEncryption.SIP_MEDIA_ENCRYPT_ALLOW;
            case REQUIRE -> SIPMediaEncryption.SIP_MEDIA_ENCRYPT_REQUIRE;
        };
    }

    /** Null when the request carries no update for the list (leave it unchanged). */
    static ListUpdate listUpdate(boolean present, livekit.LivekitModels.ListUpdate value) {
        if (!present) {
            return null;
        }
        return new ListUpdate(value.getSetList(), value.getAddList(), value.getRemoveList(), value.getClear());
    }

    static livekit.LivekitModels.ListUpdate listUpdate(ListUpdate value) {
        return livekit.LivekitModels.ListUpdate.newBuilder().addAllSet(value.set()).addAllAdd(value.add())
                .addAllRemove(value.remove()).setClear(value.clear()).build();
    }

    private static InvalidFieldException unknownEnum(String field, String expected) {
        return new InvalidFieldException(field, "has a value this server does not know; expected " + expected);
    }
}
