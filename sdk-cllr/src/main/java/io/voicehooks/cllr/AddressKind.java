package io.voicehooks.cllr;

import java.net.InetAddress;

/**
 * What kind of network an IP address belongs to, for the fetcher's address check. {@link
 * #of(InetAddress)} is a pure function of the address bytes: it never resolves a name or sends a
 * packet.
 *
 * <p>An IPv6 address that carries an IPv4 address (IPv4-mapped {@code ::ffff:0:0/96}, the
 * deprecated IPv4-compatible {@code ::/96}, SIIT {@code ::ffff:0:0:0/96}, the NAT64 well-known
 * prefix {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}) is classified by the IPv4 address it
 * carries, because that is where a packet to it may end up.
 */
enum AddressKind {
  /** Globally routable as far as this check knows. */
  PUBLIC("a public address"),
  /** {@code 127.0.0.0/8}, {@code ::1}: this machine. */
  LOOPBACK("a loopback address"),
  /**
   * Private networks: RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), shared
   * address space ({@code 100.64/10}, carrier-grade NAT), benchmarking ({@code 198.18/15}), unique
   * local IPv6 ({@code fc00::/7}), deprecated site-local IPv6 ({@code fec0::/10}) and the NAT64
   * local-use prefix ({@code 64:ff9b:1::/48}).
   */
  PRIVATE("a private-network address"),
  /**
   * {@code 169.254/16} and {@code fe80::/10}; cloud metadata services answer at {@code
   * 169.254.169.254} (AWS's IPv6 one, {@code fd00:ec2::254}, is unique local: {@link #PRIVATE}).
   */
  LINK_LOCAL("a link-local address"),
  /** {@code 224/4} and {@code ff00::/8}. */
  MULTICAST("a multicast address"),
  /** {@code 0.0.0.0/8} ("this network") and {@code ::}; connecting to them reaches this machine. */
  UNSPECIFIED("an unspecified address"),
  /**
   * Addresses no transcript lives at: {@code 240/4} (reserved, and the broadcast address), {@code
   * 192.0.0/24} (IETF protocol assignments) and the IPv6 discard prefix {@code 100::/64}.
   */
  RESERVED("a reserved address");

  private final String description;

  AddressKind(String description) {
    this.description = description;
  }

  /** {@return the kind as a noun phrase for messages, such as "a loopback address"} */
  String description() {
    return description;
  }

  /** {@return the kind of {@code address}} */
  static AddressKind of(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 4 ? ofIpv4(bytes, 0) : ofIpv6(bytes);
  }

  private static AddressKind ofIpv4(byte[] bytes, int at) {
    int a = bytes[at] & 0xff;
    int b = bytes[at + 1] & 0xff;
    int c = bytes[at + 2] & 0xff;
    if (a == 0) {
      return UNSPECIFIED;
    }
    if (a == 127) {
      return LOOPBACK;
    }
    if (a == 10
        || (a == 172 && (b & 0xf0) == 16)
        || (a == 192 && b == 168)
        || (a == 100 && (b & 0xc0) == 64)
        || (a == 198 && (b & 0xfe) == 18)) {
      return PRIVATE;
    }
    if (a == 169 && b == 254) {
      return LINK_LOCAL;
    }
    if ((a & 0xf0) == 224) {
      return MULTICAST;
    }
    if ((a & 0xf0) == 240 || (a == 192 && b == 0 && c == 0)) {
      return RESERVED;
    }
    return PUBLIC;
  }

  private static AddressKind ofIpv6(byte[] bytes) {
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    if (zero(bytes, 0, 10)) {
      int tag = word(bytes, 10);
      if (tag == 0xffff) {
        return ofIpv4(bytes, 12); // ::ffff:a.b.c.d, IPv4-mapped
      }
      if (tag == 0) {
        if (zero(bytes, 12, 15)) {
          int last = bytes[15] & 0xff;
          return last == 0 ? UNSPECIFIED : last == 1 ? LOOPBACK : ofIpv4(bytes, 12);
        }
        return ofIpv4(bytes, 12); // ::a.b.c.d, IPv4-compatible (deprecated)
      }
    }
    if (zero(bytes, 0, 8) && word(bytes, 8) == 0xffff && word(bytes, 10) == 0) {
      return ofIpv4(bytes, 12); // ::ffff:0:a.b.c.d, SIIT
    }
    if (word(bytes, 0) == 0x0064 && word(bytes, 2) == 0xff9b) {
      if (zero(bytes, 4, 12)) {
        return ofIpv4(bytes, 12); // 64:ff9b::a.b.c.d, NAT64 well-known prefix
      }
      if (word(bytes, 4) == 0x0001) {
        return PRIVATE; // 64:ff9b:1::/48, NAT64 local use
      }
    }
    if (word(bytes, 0) == 0x2002) {
      return ofIpv4(bytes, 2); // 2002:aabb:ccdd::/48, 6to4
    }
    if (word(bytes, 0) == 0x0100 && zero(bytes, 2, 8)) {
      return RESERVED; // 100::/64, discard only
    }
    if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
      return PRIVATE; // fc00::/7 unique local, fec0::/10 site-local
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return LINK_LOCAL;
    }
    if (first == 0xff) {
      return MULTICAST;
    }
    return PUBLIC;
  }

  private static boolean zero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int word(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }
}
