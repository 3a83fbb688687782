package com.scopien.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = Redactor.standard();

  @Test
  void masksAuthorizationHeadersButKeepsTheScheme() {
    assertThat(redactor.redact("Authorization: Bearer eyJhbGciOi.payload.sig rest"))
        .isEqualTo("Authorization: Bearer [REDACTED] rest");
    assertThat(redactor.redact("authorization=Basic dXNlcjpwYXNz"))
        .isEqualTo("authorization=Basic [REDACTED]");
    assertThat(redactor.redact("{\"Authorization\": \"OAuth 00Dabc!xyz\"}"))
        .isEqualTo("{\"Authorization\": \"OAuth [REDACTED]\"}");
    assertThat(redactor.redact("Authorization: rawtoken123"))
        .isEqualTo("Authorization: [REDACTED]");
  }

  @Test
  void masksBearerTokensOutsideHeadersToo() {
    assertThat(redactor.redact("retrying with bearer abc.def-ghi/jk= now"))
        .isEqualTo("retrying with bearer [REDACTED] now");
  }

  @Test
  void masksTokenAndPasswordValuesInJson() throws Exception {
    String json =
        "{\"access_token\":\"00Dxx!AQ.tok\",\"refresh_token\" : \"5Aep86\\\"x\","
            + "\"client_secret\":\"s3cr3t\",\"password\":\"hunter2\",\"instance_url\":\"https://x\"}";

    String out = redactor.redact(json);

    assertThat(out)
        .doesNotContain("AQ.tok", "5Aep86", "s3cr3t", "hunter2")
        .contains("\"access_token\":\"[REDACTED]\"")
        .contains("\"refresh_token\" : \"[REDACTED]\"")
        .contains("\"instance_url\":\"https://x\"");
    assertThat(new ObjectMapper().readTree(out).get("password").asText()).isEqualTo("[REDACTED]");
  }

  @Test
  void masksValuesInFormBodiesAndQueryStrings() {
    String form =
        "grant_type=refresh_token&client_id=abc&client_secret=xyz123&refresh_token=5Aep8&x=1";

    assertThat(redactor.redact(form))
        .isEqualTo(
            "grant_type=refresh_token&client_id=abc&client_secret=[REDACTED]"
                + "&refresh_token=[REDACTED]&x=1");
    assertThat(redactor.redact("jdbc:postgresql://db/x?user=app&password=pw1;ok"))
        .isEqualTo("jdbc:postgresql://db/x?user=app&password=[REDACTED];ok");
    assertThat(redactor.redact("Config[dbPassword=pw2, port=1]"))
        .isEqualTo("Config[dbPassword=[REDACTED], port=1]");
  }

  @Test
  void masksSalesforceSessionIdsKeepingTheOrgId() {
    String session = "00D5e000000AbCd!ARQAQF8qZx.lN1kG_sX3vDh9";

    assertThat(redactor.redact("login ok, sid " + session + " expires"))
        .isEqualTo("login ok, sid 00D5e000000AbCd![REDACTED] expires");
    assertThat(redactor.redact("<sessionId>00D5e000000AbCdEAA!AQ4.x</sessionId>"))
        .isEqualTo("<sessionId>00D5e000000AbCdEAA![REDACTED]</sessionId>");
  }

  @Test
  void masksScopienSlackOpenAiAndWebhookKeys() {
    assertThat(redactor.redact("key scp_4fGh7Jk9LmNpQrStUvWx2yZ0aBcDeFgHiJkLmNoPqRs used"))
        .isEqualTo("key scp_[REDACTED] used");
    assertThat(redactor.redact("token=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp"))
        .isEqualTo("token=xoxb-[REDACTED]");
    assertThat(redactor.redact("xapp-1-A0123-456-abcdef0123")).isEqualTo("xapp-[REDACTED]");
    assertThat(redactor.redact("using sk-proj-AbCdEf0123456789xyz"))
        .isEqualTo("using sk-[REDACTED]");
    assertThat(redactor.redact("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isEqualTo("whsec_[REDACTED]");
  }

  @Test
  void leavesShortDisplayPrefixesAndOrdinaryTextAlone() {
    String text = "key scp_Ab12Cd issued to jane.roe@acme.com for Opportunity 006xx0000012345";

    assertThat(redactor.redact(text)).isEqualTo(text);
    assertThat(redactor.redact(null)).isNull();
    assertThat(redactor.redact("")).isEmpty();
  }

  @Test
  void masksSensitiveSalesforceFieldValuesInJsonAndText() {
    String record =
        "{\"Name\":\"Jane Roe\",\"SSN__c\":\"123-45-6789\",\"bank_account__c\":\"DE89 3704\","
            + "\"Salary__c\":125000.5}";

    String out = redactor.redact(record);

    assertThat(out)
        .isEqualTo(
            "{\"Name\":\"Jane Roe\",\"SSN__c\":\"[REDACTED]\",\"bank_account__c\":\"[REDACTED]\","
                + "\"Salary__c\":\"[REDACTED]\"}");
    assertThat(redactor.redact("update Contact set Salary__c=99000, Title=CEO"))
        .isEqualTo("update Contact set Salary__c=[REDACTED], Title=CEO");
  }

  @Test
  void extraNamesAreMaskedToo() {
    Redactor custom = new Redactor(List.of("Medical_Notes__c"));

    assertThat(custom.redact("{\"Medical_Notes__c\":\"asthma\"}"))
        .isEqualTo("{\"Medical_Notes__c\":\"[REDACTED]\"}");
    assertThat(custom.isSensitiveName("medical_notes__c")).isTrue();
    assertThat(redactor.isSensitiveName("Medical_Notes__c")).isFalse();
  }

  @Test
  void knowsWhichNamesAreSensitive() {
    assertThat(redactor.isSensitiveName("client_secret")).isTrue();
    assertThat(redactor.isSensitiveName("newPassword")).isTrue();
    assertThat(redactor.isSensitiveName("SSN__c")).isTrue();
    assertThat(redactor.isSensitiveName("Name")).isFalse();
    assertThat(redactor.isSensitiveName("token_count")).isFalse();
  }
}
