package com.scopien.agent;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import com.scopien.soql.Condition;
import com.scopien.soql.Soql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list's filters as a person reads them: "Stage = 'Closed Won' and Close Date is this month", not
 * "StageName = 'Closed Won' AND CloseDate = THIS_MONTH". Fields go by their labels, date literals
 * by their words, checkboxes as yes or no ("Closed is no").
 */
final class FilterWords {
  private static final Pattern CONDITION =
      Pattern.compile("^([A-Za-z_][\\w.]*)\\s+(=|!=|<>|<=|>=|<|>|LIKE|NOT IN|IN)\\s+(.+)$");
  private static final Pattern LITERAL =
      Pattern.compile("\\b(TODAY|YESTERDAY|TOMORROW|(?:THIS|LAST|NEXT)_[A-Z_]+)(?::(\\d+))?\\b");

  private FilterWords() {}

  static String describe(ObjectDescribe object, List<Condition> conditions) {
    List<String> parts = new ArrayList<>();
    for (Condition c : conditions) {
      parts.add(words(object, Soql.print(c)));
    }
    return String.join(" and ", parts);
  }

  private static String words(ObjectDescribe object, String printed) {
    Matcher m = CONDITION.matcher(printed);
    if (!m.matches()) {
      return dates(printed);
    }
    String label = label(object, m.group(1));
    String op = m.group(2);
    String value = m.group(3);
    if ((value.equals("true") || value.equals("false")) && op.equals("=")) {
      return label + " is " + (value.equals("true") ? "yes" : "no");
    }
    if (op.equals("LIKE")) {
      return label + " contains " + value.replace("%", "");
    }
    Matcher literal = LITERAL.matcher(value);
    if (literal.matches()) {
      String when = dates(value);
      return switch (op) {
        case "=" -> label + " is " + when;
        case "<" -> label + " before " + when;
        case ">" -> label + " after " + when;
        case "<=" -> label + " up to " + when;
        case ">=" -> label + " from " + when;
        default -> label + " " + op + " " + when;
      };
    }
    return label + " " + op.toLowerCase(Locale.ROOT) + " " + value;
  }

  private static String label(ObjectDescribe object, String path) {
    int dot = path.indexOf('.');
    if (dot > 0) {
      String parent = path.substring(0, dot);
      return path.endsWith(".Name") ? parent : parent + " " + path.substring(dot + 1);
    }
    return object.field(path).map(FieldDescribe::label).orElse(path);
  }

  /** THIS_MONTH as "this month", LAST_N_DAYS:7 as "the last 7 days". */
  static String dates(String text) {
    Matcher m = LITERAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String words = m.group(1).toLowerCase(Locale.ROOT).replace('_', ' ');
      if (m.group(2) != null) {
        words = words.replace(" n ", " " + m.group(2) + " ");
        words = words.startsWith("last") || words.startsWith("next") ? "the " + words : words;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(words));
    }
    m.appendTail(out);
    return out.toString();
  }
}
