package com.mindroom.provisioner.chart;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The {@code mindroom-instance} Helm chart, rendered with Helm's own engine (helm-java)
 * the way Argo CD renders charts: offline, into plain objects the provisioner applies
 * itself. The chart is the directory named by configuration or, by default, the copy
 * packaged in this service, extracted once to a temporary directory.
 */
public class InstanceChart implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InstanceChart.class);

	private final Path directory;

	private final boolean extracted;

	private final String name;

	private final String version;

	private final String kubeVersion;

	private final JsonMapper json;

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	InstanceChart(Path directory, boolean extracted, String kubeVersion, JsonMapper json) {
		this.directory = directory;
		this.extracted = extracted;
		this.kubeVersion = kubeVersion;
		this.json = json;
		ShutdownSignals.reclaim();
		Map<String, Object> chart = readChartYaml(directory);
		this.name = String.valueOf(chart.get("name"));
		this.version = String.valueOf(chart.get("version"));
	}

	/**
	 * Loads the chart named by the properties, or the packaged one.
	 * @param properties the chart settings
	 * @param json writes the values files
	 * @return the chart
	 */
	public static InstanceChart load(ChartProperties properties, JsonMapper json) {
		if (StringUtils.hasText(properties.path())) {
			return new InstanceChart(Path.of(properties.path()), false, properties.kubeVersion(), json);
		}
		return new InstanceChart(PackagedChart.extract(), true, properties.kubeVersion(), json);
	}

	/**
	 * Lints the chart with its default values (which also loads Helm's engine, so the
	 * first instance does not wait for it).
	 * @return Helm's findings
	 * @throws IllegalStateException when the chart fails the lint
	 */
	public List<String> lint() {
		LintResult result = new Helm(this.directory).lint().call();
		if (result.isFailed()) {
			throw new IllegalStateException("The chart " + this.name + " " + this.version + " fails Helm's lint: "
					+ String.join("; ", result.getMessages()));
		}
		logger.info("Instance chart {} {} at {} passes Helm's lint", this.name, this.version, this.directory);
		return result.getMessages();
	}

	public Path directory() {
		return this.directory;
	}

	public String name() {
		return this.name;
	}

	public String version() {
		return this.version;
	}

	/**
	 * Renders the chart to its manifests.
	 * @param release the release name
	 * @param namespace the namespace the objects go to
	 * @param values the values (never secrets)
	 * @return the rendered YAML documents
	 * @throws ChartRenderingException when Helm refuses the chart or the values
	 */
	public String template(String release, String namespace, Map<String, Object> values) {
		Path valuesFile = null;
		try {
			valuesFile = Files.createTempFile("mindroom-values-", ".json");
			Files.writeString(valuesFile, this.json.writeValueAsString(values));
			return new Helm(this.directory).template()
				.withName(release)
				.withNamespace(namespace)
				.withKubeVersion(this.kubeVersion)
				.withValuesFile(valuesFile)
				.call();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the chart values", ex);
		}
		catch (IllegalStateException ex) {
			throw new ChartRenderingException("The chart " + this.name + " " + this.version + " could not be rendered: "
					+ firstLine(ex.getMessage()), ex);
		}
		finally {
			ShutdownSignals.reclaim();
			deleteQuietly(valuesFile);
		}
	}

	/**
	 * Renders the chart to the objects it describes.
	 * @param release the release name
	 * @param namespace the namespace the objects go to
	 * @param values the values (never secrets)
	 * @return the objects, in the chart's order
	 */
	public List<HasMetadata> render(String release, String namespace, Map<String, Object> values) {
		Object parsed = this.serialization.unmarshal(template(release, namespace, values));
		List<HasMetadata> objects = new ArrayList<>();
		if (parsed instanceof Collection<?> documents) {
			documents.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
		}
		else if (parsed instanceof HasMetadata single) {
			objects.add(single);
		}
		return objects;
	}

	@Override
	public void close() {
		if (this.extracted) {
			try {
				FileSystemUtils.deleteRecursively(this.directory);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the extracted chart at {}: {}", this.directory, ex.getMessage());
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readChartYaml(Path directory) {
		try (Reader reader = Files.newBufferedReader(directory.resolve("Chart.yaml"))) {
			return (Map<String, Object>) new Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No readable Chart.yaml in " + directory, ex);
		}
	}

	private static String firstLine(String message) {
		String text = (message != null) ? message.strip() : "unknown error";
		int newline = text.indexOf('\n');
		return (newline > 0) ? text.substring(0, newline).strip() : text;
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.debug("Could not delete {}: {}", file, ex.getMessage());
			}
		}
	}

}
