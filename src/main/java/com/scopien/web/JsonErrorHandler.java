package com.scopien.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before Javalin sees them (a malformed URI, headers too large) get the same
 * JSON error shape as the rest of the API, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  JsonErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8"));
    String message = HttpStatus.getMessage(status);
    String body =
        "{\"error\":{\"code\":\"bad_request\",\"message\":\"The request was malformed ("
            + status
            + " "
            + message.replaceAll("[^A-Za-z0-9 ]", "")
            + ").\"}}";
    return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
  }
}
