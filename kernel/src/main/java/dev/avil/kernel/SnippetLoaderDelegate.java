package dev.avil.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes JShell compiles for each snippet, and the jars that magics add, into one class
 * loader inside the kernel JVM.
 *
 * <p>The loader delegates to the kernel's own class loader first, so snippets and libraries share
 * the kernel's copy of JJava's display API.
 */
final class SnippetLoaderDelegate implements LoaderDelegate {

  private final SnippetClassLoader loader;
  private final Map<String, Class<?>> loaded = new HashMap<>();

  SnippetLoaderDelegate(ClassLoader parent) {
    this.loader = new SnippetClassLoader(parent);
  }

  /** The class loader of snippets and of everything added to the classpath. */
  ClassLoader classLoader() {
    return loader;
  }

  @Override
  public void load(ClassBytecodes[] classes) throws ClassInstallException {
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), c.bytecodes());
    }
    boolean[] installed = new boolean[classes.length];
    for (int i = 0; i < classes.length; i++) {
      String name = classes[i].name();
      try {
        loaded.put(name, loader.loadClass(name));
        installed[i] = true;
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ClassInstallException("Unable to load class " + name + ": " + e, installed);
      }
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] classes) {
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), c.bytecodes());
    }
  }

  @Override
  public void addToClasspath(String classpath) throws InternalException {
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        loader.addURL(Path.of(entry).toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new InternalException("Bad classpath entry " + entry + ": " + e.getMessage());
      }
    }
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> c = loaded.get(name);
    return c != null ? c : loader.loadClass(name);
  }

  /** A URL class loader that can also define classes from bytecode JShell hands over. */
  private static final class SnippetClassLoader extends URLClassLoader {

    static {
      registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
      super("avil-snippets", new URL[0], parent);
    }

    void declare(String name, byte[] bytecode) {
      declared.put(name, bytecode);
    }

    @Override
    protected void addURL(URL url) {
      super.addURL(url);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytecode = declared.get(name);
      return bytecode != null
          ? defineClass(name, bytecode, 0, bytecode.length)
          : super.findClass(name);
    }
  }
}
