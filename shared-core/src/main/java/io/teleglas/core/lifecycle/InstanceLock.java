package io.teleglas.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure one bot process at a time works on a data directory: a second one with the same token
 * would make Telegram answer 409 to both pollers and deliver every alert twice. The lock is an OS
 * file lock on {@code <dir>/<name>.lock}, so it is released when the process dies, even by {@code
 * kill -9}; the file records the holder's pid for the error message.
 */
public final class InstanceLock implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock or throws {@link Held} naming the process that holds it.
   *
   * @throws IOException when the directory cannot be created or the file not written
   */
  public static InstanceLock acquire(Path dir, String name) throws IOException {
    requireNonNull(dir, "dir is null");
    requireNonNull(name, "name is null");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".lock");
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = readHolder(file);
      channel.close();
      throw new Held(file, holder);
    }
    byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
    channel.truncate(0);
    channel.write(java.nio.ByteBuffer.wrap(pid), 0);
    channel.force(false);
    return new InstanceLock(file, channel, lock);
  }

  private static String readHolder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return pid.matches("[0-9]{1,10}") ? "process " + pid : "another process";
    } catch (IOException e) {
      return "another process";
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** Another process holds the lock. */
  public static final class Held extends IOException {
    private static final long serialVersionUID = 1L;

    Held(Path file, String holder) {
      super(
          holder
              + " already runs on this data directory (lock "
              + file
              + "); stop it first, or give this one its own DATA_DIR and token");
    }
  }
}
