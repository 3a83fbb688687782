package com.scopien.agent.offline;

import java.util.Map;

/**
 * Scores what a request asks for. The keyword classifier is the built-in one; an embedding model
 * matching requests to the catalogue's examples can implement this too and be combined with it by
 * adding scores.
 */
interface IntentClassifier {

  /**
   * Facts about the request that the classifier may use besides its words, and its {@link Gist}:
   * the request with the object and org it names set aside.
   */
  record Clues(boolean namesObject, boolean namesOrg, boolean namesRecord, String gist) {}

  /** A score per intent; higher is more likely, zero or absent means no evidence. */
  Map<Intent, Double> score(Utterance request, Clues clues);
}
