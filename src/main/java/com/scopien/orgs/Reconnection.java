package com.scopien.orgs;

/**
 * What a reconnect did. An org connected through the browser needs the admin to sign in again:
 * {@code authorization} says where to send the browser, and {@code org} is null. An org that signs
 * in without a person (client credentials, JWT bearer) was reconnected at once: {@code org} is the
 * active org, and {@code authorization} is null.
 */
public record Reconnection(AuthorizationStart authorization, Org org) {}
