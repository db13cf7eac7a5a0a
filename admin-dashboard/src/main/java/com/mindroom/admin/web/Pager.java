package com.mindroom.admin.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The previous and next links of a paged list, keeping the request's other parameters
 * (filters, sort).
 *
 * @param previous the previous page's link, or {@code null} on the first page
 * @param next the next page's link, or {@code null} on the last page
 * @param summary what is shown, such as {@code 26–50 of 130}
 */
public record Pager(String previous, String next, String summary) {

	public static Pager of(Page<?> page, HttpServletRequest request) {
		String here = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		String previous = page.hasPrevious() ? link(here, page.page() - 1) : null;
		String next = page.hasNext() ? link(here, page.page() + 1) : null;
		long first = page.items().isEmpty() ? 0 : page.offset() + 1;
		long last = page.offset() + page.items().size();
		return new Pager(previous, next, first + "–" + last + " of " + page.total());
	}

	private static String link(String here, int page) {
		return UriComponentsBuilder.fromUriString(here).replaceQueryParam("page", page).build(true).toUriString();
	}

}
