package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A stored row as the REST API shows it: {@code attributes {type, url}} first, then fields. */
final class RecordJson {

  private RecordJson() {}

  static ObjectNode attributes(ObjectDef object, String id, String base) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    ObjectNode attributes = record.putObject("attributes");
    attributes.put("type", object.name());
    attributes.put("url", base + "/sobjects/" + object.name() + "/" + id);
    return record;
  }

  /** The row with the given fields, in that order, under their canonical names. */
  static ObjectNode of(StoredRecord row, List<FieldDef> fields, String base) {
    ObjectNode record = attributes(row.object(), row.id(), base);
    for (FieldDef field : fields) {
      record.set(field.name(), WireFormat.toJson(row.get(field.name())));
    }
    return record;
  }
}
