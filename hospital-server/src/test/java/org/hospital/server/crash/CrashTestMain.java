package org.hospital.server.crash;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The long crash run: {@code bin/crash-test [h2|postgresql] [kills] [seed]}. Prints progress and the report;
 * exits 1 when anything was lost, half-written, reissued or refused.
 */
public final class CrashTestMain {

  private CrashTestMain() {}

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    int kills = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
    Path jar = Path.of(System.getProperty("server.jar", "hospital-server/target/hospital-server.jar"));
    Path work = Files.createTempDirectory("hospital-crash-" + kind);
    System.out.println("crash test on " + kind + ", " + kills + " kills, seed " + seed + ", work in " + work);
    CrashReport report = CrashRun.run(kind, kills, seed, jar, work, System.out);
    System.out.print(report.summary());
    System.exit(report.problems() == 0 ? 0 : 1);
  }
}
