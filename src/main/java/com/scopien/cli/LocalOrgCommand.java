package com.scopien.cli;

import com.scopien.App;
import com.scopien.ScopienException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scopien local-org}: one Salesforce-compatible local org on its own. */
@Command(
    name = "local-org",
    description = "Run one local Salesforce-compatible org with demo data until stopped.")
final class LocalOrgCommand implements Callable<Integer> {
  /** The local org's largest scale (its {@code Scale.MAX}); the CLI may not see that package. */
  private static final double MAX_SCALE = 20;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port = 8443;

  @Option(
      names = "--sandbox",
      description = "Run the sandbox flavour (smaller, IsSandbox = true) instead of production.")
  boolean sandbox;

  @Option(
      names = "--scale",
      description =
          "Size relative to the 58,000-record demo org, up to 20 (17.25 is about 1,000,000"
              + " records; give the JVM about 4 GB of heap for it) (default: ${DEFAULT-VALUE}).")
  double scale = 1.0;

  @Option(names = "--seed", description = "Seed of the demo data (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--jwt-public-key",
      paramLabel = "PEM",
      description =
          "Trust this X.509 certificate or public key (PEM file) for the JWT bearer flow, as"
              + " uploading it to the connected app does; may be repeated.")
  List<Path> jwtKeys = new ArrayList<>();

  @Option(
      names = "--fault",
      paramLabel = "KIND:RATE[:delayMs=N][:paths=REGEX]",
      description =
          "Make a share of API calls fail, for tests and benchmarks (repeatable). KIND is lock,"
              + " server_error, expired_session, limit, slow or drop; e.g. lock:0.05 or"
              + " slow:0.1:delayMs=500.")
  List<String> faults = new ArrayList<>();

  @Option(
      names = "--fault-seed",
      description = "Seed of the fault draws, so runs repeat (default: ${DEFAULT-VALUE}).")
  long faultSeed = 1;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw ScopienException.invalid("invalid_port", "--port must be 0 to 65535.");
    }
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw ScopienException.invalid("invalid_scale", "--scale must be > 0 and <= 20.");
    }
    List<String> pems = new ArrayList<>();
    for (Path key : jwtKeys) {
      try {
        pems.add(Files.readString(key));
      } catch (IOException e) {
        throw ScopienException.invalid("unreadable_key", "Cannot read " + key + ".");
      }
    }
    AutoCloseable org =
        App.startLocalOrg(
            new App.LocalOrgRequest(port, sandbox, scale, seed, pems, faults, faultSeed),
            System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    org.close();
                  } catch (Exception ignored) {
                    // Shutting down anyway.
                  }
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
