package com.mindroom.provisioner.chart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helm's engine is a Go library whose template path takes over the process's SIGTERM
 * handler (manusa/helm-java#409); a provisioner that has rendered a chart must still stop
 * gracefully on SIGTERM, as Kubernetes and run-local.sh stop it.
 */
class ShutdownSignalsTests {

	@Test
	void aProcessThatRenderedTheChartStillStopsOnSigterm() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				RenderThenWait.class.getName())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String rendered = CompletableFuture.supplyAsync(() -> readUntil(output, RenderThenWait.RENDERED))
				.get(2, TimeUnit.MINUTES);
			assertThat(rendered).isEqualTo(RenderThenWait.RENDERED);
			process.destroy();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process stopped on SIGTERM").isTrue();
			assertThat(process.exitValue()).as("exit status after SIGTERM (128 + 15)").isEqualTo(143);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String readUntil(BufferedReader output, String expected) {
		try {
			String line = output.readLine();
			while (line != null && !line.equals(expected)) {
				line = output.readLine();
			}
			return line;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
