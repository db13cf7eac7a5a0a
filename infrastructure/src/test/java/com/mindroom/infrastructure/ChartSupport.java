package com.mindroom.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders and lints the repository's charts with Helm's own engine (helm-java), offline.
 */
final class ChartSupport {

	private ChartSupport() {
	}

	static Path chart(String relativePath) {
		return ScriptSandbox.REPOSITORY.resolve(relativePath);
	}

	static Path resource(String name) {
		try {
			return Path.of(ChartSupport.class.getResource("/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static TemplateCommand template(Path chart) {
		return new Helm(chart).template()
			.withName("mindroom-platform")
			.withNamespace("mindroom")
			.withKubeVersion("1.33.0");
	}

	/**
	 * A copy of the chart whose hook objects are plain objects: Helm's template engine
	 * (as helm-java calls it) leaves hooks out of the rendered manifest, and the tests
	 * want to check them too.
	 */
	static Path withHooksRendered(Path chart, Path workDirectory) {
		Path copy = copy(chart, workDirectory);
		try (Stream<Path> files = Files.walk(copy.resolve("templates"))) {
			for (Path template : files.filter(Files::isRegularFile).toList()) {
				List<String> lines = Files.readAllLines(template);
				Files.write(template, lines.stream().filter((line) -> !line.contains("helm.sh/hook")).toList());
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path copy(Path chart, Path workDirectory) {
		try {
			Path copy = workDirectory.resolve(chart.getFileName());
			try (Stream<Path> files = Files.walk(chart)) {
				for (Path file : files.toList()) {
					Path target = copy.resolve(chart.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(file, target);
					}
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Lints a copy of the chart whose values.yaml has the given values merged in
	 * (helm-java's lint takes no values of its own, and the charts require a domain and
	 * an image tag).
	 */
	static LintResult lint(Path chart, Path values, Path workDirectory) {
		try {
			Path copy = copy(chart, workDirectory);
			Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()),
					new org.yaml.snakeyaml.representer.Representer(new DumperOptions()));
			Map<String, Object> merged = yaml.load(Files.readString(chart.resolve("values.yaml")));
			deepMerge(merged, yaml.load(Files.readString(values)));
			Files.writeString(copy.resolve("values.yaml"), yaml.dump(merged));
			return new Helm(copy).lint().strict().call();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static void deepMerge(Map<String, Object> target, Map<String, Object> source) {
		source.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
				Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing);
				deepMerge(merged, (Map<String, Object>) map);
				target.put(key, merged);
			}
			else {
				target.put(key, value);
			}
		});
	}

}
