package dev.avil.tools.setup;

import dev.avil.tools.setup.Rdata.Factor;
import dev.avil.tools.setup.Rdata.RList;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R's XDR serialization format, versions 2 and 3 (the subset that data objects use), read into
 * plain Java values: atomic vectors become {@code int[]}, {@code double[]}, {@code boolean[]} or
 * {@code String[]}, lists become {@link RList}, and factors become {@link Factor}. {@link Rdata}
 * reads its index and its records with it. Like {@link Rdata}, it depends on nothing else in the
 * toolkit.
 */
final class RSerialization {
  /** R's object types (SEXPTYPE) and the serialization's own codes, as R's sources name them. */
  private enum Type {
    NILSXP(0),
    SYMSXP(1),
    LISTSXP(2),
    CLOSXP(3),
    ENVSXP(4),
    PROMSXP(5),
    LANGSXP(6),
    CHARSXP(9),
    LGLSXP(10),
    INTSXP(13),
    REALSXP(14),
    CPLXSXP(15),
    STRSXP(16),
    DOTSXP(17),
    VECSXP(19),
    EXPRSXP(20),
    RAWSXP(24),
    S4SXP(25),
    ALTREP(238),
    ATTRLISTSXP(239),
    ATTRLANGSXP(240),
    BASEENV(241),
    EMPTYENV(242),
    GLOBALENV(253),
    NILVALUE(254),
    REFSXP(255);

    private static final Type[] BY_CODE = new Type[256];

    static {
      for (Type t : values()) {
        BY_CODE[t.code] = t;
      }
    }

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The type in the low byte of {@code flags}, or null if this reader does not know it. */
    static Type of(int flags) {
      return BY_CODE[flags & 0xFF];
    }
  }

  private static final int NA_INT = Integer.MIN_VALUE;

  private final DataInputStream in;
  private final List<Object> refs = new ArrayList<>();

  RSerialization(byte[] bytes) {
    this.in = new DataInputStream(new ByteArrayInputStream(bytes));
  }

  Object read() throws IOException {
    byte[] format = in.readNBytes(2);
    if (format.length != 2 || format[0] != 'X' || format[1] != '\n') {
      throw new IOException(
          "not an R XDR serialization (it starts with " + Arrays.toString(format) + ")");
    }
    int version = in.readInt();
    in.readInt(); // the writer's R version
    in.readInt(); // the minimal reader version
    if (version == 3) {
      in.skipNBytes(in.readInt()); // the native encoding's name
    } else if (version != 2) {
      throw new IOException(
          "R serialization version " + version + " is not supported (2 and 3 are)");
    }
    return item();
  }

