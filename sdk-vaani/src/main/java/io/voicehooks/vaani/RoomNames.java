package io.voicehooks.vaani;

import io.voicehooks.core.WebhookParseException;
import org.jspecify.annotations.Nullable;

/** The one strict check of every Vaani record: {@code room_name} is the call's identity. */
final class RoomNames {
  static final String FIELD = "room_name";

  private RoomNames() {}

  /**
   * Returns the room name, or throws the parse exception that names the field.
   *
   * @param roomName the bound value
   * @param eventType the event being parsed
   * @return the room name, neither null nor blank
   */
  static String require(@Nullable String roomName, String eventType) {
    if (roomName == null || roomName.isBlank()) {
      throw WebhookParseException.missingField(FIELD, eventType);
    }
    return roomName;
  }
}
