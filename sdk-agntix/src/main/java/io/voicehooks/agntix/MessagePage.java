package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a session's messages, as {@link AgntixClient#sessionMessages(String, int, int)}
 * returns it.
 *
 * <p>{@link #toString()} shows the pagination and only the number of messages.
 *
 * @param data the messages on this page, in order; empty when none
 * @param pagination the page numbers the server applied; every part null when not sent
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record MessagePage(
    @JsonProperty("data") List<SessionMessage> data,
    @JsonProperty("pagination") Pagination pagination,
    @ExtraFields Map<String, @Nullable Object> extraFields) {

  /**
   * Creates a page, copying the messages.
   *
   * @param data the messages, or null for none
   * @param pagination the pagination block, or null when not sent
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public MessagePage {
    data = FreeForm.listOf(data);
    if (pagination == null) {
      pagination = Pagination.EMPTY;
    }
    extraFields = FreeForm.copyOf(extraFields);
  }

  /**
   * Tells whether the server reports a page after this one.
   *
   * @return true when {@code page < totalPages}; false when either is unknown
   */
  public boolean hasNextPage() {
    Integer page = pagination.page();
    Integer totalPages = pagination.totalPages();
    return page != null && totalPages != null && page < totalPages;
  }

  /** Shows the pagination and the number of messages. */
  @Override
  public String toString() {
    return ToString.of(this)
        .redact("data", data)
        .add("pagination", pagination)
        .redact("extraFields", extraFields)
        .toString();
  }
}
