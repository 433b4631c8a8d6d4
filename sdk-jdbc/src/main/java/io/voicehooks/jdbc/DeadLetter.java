package io.voicehooks.jdbc;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored delivery whose processing failed on every attempt; {@link JdbcInbox#replay(long)} puts
 * it back in the queue once the cause is fixed.
 *
 * @param id the inbox row id
 * @param idempotencyKey the event's idempotency key
 * @param eventType the event type
 * @param attempts how many times processing was tried
 * @param receivedAt when the delivery arrived
 * @param lastError the class and message of the last failure, or null
 */
public record DeadLetter(
    long id,
    String idempotencyKey,
    String eventType,
    int attempts,
    Instant receivedAt,
    @Nullable String lastError) {}
