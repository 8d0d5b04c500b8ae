package org.hospital.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.server.config.ConfigException;

/**
 * The options a command knows beyond the server configuration ({@code --name=value} or {@code --name value}),
 * taken out of the arguments; the rest goes to {@link org.hospital.server.config.ConfigLoader}.
 */
record CommandOptions(Map<String, String> values, String[] rest) {

  static CommandOptions take(String[] args, Set<String> names) {
    Map<String, String> values = new HashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!names.contains(name)) {
        rest.add(a);
        continue;
      }
      String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
      if (value == null || value.isBlank()) {
        throw new ConfigException("Option " + name + " needs a value");
      }
      values.put(name, value);
    }
    return new CommandOptions(Map.copyOf(values), rest.toArray(String[]::new));
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name, String command) {
    return get(name).orElseThrow(() -> new ConfigException(command + " needs " + name));
  }
}
