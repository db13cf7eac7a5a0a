package com.mindroom.provisioner.chart;

/**
 * Thrown when Helm cannot render the instance chart; the message says why in Helm's
 * words.
 */
public class ChartRenderingException extends RuntimeException {

	public ChartRenderingException(String message, Throwable cause) {
		super(message, cause);
	}

}
