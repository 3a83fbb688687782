package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import com.sforce.ws.ConnectorConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk API 1.0 driven by force-wsc's own {@link BulkConnection} (so element order, headers, gzip
 * bodies and error parsing are checked by the real client), and Bulk API 2.0 query jobs over HTTP.
 */
class LocalOrgBulkTest {

  private static LocalOrg org;
  private static OrgHttp api;
  private static BulkConnection bulk;

  @BeforeAll
  static void start() throws AsyncApiException {
    org = LocalOrg.start(LocalOrgOptions.sandbox());
    api = OrgHttp.connected(org);
    bulk = connection(api.token());
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void aQueryJobYieldsEveryRowAsCsv() throws Exception {
    JobInfo job = bulk.createJob(queryJob("Lead", OperationEnum.query));
    assertThat(job.getId()).startsWith("750").hasSize(18);
    assertThat(job.getState()).isEqualTo(JobStateEnum.Open);
    assertThat(job.getObject()).isEqualTo("Lead");
    assertThat(job.getCreatedById()).isEqualTo(org.userId());
    assertThat(job.getApiVersion()).isEqualTo(62.0);
    assertThat(job.getContentType()).isEqualTo(ContentType.CSV);
    assertThat(job.getConcurrencyMode()).isEqualTo(ConcurrencyMode.Parallel);

    BatchInfo batch = bulk.createBatchFromStream(job, soql("SELECT Id, Name, Score__c FROM Lead"));
    assertThat(batch.getId()).startsWith("751");
    assertThat(batch.getJobId()).isEqualTo(job.getId());
    BatchInfo done = awaitBatch(job.getId(), batch.getId());
    assertThat(done.getState()).isEqualTo(BatchStateEnum.Completed);
    assertThat(done.getNumberRecordsProcessed()).isEqualTo(org.count("Lead"));

    String[] results = bulk.getQueryResultList(job.getId(), batch.getId()).getResult();
    assertThat(results).hasSize(1);
    assertThat(results[0]).startsWith("752");
    List<String> lines = lines(bulk.getQueryResultStream(job.getId(), batch.getId(), results[0]));
    assertThat(lines.get(0)).isEqualTo("\"Id\",\"Name\",\"Score__c\"");
    assertThat(lines).hasSize(org.count("Lead") + 1);
    assertThat(lines).anyMatch(line -> line.contains("\"Jane Smith\",\"72\""));

    JobInfo status = bulk.getJobStatus(job.getId());
    assertThat(status.getNumberBatchesCompleted()).isEqualTo(1);
    assertThat(status.getNumberRecordsProcessed()).isEqualTo(org.count("Lead"));
    assertThat(bulk.closeJob(job.getId()).getState()).isEqualTo(JobStateEnum.Closed);
    assertThatThrownBy(() -> bulk.createBatchFromStream(job, soql("SELECT Id FROM Lead")))
        .isInstanceOfSatisfying(
            AsyncApiException.class,
            e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJobState));
  }

  @Test
  void pkChunkingSplitsTheTableIntoIdRanges() throws Exception {
    BulkConnection chunked = connection(api.token());
    chunked.addHeader("Sforce-Enable-PKChunking", "chunkSize=250");
    JobInfo job = chunked.createJob(queryJob("Contact", OperationEnum.query));
    BatchInfo original =
        chunked.createBatchFromStream(
            job, soql("SELECT Id, LastName, Account.Name FROM Contact WHERE IsDeleted = false"));

    List<BatchInfo> chunks = awaitChunks(job.getId(), original.getId());
    int contacts = org.count("Contact");
    assertThat(chunks).hasSize((contacts + 249) / 250);
    BatchInfo first = bulk.getBatchInfo(job.getId(), original.getId());
    assertThat(first.getState()).isEqualTo(BatchStateEnum.NotProcessed);

    Set<String> ids = new HashSet<>();
    int rows = 0;
    for (BatchInfo chunk : chunks) {
      assertThat(chunk.getState()).isEqualTo(BatchStateEnum.Completed);
      for (String result : bulk.getQueryResultList(job.getId(), chunk.getId()).getResult()) {
        List<String> lines = lines(bulk.getQueryResultStream(job.getId(), chunk.getId(), result));
        assertThat(lines.get(0)).isEqualTo("\"Id\",\"LastName\",\"Account.Name\"");
        for (String line : lines.subList(1, lines.size())) {
          ids.add(line.substring(1, 19));
          rows++;
        }
      }
    }
    assertThat(rows).isEqualTo(contacts);
    assertThat(ids).hasSize(contacts);
  }

