package com.scopien.agent;

import com.scopien.orgs.Org;
import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.GlobalObject;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SalesforceClient;
import com.scopien.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks every object and field a tool names against the org's own schema (describe, cached for a
 * few minutes per org) and the field policy. An unknown or hidden name becomes a {@link
 * ToolException} that names the closest real ones. Thread-safe.
 */
final class SchemaGuard {
  private static final Duration TTL = Duration.ofMinutes(10);

  private final FieldPolicy policy;
  private final FieldNames names;
  private final Clock clock;
  private final Map<String, Cached<List<GlobalObject>>> globals = new ConcurrentHashMap<>();
  private final Map<String, Cached<ObjectDescribe>> describes = new ConcurrentHashMap<>();

  SchemaGuard(FieldPolicy policy, Clock clock) {
    this(policy, FieldNames.none(), clock);
  }

  SchemaGuard(FieldPolicy policy, FieldNames names, Clock clock) {
    this.policy = policy;
    this.names = names;
    this.clock = clock;
  }

  private record Cached<T>(T value, Instant at) {}

  /** The describe of the object the tool named; accepts the API name, label or plural label. */
  ObjectDescribe object(ToolContext ctx, String name) {
    SalesforceClient client = ctx.client();
    List<GlobalObject> all = cached(globals, ctx.org().id(), client::describeGlobal);
    GlobalObject match =
        all.stream()
            .filter(g -> g.name().equalsIgnoreCase(name))
            .findFirst()
            .or(() -> byLabel(all, name))
            .orElseThrow(() -> unknownObject(ctx.org(), name, all));
    if (policy.objectHidden(ctx.user().role(), match.name())) {
      throw new ToolException(
          "Your role may not read "
              + match.labelPlural()
              + "; an admin can open this object to guests.");
    }
    return describe(ctx.org(), client, match.name());
  }

  /**
   * The object's describe, with the admin's Scopien names as the labels of the fields they name
   * (read on every call, so a new mapping shows at once; the describe itself is cached).
   */
  ObjectDescribe describe(Org org, SalesforceClient client, String apiName) {
    ObjectDescribe raw =
        cached(describes, org.id() + "/" + apiName, () -> client.describe(apiName));
    return ScopienLabels.apply(raw, names.of(org));
  }

  /** A field of {@code object}, or of a parent through a dotted path such as Account.Name. */
  Resolved field(ToolContext ctx, ObjectDescribe object, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      FieldDescribe field = fieldOf(ctx.user().role(), object, path);
      return new Resolved(field.name(), field);
    }
    String relationship = path.substring(0, dot);
    FieldDescribe reference =
        object.fields().stream()
            .filter(f -> relationship.equalsIgnoreCase(f.relationshipName()))
            .filter(f -> f.referenceTo().size() == 1)
            .findFirst()
            .orElseThrow(() -> unknownField(ctx.user().role(), object, relationship));
    ObjectDescribe parent = describe(ctx.org(), ctx.client(), reference.referenceTo().get(0));
    Resolved rest = field(ctx, parent, path.substring(dot + 1));
    return new Resolved(reference.relationshipName() + "." + rest.path(), rest.field());
  }

  /** A field's canonical API path and its describe. */
  record Resolved(String path, FieldDescribe field) {}

  FieldDescribe fieldOf(Role role, ObjectDescribe object, String asked) {
    // A Scopien name ("Deal Value") stands for its field: the describe carries it as the label.
    String name =
        object.field(asked).isPresent()
            ? asked
            : object.fields().stream()
                .filter(f -> f.label().equalsIgnoreCase(asked.trim()))
                .map(FieldDescribe::name)
                .findFirst()
                .orElse(asked);
    if (policy.hidden(role, object.name(), name)) {
      // The name is not repeated: a hidden field's name appears in no reply, result or log.
      throw new ToolException(
          "A field you named on "
              + object.name()
              + " is hidden by field-level security; it cannot be read, filtered on or written.");
    }
    return object.field(name).orElseThrow(() -> unknownField(role, object, name));
  }

  /** Fields people may see on this object, in describe order. */
  List<FieldDescribe> visibleFields(Role role, ObjectDescribe object) {
    return object.fields().stream()
        .filter(f -> !policy.hidden(role, object.name(), f.name()))
        .toList();
  }

  private ToolException unknownField(Role role, ObjectDescribe object, String name) {
    List<NameSuggester.Candidate> candidates = new ArrayList<>();
    for (FieldDescribe f : visibleFields(role, object)) {
      candidates.add(new NameSuggester.Candidate(f.name(), f.label()));
    }
    List<String> close = NameSuggester.closest(name, candidates, 5);
    String hint =
        close.isEmpty()
            ? " Its fields include: "
                + String.join(
                    ", ", candidates.stream().limit(12).map(NameSuggester.Candidate::name).toList())
                + ". Call describe_object for all of them."
            : " Closest fields: " + String.join(", ", close) + ".";
    return new ToolException("No field '" + name + "' on " + object.name() + "." + hint);
  }

  private static Optional<GlobalObject> byLabel(List<GlobalObject> all, String name) {
    return all.stream()
        .filter(g -> name.equalsIgnoreCase(g.label()) || name.equalsIgnoreCase(g.labelPlural()))
        .findFirst();
  }

  private static ToolException unknownObject(Org org, String name, List<GlobalObject> all) {
    List<NameSuggester.Candidate> candidates = new ArrayList<>();
    for (GlobalObject g : all) {
      candidates.add(new NameSuggester.Candidate(g.name(), g.labelPlural()));
    }
    List<String> close = NameSuggester.closest(name, candidates, 5);
    return new ToolException(
        "No object '"
            + name
            + "' in "
            + org.name()
            + "."
            + (close.isEmpty() ? "" : " Closest objects: " + String.join(", ", close) + "."));
  }

  private <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> load) {
    Instant now = clock.instant();
    Cached<T> hit = cache.get(key);
    if (hit != null && hit.at().plus(TTL).isAfter(now)) {
      return hit.value();
    }
    T value = load.get();
    cache.put(key, new Cached<>(value, now));
    return value;
  }
}
