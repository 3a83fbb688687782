package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.scopien.ScopienException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class SalesforceErrorsTest {
  private final SalesforceErrors errors = new SalesforceErrors(SalesforceJson.newMapper());

  @Test
  void theErrorArrayGivesCodeKindAndEveryMessage() {
    SalesforceException e =
        errors.fromResponse(
            400,
            """
            [{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING",
              "fields":["LastName"]},
             {"message":"Required fields are missing: [Company]","errorCode":"REQUIRED_FIELD_MISSING"}]
            """);

    assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
    assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.getMessage())
        .isEqualTo(
            "Required fields are missing: [LastName]; Required fields are missing: [Company]");
  }

  @Test
  void kindsFollowTheDeclaredTable() {
    assertThat(SalesforceErrors.kindOf(400, "UNABLE_TO_LOCK_ROW")).isEqualTo(Kind.RETRIABLE);
    assertThat(SalesforceErrors.kindOf(403, "REQUEST_LIMIT_EXCEEDED")).isEqualTo(Kind.UPSTREAM);
    assertThat(SalesforceErrors.kindOf(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION"))
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(SalesforceErrors.kindOf(400, "INVALID_FIELD_FOR_INSERT_UPDATE"))
        .isEqualTo(Kind.INVALID_INPUT);
    assertThat(SalesforceErrors.kindOf(400, "MALFORMED_QUERY")).isEqualTo(Kind.INVALID_INPUT);
    assertThat(SalesforceErrors.kindOf(404, "ENTITY_IS_DELETED")).isEqualTo(Kind.NOT_FOUND);
    assertThat(SalesforceErrors.kindOf(500, "UNKNOWN_EXCEPTION")).isEqualTo(Kind.RETRIABLE);
    assertThat(SalesforceErrors.kindOf(503, "HTTP_503")).isEqualTo(Kind.RETRIABLE);
    assertThat(SalesforceErrors.kindOf(403, "INSUFFICIENT_ACCESS")).isEqualTo(Kind.UPSTREAM);
    assertThat(SalesforceErrors.kindOf(410, "HTTP_410")).isEqualTo(Kind.UPSTREAM);
    assertThat(SalesforceErrors.kindOf(401, "INVALID_SESSION_ID")).isEqualTo(Kind.UPSTREAM);
  }

  @Test
  void bodiesThatAreNotTheErrorArrayStillGiveAReadableError() {
    SalesforceException html = errors.fromResponse(502, "<html><h1>Bad Gateway</h1></html>");
    SalesforceException empty = errors.fromResponse(500, "");
    SalesforceException object =
        errors.fromResponse(400, "{\"errorCode\":\"JSON_PARSER_ERROR\",\"message\":\"bad json\"}");
    SalesforceException emptyArray = errors.fromResponse(400, "[]");

    assertThat(html.errorCode()).isEqualTo("HTTP_502");
    assertThat(html.kind()).isEqualTo(Kind.RETRIABLE);
    assertThat(html.getMessage())
        .isEqualTo("Salesforce answered HTTP 502 without an error message.");
    assertThat(empty.errorCode()).isEqualTo("HTTP_500");
    assertThat(object.errorCode()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(object.getMessage()).isEqualTo("bad json");
    assertThat(emptyArray.kind()).isEqualTo(Kind.UPSTREAM);
  }

  @Test
  void failuresWithoutAReplyNameTheHost() {
    IOException unresolved = new ConnectException("x");
    unresolved.initCause(new UnresolvedAddressException());

    SalesforceException dns =
        SalesforceErrors.unreachable("Salesforce at", "acme.invalid", unresolved);
    SalesforceException reset =
        SalesforceErrors.unreachable(
            "Salesforce at", "acme.my.salesforce.com", new IOException("reset"));

    assertThat(dns.kind()).isEqualTo(Kind.UPSTREAM);
    assertThat(dns.getMessage())
        .isEqualTo("Cannot find Salesforce at acme.invalid; check the URL.");
    assertThat(reset.kind()).isEqualTo(Kind.RETRIABLE);
    assertThat(reset.getMessage()).contains("acme.my.salesforce.com").doesNotContain("reset");
  }
}
