package com.scopien.agent;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real in-process all-MiniLM-L6-v2 model, remembering every text it embedded, so the eval (a
 * fresh agent per case) embeds the catalogue's examples once per test run instead of per agent.
 */
final class MemoizingEmbeddingModel implements EmbeddingModel {
  private static final MemoizingEmbeddingModel SHARED =
      new MemoizingEmbeddingModel(new AllMiniLmL6V2QuantizedEmbeddingModel());

  private final EmbeddingModel model;
  private final Map<String, Embedding> seen = new ConcurrentHashMap<>();

  MemoizingEmbeddingModel(EmbeddingModel model) {
    this.model = model;
  }

  /** One model for the whole test run: loading it takes a second or so. */
  static MemoizingEmbeddingModel shared() {
    return SHARED;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<TextSegment> missing =
        segments.stream().filter(s -> !seen.containsKey(s.text())).distinct().toList();
    if (!missing.isEmpty()) {
      List<Embedding> fresh = model.embedAll(missing).content();
      for (int i = 0; i < missing.size(); i++) {
        seen.put(missing.get(i).text(), fresh.get(i));
      }
    }
    List<Embedding> all = new ArrayList<>();
    segments.forEach(s -> all.add(seen.get(s.text())));
    return Response.from(all);
  }

  @Override
  public int dimension() {
    return model.dimension();
  }
}
