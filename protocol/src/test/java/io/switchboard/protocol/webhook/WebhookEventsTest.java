package io.switchboard.protocol.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import livekit.LivekitWebhook.WebhookEvent;

/** The webhook body format: proto3 JSON, lowerCamelCase, unpopulated fields left out. */
class WebhookEventsTest {

    @Test
    void participantJoinedRendersAsLiveKitSendsIt() {
        String json = new String(WebhookEvents.toJson(WebhookSignerTest.participantJoined()), StandardCharsets.UTF_8);

        // Field order is the proto's field-number order; int64 createdAt is a JSON string (proto3 JSON).
        assertEquals("{\"event\":\"participant_joined\","
                + "\"room\":{\"sid\":\"RM_kZgC4i3dMVgF\",\"name\":\"support\",\"numParticipants\":2},"
                + "\"participant\":{\"sid\":\"PA_Qa8cYk7XqRFm\",\"identity\":\"sip_+15105550100\",\"state\":\"ACTIVE\","
                + "\"kind\":\"SIP\",\"attributes\":{\"sip.callID\":\"SCL_abc\"}},"
                + "\"id\":\"EV_3yUfN6Ppmmcc\",\"createdAt\":\"1772366400\"}", json);
    }

    @Test
    void roomFinishedWithOnlyARoom() {
        WebhookEvent event = WebhookEvent.newBuilder().setEvent("room_finished")
                .setRoom(livekit.LivekitModels.Room.newBuilder().setName("support")).build();
        assertEquals("{\"event\":\"room_finished\",\"room\":{\"name\":\"support\"}}",
                new String(WebhookEvents.toJson(event), StandardCharsets.UTF_8));
    }
}
