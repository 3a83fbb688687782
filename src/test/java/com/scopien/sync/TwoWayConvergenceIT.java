package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.localorg.LocalOrg;
import com.scopien.localorg.LocalOrgOptions;
import com.scopien.orgs.Org;
import com.scopien.salesforce.RetryPolicy;
import com.scopien.security.Role;
import com.scopien.security.User;
import com.scopien.store.DatabaseTestBase;
import com.scopien.sync.SyncSettings.ConflictPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Randomised two-way sync: for each conflict policy, rounds of edits on both sides (the same and
 * different records, the same and different fields, some deletes and creates in the org) between
 * incremental runs, against a small oracle that says what the policy promises. At the end (after a
 * quiet run) the org and the mirror must agree with the oracle; under manual review every record
 * changed on both sides has exactly one open conflict carrying every Scopien change, and resolving
 * them all converges. The seed is printed with every failure ({@code -Dscopien.convergence.seed=N}
 * replays one).
 */
class TwoWayConvergenceIT extends DatabaseTestBase {
  private static final long SEED = Long.getLong("scopien.convergence.seed", 4_242L);
  private static final int ROUNDS = 30;
  private static final String OBJECT = "Account";
  private static final List<String> FIELDS =
      List.of("Description", "Phone", "AnnualRevenue", "NumberOfEmployees");
  private static final User ADMIN = new User("u-admin", "Ada", "ada@acme.com", Role.ADMIN);

  private LocalOrg localOrg;
  private SyncFixture fixture;

  @BeforeParameterizedClassInvocation
  void startOrg() {
    localOrg =
        LocalOrg.start(LocalOrgOptions.production().withScale(new LocalOrgOptions.Scale(0.01)));
    fixture = new SyncFixture(jdbc());
  }

  @AfterParameterizedClassInvocation
  void stopOrg() {
    fixture.close();
    localOrg.close();
  }

  @Test
  void salesforceWins() {
    converge(ConflictPolicy.SALESFORCE_WINS);
  }

  @Test
  void scopienWins() {
    converge(ConflictPolicy.SCOPIEN_WINS);
  }

  @Test
  void manualReview() {
    converge(ConflictPolicy.MANUAL_REVIEW);
  }

