package com.scopien.localorg;

import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Bulk API 1.0's XML. force-wsc's generated readers peek at the next element and accept fields only
 * in declaration order, so elements are written in exactly that order (absent ones left out, never
 * reordered). Requests are read namespace-aware with DTDs and external entities off.
 */
final class BulkXml {

  static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";
  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private BulkXml() {}

  static String job(BulkJob.View job) {
    StringBuilder xml = open("jobInfo");
    element(xml, "id", job.id());
    element(xml, "operation", job.operation());
    element(xml, "object", job.object());
    element(xml, "createdById", job.createdById());
    element(xml, "createdDate", DATETIME.format(job.createdDate()));
    element(xml, "systemModstamp", DATETIME.format(job.systemModstamp()));
    element(xml, "state", job.state());
    element(xml, "externalIdFieldName", job.externalIdFieldName());
    element(xml, "concurrencyMode", job.concurrencyMode());
    element(xml, "contentType", job.contentType());
    element(xml, "numberBatchesQueued", job.queued());
    element(xml, "numberBatchesInProgress", job.inProgress());
    element(xml, "numberBatchesCompleted", job.completed());
    element(xml, "numberBatchesFailed", job.failed());
    element(xml, "numberBatchesTotal", job.total());
    element(xml, "numberRecordsProcessed", job.recordsProcessed());
    element(xml, "numberRetries", 0);
    element(xml, "apiVersion", job.apiVersion());
    element(xml, "numberRecordsFailed", job.recordsFailed());
    element(xml, "totalProcessingTime", job.processingMillis());
    element(xml, "apiActiveProcessingTime", job.processingMillis());
    element(xml, "apexProcessingTime", 0);
    return close(xml, "jobInfo");
  }

  static String batch(BulkBatch.View batch) {
    return PROLOG + batchElement(batch, true);
  }

  static String batchList(List<BulkBatch.View> batches) {
    StringBuilder xml = open("batchInfoList");
    for (BulkBatch.View batch : batches) {
      xml.append(batchElement(batch, false));
    }
    return close(xml, "batchInfoList");
  }

  /** {@code <result-list>} naming the result files of a query batch. */
  static String resultList(List<String> resultIds) {
    StringBuilder xml = open("result-list");
    for (String id : resultIds) {
      element(xml, "result", id);
    }
    return close(xml, "result-list");
  }

  static String error(String exceptionCode, String message) {
    StringBuilder xml = open("error");
    element(xml, "exceptionCode", exceptionCode);
    element(xml, "exceptionMessage", message);
    return close(xml, "error");
  }

  /**
   * The child elements of a {@code <jobInfo>} request, by local name.
   *
   * @throws BulkError InvalidXml when the body is not such a document
   */
  static Map<String, String> readJob(InputStream body) {
    Map<String, String> fields = new HashMap<>();
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      XMLStreamReader reader = factory.createXMLStreamReader(body, "UTF-8");
      reader.nextTag();
      if (!reader.getLocalName().equals("jobInfo") || !NAMESPACE.equals(reader.getNamespaceURI())) {
        throw new BulkError(
            400, "InvalidJob", "Unable to parse Job: expected jobInfo in " + NAMESPACE);
      }
      while (reader.nextTag() == XMLStreamReader.START_ELEMENT) {
        String name = reader.getLocalName();
        fields.put(name, reader.getElementText().trim());
      }
      return fields;
    } catch (XMLStreamException e) {
      throw new BulkError(400, "InvalidXml", "The request is not well-formed XML.");
    }
  }

  private static String batchElement(BulkBatch.View batch, boolean namespaced) {
    StringBuilder xml = new StringBuilder("<batchInfo");
    xml.append(namespaced ? " xmlns=\"" + NAMESPACE + "\">" : ">");
    element(xml, "id", batch.id());
    element(xml, "jobId", batch.jobId());
    element(xml, "state", batch.state());
    element(xml, "stateMessage", batch.stateMessage());
    element(xml, "createdDate", DATETIME.format(batch.createdDate()));
    element(xml, "systemModstamp", DATETIME.format(batch.systemModstamp()));
    element(xml, "numberRecordsProcessed", batch.recordsProcessed());
    element(xml, "numberRecordsFailed", batch.recordsFailed());
    element(xml, "totalProcessingTime", batch.processingMillis());
    element(xml, "apiActiveProcessingTime", batch.processingMillis());
    element(xml, "apexProcessingTime", 0);
    return xml.append("</batchInfo>").toString();
  }

  private static StringBuilder open(String root) {
    return new StringBuilder(PROLOG)
        .append('<')
        .append(root)
        .append(" xmlns=\"")
        .append(NAMESPACE)
        .append("\">");
  }

  private static String close(StringBuilder xml, String root) {
    return xml.append("</").append(root).append('>').toString();
  }

  private static void element(StringBuilder xml, String name, Object value) {
    if (value == null) {
      return;
    }
    xml.append('<').append(name).append('>');
    String text = value instanceof Instant i ? DATETIME.format(i) : value.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        default -> xml.append(c);
      }
    }
    xml.append("</").append(name).append('>');
  }
}
