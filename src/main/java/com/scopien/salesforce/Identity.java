package com.scopien.salesforce;

/** Who a token acts as, from the identity URL. Email may be null. */
public record Identity(
    String userId, String orgId, String username, String displayName, String email) {}
