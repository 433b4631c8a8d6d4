package io.voicehooks.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * VoiceHooks settings, under {@code voicehooks}: one block per provider, whose required setting
 * registers its endpoint, and the handler and store settings all providers share.
 */
@ConfigurationProperties("voicehooks")
public class VoiceHooksProperties {
  /** Agni. */
  private final Agni agni = new Agni();

  /** Vaani. */
  private final Vaani vaani = new Vaani();

  /** Agntix. */
  private final Agntix agntix = new Agntix();

  /** cllr. */
  private final Cllr cllr = new Cllr();

  /** Processing. */
  private final Handler handler = new Handler();

  /** Idempotency store. */
  private final Store store = new Store();

  /** Creates the settings with their defaults. */
  public VoiceHooksProperties() {}

  /** {@return the Agni settings} */
  public Agni getAgni() {
    return agni;
  }

  /** {@return the Vaani settings} */
  public Vaani getVaani() {
    return vaani;
  }

  /** {@return the Agntix settings} */
  public Agntix getAgntix() {
    return agntix;
  }

  /** {@return the cllr settings} */
  public Cllr getCllr() {
    return cllr;
  }

  /** {@return the handler settings} */
  public Handler getHandler() {
    return handler;
  }

  /** {@return the store settings} */
  public Store getStore() {
    return store;
  }

  /** How deliveries are processed. */
  public enum Mode {
    /** Listeners run before the answer; a failure answers 500 and the provider retries. */
    SYNCHRONOUS,
    /** 200 at once; listeners run on a background pool. */
    ASYNCHRONOUS,
    /** Stored in a PostgreSQL inbox before 200; listeners run on inbox workers. */
    DURABLE
  }

  /** Where idempotency keys are kept. */
  public enum StoreType {
    /** In this process. */
    MEMORY,
    /** In PostgreSQL, through voicehooks-jdbc and the application's DataSource. */
    JDBC
  }

  /** Where a sender presents a shared secret. */
  public enum SharedSecretScheme {
    /** A query parameter of the URL, such as ?token=... */
    QUERY,
    /** The last segment of the URL's path, after the endpoint's path. */
    PATH,
    /** A header of its own, such as X-Webhook-Secret. */
    HEADER,
    /** Authorization: Bearer ... */
    BEARER,
    /** Authorization: Basic, the secret being the password. */
    BASIC
  }

  /** Settings of the Agni endpoint, authenticated by the organisation id in each delivery. */
  public static class Agni {
    /**
     * Whether to receive Agni webhooks. Unset: received when voicehooks.agni.org-ids is set; true:
     * the org ids are required; false: never.
     */
    private @Nullable Boolean enabled;

    /** Path of the Agni endpoint. */
    private String path = "/webhooks/agni";

    /**
     * Agni organisation ids whose deliveries are accepted (Agni signs nothing; the org_id check is
     * its authentication). Setting one registers the endpoint.
     */
    private List<String> orgIds = new ArrayList<>();

    /** {@return whether to receive these webhooks} */
    public @Nullable Boolean getEnabled() {
      return enabled;
    }

    /**
     * Sets whether to receive these webhooks.
     *
     * @param enabled true, false, or null to decide by the org ids
     */
    public void setEnabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the endpoint's path} */
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path starts with a slash
     */
    public void setPath(String path) {
      this.path = path;
    }

    /** {@return the accepted organisation ids} */
    public List<String> getOrgIds() {
      return orgIds;
    }

    /**
     * Sets the accepted organisation ids.
     *
     * @param orgIds one or more ids
     */
    public void setOrgIds(List<String> orgIds) {
      this.orgIds = orgIds;
    }
  }

  /**
   * Settings of an endpoint authenticated by a shared secret the sender presents: Vaani's and
   * cllr's, whose senders take only a URL.
   */
  public abstract static class SharedSecretEndpoint {
    /**
     * Whether to receive these webhooks. Unset: received when the shared secret is set; true: the
     * secret is required; false: never.
     */
    private @Nullable Boolean enabled;

    /**
     * Accepted shared secrets (several at once for rotation); 32 random bytes, base64url-encoded,
     * are a good secret. Setting one registers the endpoint.
     */
    private List<String> sharedSecret = new ArrayList<>();

    /**
     * Where the sender presents the secret: query (default; ?token=...), path (last path segment),
     * header, bearer (Authorization: Bearer) or basic (HTTP Basic, one secret as the password).
     */
    private SharedSecretScheme sharedSecretScheme = SharedSecretScheme.QUERY;

    /** Name of the query parameter holding the secret (query scheme). */
    private String sharedSecretParameter = "token";

    /** Name of the header holding the secret (header scheme). */
    private String sharedSecretHeader = "X-Webhook-Secret";

