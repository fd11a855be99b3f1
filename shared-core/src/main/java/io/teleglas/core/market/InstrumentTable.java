package io.teleglas.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an instrument table: one instrument per line as {@code VENUE NAME COIN MULTIPLIER},
 * separated by whitespace; {@code #} starts a comment; blank lines are skipped.
 */
final class InstrumentTable {

  private InstrumentTable() {}

  /**
   * @param source names the table in error messages
   * @throws IllegalArgumentException naming the source and line of the first bad line
   */
  static List<Instrument> parse(Reader table, String source) throws IOException {
    List<Instrument> instruments = new ArrayList<>();
    BufferedReader lines = new BufferedReader(table);
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      int comment = line.indexOf('#');
      String content = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (!content.isEmpty()) {
        instruments.add(instrument(content, source + " line " + lineNumber));
      }
    }
    return instruments;
  }

  private static Instrument instrument(String line, String where) {
    String[] fields = line.split("\\s+");
    if (fields.length != 4) {
      throw new IllegalArgumentException(
          where + ": expected VENUE NAME COIN MULTIPLIER, got " + Invariants.quoted(line));
    }
    try {
      Venue venue = Venue.valueOf(fields[0].toUpperCase(Locale.ROOT));
      return new Instrument(venue, fields[1], new Coin(fields[2]), Long.parseLong(fields[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
