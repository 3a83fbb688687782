package com.scopien.agent.offline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands a request by meaning rather than by cue words: the catalogue's example requests are
 * embedded once, when the model is built, and a request is scored per intent by its closest example
 * (cosine similarity of the sentence embeddings). Only the request itself is embedded per message.
 *
 * <p>Thread-safe once built, as long as the embedding model is (langchain4j's in-process models
 * are).
 */
final class EmbeddingIntentClassifier {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIntentClassifier.class);

  private record Example(Intent intent, String text, float[] vector) {}

  private final EmbeddingModel model;
  private final List<Example> examples;

  private EmbeddingIntentClassifier(EmbeddingModel model, List<Example> examples) {
    this.model = model;
    this.examples = List.copyOf(examples);
  }

  /**
   * Embeds every example once.
   *
   * @param examplesByTool the catalogue's example requests, by tool name
   */
  static EmbeddingIntentClassifier index(
      EmbeddingModel model, Map<String, List<String>> examplesByTool) {
    long started = System.nanoTime();
    List<Intent> intents = new ArrayList<>();
    List<TextSegment> texts = new ArrayList<>();
    for (Map.Entry<String, List<String>> tool : examplesByTool.entrySet()) {
      Optional<Intent> intent = Intent.forTool(tool.getKey());
      if (intent.isEmpty()) {
        continue;
      }
      for (String example : tool.getValue()) {
        intents.add(intent.get());
        texts.add(TextSegment.from(example));
      }
    }
    List<Embedding> vectors = texts.isEmpty() ? List.of() : model.embedAll(texts).content();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      examples.add(new Example(intents.get(i), texts.get(i).text(), unit(vectors.get(i).vector())));
    }
    LOG.debug(
        "Embedded {} example requests of {} tools in {} ms",
        examples.size(),
        examplesByTool.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new EmbeddingIntentClassifier(model, examples);
  }

  /** Per intent, the similarity (-1..1) of the request to its closest example. */
  Map<Intent, Double> similarities(String request) {
    float[] query = unit(model.embed(request).content().vector());
    Map<Intent, Double> best = new EnumMap<>(Intent.class);
    for (Example example : examples) {
      best.merge(example.intent(), dot(query, example.vector()), Math::max);
    }
    return best;
  }

  /** The example closest to the request, for explaining a classification in tests and logs. */
  String closestExample(String request) {
    float[] query = unit(model.embed(request).content().vector());
    Example closest = null;
    double best = -2;
    for (Example example : examples) {
      double similarity = dot(query, example.vector());
      if (similarity > best) {
        best = similarity;
        closest = example;
      }
    }
    return closest == null ? "" : closest.text();
  }

  int size() {
    return examples.size();
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }
}
