/**
 * VoiceHooks for Agntix: its parser, events and listener. The package is opened to Jackson, which
 * binds the event records.
 */
module io.voicehooks.agntix {
  requires transitive io.voicehooks.core;
  requires com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires org.slf4j;

  exports io.voicehooks.agntix;

  opens io.voicehooks.agntix to
      com.fasterxml.jackson.databind;
}
