/** VoiceHooks testing kit: sample deliveries, a Svix signer and a delivery simulator. */
module io.voicehooks.testing {
  requires transitive io.voicehooks.core;
  requires com.fasterxml.jackson.databind;
  requires transitive java.net.http;

  exports io.voicehooks.testing;
}
