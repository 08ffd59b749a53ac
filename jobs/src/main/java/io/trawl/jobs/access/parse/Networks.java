package io.trawl.jobs.access.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/** The source network of an address: its IPv4 /24 or IPv6 /64, the grain of "seen before". */
public final class Networks {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]+(%\\w+)?");

  private Networks() {}

  /**
   * {@code 10.1.2.0/24} for {@code 10.1.2.3}, {@code 2001:db8:0:1::/64} for an IPv6 address in that
   * /64, null for anything that is not an address (CloudTrail writes a service name such as {@code
   * s3.amazonaws.com} when a service made the call).
   */
  public static String network(String ip) {
    if (ip == null || ip.isEmpty()) {
      return null;
    }
    if (IPV4.matcher(ip).matches()) {
      return ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
    }
    if (ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches()) {
      int[] groups = ipv6Groups(ip);
      if (groups == null) {
        return null;
      }
      return String.format(
              Locale.ROOT, "%x:%x:%x:%x::/64", groups[0], groups[1], groups[2], groups[3])
          .toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static int[] ipv6Groups(String ip) {
    String s = ip;
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    int[] out = new int[8];
    int dbl = s.indexOf("::");
    String[] head;
    String[] tail;
    if (dbl >= 0) {
      head = s.substring(0, dbl).isEmpty() ? new String[0] : s.substring(0, dbl).split(":");
      tail = s.substring(dbl + 2).isEmpty() ? new String[0] : s.substring(dbl + 2).split(":");
      if (head.length + tail.length > 7) {
        return null;
      }
    } else {
      head = s.split(":");
      tail = new String[0];
      if (head.length != 8) {
        return null;
      }
    }
    try {
      for (int i = 0; i < head.length; i++) {
        out[i] = group(head[i]);
      }
      for (int i = 0; i < tail.length; i++) {
        out[8 - tail.length + i] = group(tail[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return out;
  }

  private static int group(String g) {
    if (g.isEmpty() || g.length() > 4) {
      throw new NumberFormatException(g);
    }
    return Integer.parseInt(g, 16);
  }
}
