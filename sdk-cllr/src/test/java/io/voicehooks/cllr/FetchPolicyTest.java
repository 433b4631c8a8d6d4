package io.voicehooks.cllr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.cllr.TranscriptFetchException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy on its own. Host names go to a fake resolver and IP literals are parsed, so nothing
 * here looks a name up in DNS, and the policy never connects: no packet is sent.
 */
final class FetchPolicyTest {
  private static final String TOKEN = "X-Amz-Signature=f00dfacecafe1234";
  private static final String PATH = "/latest/meta-data/iam/security-credentials/";
  private static final Set<AddressKind> ALL_ALLOWANCES =
      EnumSet.of(AddressKind.LOOPBACK, AddressKind.PRIVATE, AddressKind.LINK_LOCAL);

  /** The names looked up, in order. */
  private final List<String> lookups = new ArrayList<>();

  /** Answers from a fixed table, recording each lookup. */
  private FetchPolicy.Resolver resolver(Map<String, List<String>> table) {
    return host -> {
      lookups.add(host);
      List<String> ips = table.getOrDefault(host, List.of());
      InetAddress[] addresses = new InetAddress[ips.size()];
      for (int i = 0; i < addresses.length; i++) {
        addresses[i] = InetAddress.getByName(ips.get(i)); // literals only
      }
      return addresses;
    };
  }

  private FetchPolicy policy(boolean plainHttp, Set<AddressKind> allowed, String... hosts) {
    return new FetchPolicy(
        plainHttp,
        allowed,
        FetchPolicy.hostPatterns(List.of(hosts)),
        resolver(
            Map.of(
                "transcripts.example.com", List.of("93.184.216.34"),
                "a.b.example.com", List.of("93.184.216.34"),
                "transcripts.cllr.ai", List.of("93.184.216.34", "2606:2800:220:1::1"),
                "rebind.example.com", List.of("127.0.0.1"),
                "mixed.example.com", List.of("93.184.216.34", "10.0.0.7"),
                "metadata.example.com", List.of("169.254.169.254"),
                "localhost", List.of("127.0.0.1"),
                "api.localhost", List.of("127.0.0.1"))));
  }

  private static List<InetAddress> check(FetchPolicy policy, String uri)
      throws UnknownHostException {
    URI parsed = URI.create(uri);
    return policy.addresses(parsed, "Transcript host " + parsed.getHost());
  }

  private static List<String> ips(List<InetAddress> addresses) {
    return addresses.stream().map(InetAddress::getHostAddress).toList();
  }

  @Test
  void addresses_httpsPublicLiteral_isReturnedWithoutALookup() throws UnknownHostException {
    FetchPolicy policy = policy(false, Set.of());

    assertThat(ips(check(policy, "https://93.184.216.34/t.json?" + TOKEN)))
        .containsExactly("93.184.216.34");
    assertThat(ips(check(policy, "https://[2606:2800:220:1::1]:8443/t.json")))
        .containsExactly("2606:2800:220:1:0:0:0:1");
    assertThat(lookups).isEmpty();
  }

  @Test
  void addresses_name_isLookedUpOnceAndEveryAddressReturned() throws UnknownHostException {
    FetchPolicy policy = policy(false, Set.of());

    assertThat(ips(check(policy, "https://Transcripts.CLLR.ai./t.json?" + TOKEN)))
        .containsExactly("93.184.216.34", "2606:2800:220:1:0:0:0:1");
    assertThat(lookups).containsExactly("transcripts.cllr.ai");
  }

