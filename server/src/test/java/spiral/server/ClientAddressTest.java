package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress none = ClientAddress.trusting(List.of());
  private final ClientAddress proxies = ClientAddress.trusting(List.of("127.0.0.1", "10.0.0.0/8", "::1"));

  @Test
  void withoutTrustedProxiesForwardedForIsIgnored() {
    assertThat(none.of("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
  }

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
    assertThat(proxies.of("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
  }

  @Test
  void behindTrustedProxiesTheRightMostUntrustedEntryIsTheClient() {
    // the client forged the first entry; the proxy at 10.1.2.3 appended what it saw
    assertThat(proxies.of("127.0.0.1", List.of("1.1.1.1, 203.0.113.9, 10.1.2.3"))).isEqualTo("203.0.113.9");
    assertThat(proxies.of("127.0.0.1", List.of("1.1.1.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(proxies.of("::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(proxies.of("127.0.0.1", List.of("[2001:db8::7]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(proxies.of("127.0.0.1", List.of("203.0.113.9:4711"))).isEqualTo("203.0.113.9");
  }

  @Test
  void garbageOrNoHeaderLeavesTheLastTrustedAddress() {
    assertThat(proxies.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    assertThat(proxies.of("127.0.0.1", List.of("evil.example"))).isEqualTo("127.0.0.1");
    assertThat(proxies.of("127.0.0.1", List.of("203.0.113.9, not-an-address"))).isEqualTo("127.0.0.1");
    assertThat(proxies.of("127.0.0.1", List.of("10.9.9.9"))).isEqualTo("10.9.9.9");
  }

  @Test
  void onlyAddressesAndRangesAreAccepted() {
    assertThatThrownBy(() -> ClientAddress.trusting(List.of("proxy.example"))).hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> ClientAddress.trusting(List.of("10.0.0.0/33"))).hasMessageContaining("between 0 and 32");
    assertThat(ClientAddress.trusting(List.of("192.168.0.0/16")).trusted(ClientAddress.literal("192.168.4.5"))).isTrue();
    assertThat(ClientAddress.trusting(List.of("192.168.0.0/16")).trusted(ClientAddress.literal("192.169.4.5"))).isFalse();
  }
}
