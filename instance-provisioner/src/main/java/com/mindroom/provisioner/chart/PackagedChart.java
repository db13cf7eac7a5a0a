package com.mindroom.provisioner.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Extracts the chart that the build copies onto the classpath
 * ({@code charts/mindroom-instance/}) into a temporary directory, since Helm's engine
 * reads charts from the file system.
 */
final class PackagedChart {

	static final String LOCATION = "charts/mindroom-instance/";

	private PackagedChart() {
	}

	static Path extract() {
		try {
			Path target = Files.createTempDirectory("mindroom-instance-chart-");
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + LOCATION + "**");
			int files = 0;
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				int start = url.lastIndexOf(LOCATION);
				if (start < 0 || url.endsWith("/") || !resource.isReadable()) {
					continue;
				}
				Path file = target.resolve(url.substring(start + LOCATION.length())).normalize();
				if (!file.startsWith(target)) {
					continue;
				}
				Files.createDirectories(file.getParent());
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
				files++;
			}
			if (!Files.exists(target.resolve("Chart.yaml"))) {
				throw new IllegalStateException("The instance chart is not on the classpath (" + LOCATION + ", " + files
						+ " files found); set mindroom.provisioner.chart.path");
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not extract the instance chart", ex);
		}
	}

}