  @Test
  void badQueriesFailTheBatchWithSalesforcesMessage() throws Exception {
    JobInfo job = bulk.createJob(queryJob("Account", OperationEnum.query));
    BatchInfo bad = bulk.createBatchFromStream(job, soql("SELECT Id, Nope__c FROM Account"));
    BatchInfo failed = awaitBatch(job.getId(), bad.getId());
    assertThat(failed.getState()).isEqualTo(BatchStateEnum.Failed);
    assertThat(failed.getStateMessage())
        .startsWith("InvalidBatch : Failed to process query: INVALID_FIELD:")
        .contains("No such column 'Nope__c' on entity 'Account'");
    BatchInfo count = bulk.createBatchFromStream(job, soql("SELECT COUNT() FROM Account"));
    assertThat(awaitBatch(job.getId(), count.getId()).getStateMessage())
        .contains("FUNCTIONALITY_NOT_ENABLED");
    assertThat(bulk.abortJob(job.getId()).getState()).isEqualTo(JobStateEnum.Aborted);
  }

  @Test
  void errorsComeBackAsAsyncApiExceptions() throws Exception {
    assertThatThrownBy(() -> connection("00D!nope").getJobStatus("750000000000000AAA"))
        .isInstanceOfSatisfying(
            AsyncApiException.class,
            e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId));
    assertThatThrownBy(() -> bulk.getJobStatus("750000000000000AAA"))
        .isInstanceOfSatisfying(
            AsyncApiException.class,
            e -> assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob));
    assertThatThrownBy(() -> bulk.createJob(queryJob("Nope__c", OperationEnum.query)))
        .isInstanceOf(AsyncApiException.class);
  }

  @Test
  void queryAllJobsSeeTheRecycleBin() throws Exception {
    String id = org.create("Account", Map.of("Name", "Binned"));
    org.delete("Account", id);
    JobInfo job = bulk.createJob(queryJob("Account", OperationEnum.queryAll));
    BatchInfo batch =
        bulk.createBatchFromStream(
            job, soql("SELECT Id, IsDeleted FROM Account WHERE Name = 'Binned'"));
    awaitBatch(job.getId(), batch.getId());
    String result = bulk.getQueryResultList(job.getId(), batch.getId()).getResult()[0];
    assertThat(lines(bulk.getQueryResultStream(job.getId(), batch.getId(), result)))
        .containsExactly("\"Id\",\"IsDeleted\"", "\"" + id + "\",\"true\"");
  }

  @Test
  void csvDmlJobsWriteRowByRowAndReportEachRow() throws Exception {
    JobInfo insert = bulk.createJob(dmlJob("Contact", OperationEnum.insert, null));
    BatchInfo inserted =
        bulk.createBatchFromStream(
            insert,
            soql(
                "FirstName,LastName,Email\nBea,Bulk,bea@bulk.example\nNo,,\n\"Quote \"\"Q\"\"\",Bulk,\n"));
    assertThat(awaitBatch(insert.getId(), inserted.getId()).getNumberRecordsFailed()).isEqualTo(1);
    List<String> results = lines(bulk.getBatchResultStream(insert.getId(), inserted.getId()));
    assertThat(results.get(0)).isEqualTo("\"Id\",\"Success\",\"Created\",\"Error\"");
    assertThat(results.get(1)).matches("\"003\\w{15}\",\"true\",\"true\",\"\"");
    assertThat(results.get(2))
        .isEqualTo(
            "\"\",\"false\",\"false\",\"REQUIRED_FIELD_MISSING:Required fields are missing:"
                + " [LastName]:LastName --\"");
    String bea = results.get(1).substring(1, 19);
    String quoted = results.get(3).substring(1, 19);
    assertThat(org.record("Contact", quoted).orElseThrow())
        .containsEntry("FirstName", "Quote \"Q\"");
    assertThat(bulk.getJobStatus(insert.getId()).getNumberRecordsFailed()).isEqualTo(1);

    JobInfo update = bulk.createJob(dmlJob("Contact", OperationEnum.update, null));
    BatchInfo updated =
        bulk.createBatchFromStream(update, soql("Id,Title,Email\n" + bea + ",Buyer,#N/A\n"));
    awaitBatch(update.getId(), updated.getId());
    assertThat(org.record("Contact", bea).orElseThrow())
        .containsEntry("Title", "Buyer")
        .containsEntry("Email", null)
        .containsEntry("LastName", "Bulk");

    JobInfo upsert = bulk.createJob(dmlJob("Lead", OperationEnum.upsert, "External_ID__c"));
    assertThat(upsert.getExternalIdFieldName()).isEqualTo("External_ID__c");
    BatchInfo upserted =
        bulk.createBatchFromStream(
            upsert, soql("External_ID__c,LastName,Company\nBLK-1,One,B\nBLK-1,Again,B\n"));
    awaitBatch(upsert.getId(), upserted.getId());
    List<String> upserts = lines(bulk.getBatchResultStream(upsert.getId(), upserted.getId()));
    assertThat(upserts.get(1)).contains("\"true\",\"true\"");
    assertThat(upserts.get(2)).contains("\"true\",\"false\"");

    JobInfo delete = bulk.createJob(dmlJob("Contact", OperationEnum.hardDelete, null));
    BatchInfo deleted = bulk.createBatchFromStream(delete, soql("Id\n" + bea + "\n"));
    awaitBatch(delete.getId(), deleted.getId());
    assertThat(org.record("Contact", bea)).isEmpty();

    JobInfo bad = bulk.createJob(dmlJob("Contact", OperationEnum.insert, null));
    BatchInfo badBatch = bulk.createBatchFromStream(bad, soql("Nope__c\nx\n"));
    BatchInfo failed = awaitBatch(bad.getId(), badBatch.getId());
    assertThat(failed.getState()).isEqualTo(BatchStateEnum.Failed);
    assertThat(failed.getStateMessage())
        .isEqualTo("InvalidBatch : Field name not found : Nope__c on entity Contact");
  }

  @Test
  void bulkV2QueryPagesResultsWithLocators() throws Exception {
    OrgHttp.Reply created =
        api.post(
            OrgHttp.V + "/jobs/query",
            Map.of("operation", "query", "query", "SELECT Id, Name FROM Account"));
    assertThat(created.status()).isEqualTo(200);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("state").asText()).isEqualTo("UploadComplete");
    JsonNode job = api.get(OrgHttp.V + "/jobs/query/" + id).json();
    for (int i = 0; i < 100 && !job.get("state").asText().equals("JobComplete"); i++) {
      Thread.sleep(50);
      job = api.get(OrgHttp.V + "/jobs/query/" + id).json();
    }
    assertThat(job.get("jobType").asText()).isEqualTo("V2Query");
    int accounts = org.count("Account");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(accounts);

    Set<String> ids = new HashSet<>();
    String locator = "";
    int pages = 0;
    while (!locator.equals("null")) {
      OrgHttp.Reply page =
          api.get(OrgHttp.V + "/jobs/query/" + id + "/results?maxRecords=50&locator=" + locator);
      assertThat(page.status()).isEqualTo(200);
      List<String> lines = page.body().lines().toList();
      assertThat(lines.get(0)).isEqualTo("\"Id\",\"Name\"");
      assertThat(page.header("Sforce-NumberOfRecords")).isEqualTo(String.valueOf(lines.size() - 1));
      lines.subList(1, lines.size()).forEach(line -> ids.add(line.substring(1, 19)));
      locator = page.header("Sforce-Locator");
      pages++;
    }
    assertThat(ids).hasSize(accounts);
    assertThat(pages).isEqualTo((accounts + 49) / 50);

    assertThat(api.get("/services/data/v61.0/jobs/query/" + id + "/results").status())
        .isEqualTo(409);
    OrgHttp.Reply bad =
        api.post(
            OrgHttp.V + "/jobs/query",
            Map.of("operation", "query", "query", "SELECT Nope FROM Account"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(api.delete(OrgHttp.V + "/jobs/query/" + id).status()).isEqualTo(204);
    assertThat(api.get(OrgHttp.V + "/jobs/query/" + id).status()).isEqualTo(404);
  }

  private static BulkConnection connection(String token) throws AsyncApiException {
    ConnectorConfig config = new ConnectorConfig();
    config.setSessionId(token);
    config.setRestEndpoint(org.baseUrl() + "/services/async/62.0");
    return new BulkConnection(config);
  }

  private static JobInfo queryJob(String object, OperationEnum operation) {
    JobInfo job = new JobInfo();
    job.setObject(object);
    job.setOperation(operation);
    job.setContentType(ContentType.CSV);
    job.setConcurrencyMode(ConcurrencyMode.Parallel);
    return job;
  }

  private static JobInfo dmlJob(String object, OperationEnum operation, String externalId) {
    JobInfo job = new JobInfo();
    job.setObject(object);
    job.setOperation(operation);
    job.setContentType(ContentType.CSV);
    if (externalId != null) {
      job.setExternalIdFieldName(externalId);
    }
    return job;
  }

  private static InputStream soql(String soql) {
    return new ByteArrayInputStream(soql.getBytes(StandardCharsets.UTF_8));
  }

  private static BatchInfo awaitBatch(String jobId, String batchId) throws Exception {
    for (int i = 0; i < 200; i++) {
      BatchInfo info = bulk.getBatchInfo(jobId, batchId);
      if (info.getState() != BatchStateEnum.Queued
          && info.getState() != BatchStateEnum.InProgress) {
        return info;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("batch " + batchId + " did not finish");
  }

  /** Waits until the original batch is split and every chunk is done; returns the chunks. */
  private static List<BatchInfo> awaitChunks(String jobId, String originalId) throws Exception {
    for (int i = 0; i < 200; i++) {
      List<BatchInfo> chunks = new ArrayList<>();
      boolean running = false;
      for (BatchInfo info : bulk.getBatchInfoList(jobId).getBatchInfo()) {
        if (info.getId().equals(originalId)) {
          running |= info.getState() != BatchStateEnum.NotProcessed;
        } else {
          chunks.add(info);
          running |=
              info.getState() == BatchStateEnum.Queued
                  || info.getState() == BatchStateEnum.InProgress;
        }
      }
      if (!running) {
        return chunks;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("chunks did not finish");
  }

  private static List<String> lines(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