  private void converge(ConflictPolicy policy) {
    long seed = SEED + policy.ordinal();
    long started = System.nanoTime();
    try {
      Oracle oracle = play(policy, new Random(seed));
      System.out.printf(
          "[%s] %s converged: %d records, %d runs, %d changed on both sides, %d conflicts,"
              + " seed %d, %,d ms%n",
          engine,
          policy,
          oracle.records.size(),
          oracle.runs,
          oracle.bothSides,
          oracle.conflictsSeen,
          seed,
          (System.nanoTime() - started) / 1_000_000);
    } catch (AssertionError e) {
      throw new AssertionError(
          policy
              + ", seed "
              + seed
              + " (-Dscopien.convergence.seed="
              + SEED
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private Oracle play(ConflictPolicy policy, Random random) {
    Org org = fixture.org(MirrorComparison.client(localOrg, 200, RetryPolicy.none()));
    fixture.settings.update(org.id(), new SettingsChange(null, null, null, policy));
    Oracle oracle = new Oracle(policy);
    sync(org, oracle);
    List<String> ids =
        jdbc()
            .query(
                "SELECT record_id FROM sync_records WHERE org_id = ? AND object_name = ?"
                    + " ORDER BY record_id LIMIT 25",
                row -> row.getString("record_id"),
                org.id(),
                OBJECT);
    for (String id : ids) {
      oracle.known(id, orgValues(id));
    }

    for (int round = 0; round < ROUNDS; round++) {
      int orgEdits = random.nextInt(5);
      int scopienEdits = random.nextInt(5);
      for (int i = 0; i < orgEdits; i++) {
        Rec rec = oracle.pick(random, r -> !r.deleted);
        Map<String, Object> values = values(random, round, "org");
        localOrg.update(OBJECT, rec.id, values);
        oracle.orgEdit(rec, orgValues(rec.id));
      }
      for (int i = 0; i < scopienEdits; i++) {
        Rec rec = oracle.pick(random, r -> r.inMirror && !r.mirrorDeleted);
        Map<String, Object> values = values(random, oracle.runs, "scopien");
        fixture.changes.change(ADMIN, org.id(), OBJECT, rec.id, values);
        oracle.scopienEdit(rec, values);
      }
      if (random.nextInt(10) == 0) {
        // Half the time a record waiting for review, if any: its conflict must close.
        boolean anyConflict = oracle.records.values().stream().anyMatch(r -> r.conflict);
        boolean conflicted = anyConflict && random.nextBoolean();
        Rec rec = oracle.pick(random, r -> !r.deleted && (!conflicted || r.conflict));
        localOrg.delete(OBJECT, rec.id);
        rec.deleted = true;
      }
      if (random.nextInt(8) == 0) {
        String id = localOrg.create(OBJECT, Map.of("Name", "Convergence " + round));
        oracle.created(id, orgValues(id));
      }
      if (random.nextInt(10) < 7) {
        sync(org, oracle);
      }
    }
    sync(org, oracle);
    sync(org, oracle);
    check(org, oracle);

    assertThat(oracle.bothSides).as("records changed on both sides between runs").isPositive();
    if (policy == ConflictPolicy.MANUAL_REVIEW) {
      assertThat(oracle.conflictsSeen).as("conflicts the runs opened").isPositive();
      for (SyncConflict c : fixture.changes.conflicts(ADMIN, org.id())) {
        Map<String, SyncConflict.Side> sides = new LinkedHashMap<>();
        for (SyncConflict.FieldDiff d : c.fields()) {
          sides.put(
              d.field(),
              random.nextBoolean() ? SyncConflict.Side.SCOPIEN : SyncConflict.Side.SALESFORCE);
        }
        fixture.changes.resolve(ADMIN, org.id(), c.id(), sides, null);
        oracle.resolved(oracle.records.get(c.recordId()), sides);
      }
      sync(org, oracle);
      check(org, oracle);
      assertThat(fixture.changes.conflicts(ADMIN, org.id())).isEmpty();
    }
    return oracle;
  }

  /**
   * One run of the object, the only moment the test lets go of the org's run lock: between runs it
   * holds the lock, so neither a change nor a run's follow-up starts a run of its own.
   */
  private void sync(Org org, Oracle oracle) {
    jdbc().update("DELETE FROM sync_locks WHERE org_id = ? AND run_id = 'held'", org.id());
    SyncRun run = null;
    for (int attempt = 0; run == null; attempt++) {
      fixture.settle(org);
      try {
        run = fixture.syncAndWait(org, List.of(OBJECT), false);
      } catch (com.scopien.ScopienException e) {
        // A follow-up run slipped in as the lock was let go; it ran against the same edits.
        if (!"sync_running".equals(e.code()) || attempt == 5) {
          throw e;
        }
      }
    }
    fixture.settle(org);
    hold(org);
    assertThat(run.status()).as(run.toString()).isEqualTo(SyncRun.Status.SUCCEEDED);
    oracle.synced();
  }

  private void hold(Org org) {
    jdbc()
        .update(
            "INSERT INTO sync_locks (org_id, run_id, heartbeat_at) VALUES (?, 'held', ?)",
            org.id(),
            Instant.now());
  }

  /** Both sides against the oracle, then the whole object against the org. */
  private void check(Org org, Oracle oracle) {
    Map<String, Map<String, Object>> mirror = MirrorComparison.mirror(jdbc(), org.id(), OBJECT);
    List<String> wrong = new ArrayList<>();
    for (Rec rec : oracle.records.values()) {
      if (rec.deleted) {
        if (mirror.containsKey(rec.id)) {
          wrong.add(rec.id + " deleted in the org but live in the mirror");
        }
        continue;
      }
      Map<String, Object> inOrg = orgValues(rec.id);
      Map<String, Object> inMirror = mirror.get(rec.id);
      for (String f : FIELDS) {
        if (!MirrorComparison.same(inOrg.get(f), rec.org.get(f))) {
          wrong.add(
              rec.id + "." + f + " in the org: " + inOrg.get(f) + ", expected " + rec.org.get(f));
        }
        Object expected = rec.conflict ? rec.mirror.get(f) : rec.org.get(f);
        if (inMirror == null || !MirrorComparison.same(inMirror.get(f), expected)) {
          wrong.add(
              rec.id
                  + "."
                  + f
                  + " in the mirror: "
                  + (inMirror == null ? "(no row)" : inMirror.get(f))
                  + ", expected "
                  + expected);
        }
      }
    }
    assertThat(wrong).as("org and mirror against the oracle").isEmpty();

    Set<String> conflicted =
        oracle.records.values().stream()
            .filter(r -> r.conflict)
            .map(r -> r.id)
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> differences =
        MirrorComparison.differences(
                jdbc(),
                org.id(),
                MirrorComparison.client(localOrg, 2000, RetryPolicy.none()),
                List.of(OBJECT))
            .stream()
            .filter(line -> conflicted.stream().noneMatch(line::contains))
            .filter(line -> !line.contains("difference(s)"))
            .toList();
    assertThat(differences).as("mirror vs org outside open conflicts").isEmpty();

    List<String> pending =
        jdbc()
            .query(
                "SELECT record_id FROM sync_records WHERE org_id = ?"
                    + " AND local_changed_at IS NOT NULL ORDER BY record_id",
                row -> row.getString("record_id"),
                org.id());
    assertThat(new TreeSet<>(pending)).as("changes still queued").isEqualTo(conflicted);

    Map<String, List<SyncConflict>> open =
        fixture.changes.conflicts(ADMIN, org.id()).stream()
            .collect(
                Collectors.groupingBy(SyncConflict::recordId, TreeMap::new, Collectors.toList()));
    assertThat(open.keySet()).as("records with an open conflict").isEqualTo(conflicted);
    for (Map.Entry<String, List<SyncConflict>> e : open.entrySet()) {
      assertThat(e.getValue()).as("open conflicts of %s", e.getKey()).hasSize(1);
      Map<String, Object> scopien = new HashMap<>();
      e.getValue().get(0).fields().forEach(d -> scopien.put(d.field(), d.scopien()));
      Rec rec = oracle.records.get(e.getKey());
      assertThat(scopien.keySet())
          .as("fields in the conflict of %s", e.getKey())
          .isEqualTo(rec.pending.keySet());
      rec.pending.forEach(
          (f, v) ->
              assertThat(MirrorComparison.same(scopien.get(f), v))
                  .as(
                      "Scopien's %s of %s in the conflict: %s, expected %s",
                      f, rec.id, scopien.get(f), v)
                  .isTrue());
    }
  }

  private Map<String, Object> orgValues(String id) {
    Map<String, Object> row = localOrg.record(OBJECT, id).orElseThrow();
    Map<String, Object> values = new HashMap<>();
    for (String f : FIELDS) {
      values.put(f, row.get(f));
    }
    return values;
  }

  /** One or two fields with new values; numbers are whole, as the fields' scale is 0. */
  private static Map<String, Object> values(Random random, int round, String side) {
    Map<String, Object> values = new LinkedHashMap<>();
    int n = 1 + random.nextInt(2);
    while (values.size() < n) {
      String f = FIELDS.get(random.nextInt(FIELDS.size()));
      int v = random.nextInt(1_000_000);
      values.put(
          f,
          switch (f) {
            case "Description" -> side + " " + round + " " + v;
            case "Phone" -> "+1 555 " + v;
            case "AnnualRevenue" -> v * 10;
            default -> v % 5_000;
          });
    }
    return values;
  }

  /** One record as the policy says it must end. */
  private static final class Rec {
    final String id;
    final Map<String, Object> org = new HashMap<>();
    final Map<String, Object> mirror = new HashMap<>();
    final Map<String, Object> pending = new LinkedHashMap<>();
    boolean orgChanged;
    boolean deleted;
    boolean inMirror;
    boolean mirrorDeleted;
    boolean conflict;

    Rec(String id, Map<String, Object> orgValues) {
      this.id = id;
      org.putAll(orgValues);
    }
  }

  /**
   * What the policy promises, record by record: a record changed on one side takes that side's
   * change; changed on both sides since the last run, Salesforce wins keeps the org's version,
   * Scopien wins writes Scopien's changed fields over it, manual review keeps both and opens one
   * conflict; a record deleted in the org is gone on both sides.
   */
  private static final class Oracle {
    final ConflictPolicy policy;
    final Map<String, Rec> records = new LinkedHashMap<>();
    int runs;
    int bothSides;
    int conflictsSeen;

    Oracle(ConflictPolicy policy) {
      this.policy = policy;
    }

    void known(String id, Map<String, Object> values) {
      Rec rec = new Rec(id, values);
      rec.inMirror = true;
      rec.mirror.putAll(values);
      records.put(id, rec);
    }

    void created(String id, Map<String, Object> values) {
      records.put(id, new Rec(id, values));
    }

    Rec pick(Random random, java.util.function.Predicate<Rec> allowed) {
      List<Rec> candidates = records.values().stream().filter(allowed).toList();
      return candidates.get(random.nextInt(candidates.size()));
    }

    void orgEdit(Rec rec, Map<String, Object> now) {
      rec.org.clear();
      rec.org.putAll(now);
      rec.orgChanged = true;
    }

    void scopienEdit(Rec rec, Map<String, Object> values) {
      rec.pending.putAll(values);
      rec.mirror.putAll(values);
    }

    void synced() {
      runs++;
      for (Rec rec : records.values()) {
        if (rec.deleted) {
          rec.mirrorDeleted = true;
          rec.pending.clear();
          rec.conflict = false;
          continue;
        }
        if (!rec.inMirror) {
          rec.inMirror = true;
          rec.mirror.putAll(rec.org);
          continue;
        }
        if (rec.conflict) {
          continue;
        }
        boolean local = !rec.pending.isEmpty();
        if (local && rec.orgChanged) {
          bothSides++;
          switch (policy) {
            case SALESFORCE_WINS -> rec.pending.clear();
            case SCOPIEN_WINS -> {
              rec.org.putAll(rec.pending);
              rec.pending.clear();
            }
            case MANUAL_REVIEW -> {
              rec.conflict = true;
              conflictsSeen++;
            }
          }
        } else if (local) {
          rec.org.putAll(rec.pending);
          rec.pending.clear();
        }
        rec.orgChanged = false;
        if (!rec.conflict) {
          rec.mirror.clear();
          rec.mirror.putAll(rec.org);
        }
      }
    }

    void resolved(Rec rec, Map<String, SyncConflict.Side> sides) {
      sides.forEach(
          (field, side) -> {
            if (side == SyncConflict.Side.SCOPIEN) {
              rec.org.put(field, rec.pending.get(field));
            }
          });
      rec.pending.clear();
      rec.conflict = false;
      rec.orgChanged = false;
      rec.mirror.clear();
      rec.mirror.putAll(rec.org);
    }
  }
}
