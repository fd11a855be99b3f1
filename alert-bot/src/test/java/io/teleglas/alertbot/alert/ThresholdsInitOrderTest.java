package io.teleglas.alertbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The thresholds' defaults are whole whichever class is initialised first: a fresh class loader
 * touches {@link MarketThresholds} before {@link Thresholds} (they once formed an initialisation
 * cycle that left {@code Thresholds.DEFAULT} null).
 */
class ThresholdsInitOrderTest {

  @Test
  void marketThresholdsFirstStillGivesWholeDefaults() throws Exception {
    URL[] classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(ThresholdsInitOrderTest::url)
            .toArray(URL[]::new);
    try (URLClassLoader fresh =
        new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
      Class<?> market = Class.forName(MarketThresholds.class.getName(), true, fresh);
      Object marketDefault = market.getField("DEFAULT").get(null);
      Class<?> thresholds = Class.forName(Thresholds.class.getName(), true, fresh);
      Object thresholdsDefault = thresholds.getField("DEFAULT").get(null);

      assertThat(marketDefault).isNotNull();
      assertThat(thresholdsDefault).isNotNull();
      assertThat(thresholds.getMethod("market").invoke(thresholdsDefault)).isNotNull();
    }
  }

  private static URL url(String path) {
    try {
      return new File(path).toURI().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
