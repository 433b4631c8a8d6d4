/**
 * VoiceHooks for any Jakarta Servlet container: {@link io.voicehooks.servlet.WebhookServlet}, a
 * ready servlet over a {@code WebhookHandler}.
 */
module io.voicehooks.servlet {
  requires transitive io.voicehooks.core;
  requires transitive jakarta.servlet;

  exports io.voicehooks.servlet;
}
