package com.mindroom.gateway.errors;

import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser sees when the gateway answers itself: plain HTML with no inline
 * script or style, so it passes the gateway's own Content-Security-Policy.
 */
final class ErrorPage {

	private ErrorPage() {
	}

	static String render(GatewayErrorHandler.Failure failure, String requestId) {
		String title = HtmlUtils.htmlEscape(failure.status().getReasonPhrase());
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · MindRoom</title>
				</head>
				<body>
				<main>
				<h1>%s</h1>
				<p>%s</p>
				<p><a href="/">Back to MindRoom</a></p>
				<p><small>Reference: %s</small></p>
				</main>
				</body>
				</html>
				""".formatted(title, title, HtmlUtils.htmlEscape(failure.detail()),
				HtmlUtils.htmlEscape(String.valueOf(requestId)));
	}

}
