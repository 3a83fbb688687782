package com.scopien.salesforce;

import com.scopien.ScopienException.Kind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the URLs a bearer token or a client secret is sent to: https always, plain http only to a
 * loopback address (the local org in tests and demo mode). The host is judged by its text, never by
 * resolving it, so a DNS answer cannot turn a remote name into a "loopback" one.
 */
final class LoginUrls {
  private static final Pattern IPV4 = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private LoginUrls() {}

  /**
   * A base URL (scheme, host, optional port, no path beyond "/") without its trailing slash.
   *
   * @throws SalesforceException INVALID_INPUT with {@code code} when the URL is unusable or unsafe
   */
  static String requireSafeBase(String url, String what, String code) {
    URI uri = requireSafe(url, what, code);
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw invalid(code, what + " must be a bare host such as https://acme.my.salesforce.com");
    }
    String text = url.trim();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Any absolute https (or loopback http) URL, such as an identity URL. */
  static URI requireSafe(String url, String what, String code) {
    if (url == null || url.isBlank()) {
      throw invalid(code, what + " is missing");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid(code, what + " is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw invalid(code, what + " must be an absolute URL such as https://acme.my.salesforce.com");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw invalid(code, what + " must not carry user info or a fragment");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw invalid(
          code,
          what + " must use https; plain http is allowed only for localhost: " + uri.getHost());
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    Matcher m = IPV4.matcher(h);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 3; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }

  private static SalesforceException invalid(String code, String message) {
    return new SalesforceException(Kind.INVALID_INPUT, code, 0, message);
  }
}
