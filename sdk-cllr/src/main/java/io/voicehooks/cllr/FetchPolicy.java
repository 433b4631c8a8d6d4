package io.voicehooks.cllr;

import io.voicehooks.cllr.TranscriptFetchException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which transcript URIs {@link CllrTranscriptFetcher} may connect to, and to which
 * addresses. A transcript URI comes from an unsigned payload, so anyone who can reach the webhook
 * endpoint chooses it: the policy keeps the fetcher from being pointed at the network it runs in.
 *
 * <p>{@link #addresses} checks, in order: the scheme (https; http only when allowed), the host's
 * spelling (no zone index, no ambiguous numeric form such as {@code 2130706433} or {@code
 * 0177.0.0.1}), the allow-list, then every address the host resolves to. The fetcher connects only
 * to the addresses returned, so a second DNS answer (rebinding) cannot change where it connects.
 * Messages name the rule and the host, never the path or query. Immutable and thread-safe.
 */
final class FetchPolicy {
  /** A host name or IP address literal, lower case, without brackets or a trailing dot. */
  private static final Pattern HOST = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*|[0-9a-f:.]+");

  /**
   * A dotted-quad IPv4 address without leading zeros: the one numeric form everyone reads alike.
   */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  /** A last label that resolvers and URL parsers read as (part of) a number. */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

  /** Looks a host name up. The fetcher uses the system resolver; tests substitute their own. */
  @FunctionalInterface
  interface Resolver {
    /**
     * Resolves a host name (never an IP literal).
     *
     * @param host the name, lower case, without a trailing dot
     * @return its addresses
     * @throws UnknownHostException if it has none
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The system's resolver, through the JVM's address cache. */
  static final Resolver SYSTEM = InetAddress::getAllByName;

  private final boolean plainHttp;
  private final Set<AddressKind> allowed;
  private final List<String> hosts;
  private final Resolver resolver;

  /**
   * Creates a policy.
   *
   * @param plainHttp whether http is fetched as well as https
   * @param allowed the kinds of address allowed besides {@link AddressKind#PUBLIC}
   * @param hosts the host allow-list as checked by {@link #hostPattern}; empty allows any host
   * @param resolver looks host names up
   */
  FetchPolicy(boolean plainHttp, Set<AddressKind> allowed, List<String> hosts, Resolver resolver) {
    this.plainHttp = plainHttp;
    this.resolver = resolver;
    EnumSet<AddressKind> kinds = EnumSet.of(AddressKind.PUBLIC);
    kinds.addAll(allowed);
    this.allowed = Set.copyOf(kinds);
    this.hosts = List.copyOf(hosts);
  }

  /**
   * Checks and normalises one allow-list entry: a host name ({@code transcripts.cllr.ai}), an IP
   * address, or {@code *.} and a domain ({@code *.example.com}: any host below it, not the domain
   * itself).
   *
   * @param pattern the entry
   * @return the entry in lower case, without brackets or a trailing dot
   * @throws IllegalArgumentException if the entry is none of these
   */
  static String hostPattern(String pattern) {
    String host = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
    String normal = normalise(host);
    if (normal.isEmpty() || normal.contains("*") || !HOST.matcher(normal).matches()) {
      throw new IllegalArgumentException(
          "allowed host must be a host name, an IP address or *.domain: " + pattern);
    }
    return pattern.startsWith("*.") ? "*." + normal : normal;
  }

  /**
   * Checks the patterns of an allow-list.
   *
   * @param patterns the entries
   * @return them normalised
   */
  static List<String> hostPatterns(Collection<String> patterns) {
    List<String> result = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      if (pattern == null) {
        throw new NullPointerException("allowed host == null");
      }
      result.add(hostPattern(pattern));
    }
    return result;
  }

  /**
   * Checks a URI against the policy and resolves its host.
   *
   * @param uri an absolute URI
   * @param subject how a refusal starts, such as "Transcript host example.com"
   * @return the addresses to connect to, every one of them checked; never empty
   * @throws TranscriptFetchException with {@link Reason#NOT_ALLOWED} if the policy refuses the URI
   * @throws UnknownHostException if the host does not resolve
   */
  List<InetAddress> addresses(URI uri, String subject) throws UnknownHostException {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (scheme.equals("http")) {
      if (!plainHttp) {
        throw refused(subject, "plain http is not allowed (see allowPlainHttp)");
      }
    } else if (!scheme.equals("https")) {
      throw refused(subject, "only http and https are fetched");
    }
    String raw = uri.getHost();
    if (raw == null || raw.isEmpty()) {
      throw refused(subject, "the URI has no host");
    }
    String host = normalise(raw);
    if (host.contains("%")) {
      throw refused(subject, "an IPv6 zone index is not allowed");
    }
    if (!hosts.isEmpty() && !onAllowList(host)) {
      throw refused(subject, "the host is not on the allowed host list");
    }
    InetAddress[] resolved;
    if (raw.startsWith("[")) {
      resolved = new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
    } else {
      String last = host.substring(host.lastIndexOf('.') + 1);
      boolean dottedQuad = DOTTED_QUAD.matcher(host).matches();
      if (NUMERIC_LABEL.matcher(last).matches() && !dottedQuad) {
        throw refused(subject, "a numeric host must be a dotted-quad IPv4 address");
      }
      if ((host.equals("localhost") || host.endsWith(".localhost"))
          && !allowed.contains(AddressKind.LOOPBACK)) {
        throw refused(subject, "the name is a loopback name (see allowLoopback)");
      }
      // A name is resolved once here; the fetcher connects only to the addresses checked below.
      resolved = dottedQuad ? new InetAddress[] {InetAddress.getByName(host)} : lookUp(host);
    }
    for (InetAddress address : resolved) {
      AddressKind kind = AddressKind.of(address);
      if (!allowed.contains(kind)) {
        throw refused(subject, address.getHostAddress() + " is " + kind.description() + hint(kind));
      }
    }
    return List.of(resolved);
  }

  private InetAddress[] lookUp(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    return addresses.clone();
  }

  private boolean onAllowList(String host) {
    for (String pattern : hosts) {
      if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  private static String hint(AddressKind kind) {
    switch (kind) {
      case LOOPBACK:
        return " (see allowLoopback)";
      case PRIVATE:
        return " (see allowPrivateNetworks)";
      case LINK_LOCAL:
        return " (see allowLinkLocal)";
      default:
        return "";
    }
  }

  /** Lower case, without IPv6 brackets or one trailing dot. */
  private static String normalise(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  private static TranscriptFetchException refused(String subject, String rule) {
    return new TranscriptFetchException(Reason.NOT_ALLOWED, 0, subject + " refused: " + rule, null);
  }

  @Override
  public String toString() {
    EnumSet<AddressKind> extra = EnumSet.copyOf(allowed);
    extra.remove(AddressKind.PUBLIC);
    return "plainHttp="
        + plainHttp
        + ", alsoAllowed="
        + extra
        + ", allowedHosts="
        + (hosts.isEmpty() ? "any" : hosts.toString());
  }
}
