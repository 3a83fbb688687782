package com.scopien.salesforce;

import com.scopien.config.Secret;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link SessionProvider} that renews sessions through {@link OAuthClient}: by running the client
 * credentials flow again, or with a refresh token. Every renewed {@link TokenResponse} is handed to
 * {@code onRenewed} so the caller can store it (encrypted) for the next start.
 *
 * <p>Thread-safe. Renewals are serialised, and a renewal asked for a session that has already been
 * replaced returns the replacement without calling Salesforce, so several clients sharing one
 * provider still renew once.
 */
public final class OAuthSessionProvider implements SessionProvider {

  /** How a new token is obtained; {@code previous} is null for the first sign-in. */
  @FunctionalInterface
  public interface Renewal {
    TokenResponse renew(TokenResponse previous);
  }

  private final Renewal renewal;
  private final Consumer<TokenResponse> onRenewed;
  private TokenResponse token;

  public OAuthSessionProvider(
      Renewal renewal, TokenResponse initial, Consumer<TokenResponse> onRenewed) {
    this.renewal = Objects.requireNonNull(renewal, "renewal");
    this.onRenewed = Objects.requireNonNull(onRenewed, "onRenewed");
    this.token = initial;
  }

  /**
   * Renews with the client credentials flow on {@code loginUrl} (the org's My Domain). With a null
   * {@code initial} the first {@link #current()} signs in.
   */
  public static OAuthSessionProvider clientCredentials(
      OAuthClient oauth,
      String loginUrl,
      String clientId,
      Secret clientSecret,
      TokenResponse initial,
      Consumer<TokenResponse> onRenewed) {
    return new OAuthSessionProvider(
        previous -> oauth.clientCredentials(loginUrl, clientId, clientSecret), initial, onRenewed);
  }

  /**
   * Renews with the refresh token of {@code initial} (or a rotated one Salesforce sent since).
   * {@code clientSecret} may be null when the app does not require it.
   *
   * @throws IllegalArgumentException when {@code initial} has no refresh token
   */
  public static OAuthSessionProvider refreshToken(
      OAuthClient oauth,
      String loginUrl,
      String clientId,
      Secret clientSecret,
      TokenResponse initial,
      Consumer<TokenResponse> onRenewed) {
    if (initial.refreshToken().isEmpty()) {
      throw new IllegalArgumentException("the token has no refresh token to renew with");
    }
    return new OAuthSessionProvider(
        previous ->
            oauth.refresh(loginUrl, clientId, clientSecret, previous.refreshToken().orElseThrow()),
        initial,
        onRenewed);
  }

  @Override
  public synchronized Session current() {
    if (token == null) {
      renew();
    }
    return token.session();
  }

  @Override
  public synchronized Session refresh(Session stale) {
    if (token != null && !token.session().equals(stale)) {
      return token.session();
    }
    renew();
    return token.session();
  }

  /** The token in use, or null before the first sign-in of a lazy provider. */
  public synchronized TokenResponse currentToken() {
    return token;
  }

  private void renew() {
    TokenResponse fresh = renewal.renew(token);
    token = fresh;
    onRenewed.accept(fresh);
  }
}
