package dev.avil.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * CSV files, read and written by Tablesaw. Every field is written quoted, so text reads back as
 * it was written (Tablesaw trims unquoted fields); numbers are written as {@link Double#toString}
 * does, so they read back exactly, and a missing number as an empty field. A file is written to
 * a temporary file beside it and renamed over it, so a reader sees the old file or the new one,
 * never half of one.
 *
 * <p>Before Tablesaw reads a file, one pass over its text checks what Tablesaw would pass over
 * or report without a line number: it must be UTF-8, end with a line break, close every quote,
 * and have on every line as many fields as its header. A file that fails names itself, the line,
 * what was expected there and what was found.
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
   * The rows of a CSV file after its header, every column as text, each with the line it starts
   * on.
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
    table.write().csv(CsvWriteOptions.builder(text)
        .lineEnd("\n")
        .quoteAllFields(true)
        .ignoreLeadingWhitespaces(false)
        .ignoreTrailingWhitespaces(false)
        .build());
    writeAtomically(file, text.toString());
  }

  /**
   * Writes rows of text (the first is the header), atomically: for files built row by row, such
   * as the benchmark's.
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
   * Writes {@code text} as UTF-8 to a temporary file in the same folder, forces it to disk, and
   * renames it over {@code file}: a process killed at any point leaves either the old file or the
   * new one.
   */
  public static void writeAtomically(Path file, CharSequence text) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden, and the next write makes a new one
        }
      }
    }
  }

  /**
   * Reads a file whose first line is its header; every column as text.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and the line, if the file is not UTF-8, is
   *     cut short, leaves a quote open, or has a line with another number of fields than its header
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
    Lines lines = Lines.of(file, text);
    if (header != null && (lines.count() == 0 || lines.fields[0] != header.size())) {
      throw wrongHeader(file, header, lines.count() == 0 ? "an empty file" : lines.raw(0));
    }
    lines.checkComplete();
    lines.checkFields(header == null ? List.of() : header);
    if (lines.count() == 0) {
      return new Rows(file, Table.create(file.toString()), new int[0]);
    }
    Table all = Table.read().csv(CsvReadOptions.builder(new StringReader(text))
        .header(false)
        .columnTypes(name -> ColumnType.STRING)
        .missingValueIndicator("")
        .maxCharsPerColumn(-1)
        .tableName(file.toString())
        .build());
    if (all.rowCount() != lines.count()) {
      throw new IllegalStateException(file + ": Tablesaw read " + all.rowCount() + " rows where "
          + lines.count() + " lines were checked");
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
    return new Rows(file, rows, Arrays.copyOfRange(lines.start, 1, lines.count()));
  }

  private static IllegalArgumentException wrongHeader(Path file, List<String> header, String s) {
    return new IllegalArgumentException(file + " line 1: expected the header "
        + String.join(",", header) + ", found " + s);
  }

  private static String utf8(Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
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
   * Where each record of a CSV text starts and how many fields it has: the check made before
   * Tablesaw reads the text. It finds record boundaries and counts separators outside quotes; it
   * reads no values.
   */
  private static final class Lines {
    private final Path file;
    private final String text;
    private int count;
    private int[] start = new int[64];
    private int[] fields = new int[64];
    private int[] from = new int[64];
    private int[] to = new int[64];

    private Lines(Path file, String text) {
      this.file = file;
      this.text = text;
    }

    static Lines of(Path file, String text) {
      Lines l = new Lines(file, text);
      int line = 1;
      int recordLine = 1;
      int recordFrom = 0;
      int n = 1;
      boolean quoted = false;
      int quoteLine = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else if (c == '"') {
            quoted = false;
          } else if (c == '\n') {
            line++;
          }
        } else if (c == '"') {
          quoted = true;
          quoteLine = line;
        } else if (c == ',') {
          n++;
        } else if (c == '\n') {
          l.add(recordLine, n, recordFrom, i);
          line++;
          recordLine = line;
          recordFrom = i + 1;
          n = 1;
        }
      }
      if (quoted && !text.endsWith("\n")) {
        throw cutShort(file, recordLine);
      }
      if (quoted) {
        throw new IllegalArgumentException(file + " line " + quoteLine
            + ": a quoted field is never closed; expected a closing '\"' (is the file cut short?)");
      }
      if (recordFrom < text.length()) {
        l.add(recordLine, n, recordFrom, text.length());
      }
      return l;
    }

    private void add(int line, int n, int rawFrom, int rawTo) {
      if (count == start.length) {
        start = Arrays.copyOf(start, count * 2);
        fields = Arrays.copyOf(fields, count * 2);
        from = Arrays.copyOf(from, count * 2);
        to = Arrays.copyOf(to, count * 2);
      }
      start[count] = line;
      fields[count] = n;
      from[count] = rawFrom;
      to[count] = rawTo;
      count++;
    }

    int count() {
      return count;
    }

    /** The text of record {@code i} as it stands in the file, shortened for a message. */
    String raw(int i) {
      String s = text.substring(from[i], to[i]).replace("\r", "");
      return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Whether record {@code i} is an empty line (a field written empty is {@code ""}). */
    boolean blank(int i) {
      return raw(i).isEmpty();
    }

    /** Every record ends with a line break: a file that ends inside a line was cut short. */
    void checkComplete() {
      if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
        throw cutShort(file, start[count - 1]);
      }
    }

    private static IllegalArgumentException cutShort(Path file, int line) {
      return new IllegalArgumentException(file + " line " + line
          + ": the file ends in the middle of this line; expected every line to end with a"
          + " line break (the file was cut short)");
    }

    /** Every record after the header has as many fields as the header. */
    void checkFields(List<String> header) {
      for (int i = 1; i < count; i++) {
        if (fields[i] != fields[0] || blank(i)) {
          String expected = header.isEmpty() ? raw(0) : String.join(",", header);
          throw new IllegalArgumentException(file + " line " + start[i] + ": expected "
              + fields[0] + " fields (" + expected + "), found "
              + (blank(i) ? "a blank line" : fields[i] + ": " + raw(i)));
        }
      }
    }
  }
}
