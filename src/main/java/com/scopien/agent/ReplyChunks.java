package com.scopien.agent;

/**
 * Sends a reply that was written whole (by the offline model, or a confirmation) to a listener in
 * pieces, line by line and a few words at a time, so a streaming channel shows it the way it shows
 * a model's tokens. The pieces joined are exactly the reply.
 */
final class ReplyChunks {
  static final int WORDS_PER_CHUNK = 6;

  private ReplyChunks() {}

  static void send(String reply, ChatListener listener) {
    if (listener == ChatListener.NONE || reply.isEmpty()) {
      return;
    }
    StringBuilder chunk = new StringBuilder();
    int words = 0;
    for (int i = 0; i < reply.length(); i++) {
      char c = reply.charAt(i);
      chunk.append(c);
      if (c == ' ') {
        words++;
      }
      if (c == '\n' || words == WORDS_PER_CHUNK) {
        listener.delta(chunk.toString());
        chunk.setLength(0);
        words = 0;
      }
    }
    if (chunk.length() > 0) {
      listener.delta(chunk.toString());
    }
  }
}
