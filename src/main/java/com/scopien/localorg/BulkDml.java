package com.scopien.localorg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs a Bulk API 1.0 CSV batch of an insert, update, upsert, delete or hardDelete job row by row
 * through the same writer as REST, each row on its own (a failed row never undoes another). Empty
 * cells leave a field alone and {@code #N/A} sets it to null, as in Salesforce. Results are CSV
 * {@code "Id","Success","Created","Error"} in input order, errors as {@code CODE:message:fields
 * --}.
 */
final class BulkDml {

  static final int MAX_ROWS = 10_000;

  /** One row's outcome. */
  record RowResult(String id, boolean success, boolean created, String error) {}

  private final RecordStore store;
  private final RecordWriter writer;

  BulkDml(RecordStore store, RecordWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  /**
   * Applies every row of the batch.
   *
   * @throws ApiError for a batch that cannot be read at all (bad CSV, unknown column, too many
   *     rows), which fails the whole batch
   */
  List<RowResult> apply(BulkJob job, String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header;
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new StringReader(csv))
            .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get())
            .get()) {
      Iterator<CSVRecord> records = parser.iterator();
      header = records.hasNext() ? records.next().toList() : null;
      while (records.hasNext()) {
        List<String> row = records.next().toList();
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
          rows.add(row);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw ApiError.badRequest("InvalidBatch", "Failed to parse CSV: " + e.getMessage());
    }
    if (header == null || rows.size() > MAX_ROWS) {
      throw ApiError.badRequest(
          "InvalidBatch",
          header == null ? "The batch has no header row" : "Records exceeds limit of " + MAX_ROWS);
    }
    for (String column : header) {
      if (!column.equalsIgnoreCase("Id") && !job.object().hasField(column)) {
        throw ApiError.badRequest(
            "InvalidBatch",
            "Field name not found : " + column + " on entity " + job.object().name());
      }
    }
    List<RowResult> results = new ArrayList<>();
    for (List<String> row : rows) {
      results.add(applyRow(job, header, row));
    }
    return results;
  }

  private RowResult applyRow(BulkJob job, List<String> header, List<String> row) {
    String id = null;
    ObjectNode fields = WireFormat.JSON.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String value = i < row.size() ? row.get(i) : "";
      if (header.get(i).equalsIgnoreCase("Id")) {
        id = value.isEmpty() ? null : value;
      } else if (value.equals("#N/A")) {
        fields.putNull(header.get(i));
      } else if (!value.isEmpty()) {
        fields.put(header.get(i), value);
      }
    }
    try {
      return switch (job.operation()) {
        case "insert" -> {
          if (id != null) {
            fields.put("Id", id);
          }
          yield new RowResult(
              writer.create(job.object(), fields, job.createdById()), true, true, null);
        }
        case "update" -> {
          writer.update(store.live(id, job.object()), fields, job.createdById());
          yield new RowResult(id, true, false, null);
        }
        case "upsert" -> upsert(job, fields);
        default -> {
          StoredRecord target = store.live(id, job.object());
          writer.delete(target, job.createdById());
          if (job.operation().equals("hardDelete")) {
            writer.purge(target);
          }
          yield new RowResult(target.id(), true, false, null);
        }
      };
    } catch (ApiError e) {
      String fieldsText = e.fields() == null ? "" : String.join(",", e.fields());
      return new RowResult(
          id, false, false, e.errorCode() + ":" + e.getMessage() + ":" + fieldsText + " --");
    }
  }

  private RowResult upsert(BulkJob job, ObjectNode fields) {
    FieldDef key = job.externalIdField();
    String value = null;
    for (var it = fields.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (entry.getKey().equalsIgnoreCase(key.name()) && !entry.getValue().isNull()) {
        value = entry.getValue().asText();
      }
    }
    if (value == null || value.isEmpty()) {
      throw ApiError.badRequest(
          "MISSING_ARGUMENT", key.name() + " not specified", List.of(key.name()));
    }
    RecordWriter.Upsert result = writer.upsert(job.object(), key, value, fields, job.createdById());
    if (result.isAmbiguous()) {
      throw ApiError.badRequest(
          "DUPLICATE_EXTERNAL_ID",
          key.name() + ": more than one record found for external id field",
          List.of(key.name()));
    }
    return new RowResult(result.id(), true, result.created(), null);
  }

  /** Writes the results as Bulk 1.0 CSV. */
  static void write(Writer out, List<RowResult> results) throws IOException {
    out.write("\"Id\",\"Success\",\"Created\",\"Error\"\n");
    for (RowResult result : results) {
      out.write(quote(result.id() == null ? "" : result.id()));
      out.write(',');
      out.write(quote(String.valueOf(result.success())));
      out.write(',');
      out.write(quote(String.valueOf(result.created())));
      out.write(',');
      out.write(quote(result.error() == null ? "" : result.error()));
      out.write('\n');
    }
  }

  private static String quote(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
