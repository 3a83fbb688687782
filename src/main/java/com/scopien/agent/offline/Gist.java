package com.scopien.agent.offline;

import com.scopien.agent.offline.Mentions.Found;
import com.scopien.agent.offline.Vocabulary.ObjectTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a request asks, without which object or org it names: "how many invoices are overdue in
 * prod" becomes "how many records are overdue in the org", and "how many contacts are at Globex
 * Inc" "how many records are at Acme". Matching by meaning compares these, so that "count accounts"
 * is close to the example "how many leads do we have" rather than to "show accounts", and a request
 * naming the same company as an example of another tool is not drawn to it by the name alone.
 */
final class Gist {
  /** What every record or company name becomes, so that no particular name sways the meaning. */
  static final String NAME = "Acme";

  /** Capitalised, but part of what a request means ("pull fresh data from Salesforce"). */
  private static final Set<String> PRODUCTS = Set.of("salesforce", "scopien", "sfdc", "api");

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
      u.use(object.start(), object.end());
      spans.add(new int[] {object.start(), object.end()});
      words.add("records");
    }
    for (Optional<NameSpans.Name> name = NameSpans.anywhere(u);
        name.isPresent();
        name = NameSpans.anywhere(u)) {
      u.use(name.get().start(), name.get().end());
      if (!PRODUCTS.contains(name.get().text().toLowerCase(Locale.ROOT))) {
        spans.add(new int[] {name.get().start(), name.get().end()});
        words.add(NAME);
      }
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
