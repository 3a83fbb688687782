package com.scopien.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code text/event-stream} response written event by event. Nothing is sent until the first
 * event, so an error found before then can still be answered as the usual JSON error with its
 * status. A client that went away is noted once and later events are dropped: the work the request
 * started still finishes (and is remembered), it just has nobody to show it to.
 *
 * <p>Events may be sent from the model client's threads as well as the request's, one at a time.
 */
final class EventStream {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final Context ctx;
  private final ObjectMapper json;
  private OutputStream out;
  private boolean gone;

  EventStream(Context ctx, ObjectMapper json) {
    this.ctx = ctx;
    this.json = json;
  }

  /** Whether anything was sent yet; after that the status and headers are fixed. */
  synchronized boolean started() {
    return out != null || gone;
  }

  /** Sends one event whose data is {@code data} as JSON on one line. */
  synchronized void send(String event, Object data) {
    if (gone) {
      return;
    }
    String payload;
    try {
      payload = json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data is not serialisable", e);
    }
    try {
      if (out == null) {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        out = response.getOutputStream();
      }
      out.write(
          ("event: " + event + "\ndata: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      gone = true;
      LOG.info(
          "{} {}: the client went away; the reply is kept in the conversation",
          ctx.method(),
          ctx.path());
    }
  }
}
