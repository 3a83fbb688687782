package com.scopien.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

  @Test
  void handWrittenDatetimesMatchTheGeneralFormatter() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochMilli(random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L));
      assertThat(WireFormat.formatDateTime(instant)).isEqualTo(REFERENCE.format(instant));
    }
    assertThat(WireFormat.formatDateTime(Instant.parse("2015-12-15T21:41:45.007Z"), "Z"))
        .isEqualTo("2015-12-15T21:41:45.007Z");
    assertThat(WireFormat.formatDateTime(Instant.parse("0999-01-01T00:00:00Z")))
        .isEqualTo("0999-01-01T00:00:00.000+0000");
  }
}
