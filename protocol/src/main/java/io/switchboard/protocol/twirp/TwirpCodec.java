package io.switchboard.protocol.twirp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * Twirp's two encodings. JSON requests are read leniently (proto3 JSON names or proto names,
 * unknown fields and unknown enum names ignored: SDKs are newer than our protos); JSON replies
 * use proto field names and print every field without presence, like Go twirp's
 * {@code protojson{UseProtoNames, EmitUnpopulated}}.
 */
final class TwirpCodec {

    enum Format { JSON, PROTOBUF }

    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer()
            .preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();

    private TwirpCodec() {
    }

    /** The format named by a Content-Type header; parameters such as {@code charset} are ignored. */
    static Optional<Format> format(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/json" -> Optional.of(Format.JSON);
            case "application/protobuf" -> Optional.of(Format.PROTOBUF);
            default -> Optional.empty();
        };
    }

    static Message decode(Format format, byte[] body, Message prototype) {
        return switch (format) {
            case JSON -> decodeJson(body, prototype);
            case PROTOBUF -> decodeProtobuf(body, prototype);
        };
    }

    static TwirpResponse encode(Format format, Message reply) {
        return switch (format) {
            case JSON -> new TwirpResponse(200, TwirpResponse.JSON, printJson(reply));
            case PROTOBUF -> new TwirpResponse(200, TwirpResponse.PROTOBUF, reply.toByteArray());
        };
    }

    private static Message decodeJson(byte[] body, Message prototype) {
        String json = new String(body, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            throw TwirpException.malformed("the json request could not be decoded: the body is empty (send {} for an empty "
                    + prototype.getDescriptorForType().getFullName() + ")");
        }
        Message.Builder builder = prototype.newBuilderForType();
        try {
            JSON_PARSER.merge(json, builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw TwirpException.malformed("the json request could not be decoded: " + e.getMessage());
        }
        return builder.build();
    }

    private static Message decodeProtobuf(byte[] body, Message prototype) {
        try {
            return prototype.getParserForType().parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw TwirpException.malformed("the protobuf request could not be decoded: " + e.getMessage());
        }
    }

    private static byte[] printJson(Message reply) {
        try {
            return JSON_PRINTER.print(reply).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw TwirpException.internal("the reply could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
