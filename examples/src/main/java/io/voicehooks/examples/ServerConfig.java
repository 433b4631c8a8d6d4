package io.voicehooks.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code serve} reads from the environment. Every variable is optional; a blank value counts
 * as unset.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>effect</th></tr>
 *   <tr><td>{@code AGNI_ORG_ID}</td><td>the only Agni organisation accepted (401 for others);
 *       unset: any organisation, with one warning</td></tr>
 *   <tr><td>{@code AGNTIX_WEBHOOK_SECRET}</td><td>the endpoint's Svix signing secret ({@code
 *       whsec_...}); unset: every Agntix delivery gets 401</td></tr>
 *   <tr><td>{@code VAANI_URL_SECRET}</td><td>the secret in the URL you give Vaani: deliveries must
 *       be posted to {@code /webhooks/vaani?token=<secret>} (401 otherwise); several,
 *       comma-separated, while rotating; unset: any Vaani delivery is accepted, with one
 *       warning</td></tr>
 *   <tr><td>{@code CLLR_URL_SECRET}</td><td>the same for cllr, at {@code
 *       /webhooks/cllr?token=<secret>}</td></tr>
 *   <tr><td>{@code VOICEHOOKS_JDBC_URL}</td><td>durable, shared mode: every delivery is stored in
 *       PostgreSQL before 200, and processed by inbox workers</td></tr>
 *   <tr><td>{@code VOICEHOOKS_IDLE_TIMEOUT}, {@code VOICEHOOKS_HEADER_TIMEOUT}, ...</td><td>the
 *       receiver's timeouts and size limits: see {@link ServerLimits}</td></tr>
 * </table>
 *
 * @param agniOrgId the expected Agni {@code org_id}, or null to accept any
 * @param agntixSecret the Agntix signing secret, or null to reject every Agntix delivery
 *     <p>Vaani and cllr take only an endpoint URL and can send no header, so their secret travels
 *     in the URL's {@code token} query parameter ({@link
 *     io.voicehooks.core.SharedSecretVerifier#queryParameter}). The former {@code
 *     VAANI_SHARED_SECRET} and {@code CLLR_SHARED_SECRET} (bearer tokens those senders could never
 *     send) are refused.
 * @param agniOrgId the expected Agni {@code org_id}, or null to accept any
 * @param agntixSecret the Agntix signing secret, or null to reject every Agntix delivery
 * @param vaaniUrlSecrets the secrets accepted in the Vaani URL's {@code token} parameter (several
 *     while rotating), or empty to check none
 * @param cllrUrlSecrets the same for cllr
 * @param jdbcUrl a PostgreSQL JDBC URL for durable mode, or null for in-memory mode
 * @param limits the receiver's timeouts and size limits
 */
public record ServerConfig(
    @Nullable String agniOrgId,
    @Nullable String agntixSecret,
    List<String> vaaniUrlSecrets,
    List<String> cllrUrlSecrets,
    @Nullable String jdbcUrl,
    ServerLimits limits) {

  /**
   * Copies the secret lists and checks that the limits are given.
   *
   * @param agniOrgId the expected Agni {@code org_id}, or null to accept any
   * @param agntixSecret the Agntix signing secret, or null to reject every Agntix delivery
   * @param vaaniUrlSecrets the secrets accepted in the Vaani URL, or empty to check none
   * @param cllrUrlSecrets the secrets accepted in the cllr URL, or empty to check none
   * @param jdbcUrl a PostgreSQL JDBC URL for durable mode, or null for in-memory mode
   * @param limits the receiver's timeouts and size limits
   */
  public ServerConfig {
    vaaniUrlSecrets = List.copyOf(vaaniUrlSecrets);
    cllrUrlSecrets = List.copyOf(cllrUrlSecrets);
    Objects.requireNonNull(limits, "limits == null");
  }

  /**
   * Creates a configuration with the {@linkplain ServerLimits#defaults() default limits}.
   *
   * @param agniOrgId the expected Agni {@code org_id}, or null to accept any
   * @param agntixSecret the Agntix signing secret, or null to reject every Agntix delivery
   * @param vaaniUrlSecrets the secrets accepted in the Vaani URL, or empty to check none
   * @param cllrUrlSecrets the secrets accepted in the cllr URL, or empty to check none
   * @param jdbcUrl a PostgreSQL JDBC URL for durable mode, or null for in-memory mode
   */
  public ServerConfig(
      @Nullable String agniOrgId,
      @Nullable String agntixSecret,
      List<String> vaaniUrlSecrets,
      List<String> cllrUrlSecrets,
      @Nullable String jdbcUrl) {
    this(
        agniOrgId, agntixSecret, vaaniUrlSecrets, cllrUrlSecrets, jdbcUrl, ServerLimits.defaults());
  }

  /**
   * Returns this configuration with other limits.
   *
   * @param limits the receiver's timeouts and size limits
   * @return the new configuration
   */
  public ServerConfig withLimits(ServerLimits limits) {
    return new ServerConfig(
        agniOrgId, agntixSecret, vaaniUrlSecrets, cllrUrlSecrets, jdbcUrl, limits);
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @return the configuration
   * @throws IllegalArgumentException naming the variable, if a limit cannot be read or a former
   *     header-secret variable is set
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    refuseHeaderSecret(env, "VAANI", "Vaani");
    refuseHeaderSecret(env, "CLLR", "cllr");
    return new ServerConfig(
        value(env, "AGNI_ORG_ID"),
        value(env, "AGNTIX_WEBHOOK_SECRET"),
        secrets(env, "VAANI_URL_SECRET"),
        secrets(env, "CLLR_URL_SECRET"),
        value(env, "VOICEHOOKS_JDBC_URL"),
        ServerLimits.fromEnvironment(env));
  }

  /**
   * A bearer token Vaani or cllr can never send would answer 401 to every delivery, and neither
   * retries: refuse to start rather than lose every call.
   */
  private static void refuseHeaderSecret(Map<String, String> env, String prefix, String provider) {
    String name = prefix + "_SHARED_SECRET";
    if (value(env, name) != null) {
      throw new IllegalArgumentException(
          name
              + " is no longer read: "
              + provider
              + " sends no headers, so the bearer token it asked for could never arrive. Set "
              + prefix
              + "_URL_SECRET instead and give "
              + provider
              + " the URL https://<your host>/webhooks/"
              + provider.toLowerCase(Locale.ROOT)
              + "?token=<that secret>");
    }
  }

  private static List<String> secrets(Map<String, String> env, String name) {
    String value = value(env, name);
    List<String> secrets = new ArrayList<>();
    if (value != null) {
      for (String secret : value.split(",", -1)) {
        if (!secret.isBlank()) {
          secrets.add(secret.trim());
        }
      }
    }
    return secrets;
  }

  private static @Nullable String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Tells which settings are present, never their values: secrets and URLs with passwords. */
  @Override
  public String toString() {
    return "ServerConfig[agniOrgId="
        + (agniOrgId != null ? "set" : "unset")
        + ", agntixSecret="
        + (agntixSecret != null ? "set" : "unset")
        + ", vaaniUrlSecrets="
        + vaaniUrlSecrets.size()
        + ", cllrUrlSecrets="
        + cllrUrlSecrets.size()
        + ", jdbcUrl="
        + (jdbcUrl != null ? "set" : "unset")
        + ", limits="
        + limits
        + "]";
  }
}
