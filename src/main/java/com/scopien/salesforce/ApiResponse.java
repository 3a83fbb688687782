package com.scopien.salesforce;

/** A successful (2xx) reply: its status and body text (empty for 204). */
record ApiResponse(int status, String body) {}
