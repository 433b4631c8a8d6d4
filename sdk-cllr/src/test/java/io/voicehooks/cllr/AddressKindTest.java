package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address check on its own: IP literals only, so nothing is looked up and no packet is sent.
 */
final class AddressKindTest {
  private static InetAddress literal(String ip) throws UnknownHostException {
    return InetAddress.getByName(ip); // an IP literal is parsed, never looked up
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "127.255.255.254, LOOPBACK",
    "127.1.2.3, LOOPBACK",
    "::1, LOOPBACK",
    "0.0.0.0, UNSPECIFIED",
    "0.1.2.3, UNSPECIFIED",
    "::, UNSPECIFIED",
    "10.0.0.1, PRIVATE",
    "10.255.255.255, PRIVATE",
    "172.16.0.0, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.0.1, PRIVATE",
    "192.168.255.255, PRIVATE",
    "100.64.0.0, PRIVATE",
    "100.127.255.255, PRIVATE",
    "198.18.0.1, PRIVATE",
    "198.19.255.255, PRIVATE",
    "fc00::1, PRIVATE",
    "fd12:3456:789a::1, PRIVATE",
    "fd00:ec2::254, PRIVATE",
    "fec0::1, PRIVATE",
    "169.254.169.254, LINK_LOCAL",
    "169.254.0.1, LINK_LOCAL",
    "169.254.170.2, LINK_LOCAL",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "224.0.0.1, MULTICAST",
    "239.255.255.250, MULTICAST",
    "ff02::1, MULTICAST",
    "ff0e::1, MULTICAST",
    "240.0.0.1, RESERVED",
    "255.255.255.255, RESERVED",
    "192.0.0.170, RESERVED",
    "100::1, RESERVED",
    "8.8.8.8, PUBLIC",
    "1.1.1.1, PUBLIC",
    "172.15.255.255, PUBLIC",
    "172.32.0.0, PUBLIC",
    "100.63.255.255, PUBLIC",
    "100.128.0.0, PUBLIC",
    "192.169.0.1, PUBLIC",
    "169.253.255.255, PUBLIC",
    "198.17.255.255, PUBLIC",
    "198.20.0.0, PUBLIC",
    "126.255.255.255, PUBLIC",
    "128.0.0.0, PUBLIC",
    "223.255.255.255, PUBLIC",
    "2606:4700:4700::1111, PUBLIC",
    "2001:4860:4860::8888, PUBLIC",
    "fbff::1, PUBLIC"
  })
  void of_classifiesEachRange(String ip, AddressKind expected) throws UnknownHostException {
    assertThat(AddressKind.of(literal(ip))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    // IPv4-mapped, IPv4-compatible (deprecated), SIIT, NAT64 well-known prefix, 6to4
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "::ffff:10.0.0.1, PRIVATE",
    "::ffff:0.0.0.0, UNSPECIFIED",
    "::ffff:8.8.8.8, PUBLIC",
    "::127.0.0.1, LOOPBACK",
    "::169.254.169.254, LINK_LOCAL",
    "::192.168.1.1, PRIVATE",
    "::8.8.8.8, PUBLIC",
    "::ffff:0:127.0.0.1, LOOPBACK",
    "::ffff:0:169.254.169.254, LINK_LOCAL",
    "64:ff9b::127.0.0.1, LOOPBACK",
    "64:ff9b::169.254.169.254, LINK_LOCAL",
    "64:ff9b::10.1.2.3, PRIVATE",
    "64:ff9b::8.8.8.8, PUBLIC",
    "64:ff9b:1::a00:1, PRIVATE",
    "2002:7f00:1::, LOOPBACK",
    "2002:a9fe:a9fe::1, LINK_LOCAL",
    "2002:c0a8:101::1, PRIVATE",
    "2002:808:808::1, PUBLIC"
  })
  void of_ipv6CarryingIpv4_isClassifiedByTheIpv4Address(String ip, AddressKind expected)
      throws UnknownHostException {
    assertThat(AddressKind.of(literal(ip))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "169.254.169.254, LINK_LOCAL",
    "192.168.0.1, PRIVATE",
    "0.0.0.0, UNSPECIFIED",
    "8.8.4.4, PUBLIC"
  })
  void of_ipv4MappedKeptAsInet6Address_isClassifiedByTheIpv4Address(
      String ipv4, AddressKind expected) throws UnknownHostException {
    // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; Inet6Address.getByAddress
    // keeps the IPv6 form, which a socket still sends to the IPv4 host.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(literal(ipv4).getAddress(), 0, mapped, 12, 4);
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(AddressKind.of(address)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"LOOPBACK, a loopback address", "LINK_LOCAL, a link-local address"})
  void description_isANounPhraseForMessages(AddressKind kind, String expected) {
    assertThat(kind.description()).isEqualTo(expected);
  }
}
