package com.scopien;

import com.scopien.config.ScopienConfig;
import java.io.PrintStream;

/** The composition root: builds every part once from the validated config. */
public final class App implements AutoCloseable {

  private App() {}

  /** Builds and starts Scopien. */
  public static App start(ScopienConfig config, PrintStream out) {
    throw new UnsupportedOperationException("wired when the parts land");
  }

  /** Starts one local org on its own and prints how to reach it. */
  public static AutoCloseable startLocalOrg(
      int port, boolean sandbox, double scale, long seed, PrintStream out) {
    throw new UnsupportedOperationException("wired when the local org lands");
  }

  @Override
  public void close() {}
}
