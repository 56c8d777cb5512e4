package dev.avil.api;

/** Versions recorded with every result. */
final class Versions {
  private Versions() {}

  static String toolkit() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static String djl() {
    String v = ai.djl.engine.Engine.class.getPackage().getImplementationVersion();
    return v == null ? "0.36.0" : v;
  }
}
