package dev.avil.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * CSV files, read and written by Tablesaw. Every field is written quoted, so text reads back as it
 * was written (Tablesaw trims unquoted fields); numbers are written as {@link Double#toString}
 * does, so they read back exactly, and a missing number as an empty field. A file is written to a
 * temporary file beside it and renamed over it, so a reader sees the old file or the new one, never
 * half of one.
 *
 * <p>Before Tablesaw reads a file, one pass over its text checks what Tablesaw would pass over or
 * report without a line number: it must be UTF-8, end with a line break, close every quote, and
 * have on every line as many fields as its header. A file that fails names itself, the line, what
 * was expected there and what was found.
 *
 * <pre>{@code
 * Csv.write(path, table);
 * Table back = Csv.read(path);                            // every column as text
 * Csv.Rows rows = Csv.rows(path, List.of("a", "b"));     // checks the header too
 * rows.where(3);                                          // "path line 5: ", for an error
 * }</pre>
 */
public final class Csv {
  private Csv() {}

  /**
   * The rows of a CSV file after its header, every column as text, each with the line it starts on.
   */
  public static final class Rows {
    private final Path file;
    private final Table table;
    private final int[] lines;

    private Rows(Path file, Table table, int[] lines) {
      this.file = file;
      this.table = table;
      this.lines = lines;
    }

    /** The rows, one text column per field, named by the header. */
    public Table table() {
      return table;
    }

    /** The line of the file that row {@code row} (from 0) starts on, from 1. */
    public int line(int row) {
      return lines[row];
    }

    /** The start of an error message about row {@code row}: {@code "FILE line N: "}. */
    public String where(int row) {
      return file + " line " + line(row) + ": ";
    }
  }

  /** Writes {@code table} with its column names as the header, atomically. */
  public static void write(Path file, Table table) {
    StringWriter text = new StringWriter();
    table
        .write()
        .csv(
            CsvWriteOptions.builder(text)
                .lineEnd("\n")
                .quoteAllFields(true)
                .ignoreLeadingWhitespaces(false)
                .ignoreTrailingWhitespaces(false)
                .build());
    AtomicFiles.write(file, text.getBuffer());
  }

  /**
   * Writes rows of text (the first is the header), atomically: for files built row by row, such as
   * the benchmark's.
   */
  public static void write(Path file, List<List<String>> rows) {
    List<String> header = rows.get(0);
    Table t = Table.create(file.getFileName().toString());
    for (int c = 0; c < header.size(); c++) {
      StringColumn column = StringColumn.create(header.get(c));
      for (List<String> row : rows.subList(1, rows.size())) {
        column.append(row.get(c));
      }
      t.addColumns(column);
    }
    write(file, t);
  }

  /** A number as CSV text that reads back to the same double. */
  public static String number(double v) {
    return Double.toString(v);
  }

  /**
   * Reads a file whose first line is its header; every column as text.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and the line, if the file is not UTF-8, is cut
   *     short, leaves a quote open, or has a line with another number of fields than its header
   */
  public static Table read(Path file) {
    return rows(file, null).table();
  }

  /**
   * Reads a file whose first line must be {@code header}, with the line each row starts on.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and the line, as {@link #read}, and if the
   *     header is not {@code header}
   */
  public static Rows rows(Path file, List<String> header) {
    String text = utf8(file);
    List<Line> lines = lines(file, text);
    if (header != null && (lines.isEmpty() || lines.get(0).fields() != header.size())) {
      throw wrongHeader(file, header, lines.isEmpty() ? "an empty file" : lines.get(0).shown());
    }
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw cutShort(file, lines.get(lines.size() - 1).number());
    }
    for (Line l : lines) {
      int expected = lines.get(0).fields();
      if (l.fields() != expected || l.text().isEmpty()) {
        String names = header == null ? lines.get(0).shown() : String.join(",", header);
        throw new IllegalArgumentException(
            file
                + " line "
                + l.number()
                + ": expected "
                + expected
                + " fields ("
                + names
                + "), found "
                + (l.text().isEmpty() ? "a blank line" : l.fields() + ": " + l.shown()));
      }
    }
    if (lines.isEmpty()) {
      return new Rows(file, Table.create(file.toString()), new int[0]);
    }
    Table all =
        Table.read()
            .csv(
                CsvReadOptions.builder(new StringReader(text))
                    .header(false)
                    .columnTypes(name -> ColumnType.STRING)
                    .missingValueIndicator("")
                    .maxCharsPerColumn(-1)
                    .tableName(file.toString())
                    .build());
    if (all.rowCount() != lines.size()) {
      throw new IllegalStateException(
          file
              + ": Tablesaw read "
              + all.rowCount()
              + " rows where "
              + lines.size()
              + " lines were checked");
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < all.columnCount(); c++) {
      names.add(all.getString(0, c));
    }
    if (header != null && !names.equals(header)) {
      throw wrongHeader(file, header, String.join(",", names));
    }
    Table rows = all.dropRows(0);
    for (int c = 0; c < rows.columnCount(); c++) {
      rows.column(c).setName(names.get(c));
    }
    return new Rows(file, rows, lines.stream().skip(1).mapToInt(Line::number).toArray());
  }

  private static IllegalArgumentException wrongHeader(Path file, List<String> header, String s) {
    return new IllegalArgumentException(
        file + " line 1: expected the header " + String.join(",", header) + ", found " + s);
  }

  private static String utf8(Path file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          file + ": not UTF-8 text; expected a CSV file written as UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * One record of a CSV text as the check before Tablesaw sees it.
   *
   * @param number the line it starts on, from 1
   * @param fields how many fields it has
   * @param text its text as it stands in the file
   */
  private record Line(int number, int fields, String text) {
    /** The text shortened for a message. */
    String shown() {
      return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
  }

  /**
   * The records of {@code text}: where each starts and how many fields it has. It finds record
   * boundaries and counts separators outside quotes; it reads no values.
   */
  private static List<Line> lines(Path file, String text) {
    List<Line> lines = new ArrayList<>();
    int line = 1;
    int start = 1;
    int from = 0;
    int fields = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoteLine > 0) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoteLine = 0;
        } else if (c == '\n') {
          line++;
        }
      } else if (c == '"') {
        quoteLine = line;
      } else if (c == ',') {
        fields++;
      } else if (c == '\n') {
        lines.add(new Line(start, fields, text.substring(from, i).replace("\r", "")));
        line++;
        start = line;
        from = i + 1;
        fields = 1;
      }
    }
    if (quoteLine > 0 && !text.endsWith("\n")) {
      throw cutShort(file, start);
    }
    if (quoteLine > 0) {
      throw new IllegalArgumentException(
          file
              + " line "
              + quoteLine
              + ": a quoted field is never closed; expected a closing '\"' (is the file cut short?)");
    }
    if (from < text.length()) {
      lines.add(new Line(start, fields, text.substring(from).replace("\r", "")));
    }
    return lines;
  }

  /** Every line ends with a line break: a file that ends inside a line was cut short. */
  private static IllegalArgumentException cutShort(Path file, int line) {
    return new IllegalArgumentException(
        file
            + " line "
            + line
            + ": the file ends in the middle of this line; expected every line to end with a"
            + " line break (the file was cut short)");
  }
}
