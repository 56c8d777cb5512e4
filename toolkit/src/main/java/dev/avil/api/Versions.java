package dev.avil.api;

/** Versions recorded with every result. */
final class Versions {
  private Versions() {}

  static String toolkit() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** DJL's version, as the library on the class path reports it. */
  static String djl() {
    return ai.djl.engine.Engine.getDjlVersion();
  }
}
