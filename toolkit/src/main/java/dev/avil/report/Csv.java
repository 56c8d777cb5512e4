package dev.avil.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV: fields with commas, quotes or line breaks are quoted. Numbers are written
 * with {@link Double#toString}, so they read back exactly. Files are written to a temporary file
 * beside the target and renamed over it, so a reader sees the old file or the new one, never half
 * of one.
 *
 * <pre>{@code
 * Csv.write(path, List.of(List.of("a", "b"), List.of("1", "x,y")));
 * List<List<String>> rows = Csv.read(path);
 * List<Csv.Row> numbered = Csv.readRows(path);   // each row with the line it starts on
 * }</pre>
 */
public final class Csv {
  private Csv() {}

  /**
   * One row of a CSV file.
   *
   * @param line the line the row starts on, from 1
   * @param fields the row's fields
   */
  public record Row(int line, List<String> fields) {
    /** Copies the fields. */
    public Row {
      fields = List.copyOf(fields);
    }

    /** Whether the row is an empty line. */
    public boolean isBlank() {
      return fields.size() == 1 && fields.get(0).isEmpty();
    }
  }

  /** Writes rows (the first is usually the header), atomically. */
  public static void write(Path file, List<List<String>> rows) {
    writeAtomically(file, format(rows));
  }

  /** The CSV text of {@code rows}. */
  public static String format(List<List<String>> rows) {
    StringBuilder s = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          s.append(',');
        }
        s.append(quote(row.get(i)));
      }
      s.append('\n');
    }
    return s.toString();
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
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(text));
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

  /** Reads every row, the header included. */
  public static List<List<String>> read(Path file) {
    return readRows(file).stream().map(Row::fields).toList();
  }

  /**
   * Reads every row, the header included, each with the line it starts on.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is not UTF-8 text, or a quoted field is never closed
   */
  public static List<Row> readRows(Path file) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text; expected a CSV file written as UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Row> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowLine = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        quoteLine = line;
        any = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n') {
        row.add(field.toString());
        rows.add(new Row(rowLine, row));
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
        line++;
        rowLine = line;
      } else if (c != '\r') {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(
          file + " line " + quoteLine + ": a quoted field is never closed; expected a closing '\"' (is the file cut short?)");
    }
    if (any) {
      row.add(field.toString());
      rows.add(new Row(rowLine, row));
    }
    return rows;
  }

  /** A number as CSV text that reads back to the same double. */
  public static String number(double v) {
    return Double.toString(v);
  }

  private static String quote(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
