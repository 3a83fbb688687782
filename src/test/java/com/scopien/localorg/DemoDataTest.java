package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator on its own: deterministic, consistent and true to the schema. */
class DemoDataTest {

  private static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");

  @Test
  void sameSeedAndClockGiveTheSameOrg() {
    RecordStore first = generate(7);
    RecordStore second = generate(7);
    RecordStore other = generate(8);
    for (ObjectDef object : first.schema().objects()) {
      List<StoredRecord> a = first.rows(object);
      List<StoredRecord> b = second.rows(object);
      assertThat(a).hasSameSizeAs(b);
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.get(i).toMap()).isEqualTo(b.get(i).toMap());
      }
    }
    ObjectDef lead = first.schema().get("Lead");
    assertThat(first.rows(lead).get(5).toMap()).isNotEqualTo(other.rows(lead).get(5).toMap());
  }

  @Test
  void everyValueFitsItsField() {
    RecordStore store = generate(42);
    FieldChecks checks = new FieldChecks(store);
    for (ObjectDef object : store.schema().objects()) {
      for (StoredRecord row : store.rows(object)) {
        for (FieldDef field : object.fields()) {
          Object value = row.get(field.name());
          if (!field.nillable() && field.type() != FieldType.BOOLEAN) {
            assertThat(value).as(object.name() + "." + field.name()).isNotNull();
          }
          if (value != null && field.createable()) {
            assertThat(checks.check(field, value))
                .as(object.name() + "." + field.name())
                .isEqualTo(value);
          }
          if (value != null) {
            assertThat(kindOf(value))
                .as(object.name() + "." + field.name())
                .isEqualTo(field.type().kind());
          }
        }
      }
    }
  }

  @Test
  void derivedFieldsAreConsistent() {
    RecordStore store = generate(42);
    for (StoredRecord opportunity : store.rows(store.schema().get("Opportunity"))) {
      String stage = (String) opportunity.get("StageName");
      assertThat(opportunity.get("IsWon")).isEqualTo(stage.equals("Closed Won"));
      assertThat(opportunity.get("IsClosed")).isEqualTo(stage.startsWith("Closed"));
    }
    for (StoredRecord contact : store.rows(store.schema().get("Contact"))) {
      assertThat(contact.get("Name"))
          .isEqualTo(contact.get("FirstName") + " " + contact.get("LastName"));
      assertThat((Instant) contact.get("CreatedDate")).isBefore(NOW);
      assertThat((Instant) contact.get("SystemModstamp"))
          .isAfterOrEqualTo((Instant) contact.get("CreatedDate"));
    }
  }

  private static FieldType.ValueKind kindOf(Object value) {
    if (value instanceof String) {
      return FieldType.ValueKind.TEXT;
    } else if (value instanceof Boolean) {
      return FieldType.ValueKind.BOOLEAN;
    } else if (value instanceof Integer) {
      return FieldType.ValueKind.INTEGER;
    } else if (value instanceof Double) {
      return FieldType.ValueKind.NUMBER;
    } else if (value instanceof java.time.LocalDate) {
      return FieldType.ValueKind.DATE;
    }
    return value instanceof Instant ? FieldType.ValueKind.DATETIME : null;
  }

  private static RecordStore generate(long seed) {
    RecordStore store = new RecordStore(OrgSchema.demo(), new IdGenerator("1F"));
    DemoContext ctx = new DemoContext(seed, NOW, store, LocalOrgOptions.Scale.sandboxSize());
    new DemoDataGenerator(ctx, LocalOrgOptions.sandbox()).generate();
    return store;
  }
}
