package com.scopien.cli;

import com.scopien.App;
import com.scopien.config.ConfigLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code scopien serve}: starts the server and runs until stopped. */
@Command(
    name = "serve",
    description = "Start the Scopien server (demo mode with local orgs when none is connected).")
final class ServeCommand implements Callable<Integer>, EnvFactory.NeedsEnvironment {
  private Map<String, String> env = Map.of();

  @Override
  public void environment(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    App app = App.start(ConfigLoader.load(env), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "scopien-shutdown"));
    stopped.await();
    return 0;
  }
}
