package io.switchboard.protocol.auth;

import java.util.List;
import java.util.Objects;

/**
 * The {@code video} claim of a LiveKit access token: room permissions.
 *
 * <p>Values are already resolved with LiveKit's defaults for absent JSON members
 * ({@code canPublish} and {@code canSubscribe} true, {@code canPublishData} equal to
 * {@code canPublish}), so callers never see "unset". {@code canPublishSources} holds LiveKit's
 * lower-case source names ({@code camera}, {@code microphone}, {@code screen_share},
 * {@code screen_share_audio}); empty means every source.
 */
public record VideoGrant(
        boolean roomCreate,
        boolean roomList,
        boolean roomRecord,
        boolean roomAdmin,
        boolean roomJoin,
        String room,
        boolean canPublish,
        boolean canSubscribe,
        boolean canPublishData,
        List<String> canPublishSources,
        boolean canUpdateOwnMetadata,
        boolean ingressAdmin,
        boolean hidden,
        boolean recorder,
        boolean agent,
        boolean canSubscribeMetrics,
        String destinationRoom) {

    /** What a token without a {@code video} claim grants: only LiveKit's default publish/subscribe rights. */
    public static final VideoGrant DEFAULTS = builder().build();

    public VideoGrant {
        room = Objects.requireNonNullElse(room, "");
        destinationRoom = Objects.requireNonNullElse(destinationRoom, "");
        canPublishSources = List.copyOf(Objects.requireNonNullElse(canPublishSources, List.of()));
    }

    /**
     * Whether a track of this source may be published, as LiveKit decides it: publishing must be
     * allowed at all, and the source must be listed when a list is given.
     *
     * @param source lower-case LiveKit source name, e.g. {@code microphone}
     */
    public boolean canPublishSource(String source) {
        return canPublish && (canPublishSources.isEmpty() || canPublishSources.contains(source));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .roomCreate(roomCreate).roomList(roomList).roomRecord(roomRecord).roomAdmin(roomAdmin)
                .roomJoin(roomJoin).room(room).canPublish(canPublish).canSubscribe(canSubscribe)
                .canPublishData(canPublishData).canPublishSources(canPublishSources)
                .canUpdateOwnMetadata(canUpdateOwnMetadata).ingressAdmin(ingressAdmin).hidden(hidden)
                .recorder(recorder).agent(agent).canSubscribeMetrics(canSubscribeMetrics)
                .destinationRoom(destinationRoom);
    }

    /** Mutable builder starting from LiveKit's defaults; {@code canPublishData} follows {@code canPublish} unless set. */
    public static final class Builder {
        private boolean roomCreate;
        private boolean roomList;
        private boolean roomRecord;
        private boolean roomAdmin;
        private boolean roomJoin;
        private String room = "";
        private boolean canPublish = true;
        private boolean canSubscribe = true;
        private Boolean canPublishData;
        private List<String> canPublishSources = List.of();
        private boolean canUpdateOwnMetadata;
        private boolean ingressAdmin;
        private boolean hidden;
        private boolean recorder;
        private boolean agent;
        private boolean canSubscribeMetrics;
        private String destinationRoom = "";

        private Builder() {
        }

        public Builder roomCreate(boolean value) { roomCreate = value; return this; }
        public Builder roomList(boolean value) { roomList = value; return this; }
        public Builder roomRecord(boolean value) { roomRecord = value; return this; }
        public Builder roomAdmin(boolean value) { roomAdmin = value; return this; }
        public Builder roomJoin(boolean value) { roomJoin = value; return this; }
        public Builder room(String value) { room = value; return this; }
        public Builder canPublish(boolean value) { canPublish = value; return this; }
        public Builder canSubscribe(boolean value) { canSubscribe = value; return this; }
        public Builder canPublishData(boolean value) { canPublishData = value; return this; }
        public Builder canPublishSources(List<String> value) { canPublishSources = value; return this; }
        public Builder canUpdateOwnMetadata(boolean value) { canUpdateOwnMetadata = value; return this; }
        public Builder ingressAdmin(boolean value) { ingressAdmin = value; return this; }
        public Builder hidden(boolean value) { hidden = value; return this; }
        public Builder recorder(boolean value) { recorder = value; return this; }
        public Builder agent(boolean value) { agent = value; return this; }
        public Builder canSubscribeMetrics(boolean value) { canSubscribeMetrics = value; return this; }
        public Builder destinationRoom(String value) { destinationRoom = value; return this; }

        public VideoGrant build() {
            return new VideoGrant(roomCreate, roomList, roomRecord, roomAdmin, roomJoin, room,
                    canPublish, canSubscribe, canPublishData == null ? canPublish : canPublishData,
                    canPublishSources, canUpdateOwnMetadata, ingressAdmin, hidden, recorder, agent,
                    canSubscribeMetrics, destinationRoom);
        }
    }
}
