package io.trawl.detection.validators;

import io.trawl.detection.Validator;

/**
 * IP addresses: IPv4 dotted quads with octets 0-255 and no leading zeros, or IPv6 (RFC 4291 text
 * forms). Addresses that identify no one are rejected: unspecified, loopback, broadcast, and the
 * documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 3849
 * (2001:db8::/32), which play the role of AWS's EXAMPLE keys.
 */
public final class IpAddressValidator implements Validator {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "IP_ADDRESS";
  }

  @Override
  public boolean isValid(CharSequence match) {
    String s = match.toString();
    if (s.indexOf(':') >= 0) {
      return ipv6(s.toLowerCase(java.util.Locale.ROOT));
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    int[] o = new int[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty()
          || p.length() > 3
          || !Chars.allDigits(p)
          || p.length() > 1 && p.charAt(0) == '0') {
        return false;
      }
      o[i] = Integer.parseInt(p);
      if (o[i] > 255) {
        return false;
      }
    }
    if (o[0] == 0 || o[0] == 127 || o[0] == 255 || o[0] >= 224) {
      return false;
    }
    return !(o[0] == 192 && o[1] == 0 && o[2] == 2
        || o[0] == 198 && o[1] == 51 && o[2] == 100
        || o[0] == 203 && o[1] == 0 && o[2] == 113);
  }

  private static boolean ipv6(String s) {
    if (s.startsWith("2001:db8:") || "::".equals(s) || "::1".equals(s)) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int nonEmpty = 0;
    for (String g : groups) {
      if (g.length() > 4) {
        return false;
      }
      if (!g.isEmpty()) {
        nonEmpty++;
      }
    }
    return doubleColon >= 0 ? nonEmpty >= 2 && nonEmpty <= 7 : groups.length == 8;
  }
}
