package com.scopien.agent.offline;

import java.util.EnumMap;
import java.util.Map;

/**
 * The keyword classifier's cues with the embedding classifier's sense of meaning, as one score per
 * intent: the cue score plus {@value #WEIGHT} times how far the request's closest example of that
 * intent is above a similarity of {@value #FLOOR} (scaled to 0..1). A strong cue (about 6) still
 * outweighs a near example, but a request with no cue at all ("pull fresh data from salesforce") is
 * carried by the examples.
 *
 * <p>Measured on the eval sets in the tests (see README, "How well the offline model understands"):
 * adding similarity to every request did better than consulting it only when the cues are weak, and
 * weights from 6 to 9 with floors from 0.4 to 0.45 all scored within one case of each other; these
 * values sit in the middle of that plateau.
 */
final class CombinedIntentClassifier implements IntentClassifier {
  static final double WEIGHT = 8;
  static final double FLOOR = 0.4;

  private final IntentClassifier keywords;
  private final EmbeddingIntentClassifier embeddings;

  CombinedIntentClassifier(IntentClassifier keywords, EmbeddingIntentClassifier embeddings) {
    this.keywords = keywords;
    this.embeddings = embeddings;
  }

  @Override
  public Map<Intent, Double> score(Utterance request, Clues clues) {
    Map<Intent, Double> scores = new EnumMap<>(keywords.score(request, clues));
    embeddings
        .similarities(clues.gist())
        .forEach(
            (intent, similarity) ->
                scores.merge(
                    intent, WEIGHT * Math.max(0, similarity - FLOOR) / (1 - FLOOR), Double::sum));
    return scores;
  }
}
