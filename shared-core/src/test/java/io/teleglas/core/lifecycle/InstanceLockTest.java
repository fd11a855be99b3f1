package io.teleglas.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

  @TempDir Path dir;

  @Test
  void createsTheDirectoryAndRecordsThePid() throws Exception {
    Path data = dir.resolve("nested/data");
    try (InstanceLock lock = InstanceLock.acquire(data, "alert-bot")) {
      assertThat(lock.file()).isEqualTo(data.resolve("alert-bot.lock"));
      assertThat(Files.readString(lock.file(), StandardCharsets.US_ASCII).trim())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void aSecondHolderIsRefusedWithTheFirstOnesPid() throws Exception {
    try (InstanceLock first = InstanceLock.acquire(dir, "alert-bot")) {
      assertThatThrownBy(() -> InstanceLock.acquire(dir, "alert-bot"))
          .isInstanceOf(InstanceLock.Held.class)
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining("already runs on this data directory");
    }
  }

  @Test
  void isFreeAgainAfterClose() throws Exception {
    InstanceLock.acquire(dir, "alert-bot").close();
    try (InstanceLock again = InstanceLock.acquire(dir, "alert-bot")) {
      assertThat(again.file()).exists();
    }
  }

  @Test
  void differentNamesDoNotConflict() throws Exception {
    try (InstanceLock a = InstanceLock.acquire(dir, "alert-bot");
        InstanceLock b = InstanceLock.acquire(dir, "command-bot")) {
      assertThat(a.file()).isNotEqualTo(b.file());
    }
  }
}
