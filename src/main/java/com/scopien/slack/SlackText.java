package com.scopien.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text between Slack and the assistant. Outgoing: the assistant's Markdown becomes Slack mrkdwn
 * ({@code **x**} → {@code *x*}, links as {@code <url|label>}, pipe tables as monospace code
 * blocks), with {@code &}, {@code <} and {@code >} escaped everywhere, so text from a record can
 * neither ping {@code @channel} nor forge a link. Incoming: Slack's escaped, mention-laden text
 * becomes the plain request a person typed.
 */
final class SlackText {
  private static final int MAX_CELL = 32;
  private static final Pattern FENCE = Pattern.compile("^\\s*```");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]+`");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![\\w*])\\*(?![\\s*])(.+?)(?<![\\s*])\\*(?![\\w*])");
  private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");
  private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-+:?");
  private static final Pattern SLACK_ENTITY = Pattern.compile("<([^<>\\n]*)>");
  private static final char BOLD_MARK = '\u0001';

  private SlackText() {}

  /** Escapes the three characters Slack gives meaning to. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The assistant's Markdown as Slack mrkdwn. */
  static String fromMarkdown(String markdown) {
    String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      if (FENCE.matcher(lines[i]).find()) {
        out.add("```");
        i++;
        while (i < lines.length && !FENCE.matcher(lines[i]).find()) {
          out.add(escape(lines[i++]));
        }
        out.add("```");
        i++;
      } else if (isTableRow(lines[i])) {
        List<List<String>> rows = new ArrayList<>();
        while (i < lines.length && isTableRow(lines[i])) {
          List<String> cells = cells(lines[i++]);
          if (!cells.stream().allMatch(c -> SEPARATOR_CELL.matcher(c).matches())) {
            rows.add(cells);
          }
        }
        out.add(table(rows));
      } else {
        out.add(line(lines[i++]));
      }
    }
    return String.join("\n", out).strip();
  }

  /**
   * What a person typed, from Slack's text: the bot's own mention removed, other mentions, channels
   * and links as their labels, and Slack's escaping undone.
   */
  static String plain(String slackText, String botUserId) {
    if (slackText == null) {
      return "";
    }
    Matcher m = SLACK_ENTITY.matcher(slackText);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), botUserId)));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static String entity(String inner, String botUserId) {
    int bar = inner.indexOf('|');
    String id = bar < 0 ? inner : inner.substring(0, bar);
    String label = bar < 0 ? null : inner.substring(bar + 1);
    if (id.startsWith("@")) {
      if (id.substring(1).equals(botUserId)) {
        return "";
      }
      return label != null ? "@" + label.replaceFirst("^@", "") : id;
    }
    if (id.startsWith("#")) {
      return label != null ? "#" + label : id;
    }
    if (id.startsWith("!")) {
      return label != null ? label : "@" + id.substring(1);
    }
    return label != null ? label : id;
  }

  private static String line(String line) {
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      return "*" + spans(heading.group(1).replace("**", "")) + "*";
    }
    Matcher bullet = BULLET.matcher(line);
    if (bullet.matches() && !bullet.group(2).isEmpty()) {
      return bullet.group(1) + "• " + spans(bullet.group(2));
    }
    return spans(line);
  }

  /** Inline formatting, leaving code spans alone. */
  private static String spans(String text) {
    StringBuilder out = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(text);
    int last = 0;
    while (code.find()) {
      out.append(formatted(text.substring(last, code.start())));
      out.append(escape(code.group()));
      last = code.end();
    }
    return out.append(formatted(text.substring(last))).toString();
  }

  private static String formatted(String text) {
    String s = escape(text);
    s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(link(m.group(1), m.group(2))));
    s = BOLD.matcher(s).replaceAll(BOLD_MARK + "$1" + BOLD_MARK);
    s = ITALIC.matcher(s).replaceAll("_$1_");
    s = STRIKE.matcher(s).replaceAll("~$1~");
    return s.replace(BOLD_MARK, '*');
  }

  private static String link(String label, String url) {
    return "<" + url + "|" + label.replace("|", "/") + ">";
  }

  private static boolean isTableRow(String line) {
    String t = line.strip();
    return t.length() >= 2 && t.startsWith("|") && t.endsWith("|");
  }

  /** The cells of a pipe-table row; {@code \|} inside a cell is a literal bar. */
  private static List<String> cells(String row) {
    String t = row.strip();
    t = t.substring(1, t.length() - 1);
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }

  /** A table as aligned monospace text in a code block, cells cut to a readable width. */
  private static String table(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], Math.min(cut(row.get(c)).length(), MAX_CELL));
      }
    }
    StringBuilder out = new StringBuilder("```\n");
    for (int r = 0; r < rows.size(); r++) {
      out.append(escape(aligned(rows.get(r), widths))).append('\n');
      if (r == 0 && rows.size() > 1) {
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
          rule.add("-".repeat(width));
        }
        out.append(aligned(rule, widths)).append('\n');
      }
    }
    return out.append("```").toString();
  }

  private static String aligned(List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = c < row.size() ? cut(row.get(c)) : "";
      if (c > 0) {
        line.append("  ");
      }
      line.append(cell).append(" ".repeat(Math.max(0, widths[c] - cell.length())));
    }
    return line.toString().stripTrailing();
  }

  private static String cut(String cell) {
    String clean = cell.replace("**", "").replace("`", "'");
    return clean.length() > MAX_CELL ? clean.substring(0, MAX_CELL - 1) + "…" : clean;
  }
}
