/**
 * VoiceHooks for cllr: its parser, events and listener. The package is opened to Jackson, which
 * binds the event records.
 */
module io.voicehooks.cllr {
  requires transitive io.voicehooks.core;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires org.slf4j;

  exports io.voicehooks.cllr;

  opens io.voicehooks.cllr to
      com.fasterxml.jackson.databind;
}
