package com.scopien.localorg;

/** Placeholder until the SOQL evaluator lands. */
final class QueryHandler {
  void query(RestCall call, boolean all) {
    throw ApiError.notFound();
  }

  void more(RestCall call) {
    throw ApiError.notFound();
  }
}
