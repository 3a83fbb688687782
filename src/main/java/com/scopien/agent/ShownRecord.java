package com.scopien.agent;

/**
 * A record a reply showed, as the conversation remembers it so that "her", "it" or "the second one"
 * can name it later: its Id, its name as shown and its object's API name.
 */
record ShownRecord(String id, String name, String object) {}
