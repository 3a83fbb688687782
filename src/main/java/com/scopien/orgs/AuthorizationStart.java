package com.scopien.orgs;

import java.time.Instant;

/**
 * A started browser sign-in: where to send the browser, and the id under which its outcome can be
 * read once the org sends the browser back. The sign-in must finish before {@code expiresAt}.
 */
public record AuthorizationStart(String requestId, String authorizeUrl, Instant expiresAt) {}
