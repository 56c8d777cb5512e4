package dev.avil.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.avil.runtime.DjlRuntime;
import dev.avil.train.ParamVector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Parameter vectors in double precision from Java values, for a test class: a manager opened before
 * its tests and closed after them. Register it as a static field with {@code @RegisterExtension}.
 */
public final class Vectors implements BeforeAllCallback, AfterAllCallback {
  private NDManager manager;

  @Override
  public void beforeAll(ExtensionContext context) {
    manager = DjlRuntime.newManager();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    manager.close();
  }

  /** The vector {@code x}, in double precision. */
  public ParamVector of(double... x) {
    return ParamVector.of(x, manager, DataType.FLOAT64);
  }
}
