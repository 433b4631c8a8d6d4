package io.voicehooks.agntix;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The pagination block of a list response. The server clamps out-of-range requests silently, so
 * these are the values it applied.
 *
 * @param page the page returned, from 1, or null
 * @param limit the page size applied, or null
 * @param total how many items there are over all pages, or null
 * @param totalPages how many pages there are, or null
 */
public record Pagination(
    @JsonProperty("page") @Nullable Integer page,
    @JsonProperty("limit") @Nullable Integer limit,
    @JsonProperty("total") @Nullable Long total,
    @JsonProperty("totalPages") @Nullable Integer totalPages) {

  static final Pagination EMPTY = new Pagination(null, null, null, null);
}
