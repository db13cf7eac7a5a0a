package com.mindroom.admin.web;

/**
 * Which page of a list is asked for; out-of-range values are clamped rather than refused,
 * so a hand-edited URL still shows something sensible.
 *
 * @param page the page number, from 0
 * @param size the page size, 1 to 200
 */
public record PageRequest(int page, int size) {

	public static final int DEFAULT_SIZE = 25;

	public static PageRequest of(Integer page, Integer size) {
		int p = (page != null) ? Math.max(0, Math.min(page, 100_000)) : 0;
		int s = (size != null) ? Math.max(1, Math.min(size, 200)) : DEFAULT_SIZE;
		return new PageRequest(p, s);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	public <T> Page<T> of(java.util.List<T> items, long total) {
		return new Page<>(items, this.page, this.size, total);
	}

}
