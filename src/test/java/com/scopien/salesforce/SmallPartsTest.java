package com.scopien.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.ScopienException;
import com.scopien.ScopienException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

  @Test
  void limitInfoHeaderVariantsAreRead() {
    assertThat(ApiUsageTracker.parse("api-usage=18/5000")).get().isEqualTo(new long[] {18, 5000});
    assertThat(
            ApiUsageTracker.parse("api-usage=25/15000, per-app-api-usage=17/250(appName=Scopien)"))
        .get()
        .isEqualTo(new long[] {25, 15000});
    assertThat(ApiUsageTracker.parse("per-app-api-usage=17/250(appName=x), api-usage=3/9"))
        .get()
        .isEqualTo(new long[] {3, 9});
    assertThat(ApiUsageTracker.parse("per-app-api-usage=17/250(appName=x)")).isEmpty();
    assertThat(ApiUsageTracker.parse("api-usage=lots")).isEmpty();
    assertThat(ApiUsageTracker.parse("")).isEmpty();
  }

  @Test
  void aThrowingUsageListenerDoesNotLoseTheReading() {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    ApiUsageTracker tracker =
        new ApiUsageTracker(
            Clock.fixed(now, ZoneOffset.UTC),
            usage -> {
              throw new IllegalStateException("listener bug");
            });

    tracker.record(java.util.Optional.of("api-usage=1/2"));

    assertThat(tracker.last()).contains(new ApiUsage(1, 2, now));
  }

  @Test
  void backoffIsFullJitterUnderAGrowingCappedCeiling() {
    RetryPolicy top =
        RetryPolicy.defaults()
            .withDelays(Duration.ofMillis(500), Duration.ofSeconds(60))
            .withRandom(() -> 1.0);
    List<Duration> ceilings = new ArrayList<>();
    for (int failed = 1; failed <= 10; failed++) {
      ceilings.add(top.backoff(failed));
    }
    assertThat(ceilings.subList(0, 5))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
    assertThat(ceilings.get(9)).isEqualTo(Duration.ofSeconds(60));
    assertThat(top.backoff(1_000)).isEqualTo(Duration.ofSeconds(60));
    assertThat(top.withRandom(() -> 0.0).backoff(3)).isEqualTo(Duration.ZERO);
    assertThat(top.withRandom(() -> 0.25).backoff(3)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void onlyIdempotentCallsRetryAndOnlyOnRetriableKinds() {
    RetryPolicy policy = RetryPolicy.defaults();
    ScopienException retriable = new SalesforceException(Kind.RETRIABLE, "HTTP_503", 503, "x");
    ScopienException upstream =
        new SalesforceException(Kind.UPSTREAM, "REQUEST_LIMIT_EXCEEDED", 403, "x");

    assertThat(policy.maxAttempts()).isEqualTo(5);
    assertThat(policy.allowsRetry(1, true, retriable)).isTrue();
    assertThat(policy.allowsRetry(4, true, retriable)).isTrue();
    assertThat(policy.allowsRetry(5, true, retriable)).isFalse();
    assertThat(policy.allowsRetry(1, false, retriable)).isFalse();
    assertThat(policy.allowsRetry(1, true, upstream)).isFalse();
    assertThat(RetryPolicy.none().allowsRetry(1, true, retriable)).isFalse();
  }

  @Test
  void salesforceTimesAreReadInEveryOffsetSpelling() {
    Instant expected = Instant.parse("2013-05-20T20:49:32Z");
    assertThat(SalesforceTime.parseDateTime("2013-05-20T20:49:32.000+0000")).isEqualTo(expected);
    assertThat(SalesforceTime.parseDateTime("2013-05-20T20:49:32Z")).isEqualTo(expected);
    assertThat(SalesforceTime.parseDateTime("2013-05-20T22:49:32.000+02:00")).isEqualTo(expected);
    assertThat(SalesforceTime.formatDateTime(expected)).isEqualTo("2013-05-20T20:49:32.000+0000");
    assertThat(SalesforceTime.parseDate("2013-05-20")).isEqualTo(LocalDate.of(2013, 5, 20));
    assertThatThrownBy(() -> SalesforceTime.parseDateTime("2013-05-20"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsRefuseValuesThatWouldBreakHeadersOrPaths() {
    ClientOptions defaults = ClientOptions.defaults();
    assertThat(defaults.apiVersion()).isEqualTo("62.0");
    assertThatThrownBy(() -> defaults.withApiVersion("62.0/../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withCallOptionsClient("a\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withQueryBatchSize(5000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSessionNeedsASafeInstanceUrl() {
    assertThatThrownBy(
            () -> new Session(com.scopien.config.Secret.of("t"), "http://acme.my.salesforce.com"))
        .hasFieldOrPropertyWithValue("errorCode", "INVALID_INSTANCE_URL");
    assertThat(
            new Session(com.scopien.config.Secret.of("t"), "https://acme.my.salesforce.com/")
                .instanceUrl())
        .isEqualTo("https://acme.my.salesforce.com");
  }
}
