package com.scopien.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in free text before it is written anywhere people read: log lines, error details,
 * audit entries. What it masks:
 *
 * <ul>
 *   <li>{@code Authorization} values and {@code Bearer}/{@code OAuth} tokens (the scheme stays);
 *   <li>the value of any sensitive name, in JSON ({@code "password": "..."}), form or query strings
 *       ({@code client_secret=...}) and {@code name: value} or {@code name=value} text: {@code
 *       access_token}, {@code refresh_token}, {@code id_token}, {@code client_assertion}, {@code
 *       api_key}, {@code session_id}, anything ending in {@code password}, {@code passwd} or {@code
 *       secret}, the hidden Salesforce fields {@code SSN__c}, {@code Bank_Account__c}, {@code
 *       Salary__c}, and any extra names given;
 *   <li>Salesforce session ids ({@code 00D...!...}; the org id stays), Scopien API keys ({@code
 *       scp_...}), Slack tokens ({@code xoxb-...}, {@code xapp-...}), OpenAI-style keys ({@code
 *       sk-...}) and webhook signing secrets ({@code whsec_...}).
 * </ul>
 *
 * <p>It is a safety net, not a parser: it masks too much rather than too little, and code should
 * still not log secrets in the first place. Immutable and thread-safe.
 */
public final class Redactor {

  /** What every masked value becomes. */
  public static final String MASK = "[REDACTED]";

  private static final List<String> BUILT_IN_NAMES =
      List.of(
          "access_token",
          "refresh_token",
          "id_token",
          "client_assertion",
          "api_?key",
          "session_?id",
          "\\w*password",
          "\\w*passwd",
          "\\w*secret",
          "SSN__c",
          "Bank_Account__c",
          "Salary__c");

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?)(?:(basic|bearer|oauth|token)\\s+)?([^\\s\"',;}\\]]+)");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|oauth)\\s+[A-Za-z0-9._~+/!=-]+");
  private static final Pattern SESSION_ID =
      Pattern.compile("\\b(00D[A-Za-z0-9]{12,15})![A-Za-z0-9._-]+");
  private static final Pattern PREFIXED_TOKENS =
      Pattern.compile("\\b(scp_|xox[abposr]-|xapp-|sk-|whsec_)[A-Za-z0-9_-]{8,}[A-Za-z0-9_=/+-]*");

  private static final Redactor STANDARD = new Redactor(List.of());

  private final Pattern keyValue;
  private final Pattern sensitiveName;

  /** Masks the built-in names and also the values of {@code extraSensitiveNames}. */
  public Redactor(Collection<String> extraSensitiveNames) {
    List<String> names = new ArrayList<>(BUILT_IN_NAMES);
    extraSensitiveNames.stream().map(Pattern::quote).forEach(names::add);
    String alternatives = String.join("|", names);
    this.sensitiveName = Pattern.compile("(?i)(?:" + alternatives + ")");
    // A name (optionally quoted), ':' or '=', then a quoted or a bare value.
    this.keyValue =
        Pattern.compile(
            "(?i)(?<![\\w])([\"']?)("
                + alternatives
                + ")\\1(\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s&,;)\\]}\"']+)");
  }

  /** The redactor with the built-in names only. */
  public static Redactor standard() {
    return STANDARD;
  }

  /** {@code text} with every secret it recognises replaced by {@link #MASK}; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = replace(AUTHORIZATION, text, this::authorization);
    out = replace(BEARER, out, m -> m.group(1) + " " + MASK);
    out = replace(keyValue, out, this::keyValue);
    out = replace(SESSION_ID, out, m -> m.group(1) + "!" + MASK);
    return replace(PREFIXED_TOKENS, out, m -> m.group(1) + MASK);
  }

  /** True when a value under this field or parameter name must never be shown. */
  public boolean isSensitiveName(String name) {
    return name != null && sensitiveName.matcher(name).matches();
  }

  private String authorization(Matcher m) {
    String scheme = m.group(2) == null ? "" : m.group(2) + " ";
    return m.group(1) + scheme + MASK;
  }

  private String keyValue(Matcher m) {
    String value = m.group(4);
    boolean quoted = value.startsWith("\"") || value.startsWith("'");
    // A bare JSON number or boolean becomes a string, which keeps JSON valid.
    boolean json = !m.group(1).isEmpty() && m.group(3).contains(":");
    String masked =
        quoted ? value.charAt(0) + MASK + value.charAt(0) : json ? "\"" + MASK + "\"" : MASK;
    return m.group(1) + m.group(2) + m.group(1) + m.group(3) + masked;
  }

  private static String replace(
      Pattern pattern, String text, Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
