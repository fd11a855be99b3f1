package io.teleglas.alertbot.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This instance's name in the leader lease: the host name and a random suffix, made once and kept
 * in {@code DATA_DIR/instance-id}. It is stable across restarts, so an instance restarted after a
 * crash takes its own unexpired lease back at once instead of waiting it out; the instance lock in
 * the same directory guarantees the crashed process is gone. Two instances never share a DATA_DIR,
 * so they never share a name.
 */
public final class InstanceIdentity {
  static final String FILE = "instance-id";

  private InstanceIdentity() {}

  /**
   * Reads {@code dataDir/instance-id}, creating it on first use.
   *
   * @throws UncheckedIOException when the file can be neither read nor written
   */
  public static String of(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        String name = host() + "/" + UUID.randomUUID().toString().substring(0, 8);
        try {
          Files.writeString(
              file,
              name + "\n",
              StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException raced) {
          // Written meanwhile; read it below.
        }
      }
      String name = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (name.isEmpty()) {
        throw new IOException(file + " is empty; delete it to get a new instance name");
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
