package com.scopien.sync;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.salesforce.SObjectRecord;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Bulk CSV row (every value text, empty as null) as the record REST would have returned: booleans
 * as Boolean, whole-number fields as Long, decimals as BigDecimal, the rest (dates and datetimes
 * included) as the text Salesforce sent. The types come from the object's describe, so the mirror
 * stores the same values whichever API read them.
 */
final class BulkRowDecoder {
  private enum Kind {
    TEXT,
    BOOLEAN,
    WHOLE,
    DECIMAL
  }

  private final String object;
  private final ObjectDescribe describe;
  private final Map<String, Kind> kinds = new HashMap<>();

  BulkRowDecoder(ObjectDescribe describe) {
    this.object = describe.name();
    this.describe = describe;
  }

  SObjectRecord decode(Map<String, String> row) {
    Map<String, Object> fields = new LinkedHashMap<>(row.size() * 2);
    for (Map.Entry<String, String> e : row.entrySet()) {
      String text = e.getValue();
      fields.put(e.getKey(), text == null ? null : value(kindOf(e.getKey()), text));
    }
    return new SObjectRecord(object, fields);
  }

  private Kind kindOf(String column) {
    return kinds.computeIfAbsent(
        column,
        name ->
            describe
                .field(name)
                .map(FieldDescribe::type)
                .map(BulkRowDecoder::kindOfType)
                .orElse(Kind.TEXT));
  }

  static Kind kindOfType(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "boolean" -> Kind.BOOLEAN;
      case "int", "long" -> Kind.WHOLE;
      case "double", "currency", "percent" -> Kind.DECIMAL;
      default -> Kind.TEXT;
    };
  }

  private static Object value(Kind kind, String text) {
    try {
      return switch (kind) {
        case BOOLEAN -> Boolean.parseBoolean(text);
        case WHOLE -> Long.parseLong(text);
        case DECIMAL -> new BigDecimal(text);
        case TEXT -> text;
      };
    } catch (NumberFormatException e) {
      // Kept as sent: the mirror stores what Salesforce said rather than dropping the record.
      return text;
    }
  }
}
