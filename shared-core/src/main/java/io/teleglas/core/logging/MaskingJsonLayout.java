package io.teleglas.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log line ({@code LOG_FORMAT=json}) for log shippers: {@code ts} (ISO-8601
 * UTC), {@code level}, {@code logger}, {@code thread}, {@code msg}, {@code mdc} when set and {@code
 * error} (the stack trace) when there is one. Every string goes through {@link SecretMasker}, as in
 * the text layout, so no credential reaches a structured log either.
 */
public class MaskingJsonLayout extends LayoutBase<ILoggingEvent> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String doLayout(ILoggingEvent event) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    line.put("level", event.getLevel().toString());
    line.put("logger", event.getLoggerName());
    line.put("thread", SecretMasker.mask(event.getThreadName()));
    line.put("msg", SecretMasker.mask(event.getFormattedMessage()));
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      ObjectNode node = line.putObject("mdc");
      mdc.forEach((k, v) -> node.put(k, SecretMasker.mask(String.valueOf(v))));
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.put("error", SecretMasker.mask(ThrowableProxyUtil.asString(error)));
    }
    try {
      return MAPPER.writeValueAsString(line) + CoreConstants.LINE_SEPARATOR;
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"msg\":\"log line could not be written as JSON\"}"
          + CoreConstants.LINE_SEPARATOR;
    }
  }
}
