package com.scopien.agent;

import com.scopien.ScopienException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system prompts, loaded once at start-up from {@code /prompts/<name>.md} on the classpath.
 * Placeholders are written {@code {{name}}}; rendering fails on one it was not given, so a prompt
 * and its code cannot drift apart silently.
 */
final class PromptLibrary {
  /** Every prompt the code uses; a file in {@code prompts/} that is not listed here is unused. */
  static final List<String> PROMPT_NAMES = List.of("system");

  private final Map<String, String> prompts;

  private PromptLibrary(Map<String, String> prompts) {
    this.prompts = prompts;
  }

  static PromptLibrary load() {
    Map<String, String> prompts = new LinkedHashMap<>();
    for (String name : PROMPT_NAMES) {
      String path = "/prompts/" + name + ".md";
      try (InputStream in = PromptLibrary.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new ScopienException(
              ScopienException.Kind.INTERNAL, "prompt_missing", path + " is missing");
        }
        prompts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ScopienException(
            ScopienException.Kind.INTERNAL, "prompt_unreadable", path + " cannot be read", e);
      }
    }
    return new PromptLibrary(prompts);
  }

  /** The prompt with every {@code {{key}}} replaced by its value. */
  String render(String name, Map<String, String> values) {
    String text = prompts.get(name);
    if (text == null) {
      throw new IllegalArgumentException("no prompt named " + name);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    int left = text.indexOf("{{");
    if (left >= 0) {
      throw new IllegalStateException(
          "prompt " + name + " has an unfilled placeholder at " + text.substring(left));
    }
    return text;
  }
}