    SharedSecretEndpoint() {}

    /** {@return the endpoint's path} */
    public abstract String getPath();

    /** {@return the HTTP Basic user name} */
    public abstract String getSharedSecretUser();

    /** {@return whether to receive these webhooks; null when not set} */
    public @Nullable Boolean getEnabled() {
      return enabled;
    }

    /**
     * Sets whether to receive these webhooks.
     *
     * @param enabled true, false, or null to decide by the shared secret
     */
    public void setEnabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the accepted shared secrets} */
    public List<String> getSharedSecret() {
      return sharedSecret;
    }

    /**
     * Sets the accepted shared secrets.
     *
     * @param sharedSecret one or more secrets
     */
    public void setSharedSecret(List<String> sharedSecret) {
      this.sharedSecret = sharedSecret;
    }

    /** {@return where the sender presents the secret} */
    public SharedSecretScheme getSharedSecretScheme() {
      return sharedSecretScheme;
    }

    /**
     * Sets where the sender presents the secret.
     *
     * @param sharedSecretScheme the scheme
     */
    public void setSharedSecretScheme(SharedSecretScheme sharedSecretScheme) {
      this.sharedSecretScheme = sharedSecretScheme;
    }

    /** {@return the query parameter holding the secret} */
    public String getSharedSecretParameter() {
      return sharedSecretParameter;
    }

    /**
     * Sets the query parameter holding the secret.
     *
     * @param sharedSecretParameter the parameter name
     */
    public void setSharedSecretParameter(String sharedSecretParameter) {
      this.sharedSecretParameter = sharedSecretParameter;
    }

    /** {@return the header holding the secret} */
    public String getSharedSecretHeader() {
      return sharedSecretHeader;
    }