  @Test
  void addresses_plainHttp_isRefusedUnlessAllowed() throws UnknownHostException {
    String uri = "http://93.184.216.34" + PATH + "?" + TOKEN;

    assertThatThrownBy(() -> check(policy(false, ALL_ALLOWANCES), uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
              assertThat(e.statusCode()).isZero();
            })
        .hasMessage(
            "Transcript host 93.184.216.34 refused: plain http is not allowed (see"
                + " allowPlainHttp)");
    assertThat(ips(check(policy(true, Set.of()), uri))).containsExactly("93.184.216.34");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://93.184.216.34/t.json", "file://93.184.216.34/etc/passwd"})
  void addresses_otherScheme_isRefused(String uri) {
    assertThatThrownBy(() -> check(policy(true, ALL_ALLOWANCES), uri))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage("Transcript host 93.184.216.34 refused: only http and https are fetched");
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1, a loopback address (see allowLoopback)",
    "127.45.6.7, 127.45.6.7, a loopback address (see allowLoopback)",
    "[::1], 0:0:0:0:0:0:0:1, a loopback address (see allowLoopback)",
    "[::ffff:127.0.0.1], 127.0.0.1, a loopback address (see allowLoopback)",
    "[0:0:0:0:0:ffff:7f00:1], 127.0.0.1, a loopback address (see allowLoopback)",
    "[::127.0.0.1], 0:0:0:0:0:0:7f00:1, a loopback address (see allowLoopback)",
    "[64:ff9b::7f00:1], 64:ff9b:0:0:0:0:7f00:1, a loopback address (see allowLoopback)",
    "10.0.0.1, 10.0.0.1, a private-network address (see allowPrivateNetworks)",
    "172.16.5.4, 172.16.5.4, a private-network address (see allowPrivateNetworks)",
    "192.168.1.1, 192.168.1.1, a private-network address (see allowPrivateNetworks)",
    "100.64.1.1, 100.64.1.1, a private-network address (see allowPrivateNetworks)",
    "[fd00:ec2::254], fd00:ec2:0:0:0:0:0:254, a private-network address (see"
        + " allowPrivateNetworks)",
    "[::ffff:10.1.2.3], 10.1.2.3, a private-network address (see allowPrivateNetworks)",
    "169.254.169.254, 169.254.169.254, a link-local address (see allowLinkLocal)",
    "169.254.170.2, 169.254.170.2, a link-local address (see allowLinkLocal)",
    "[fe80::1], fe80:0:0:0:0:0:0:1, a link-local address (see allowLinkLocal)",
    "[::ffff:169.254.169.254], 169.254.169.254, a link-local address (see allowLinkLocal)",
    "[64:ff9b::a9fe:a9fe], 64:ff9b:0:0:0:0:a9fe:a9fe, a link-local address (see"
        + " allowLinkLocal)",
    "0.0.0.0, 0.0.0.0, an unspecified address",
    "[::], 0:0:0:0:0:0:0:0, an unspecified address",
    "224.0.0.1, 224.0.0.1, a multicast address",
    "[ff02::1], ff02:0:0:0:0:0:0:1, a multicast address",
    "255.255.255.255, 255.255.255.255, a reserved address"
  })
  void addresses_internalLiteral_isRefusedNamingTheRuleAndHostOnly(
      String host, String ip, String rule) {
    String uri = "https://" + host + PATH + "?" + TOKEN;

    assertThatThrownBy(() -> check(policy(false, Set.of()), uri))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED))
        .hasMessage("Transcript host " + host + " refused: " + ip + " is " + rule)
        .hasMessageNotContaining(PATH)
        .hasMessageNotContaining(TOKEN);
    assertThat(lookups).isEmpty();
  }

  @Test
  void addresses_eachAllowance_allowsItsOwnRangeOnly() throws UnknownHostException {
    FetchPolicy loopback = policy(false, EnumSet.of(AddressKind.LOOPBACK));
    FetchPolicy privateNetworks = policy(false, EnumSet.of(AddressKind.PRIVATE));
    FetchPolicy linkLocal = policy(false, EnumSet.of(AddressKind.LINK_LOCAL));

    assertThat(ips(check(loopback, "https://127.0.0.1/"))).containsExactly("127.0.0.1");
    assertThat(ips(check(loopback, "https://[::1]/"))).containsExactly("0:0:0:0:0:0:0:1");
    assertThatThrownBy(() -> check(loopback, "https://10.0.0.1/"))
        .hasMessageContaining("private-network");
    assertThatThrownBy(() -> check(loopback, "https://169.254.169.254/"))
        .hasMessageContaining("link-local");

    assertThat(ips(check(privateNetworks, "https://10.0.0.1/"))).containsExactly("10.0.0.1");
    assertThat(ips(check(privateNetworks, "https://100.64.0.9/"))).containsExactly("100.64.0.9");
    assertThat(ips(check(privateNetworks, "https://[fd00:ec2::254]/"))).hasSize(1);
    assertThatThrownBy(() -> check(privateNetworks, "https://127.0.0.1/"))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> check(privateNetworks, "https://169.254.169.254/"))
        .hasMessageContaining("link-local");

    assertThat(ips(check(linkLocal, "https://169.254.169.254/")))
        .containsExactly("169.254.169.254");
    assertThatThrownBy(() -> check(linkLocal, "https://127.0.0.1/"))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> check(linkLocal, "https://192.168.0.1/"))
        .hasMessageContaining("private-network");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "[::]",
        "224.0.0.251",
        "[ff02::fb]",
        "240.0.0.1",
        "255.255.255.255",
        "192.0.0.170"
      })
  void addresses_unspecifiedMulticastAndReserved_areRefusedWhateverIsAllowed(String host) {
    assertThatThrownBy(() -> check(policy(true, ALL_ALLOWANCES), "http://" + host + "/t.json"))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED))
        .hasMessageStartingWith("Transcript host " + host + " refused: ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2130706433",
        "017700000001",
        "0x7f000001",
        "0177.0.0.1",
        "127.000.000.001",
        "127.0.0.01",
        "0",
        "00"
      })
  void addresses_numericHostNotADottedQuad_isRefusedWithoutALookup(String host) {
    // java.net.URI reads no host at all in "127.1" or "0x7f.0.0.1"; the fetcher rejects those
    // (CllrTranscriptFetcherSsrfTest). These are the numeric forms it does read as a host.
    URI uri = URI.create("http://" + host + "/t.json?" + TOKEN);
    assertThat(uri.getHost()).as("the URI parser reads a host").isEqualTo(host);

    assertThatThrownBy(() -> check(policy(true, ALL_ALLOWANCES), uri.toString()))
        .isInstanceOfSatisfying(
            TranscriptFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED))
        .hasMessage(
            "Transcript host "
                + host
                + " refused: a numeric host must be a dotted-quad IPv4 address");
    assertThat(lookups).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LocalHost", "localhost.", "api.localhost"})
  void addresses_localhostName_isRefusedWithoutALookupUnlessLoopbackIsAllowed(String host)
      throws UnknownHostException {
    String uri = "https://" + host + "/t.json?" + TOKEN;

    assertThatThrownBy(() -> check(policy(false, EnumSet.of(AddressKind.PRIVATE)), uri))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript host "
                + host
                + " refused: the name is a loopback name (see allowLoopback)");
    assertThat(lookups).isEmpty();

    assertThat(ips(check(policy(false, EnumSet.of(AddressKind.LOOPBACK)), uri)))
        .containsExactly("127.0.0.1");
  }

  @Test
  void addresses_nameResolvingToLoopback_isRefusedNamingTheAddress() {
    assertThatThrownBy(() -> check(policy(false, Set.of()), "https://rebind.example.com/t.json"))
        .hasMessage(
            "Transcript host rebind.example.com refused: 127.0.0.1 is a loopback address (see"
                + " allowLoopback)");
    assertThatThrownBy(() -> check(policy(false, Set.of()), "https://metadata.example.com" + PATH))
        .hasMessage(
            "Transcript host metadata.example.com refused: 169.254.169.254 is a link-local"
                + " address (see allowLinkLocal)");
  }

  @Test
  void addresses_nameWithOneInternalAddressAmongPublicOnes_isRefused() {
    assertThatThrownBy(() -> check(policy(false, Set.of()), "https://mixed.example.com/t.json"))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage(
            "Transcript host mixed.example.com refused: 10.0.0.7 is a private-network address"
                + " (see allowPrivateNetworks)");
    assertThat(lookups).containsExactly("mixed.example.com");
  }

  @Test
  void addresses_nameWithoutAddresses_isAnUnknownHost() {
    assertThatThrownBy(() -> check(policy(false, Set.of()), "https://nowhere.example.com/t.json"))
        .isInstanceOf(UnknownHostException.class);
  }

  @Test
  void addresses_ipv6ZoneIndex_isRefused() {
    assertThatThrownBy(() -> check(policy(false, ALL_ALLOWANCES), "https://[fe80::1%25eth0]/t"))
        .isInstanceOf(TranscriptFetchException.class)
        .hasMessage("Transcript host [fe80::1%25eth0] refused: an IPv6 zone index is not allowed");
  }

  @Test
  void addresses_allowList_admitsMatchingHostsOnly() throws UnknownHostException {
    FetchPolicy policy =
        policy(false, Set.of(), "*.example.com", "transcripts.cllr.ai", "93.184.216.34");

    assertThat(check(policy, "https://transcripts.example.com/t.json")).hasSize(1);
    assertThat(check(policy, "https://a.b.example.com/t.json")).hasSize(1);
    assertThat(check(policy, "https://TRANSCRIPTS.cllr.ai./t.json")).hasSize(2);
    assertThat(check(policy, "https://93.184.216.34/t.json")).hasSize(1);
    assertThat(lookups)
        .containsExactly("transcripts.example.com", "a.b.example.com", "transcripts.cllr.ai");
    lookups.clear();

    for (String host :
        List.of(
            "example.com",
            "evilexample.com",
            "example.com.evil.io",
            "cllr.ai",
            "x.transcripts.cllr.ai",
            "93.184.216.35")) {
      assertThatThrownBy(() -> check(policy, "https://" + host + PATH + "?" + TOKEN))
          .isInstanceOfSatisfying(
              TranscriptFetchException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED))
          .hasMessage(
              "Transcript host " + host + " refused: the host is not on the allowed host list");
    }
    assertThat(lookups).as("refused before any lookup").isEmpty();
  }

  @Test
  void addresses_allowedHost_isStillAddressChecked() {
    FetchPolicy policy = policy(false, Set.of(), "*.example.com");

    assertThatThrownBy(() -> check(policy, "https://metadata.example.com" + PATH))
        .hasMessageContaining("169.254.169.254 is a link-local address");
  }

  @Test
  void hostPattern_normalisesCaseBracketsAndTrailingDot() {
    assertThat(FetchPolicy.hostPattern("*.Example.COM.")).isEqualTo("*.example.com");
    assertThat(FetchPolicy.hostPattern("Transcripts.cllr.ai")).isEqualTo("transcripts.cllr.ai");
    assertThat(FetchPolicy.hostPattern("[::1]")).isEqualTo("::1");
    assertThat(FetchPolicy.hostPattern("10.0.0.5")).isEqualTo("10.0.0.5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "*",
        "*.",
        "*.*.example.com",
        "a.*.example.com",
        "*example.com",
        "exa mple.com",
        "https://example.com",
        "example.com/path",
        "example..com",
        "user@example.com"
      })
  void hostPattern_otherForms_areRejected(String pattern) {
    assertThatThrownBy(() -> FetchPolicy.hostPattern(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("allowed host must be a host name, an IP address or *.domain");
  }

  @Test
  void toString_namesTheOptions() {
    assertThat(policy(true, EnumSet.of(AddressKind.LOOPBACK), "*.example.com"))
        .hasToString("plainHttp=true, alsoAllowed=[LOOPBACK], allowedHosts=[*.example.com]");
  }
}
