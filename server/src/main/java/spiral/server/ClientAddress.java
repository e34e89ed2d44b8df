package spiral.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request: the connection's peer, unless the peer is one of
 * the configured trusted proxies; then the right-most address in {@code X-Forwarded-For} that is
 * not itself a trusted proxy (each proxy appends the address it was connected from, so that entry
 * was written by a trusted proxy; anything to its left was written by the client and proves
 * nothing). With no trusted proxy configured, {@code X-Forwarded-For} is ignored.
 *
 * <p>A trusted proxy is an IP address ({@code 10.0.0.5}, {@code ::1}) or a range in CIDR notation
 * ({@code 10.0.0.0/8}). Only IP literals are read, never host names: nothing here looks anything
 * up. Addresses are answered in their canonical text form ({@link InetAddress#getHostAddress()}).
 *
 * <p>Cost: a few comparisons per trusted range and forwarded entry.
 */
final class ClientAddress {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  /** At most this many forwarded entries are read (from the right). */
  private static final int MAX_HOPS = 20;

  /** An address range: the address's first {@code bits} bits. */
  private record Range(byte[] prefix, int bits) {
    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (prefix[full] & mask);
    }
  }

  private final List<Range> trusted;

  private ClientAddress(List<Range> trusted) {
    this.trusted = trusted;
  }

  /**
   * Reads the trusted proxies.
   *
   * @throws IllegalArgumentException naming the first entry that is not an IP address or a CIDR range
   */
  static ClientAddress trusting(Collection<String> proxies) {
    List<Range> out = new ArrayList<>();
    for (String p : proxies) {
      String s = p.trim();
      int slash = s.indexOf('/');
      InetAddress a = literal(slash < 0 ? s : s.substring(0, slash));
      if (a == null) {
        throw new IllegalArgumentException("trusted proxy: not an IP address or CIDR range: '" + Bodies.clip(p) + "'");
      }
      int max = a.getAddress().length * 8;
      int bits = max;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > max) {
          throw new IllegalArgumentException("trusted proxy: the prefix length of '" + Bodies.clip(p)
              + "' must be between 0 and " + max);
        }
      }
      out.add(new Range(a.getAddress(), bits));
    }
    return new ClientAddress(List.copyOf(out));
  }

  /** Whether {@code a} is a trusted proxy. */
  boolean trusted(InetAddress a) {
    for (Range r : trusted) {
      if (r.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client's address.
   *
   * @param peer the connection's peer address (an IP literal)
   * @param forwardedFor the {@code X-Forwarded-For} header lines, in order (may be empty)
   */
  String of(String peer, List<String> forwardedFor) {
    InetAddress p = literal(peer);
    if (p == null) {
      return peer;
    }
    if (!trusted(p)) {
      return p.getHostAddress();
    }
    List<String> entries = new ArrayList<>();
    for (String line : forwardedFor) {
      for (String e : line.split(",", -1)) {
        entries.add(e.trim());
      }
    }
    InetAddress client = p;
    for (int i = entries.size() - 1, hops = 0; i >= 0 && hops < MAX_HOPS; i--, hops++) {
      InetAddress a = literal(withoutPort(entries.get(i)));
      if (a == null) {
        break; // not an address: the last trusted one is the best we know
      }
      client = a;
      if (!trusted(a)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  /** {@code 1.2.3.4:80} → {@code 1.2.3.4}; {@code [::1]:80} → {@code ::1}; others unchanged. */
  private static String withoutPort(String s) {
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      return end < 0 ? s : s.substring(1, end);
    }
    int colon = s.indexOf(':');
    if (colon > 0 && colon == s.lastIndexOf(':')) {
      return s.substring(0, colon);
    }
    return s;
  }

  /** The IP address an IP literal names, or null (never a name lookup). */
  static InetAddress literal(String s) {
    if (s == null || s.isEmpty() || s.length() > 45 || !(IPV4.matcher(s).matches() || IPV6.matcher(s).matches())) {
      return null;
    }
    try {
      return InetAddress.getByName(s); // a literal: parsed, not looked up
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
