package io.voicehooks.examples;

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
 *   <tr><td>{@code VAANI_SHARED_SECRET}</td><td>Vaani deliveries must carry {@code
 *       Authorization: Bearer <secret>}</td></tr>
 *   <tr><td>{@code CLLR_SHARED_SECRET}</td><td>cllr deliveries must carry {@code Authorization:
 *       Bearer <secret>}</td></tr>
 *   <tr><td>{@code VOICEHOOKS_JDBC_URL}</td><td>durable, shared mode: every delivery is stored in
 *       PostgreSQL before 200, and processed by inbox workers</td></tr>
 *   <tr><td>{@code VOICEHOOKS_IDLE_TIMEOUT}, {@code VOICEHOOKS_HEADER_TIMEOUT}, ...</td><td>the
 *       receiver's timeouts and size limits: see {@link ServerLimits}</td></tr>
 * </table>
 *
 * @param agniOrgId the expected Agni {@code org_id}, or null to accept any
 * @param agntixSecret the Agntix signing secret, or null to reject every Agntix delivery
 * @param vaaniSharedSecret the bearer token Vaani deliveries must present, or null for none
 * @param cllrSharedSecret the bearer token cllr deliveries must present, or null for none
 * @param jdbcUrl a PostgreSQL JDBC URL for durable mode, or null for in-memory mode
 * @param limits the receiver's timeouts and size limits
 */
public record ServerConfig(
    @Nullable String agniOrgId,
    @Nullable String agntixSecret,
    @Nullable String vaaniSharedSecret,
    @Nullable String cllrSharedSecret,
    @Nullable String jdbcUrl,
    ServerLimits limits) {

  /** Checks that the limits are given. */
  public ServerConfig {
    Objects.requireNonNull(limits, "limits == null");
  }

  /**
   * Creates a configuration with the {@linkplain ServerLimits#defaults() default limits}.
   *
   * @param agniOrgId the expected Agni {@code org_id}, or null to accept any
   * @param agntixSecret the Agntix signing secret, or null to reject every Agntix delivery
   * @param vaaniSharedSecret the bearer token Vaani deliveries must present, or null for none
   * @param cllrSharedSecret the bearer token cllr deliveries must present, or null for none
   * @param jdbcUrl a PostgreSQL JDBC URL for durable mode, or null for in-memory mode
   */
  public ServerConfig(
      @Nullable String agniOrgId,
      @Nullable String agntixSecret,
      @Nullable String vaaniSharedSecret,
      @Nullable String cllrSharedSecret,
      @Nullable String jdbcUrl) {
    this(
        agniOrgId,
        agntixSecret,
        vaaniSharedSecret,
        cllrSharedSecret,
        jdbcUrl,
        ServerLimits.defaults());
  }

  /**
   * Returns this configuration with other limits.
   *
   * @param limits the receiver's timeouts and size limits
   * @return the new configuration
   */
  public ServerConfig withLimits(ServerLimits limits) {
    return new ServerConfig(
        agniOrgId, agntixSecret, vaaniSharedSecret, cllrSharedSecret, jdbcUrl, limits);
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @return the configuration
   * @throws IllegalArgumentException naming the variable, if a limit cannot be read
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    return new ServerConfig(
        value(env, "AGNI_ORG_ID"),
        value(env, "AGNTIX_WEBHOOK_SECRET"),
        value(env, "VAANI_SHARED_SECRET"),
        value(env, "CLLR_SHARED_SECRET"),
        value(env, "VOICEHOOKS_JDBC_URL"),
        ServerLimits.fromEnvironment(env));
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
        + ", vaaniSharedSecret="
        + (vaaniSharedSecret != null ? "set" : "unset")
        + ", cllrSharedSecret="
        + (cllrSharedSecret != null ? "set" : "unset")
        + ", jdbcUrl="
        + (jdbcUrl != null ? "set" : "unset")
        + ", limits="
        + limits
        + "]";
  }
}
