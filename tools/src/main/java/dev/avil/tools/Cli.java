package dev.avil.tools;

import dev.avil.api.Method;
import dev.avil.api.Methods;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How every program here reads its command line: picocli, with {@code --help}, a usage message
 * after any error, and the exit status the program returns (2 for a command line it cannot read).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(Cli.run(new Study(), args));
 * }
 * }</pre>
 */
final class Cli {
  private Cli() {}

  /** Runs {@code command} with {@code args}; returns its exit status. */
  static int run(Callable<Integer> command, String[] args) {
    return line(command).execute(args);
  }

  /**
   * Reads {@code args} into {@code command}'s options without running it.
   *
   * @throws ParameterException naming the argument and what is accepted, if it cannot
   */
  static <T> T parse(T command, String... args) {
    line(command).parseArgs(args);
    return command;
  }

  private static CommandLine line(Object command) {
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /**
   * Reads a comma-separated list of method names ({@link Methods#parseList}); commas inside a
   * name's parentheses belong to it.
   */
  static final class MethodList implements CommandLine.ITypeConverter<List<Method>> {
    @Override
    public List<Method> convert(String value) {
      try {
        return Methods.parseList(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * {@code n}, a whole number for {@code name} on the command line of {@code spec}, if it is at
   * least {@code least}; else fails that command line, naming both.
   */
  static int atLeast(CommandLine.Model.CommandSpec spec, String name, int n, int least) {
    require(n >= least, spec, name + " " + n + " must be a whole number ≥ " + least);
    return n;
  }

  /** Fails the command line of {@code spec} unless {@code ok}, with {@code message}. */
  static void require(boolean ok, CommandLine.Model.CommandSpec spec, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