    /**
     * Sets the header holding the secret.
     *
     * @param sharedSecretHeader the header name
     */
    public void setSharedSecretHeader(String sharedSecretHeader) {
      this.sharedSecretHeader = sharedSecretHeader;
    }
  }

  /** Settings of the Vaani endpoint, authenticated by a shared secret the sender presents. */
  public static class Vaani extends SharedSecretEndpoint {
    /** Path of the Vaani endpoint; with the path scheme the secret is the segment after it. */
    private String path = "/webhooks/vaani";

    /** User name of the HTTP Basic credentials (basic scheme); the secret is the password. */
    private String sharedSecretUser = "vaani";

    /** Creates the settings, with their defaults. */
    public Vaani() {}

    @Override
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path starts with a slash
     */
    public void setPath(String path) {
      this.path = path;
    }

    @Override
    public String getSharedSecretUser() {
      return sharedSecretUser;
    }

    /**
     * Sets the HTTP Basic user name.
     *
     * @param sharedSecretUser the user name
     */
    public void setSharedSecretUser(String sharedSecretUser) {
      this.sharedSecretUser = sharedSecretUser;
    }
  }

  /** Settings of the Agntix endpoint, authenticated by Svix signatures. */
  public static class Agntix {
    /**
     * Whether to receive Agntix webhooks. Unset: received when voicehooks.agntix.secrets or
     * voicehooks.agntix.public-keys is set; true: one of them is required; false: never.
     */
    private @Nullable Boolean enabled;

    /** Path of the Agntix endpoint. */
    private String path = "/webhooks/agntix";

    /**
     * Signing secrets of the endpoint (whsec_...), several at once for rotation. Setting one
     * registers the endpoint.
     */
    private List<String> secrets = new ArrayList<>();

    /** Public keys for asymmetric (v1a, ed25519) signatures, instead of or beside the secrets. */
    private List<String> publicKeys = new ArrayList<>();

    /** How far a delivery's svix-timestamp may be from this server's clock; unset: five minutes. */
    private @Nullable Duration tolerance;

    /** {@return whether to receive these webhooks} */
    public @Nullable Boolean getEnabled() {
      return enabled;
    }

    /**
     * Sets whether to receive these webhooks.
     *
     * @param enabled true, false, or null to decide by the secrets
     */
    public void setEnabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the endpoint's path} */
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path starts with a slash
     */
    public void setPath(String path) {
      this.path = path;
    }

    /** {@return the signing secrets} */
    public List<String> getSecrets() {
      return secrets;
    }

    /**
     * Sets the signing secrets.
     *
     * @param secrets one or more whsec_ secrets
     */
    public void setSecrets(List<String> secrets) {
      this.secrets = secrets;
    }

    /** {@return the ed25519 public keys} */
    public List<String> getPublicKeys() {
      return publicKeys;
    }

    /**
     * Sets the ed25519 public keys.
     *
     * @param publicKeys one or more keys
     */
    public void setPublicKeys(List<String> publicKeys) {
      this.publicKeys = publicKeys;
    }

    /** {@return the timestamp tolerance} */
    public @Nullable Duration getTolerance() {
      return tolerance;
    }

    /**
     * Sets the timestamp tolerance.
     *
     * @param tolerance zero or more; null for the default
     */
    public void setTolerance(@Nullable Duration tolerance) {
      this.tolerance = tolerance;
    }
  }

  /** Settings of the cllr endpoint, authenticated by a shared secret the sender presents. */
  public static class Cllr extends SharedSecretEndpoint {
    /** Path of the cllr endpoint; with the path scheme the secret is the segment after it. */
    private String path = "/webhooks/cllr";

    /** User name of the HTTP Basic credentials (basic scheme); the secret is the password. */
    private String sharedSecretUser = "cllr";

    /** Creates the settings, with their defaults. */
    public Cllr() {}

    @Override
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path starts with a slash
     */
    public void setPath(String path) {
      this.path = path;
    }

    @Override
    public String getSharedSecretUser() {
      return sharedSecretUser;
    }

    /**
     * Sets the HTTP Basic user name.
     *
     * @param sharedSecretUser the user name
     */
    public void setSharedSecretUser(String sharedSecretUser) {
      this.sharedSecretUser = sharedSecretUser;
    }
  }

  /** How deliveries are processed, for every provider. */
  public static class Handler {
    /**
     * synchronous: the listeners run before the answer, and a failure answers 500 so the provider
     * retries; asynchronous: 200 at once, listeners on a background pool; durable: stored in a
     * PostgreSQL inbox (voicehooks-jdbc and a DataSource) before 200, listeners on inbox workers.
     */
    private Mode mode = Mode.SYNCHRONOUS;

    /** Events that may wait for or run on the background pool before deliveries get 503. */
    private int maxPending = 1000;

    /** Threads of the background pool (asynchronous mode). */
    private int threads = 4;

    /** Inbox worker threads per provider (durable mode). */
    private int inboxWorkers = 2;

    /** Largest body accepted; larger ones get 413, from Content-Length before reading. */
    private DataSize maxBodySize = DataSize.ofMegabytes(4);

    /** How long shutdown waits for deliveries and background events in hand. */
    private Duration drainTimeout = Duration.ofSeconds(30);

    /** {@return the processing mode} */
    public Mode getMode() {
      return mode;
    }

    /**
     * Sets the processing mode.
     *
     * @param mode the mode
     */
    public void setMode(Mode mode) {
      this.mode = mode;
    }

    /** {@return the most pending background events} */
    public int getMaxPending() {
      return maxPending;
    }

    /**
     * Sets the most pending background events.
     *
     * @param maxPending at least 1
     */
    public void setMaxPending(int maxPending) {
      this.maxPending = maxPending;
    }

    /** {@return the background pool's size} */
    public int getThreads() {
      return threads;
    }

    /**
     * Sets the background pool's size.
     *
     * @param threads at least 1
     */
    public void setThreads(int threads) {
      this.threads = threads;
    }

    /** {@return the inbox workers per provider} */
    public int getInboxWorkers() {
      return inboxWorkers;
    }

    /**
     * Sets the inbox workers per provider.
     *
     * @param inboxWorkers at least 1
     */
    public void setInboxWorkers(int inboxWorkers) {
      this.inboxWorkers = inboxWorkers;
    }

    /** {@return the largest body accepted} */
    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    /**
     * Sets the largest body accepted.
     *
     * @param maxBodySize at most 2^31 - 9 bytes
     */
    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    /** {@return how long shutdown waits} */
    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    /**
     * Sets how long shutdown waits.
     *
     * @param drainTimeout zero or more
     */
    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }
  }

  /** Where idempotency keys are kept (synchronous and asynchronous modes). */
  public static class Store {
    /**
     * memory: in this process only; jdbc: in PostgreSQL, shared by every replica (voicehooks-jdbc
     * and a DataSource).
     */
    private StoreType type = StoreType.MEMORY;

    /**
     * Whether to create the tables (idempotency store or inboxes) at startup if they do not exist.
     */
    private boolean initializeSchema = true;

    /** {@return where keys are kept} */
    public StoreType getType() {
      return type;
    }

    /**
     * Sets where keys are kept.
     *
     * @param type memory or jdbc
     */
    public void setType(StoreType type) {
      this.type = type;
    }

    /** {@return whether tables are created at startup} */
    public boolean isInitializeSchema() {
      return initializeSchema;
    }

    /**
     * Sets whether tables are created at startup.
     *
     * @param initializeSchema true to create missing tables
     */
    public void setInitializeSchema(boolean initializeSchema) {
      this.initializeSchema = initializeSchema;
    }
  }
}