  private Object item() throws IOException {
    int flags = in.readInt();
    Type type = Type.of(flags);
    int levels = flags >>> 12;
    boolean hasAttr = (flags & (1 << 9)) != 0;
    if (type == null) {
      throw new IOException("R object type " + (flags & 0xFF) + " is not supported by this reader");
    }
    switch (type) {
      case NILVALUE, EMPTYENV, BASEENV, GLOBALENV, NILSXP:
        return null;
      case REFSXP:
        {
          int i = flags >> 8;
          if (i == 0) {
            i = in.readInt();
          }
          return refs.get(i - 1);
        }
      case SYMSXP:
        {
          Object name = item();
          Symbol s = new Symbol(name instanceof String str ? str : String.valueOf(name));
          refs.add(s);
          return s;
        }
      case ENVSXP:
        {
          in.readInt(); // locked
          int slot = refs.size();
          refs.add(null);
          item(); // enclosing
          Object frame = item();
          item(); // hash table
          item(); // attributes
          refs.set(slot, frame);
          return frame;
        }
      case LISTSXP, LANGSXP, CLOSXP, PROMSXP, DOTSXP, ATTRLISTSXP, ATTRLANGSXP:
        return pairlist(flags);
      case CHARSXP:
        {
          int n = in.readInt();
          if (n == -1) {
            return null;
          }
          byte[] b = in.readNBytes(n);
          // bit 3 of the levels marks Latin-1; everything else here is UTF-8 or ASCII
          return new String(
              b, (levels & 4) != 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
      case LGLSXP, INTSXP:
        {
          int n = length();
          int[] v = new int[n];
          for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
          }
          Map<String, Object> attr = hasAttr ? attributes() : Map.of();
          if (type == Type.LGLSXP) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
              b[i] = v[i] == 1;
            }
            return b;
          }
          if (attr.get("levels") instanceof String[] lv) {
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
              codes[i] = v[i] == NA_INT ? -1 : v[i] - 1;
            }
            return new Factor(codes, lv);
          }
          return v;
        }
      case REALSXP:
        {
          int n = length();
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
          }
          skipAttributes(hasAttr);
          return v;
        }
      case CPLXSXP:
        {
          int n = length();
          in.skipNBytes(16L * n);
          skipAttributes(hasAttr);
          return new double[0];
        }
      case RAWSXP:
        {
          byte[] b = in.readNBytes(length());
          skipAttributes(hasAttr);
          return b;
        }
      case STRSXP:
        {
          int n = length();
          String[] v = new String[n];
          for (int i = 0; i < n; i++) {
            v[i] = (String) item();
          }
          skipAttributes(hasAttr);
          return v;
        }
      case VECSXP, EXPRSXP:
        {
          int n = length();
          List<Object> values = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            values.add(item());
          }
          Map<String, Object> attr = hasAttr ? attributes() : Map.of();
          List<String> names = new ArrayList<>();
          String[] given = attr.get("names") instanceof String[] s ? s : new String[0];
          for (int i = 0; i < n; i++) {
            names.add(i < given.length && given[i] != null ? given[i] : "");
          }
          return new RList(names, values, attr);
        }
      case S4SXP:
        skipAttributes(hasAttr);
        return null;
      case ALTREP:
        return altrep();
      default:
        throw new AssertionError("R object type " + type + " has no case here");
    }
  }

  /** A pairlist (or language object) as an RList of its tagged elements. */
  private Object pairlist(int flags) throws IOException {
    List<String> names = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    Map<String, Object> attr = Map.of();
    int f = flags;
    while (true) {
      Type type = Type.of(f);
      boolean hasAttr = (f & (1 << 9)) != 0;
      boolean hasTag = (f & (1 << 10)) != 0;
      if (type == Type.CLOSXP || type == Type.PROMSXP) {
        // functions and promises: read past them (attributes, environment, formals or value, body)
        if (hasAttr) {
          attributes();
        }
        if (hasTag) {
          item();
        }
        item();
        item();
        return null;
      }
      if (hasAttr) {
        attr = attributes();
      }
      Object tag = hasTag ? item() : null;
      names.add(tag instanceof Symbol s ? s.name() : "");
      values.add(item());
      f = in.readInt();
      Type next = Type.of(f);
      if (next == Type.NILVALUE || next == Type.NILSXP) {
        return new RList(names, values, attr);
      }
      if (next != Type.LISTSXP
          && next != Type.LANGSXP
          && next != Type.DOTSXP
          && next != Type.ATTRLISTSXP
          && next != Type.ATTRLANGSXP) {
        // a dotted pair (a tail that is not a pairlist) does not occur in data objects
        throw new IOException(
            "improper R pairlist (tail of type " + (f & 0xFF) + ") is not supported");
      }
    }
  }

  /** ALTREP objects: compact integer and real sequences, and wrappers of ordinary vectors. */
  private Object altrep() throws IOException {
    Object info = item();
    Object state = item();
    Object attr = item();
    String cls =
        info instanceof RList l && l.size() > 0 && l.value(0) instanceof Symbol s ? s.name() : "?";
    Object out;
    switch (cls) {
      case "compact_intseq":
        {
          double[] st = (double[]) state;
          int n = (int) st[0];
          int start = (int) st[1];
          int step = (int) st[2];
          int[] v = new int[n];
          for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
          }
          out = v;
          break;
        }
      case "compact_realseq":
        {
          double[] st = (double[]) state;
          int n = (int) st[0];
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = st[1] + i * st[2];
          }
          out = v;
          break;
        }
      case "deferred_string":
        {
          Object arg = state instanceof RList l ? l.value(0) : state;
          if (arg instanceof int[] n) {
            out =
                Arrays.stream(n)
                    .mapToObj(x -> x == NA_INT ? null : Integer.toString(x))
                    .toArray(String[]::new);
          } else if (arg instanceof double[] d) {
            out = Arrays.stream(d).mapToObj(RSerialization::realToString).toArray(String[]::new);
          } else {
            throw new IOException("deferred_string over " + arg + " is not supported");
          }
          break;
        }
      default:
        if (cls.startsWith("wrap_") && state instanceof RList l && l.size() > 0) {
          out = l.value(0);
          break;
        }
        throw new IOException("R ALTREP class '" + cls + "' is not supported by this reader");
    }
    if (attr instanceof RList a
        && out instanceof int[] codes
        && a.get("levels") instanceof String[] lv) {
      int[] c = new int[codes.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = codes[i] == NA_INT ? -1 : codes[i] - 1;
      }
      return new Factor(c, lv);
    }
    return out;
  }

  private static String realToString(double x) {
    return Double.isNaN(x)
        ? null
        : x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  private int length() throws IOException {
    int n = in.readInt();
    if (n != -1) {
      return n;
    }
    long upper = in.readInt();
    long lower = in.readInt() & 0xFFFFFFFFL;
    long len = (upper << 32) | lower;
    if (len > Integer.MAX_VALUE - 8) {
      throw new IOException("R vector of length " + len + " is too long for this reader");
    }
    return (int) len;
  }

  private Map<String, Object> attributes() throws IOException {
    Object a = item();
    Map<String, Object> out = new LinkedHashMap<>();
    if (a instanceof RList l) {
      for (int i = 0; i < l.size(); i++) {
        out.put(l.name(i), l.value(i));
      }
    }
    return out;
  }

  private void skipAttributes(boolean hasAttr) throws IOException {
    if (hasAttr) {
      attributes();
    }
  }

  /** An R symbol (a name). */
  record Symbol(String name) {}
}
