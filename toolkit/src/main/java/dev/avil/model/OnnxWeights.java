package dev.avil.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The float weights of an ONNX model file, by name, read from its protobuf without an ONNX library.
 * PyTorch's exporter leaves the matrix of each linear layer unnamed ({@code onnx::MatMul_787});
 * such a matrix takes the name of the bias that the graph adds to its product, with {@code .bias}
 * made {@code .weight} ({@code encoder.layer.0.attention.self.query.bias} names {@code
 * encoder.layer.0.attention.self.query.weight}). Matrices keep the exporter's layout, [in, out].
 */
public final class OnnxWeights {
  /** One weight: its shape and its values in row-major order. */
  public record Tensor(long[] shape, float[] values) {
    /** The number of values the shape holds. */
    long size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }
  }

  private static final int FLOAT = 1;

  private OnnxWeights() {}

  /**
   * Every float initializer of the model {@code onnx}, unnamed matrices named as above.
   *
   * @throws IllegalArgumentException if the bytes are not an ONNX model this reader understands
   */
  public static Map<String, Tensor> read(byte[] onnx) {
    Proto model = new Proto(onnx, 0, onnx.length);
    Proto graph = null;
    while (model.next()) {
      if (model.field == 7) {
        graph = model.message();
      } else {
        model.skip();
      }
    }
    if (graph == null) {
      throw new IllegalArgumentException(
          "not an ONNX model: no graph (field 7) in " + onnx.length + " bytes");
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, List<String>> consumers =
        new HashMap<>(); // a value's name → the inputs of the nodes that read it
    Map<String, String> productOf = new HashMap<>(); // a MatMul's output → its weight input
    while (graph.next()) {
      if (graph.field == 5) {
        readTensor(graph.message(), tensors);
      } else if (graph.field == 1) {
        readNode(graph.message(), consumers, productOf);
      } else {
        graph.skip();
      }
    }
    Map<String, Tensor> named = new LinkedHashMap<>();
    tensors.forEach(
        (name, t) -> {
          String n = name.startsWith("onnx::MatMul_") ? nameOf(name, productOf, consumers) : name;
          if (named.put(n, t) != null) {
            throw new IllegalArgumentException("two weights take the name " + n);
          }
        });
    return named;
  }

  /** The name of unnamed matrix {@code w}: the bias added to its product, as a weight's name. */
  private static String nameOf(
      String w, Map<String, String> productOf, Map<String, List<String>> consumers) {
    for (Map.Entry<String, String> e : productOf.entrySet()) {
      if (!e.getValue().equals(w)) {
        continue;
      }
      for (String input : consumers.getOrDefault(e.getKey(), List.of())) {
        if (input.endsWith(".bias")) {
          return input.substring(0, input.length() - ".bias".length()) + ".weight";
        }
      }
    }
    return w; // no bias follows it: it keeps the exporter's name
  }

  private static void readTensor(Proto t, Map<String, Tensor> out) {
    List<Long> dims = new ArrayList<>();
    int type = 0;
    String name = null;
    float[] values = null;
    ByteBuffer raw = null;
    while (t.next()) {
      switch (t.field) {
        case 1 -> t.varints(dims);
        case 2 -> type = (int) t.varint();
        case 4 -> values = t.packedFloats();
        case 8 -> name = t.string();
        case 9 -> raw = t.bytes();
        default -> t.skip();
      }
    }
    if (type != FLOAT || name == null) {
      return; // integer constants such as position ids: not weights
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    if (raw != null) {
      values = new float[raw.remaining() / 4];
      raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    }
    Tensor tensor = new Tensor(shape, values == null ? new float[0] : values);
    if (tensor.size() != tensor.values().length) {
      throw new IllegalArgumentException(
          "weight " + name + " has " + tensor.values().length + " values for its shape " + dims);
    }
    out.put(name, tensor);
  }

  private static void readNode(
      Proto n, Map<String, List<String>> consumers, Map<String, String> productOf) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String op = "";
    while (n.next()) {
      switch (n.field) {
        case 1 -> inputs.add(n.string());
        case 2 -> outputs.add(n.string());
        case 4 -> op = n.string();
        default -> n.skip();
      }
    }
    for (String i : inputs) {
      consumers.computeIfAbsent(i, k -> new ArrayList<>()).addAll(inputs);
    }
    if (op.equals("MatMul") && inputs.size() == 2 && outputs.size() == 1) {
      productOf.put(outputs.get(0), inputs.get(1));
    }
  }

  /** A cursor over the fields of one protobuf message. */
  private static final class Proto {
    private final byte[] b;
    private int at;
    private final int end;
    int field;
    private int wire;

    Proto(byte[] b, int from, int to) {
      this.b = b;
      this.at = from;
      this.end = to;
    }

    boolean next() {
      if (at >= end) {
        return false;
      }
      long key = varint();
      field = (int) (key >>> 3);
      wire = (int) (key & 7);
      return true;
    }

    long varint() {
      long r = 0;
      for (int shift = 0; ; shift += 7) {
        if (at >= end || shift > 63) {
          throw new IllegalArgumentException("a damaged ONNX file: a number runs past its message");
        }
        byte c = b[at++];
        r |= (long) (c & 0x7f) << shift;
        if (c >= 0) {
          return r;
        }
      }
    }

    private int length() {
      long n = varint();
      if (n < 0 || at + n > end) {
        throw new IllegalArgumentException("a damaged ONNX file: a field runs past its message");
      }
      return (int) n;
    }

    Proto message() {
      int n = length();
      Proto p = new Proto(b, at, at + n);
      at += n;
      return p;
    }

    ByteBuffer bytes() {
      int n = length();
      ByteBuffer buf = ByteBuffer.wrap(b, at, n).slice();
      at += n;
      return buf;
    }

    String string() {
      int n = length();
      String s = new String(b, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    void varints(List<Long> out) {
      if (wire == 0) {
        out.add(varint());
        return;
      }
      Proto packed = message();
      while (packed.at < packed.end) {
        out.add(packed.varint());
      }
    }

    float[] packedFloats() {
      if (wire == 5) {
        float f = ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        at += 4;
        return new float[] {f};
      }
      ByteBuffer buf = bytes().order(ByteOrder.LITTLE_ENDIAN);
      float[] v = new float[buf.remaining() / 4];
      buf.asFloatBuffer().get(v);
      return v;
    }

    void skip() {
      switch (wire) {
        case 0 -> varint();
        case 1 -> at += 8;
        case 2 -> {
          int n = length(); // not at += length(): the compound assignment reads at before the call
          at += n;
        }
        case 5 -> at += 4;
        default -> throw new IllegalArgumentException("a damaged ONNX file: wire type " + wire);
      }
    }
  }
}
