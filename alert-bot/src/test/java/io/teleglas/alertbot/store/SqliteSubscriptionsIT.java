package io.teleglas.alertbot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSubscriptionsIT extends SubscriptionsContract {
  @TempDir Path dir;

  @Override
  StoreUnderTest newStore() {
    Path file = dir.resolve(Database.SQLITE_FILE);
    return () -> Database.sqlite(file);
  }
}
