package com.scopien.localorg;

import java.util.Map;

/** The HTML of the login-and-consent page; every value from the request is escaped. */
final class AuthorizePage {

  private static final String[][] ACCESS = {
    {"Read Data", "View all Salesforce records"},
    {"Write Data", "Create and update records"},
    {"API Access", "Communicate with Salesforce"},
    {"Chatter Access", "Post updates and notifications"},
    {"Reporting", "Generate custom reports"}
  };

  private AuthorizePage() {}

  static String render(OrgIdentity org, Map<String, String> params, String error) {
    String orgLabel = "Acme Corporation (" + (org.sandbox() ? "Sandbox" : "Production") + ")";
    StringBuilder html = new StringBuilder(4_096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Login | Salesforce</title>")
        .append("<style>body{font-family:sans-serif;background:#f3f6f9;margin:0}")
        .append("main{max-width:420px;margin:48px auto;background:#fff;padding:24px 32px;")
        .append("border-radius:8px;box-shadow:0 2px 6px #0002}label{display:block;margin-top:12px}")
        .append(
            "input[type=text],input[type=password]{width:100%;padding:8px;box-sizing:border-box}")
        .append(".error{color:#c23934}button{margin:16px 8px 0 0;padding:8px 20px}</style>")
        .append("</head><body><main>\n<h1>Log in to ")
        .append(escape(orgLabel))
        .append("</h1>\n");
    if (error != null) {
      html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
    }
    html.append("<form method=\"post\" action=\"/services/oauth2/authorize\">\n");
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (param.getValue() != null) {
        html.append("<input type=\"hidden\" name=\"")
            .append(escape(param.getKey()))
            .append("\" value=\"")
            .append(escape(param.getValue()))
            .append("\">\n");
      }
    }
    String hint = params.get("login_hint");
    html.append("<label for=\"username\">Username</label>")
        .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\"")
        .append(" value=\"")
        .append(escape(hint == null ? "" : hint))
        .append("\">\n")
        .append("<label for=\"password\">Password</label>")
        .append("<input type=\"password\" id=\"password\" name=\"password\"")
        .append(" autocomplete=\"current-password\">\n")
        .append("<h2>Allow Access?</h2>\n<p>Scopien is asking to:</p>\n<ul>\n");
    for (String[] access : ACCESS) {
      html.append("<li><strong>")
          .append(access[0])
          .append("</strong>: ")
          .append(access[1])
          .append("</li>\n");
    }
    html.append("</ul>\n<p>Requested scopes: <code>")
        .append(
            escape(params.get("scope") == null ? ConnectedApp.DEFAULT_SCOPE : params.get("scope")))
        .append("</code></p>\n")
        .append("<button type=\"submit\" name=\"action\" value=\"allow\">Allow</button>")
        .append("<button type=\"submit\" name=\"action\" value=\"deny\">Deny</button>\n")
        .append("</form>\n</main></body></html>\n");
    return html.toString();
  }

  static String error(String message) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Error | Salesforce</title></head><body><h1>OAuth Error</h1>"
        + "<p>We can't authorize you because of an OAuth error.</p><p>error="
        + escape(message)
        + "</p></body></html>\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
