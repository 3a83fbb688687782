package com.scopien.agent.offline;

import com.scopien.agent.offline.Mentions.Found;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a request asks, without which object or org it names: "how many invoices are overdue in
 * prod" becomes "how many records are overdue in the org". Matching by meaning compares these, so
 * that "count accounts" is close to the example "how many leads do we have" rather than to "show
 * accounts".
 */
final class Gist {
  private Gist() {}

  static String of(String text, Vocabulary v) {
    Utterance u = new Utterance(text);
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Optional<Found<String>> org = Mentions.org(u, v);
    org.ifPresent(
        o -> {
          u.use(o.start(), o.end());
          spans.add(new int[] {o.start(), o.end()});
          words.add("the org");
        });
    for (Found<ObjectTerm> object : Mentions.objects(u, v)) {
      spans.add(new int[] {object.start(), object.end()});
      words.add("records");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> spans.get(i)[0]).reversed());
    StringBuilder out = new StringBuilder(u.original());
    for (int i : order) {
      out.replace(spans.get(i)[0], spans.get(i)[1], words.get(i));
    }
    return out.toString();
  }
}
