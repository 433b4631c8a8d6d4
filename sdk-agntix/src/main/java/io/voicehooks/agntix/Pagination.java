package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pagination block of a list response. The server clamps out-of-range requests silently, so
 * these are the values it applied.
 *
 * @param page the page returned, from 1, or null
 * @param limit the page size applied, or null
 * @param total how many items there are over all pages, or null
 * @param totalPages how many pages there are, or null
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record Pagination(
    @JsonProperty("page") @Nullable Integer page,
    @JsonProperty("limit") @Nullable Integer limit,
    @JsonProperty("total") @Nullable Long total,
    @JsonProperty("totalPages") @Nullable Integer totalPages,
    @ExtraFields Map<String, @Nullable Object> extraFields) {
  /**
   * Creates the record, copying the extra fields.
   *
   * @param page see {@link #page()}
   * @param limit see {@link #limit()}
   * @param total see {@link #total()}
   * @param totalPages see {@link #totalPages()}
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public Pagination {
    extraFields = FreeForm.copyOf(extraFields);
  }

  static final Pagination EMPTY = new Pagination(null, null, null, null, null);

  /** Shows the components; the extra fields only by their number. */
  @Override
  public String toString() {
    return ToString.of(this)
        .add("page", page)
        .add("limit", limit)
        .add("total", total)
        .add("totalPages", totalPages)
        .redact("extraFields", extraFields)
        .toString();
  }
}
