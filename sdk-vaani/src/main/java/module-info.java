/**
 * VoiceHooks for Vaani: its parser, events and listener. The package is opened to Jackson, which
 * binds the event records.
 */
module io.voicehooks.vaani {
  requires transitive io.voicehooks.core;
  requires com.fasterxml.jackson.databind;

  exports io.voicehooks.vaani;

  opens io.voicehooks.vaani to
      com.fasterxml.jackson.databind;
}
