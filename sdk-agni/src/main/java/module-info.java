/**
 * VoiceHooks for Agni: its parser, events and listener. The package is opened to Jackson, which
 * binds the event records.
 */
module io.voicehooks.agni {
  requires transitive io.voicehooks.core;
  requires com.fasterxml.jackson.databind;

  exports io.voicehooks.agni;

  opens io.voicehooks.agni to
      com.fasterxml.jackson.databind;
}
