package com.scopien.sync;

import java.time.Instant;
import java.util.Map;

/** One record as the mirror stores it: its version, its deletion flag and its field values. */
record MirrorRow(
    String object,
    String id,
    Instant systemModstamp,
    boolean deleted,
    Map<String, Object> fields) {}
