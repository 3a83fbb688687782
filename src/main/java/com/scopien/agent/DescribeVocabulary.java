package com.scopien.agent;

import com.scopien.agent.offline.Vocabulary;
import com.scopien.orgs.Org;
import com.scopien.orgs.OrgDirectory;
import com.scopien.orgs.OrgStatus;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SalesforceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline model's vocabulary from a connected org's own describe (labels, plurals, field
 * labels, picklist values of the common and custom objects) and the connected orgs' names; the demo
 * vocabulary when no org answers. Rebuilt every ten minutes. Thread-safe.
 */
final class DescribeVocabulary implements Supplier<Vocabulary> {
  private static final Logger LOG = LoggerFactory.getLogger(DescribeVocabulary.class);
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final int MAX_CUSTOM = 25;
  private static final Set<String> STANDARD =
      Set.of(
          "Account",
          "Contact",
          "Lead",
          "Opportunity",
          "Case",
          "Task",
          "Event",
          "Campaign",
          "Product2",
          "Contract",
          "Order",
          "Asset",
          "User");

  private final OrgDirectory orgs;
  private final FieldNames fieldNames;
  private final Clock clock;
  private Vocabulary cached;
  private Instant builtAt = Instant.MIN;
  private Org source;
  private List<FieldNames.Named> namedWith = List.of();

  DescribeVocabulary(OrgDirectory orgs, Clock clock) {
    this(orgs, FieldNames.none(), clock);
  }

  DescribeVocabulary(OrgDirectory orgs, FieldNames fieldNames, Clock clock) {
    this.orgs = orgs;
    this.fieldNames = fieldNames;
    this.clock = clock;
  }

  @Override
  public synchronized Vocabulary get() {
    Instant now = clock.instant();
    // A mapping an admin just set is understood at once, not after the ten minutes.
    boolean renamed = source != null && !scopienNames(source).equals(namedWith);
    if (cached == null || renamed || builtAt.plus(TTL).isBefore(now)) {
      cached = build();
      builtAt = now;
    }
    return cached;
  }

  private List<FieldNames.Named> scopienNames(Org org) {
    try {
      return fieldNames.of(org);
    } catch (RuntimeException e) {
      LOG.warn("could not read the field names of org {}: {}", org.id(), e.getMessage());
      return List.of();
    }
  }

  private Vocabulary build() {
    List<Org> all = orgs.list();
    List<String> names = all.stream().map(Org::name).toList();
    source = all.stream().filter(o -> o.status() == OrgStatus.ACTIVE).findFirst().orElse(null);
    if (source == null) {
      namedWith = List.of();
      return Vocabulary.of(Vocabulary.demoDescribes(), names);
    }
    namedWith = scopienNames(source);
    Map<String, List<String>> extra = new HashMap<>();
    for (FieldNames.Named n : namedWith) {
      extra
          .computeIfAbsent(n.object() + "." + n.field(), k -> new ArrayList<>())
          .add(n.scopienName());
    }
    try {
      SalesforceClient client = orgs.client(source);
      List<ObjectDescribe> describes = new ArrayList<>();
      int custom = 0;
      for (GlobalObject g : client.describeGlobal()) {
        boolean wanted = STANDARD.contains(g.name()) || (g.custom() && custom < MAX_CUSTOM);
        if (wanted && g.queryable()) {
          custom += g.custom() ? 1 : 0;
          describes.add(client.describe(g.name()));
        }
      }
      return describes.isEmpty()
          ? Vocabulary.of(Vocabulary.demoDescribes(), names)
          : Vocabulary.of(describes, names, extra);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not describe org {} for the offline model; using the demo vocabulary: {}",
          source.id(),
          e.getMessage());
      return Vocabulary.of(Vocabulary.demoDescribes(), names);
    }
  }
}
