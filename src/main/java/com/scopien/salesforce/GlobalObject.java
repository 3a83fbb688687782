package com.scopien.salesforce;

/** One entry of describeGlobal. */
public record GlobalObject(
    String name,
    String label,
    String labelPlural,
    String keyPrefix,
    boolean custom,
    boolean queryable,
    boolean createable,
    boolean updateable,
    boolean replicateable) {}
