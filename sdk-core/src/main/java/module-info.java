/**
 * VoiceHooks core: the event model, the webhook handler, signature verification, idempotency and
 * limits shared by every provider module.
 *
 * <p>{@code io.voicehooks.core} is the API. {@code io.voicehooks.core.internal} holds what the
 * provider modules share (the deserializer, the record annotations, HTTP and JSON helpers); it is
 * exported only to them, so no application module can come to depend on it. Both packages are
 * opened to Jackson, which binds the records and instantiates the deserializers named in their
 * annotations.
 */
module io.voicehooks.core {
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires java.net.http;
  requires org.slf4j;

  exports io.voicehooks.core;
  exports io.voicehooks.core.internal to
      io.voicehooks.agni,
      io.voicehooks.vaani,
      io.voicehooks.agntix,
      io.voicehooks.cllr,
      io.voicehooks.jdbc,
      io.voicehooks.testing;

  opens io.voicehooks.core to
      com.fasterxml.jackson.databind;
  opens io.voicehooks.core.internal to
      com.fasterxml.jackson.databind;
}
