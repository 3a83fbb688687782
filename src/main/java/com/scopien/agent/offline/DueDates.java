package com.scopien.agent.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a task is due, as people say it: "today", "tomorrow", "next Monday", "on Friday", "in 3
 * days", "next week", "2026-12-24". Returns the date and where it was said, so the words can be
 * left out of the task's subject.
 */
final class DueDates {
  private static final Pattern WHEN =
      Pattern.compile(
          "\\b(?:by |on |for |due )?(today|tonight|tomorrow|next week|in (\\d{1,3}) days?"
              + "|(next |this |on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
              + "|(\\d{4}-\\d{2}-\\d{2}))\\b");

  private DueDates() {}

  /** A due date found in the text and the span that said it. */
  record Due(LocalDate date, int start, int end) {}

  static Optional<Due> find(String lower, LocalDate today) {
    Matcher m = WHEN.matcher(lower);
    if (!m.find()) {
      return Optional.empty();
    }
    String said = m.group(1);
    LocalDate date;
    if (said.equals("today") || said.equals("tonight")) {
      date = today;
    } else if (said.equals("tomorrow")) {
      date = today.plusDays(1);
    } else if (said.equals("next week")) {
      date = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    } else if (m.group(2) != null) {
      date = today.plusDays(Integer.parseInt(m.group(2)));
    } else if (m.group(5) != null) {
      date = LocalDate.parse(m.group(5));
    } else {
      DayOfWeek day = DayOfWeek.valueOf(m.group(4).toUpperCase(Locale.ROOT));
      date = today.with(TemporalAdjusters.next(day));
      if ("next ".equals(m.group(3)) && !date.isAfter(today.plusDays(6))) {
        // "next Monday" said on a Thursday is the coming Monday; said on a Sunday, the day after.
        date = date.isAfter(today) ? date : date.plusWeeks(1);
      }
    }
    return Optional.of(new Due(date, m.start(), m.end()));
  }
}
