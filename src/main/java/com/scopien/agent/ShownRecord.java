package com.scopien.agent;

/**
 * A record a reply showed, as the conversation remembers it so that "her", "it" or "the second one"
 * can name it later: its Id, its name as shown and its object's API name.
 */
record ShownRecord(String id, String name, String object) {
  /** Longer names are cut: they are record text, and the state goes to the model every turn. */
  static final int MAX_NAME = 80;

  ShownRecord {
    if (name != null && name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME - 1) + "…";
    }
  }
}
